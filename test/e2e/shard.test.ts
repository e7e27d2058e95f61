/**
 * A sharded run through dist/index.js, as the reusable workflow's jobs run it: the provider job, two tenant shards
 * and the merge job (reading the parts' report files from a directory, as download-artifact lays them out). The
 * merge's report, summary and outputs are those of one job doing all of it.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Report } from '../../src/model/report.js'
import type { Emulator } from '../emulator/index.js'
import { type ActionRun, runAction } from '../action-runner.js'
import { emulator } from '../integration/harness.js'

const TENANTS = readFileSync(
  new URL('../integration/fixtures/three-customers.tenants.yml', import.meta.url),
  'utf8'
)

/** What differs between any two runs: the time, and the trace id Entra gives each failed token request. */
function runIndependent(report: Report): Report {
  return {
    ...report,
    generatedAt: '<time>',
    tenants: report.tenants.map(t => {
      const { traceId: _trace, ...consent } = t.consent
      return { ...t, consent }
    })
  }
}

describe('a sharded run through the bundle', () => {
  let emu: Emulator
  let all: ActionRun
  let provider: ActionRun
  let shards: ActionRun[]
  let merge: ActionRun
  const files = { '.github/tenants.yml': TENANTS }
  const inputs = (extra: Record<string, string>): Record<string, string> => ({
    mode: 'plan',
    'client-id': emu.endpoints.automation!.clientId,
    'tenant-id': emu.endpoints.automation!.tenantId,
    cloud: 'custom',
    'cloud-endpoints': emu.endpoints.cloudEndpoints,
    'fail-on': 'error',
    ...extra
  })

  beforeAll(async () => {
    emu = await emulator('three-customers.yml')
    all = await runAction({ endpoints: emu.endpoints, inputs: inputs({}), files })
    provider = await runAction({ endpoints: emu.endpoints, inputs: inputs({ phase: 'provider' }), files })
    shards = await Promise.all(
      ['1/2', '2/2'].map(shard =>
        runAction({
          endpoints: emu.endpoints,
          inputs: inputs({ phase: 'tenants', 'tenants-shard': shard }),
          files
        })
      )
    )
    const downloaded = mkdtempSync(join(tmpdir(), 'etb-artifacts-'))
    for (const [i, part] of [provider, ...shards].entries()) {
      const dir = join(downloaded, `report-${i}`)
      mkdirSync(dir)
      // The runner's workspace is gone after the run; its report was read back into the run.
      writeFileSync(join(dir, basename(part.reportFile!)), JSON.stringify(part.report))
    }
    // The merge job has no OIDC token and needs none.
    merge = await runAction({ inputs: inputs({ phase: 'merge', 'shard-reports': downloaded }), files })
  }, 120_000)
  afterAll(async () => emu.stop())

  it('names each part report file by its phase and shard', () => {
    expect(basename(provider.outputs['report-file']!)).toBe('report-provider.json')
    expect(shards.map(s => basename(s.outputs['report-file']!))).toEqual([
      'report-shard-1-of-2.json',
      'report-shard-2-of-2.json'
    ])
    expect(provider.outputs['app-id']).toBe(all.outputs['app-id'])
  })

  it('merges into the report, summary and outputs of one job', () => {
    expect(merge.exitCode).toBe(all.exitCode)
    expect(runIndependent(merge.report as Report)).toEqual(runIndependent(all.report as Report))
    const { 'report-file': _m, ...mergeOutputs } = merge.outputs
    const { 'report-file': _a, ...allOutputs } = all.outputs
    expect(mergeOutputs).toEqual(allOutputs)
    const withoutTraceIds = (text: string) => text.replace(/Trace id: `[0-9a-f-]+`/g, 'Trace id')
    expect(withoutTraceIds(merge.summary)).toBe(withoutTraceIds(all.summary))
  })

  it('refuses to merge when a shard is missing, and says which', async () => {
    const partial = mkdtempSync(join(tmpdir(), 'etb-artifacts-'))
    writeFileSync(join(partial, 'report-provider.json'), JSON.stringify(provider.report))
    writeFileSync(join(partial, 'report-shard-1-of-2.json'), JSON.stringify(shards[0]!.report))
    const run = await runAction({
      inputs: inputs({ phase: 'merge', 'shard-reports': `${partial}/*.json` }),
      files
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /::error::cannot merge the 2 report\(s\) in .*shard 2\/2: expected one report, found 0/
    )
  })
})
