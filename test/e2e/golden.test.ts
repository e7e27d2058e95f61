/**
 * The report, outputs and job summary of dist/index.js over fixed scenarios, compared with the recorded ones in
 * test/e2e/golden/. A change to what a user sees must show up here as a deliberate update of a recorded file
 * (`UPDATE_GOLDEN=1 npm run jest -- test/e2e/golden.test.ts`), never as a silent side effect of a refactor.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from '@jest/globals'
import { type ActionRun, runAction, emulatorInputs } from '../action-runner.js'
import { SCENARIOS, emulator, stopEmulators } from '../integration/harness.js'

const FIXTURES = new URL('../integration/fixtures/', import.meta.url)
const GOLDEN = new URL('./golden/', import.meta.url)

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[0-9a-f]{32}\b/g

/**
 * What differs from run to run and says nothing about the behaviour: ports, times, temp paths, and the ids Azure
 * gives new objects (numbered in order of appearance; ids the scenario fixes are kept).
 */
function stable(text: string, workspace: string, fixed: string): string {
  const fresh = new Map<string, string>()
  return text
    .split(workspace)
    .join('<workspace>')
    .replace(/127\.0\.0\.1(:|%3A|&#58;)\d+/g, '127.0.0.1$1<port>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}(:|&#58;)\d{2}(:|&#58;)\d{2}(\.\d+)?Z/g, '<time>')
    .replace(GUID, id => {
      if (fixed.includes(id)) return id
      if (!fresh.has(id)) fresh.set(id, `<new-id-${fresh.size + 1}>`)
      return fresh.get(id)!
    })
}

interface Recorded {
  exitCode: number
  outputs: Record<string, string>
  report: unknown
  summary: string
}

function recorded(run: ActionRun, fixed: string): Recorded {
  const text = JSON.stringify(
    { exitCode: run.exitCode, outputs: run.outputs, report: run.report ?? null, summary: run.summary },
    null,
    2
  )
  return JSON.parse(stable(text, run.workspace, fixed)) as Recorded
}

function expectGolden(name: string, run: ActionRun, fixed: string): void {
  const file = new URL(`${name}.json`, GOLDEN)
  const actual = recorded(run, fixed)
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`)
  if (!existsSync(file)) throw new Error(`no recorded ${name}: record it with UPDATE_GOLDEN=1`)
  expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')) as Recorded)
}

const scenarios = [
  { name: 'three-customers', rotate: 'force' },
  { name: 'fresh-provider', rotate: 'auto' }
]

describe.each(scenarios)('the recorded runs of $name', ({ name, rotate }) => {
  afterEach(stopEmulators)

  it('plan, apply, plan again: report, outputs and summary as recorded', async () => {
    const emu = await emulator(`${name}.yml`)
    const tenants = readFileSync(new URL(`${name}.tenants.yml`, FIXTURES), 'utf8')
    const files = { '.github/tenants.yml': tenants }
    const fixed = readFileSync(new URL(`${name}.yml`, SCENARIOS), 'utf8') + tenants
    const run = (mode: string) =>
      runAction({
        endpoints: emu.endpoints,
        inputs: {
          mode,
          ...emulatorInputs(emu.endpoints),
          'fail-on': 'error',
          rotate
        },
        files
      })
    expectGolden(`${name}.plan`, await run('plan'), fixed)
    expectGolden(`${name}.apply`, await run('apply'), fixed)
    expectGolden(`${name}.replan`, await run('plan'), fixed)
  }, 60_000)
})
