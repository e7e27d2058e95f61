/**
 * `npm run emulator -- [--scenario FILE] [--port N] [--latency-ms N] [--seed N]`: runs the emulator in the
 * foreground. The first line on stdout is one JSON object with the endpoints (see EmulatorEndpoints); it
 * serves until SIGINT or SIGTERM and then exits 0.
 */
import { parseArgs } from 'node:util'
import { startEmulator } from './index.js'
import type { EmulatorOptions } from './index.js'

const USAGE = 'usage: npm run emulator -- [--scenario FILE] [--port N] [--latency-ms N] [--seed N]'

export function parseCliArgs(argv: string[]): EmulatorOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string' },
      port: { type: 'string' },
      'latency-ms': { type: 'string' },
      seed: { type: 'string' }
    },
    strict: true
  })
  const options: EmulatorOptions = {}
  if (values.scenario !== undefined) options.scenario = values.scenario
  if (values.port !== undefined) options.port = integer(values.port, '--port')
  if (values['latency-ms'] !== undefined) options.latencyMs = integer(values['latency-ms'], '--latency-ms')
  if (values.seed !== undefined) options.seed = integer(values.seed, '--seed')
  return options
}

function integer(text: string, flag: string): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${flag}: expected a non-negative integer, got '${text}'`)
  return n
}

async function main(): Promise<void> {
  let options: EmulatorOptions
  try {
    options = parseCliArgs(process.argv.slice(2))
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`)
    process.exit(2)
  }
  const emulator = await startEmulator(options)
  process.stdout.write(`${JSON.stringify(emulator.endpoints)}\n`)
  const stop = (): void => {
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch(err => {
  process.stderr.write(`emulator failed to start: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
