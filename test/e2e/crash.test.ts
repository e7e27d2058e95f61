/** A rotation killed where a write was handled but its answer lost, then run again (all points: crash.chaos.test.ts). */
import { crashTest } from './crash.js'

crashTest(false)
