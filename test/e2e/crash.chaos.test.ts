/** `npm run chaos`: a rotation killed at every one of its requests, then run again (crash.ts). */
import { crashTest } from './crash.js'

crashTest(true)
