/**
 * Creates the emulator's TLS identity for a test run in the folder named by EMULATOR_TLS_DIR, before jest
 * starts, so that NODE_EXTRA_CA_CERTS (read by Node only at process start) can point at its CA.
 */
import { TLS_DIR_ENV, sharedTlsMaterial } from '../test/emulator/tls.js'

const dir = process.env[TLS_DIR_ENV]
if (!dir) throw new Error(`${TLS_DIR_ENV} is not set`)
sharedTlsMaterial(dir)
