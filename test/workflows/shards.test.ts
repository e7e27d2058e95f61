/** The reusable workflow's sharded run: one provider job, a matrix of tenant shards, a merge job over their parts. */
import { describe, expect, it } from '@jest/globals'
import { type ReusableWorkflow, type Step, actionSteps, readYaml } from './contract.js'

type ShardJob = ReusableWorkflow['jobs'][string] & {
  needs?: string | string[]
  strategy?: { 'fail-fast'?: boolean; matrix?: Record<string, string> }
}

const workflow = readYaml<ReusableWorkflow & { jobs: Record<string, ShardJob> }>(
  new URL('../../.github/workflows/tenant-bridge.yml', import.meta.url)
)
const bridge = (job: string): Step => actionSteps(workflow).find(([name]) => name === job)![1]
const uploads = (job: string): Step[] =>
  (workflow.jobs[job]!.steps ?? []).filter(step => step.uses?.startsWith('actions/upload-artifact@'))

describe('the sharded run', () => {
  it('runs instead of plan and apply when shards > 1, and not otherwise', () => {
    expect(workflow.on.workflow_call.inputs.shards).toMatchObject({ type: 'number', default: 1 })
    expect(workflow.jobs.plan!.if).toMatch(/^inputs\.shards <= 1 && \(/)
    expect(workflow.jobs.apply!.if).toMatch(/^inputs\.shards <= 1 && /)
    expect(workflow.jobs.provider!.if).toMatch(/^inputs\.shards > 1 && \(/)
  })

  it('writes the provider once, then shards the tenants over a matrix that keeps going when one fails', () => {
    expect(bridge('provider').with).toMatchObject({ phase: 'provider' })
    expect(workflow.jobs.tenants!.needs).toBe('provider')
    expect(workflow.jobs.tenants!.strategy).toMatchObject({
      'fail-fast': false,
      matrix: { shard: '${{ fromJSON(needs.provider.outputs.shards) }}' }
    })
    expect(bridge('tenants').with).toMatchObject({
      phase: 'tenants',
      'tenants-shard': '${{ matrix.shard }}/${{ inputs.shards }}'
    })
    const list = workflow.jobs.provider!.steps!.find(step => step.id === 'shards')!
    expect(list.run).toContain('seq -s, 1 "$SHARDS"')
  })

  it('merges the parts it downloads, even after a failed shard, and gives the run its outputs', () => {
    const merge = workflow.jobs.merge!
    expect(merge.needs).toEqual(['provider', 'tenants'])
    expect(merge.if).toMatch(/^always\(\) && /)
    const download = merge.steps!.find(step => step.uses?.startsWith('actions/download-artifact@'))!
    expect(download.with).toMatchObject({ pattern: '${{ inputs.artifact-name }}-part-*' })
    expect(bridge('merge').with).toMatchObject({ phase: 'merge', 'shard-reports': download.with!.path })
    for (const job of ['provider', 'tenants']) {
      const name = workflow.jobs[job]!.steps!.find(step => step.id === 'report')!.env!.NAME!
      expect(name.startsWith('${{ inputs.artifact-name }}-part-')).toBe(true)
      expect(uploads(job)).toHaveLength(1)
    }
    for (const output of Object.values(workflow.on.workflow_call.outputs))
      expect(output.value).toMatch(/^\$\{\{ jobs\.merge\.outputs\./)
  })

  it('runs each part in the mode of the event, and lets only the merge job comment on the pull request', () => {
    for (const job of ['provider', 'tenants', 'merge'])
      expect(bridge(job).with!.mode).toBe(
        "${{ (github.event_name == 'pull_request' || inputs.mode == 'plan') && 'plan' || 'apply' }}"
      )
    expect(workflow.jobs.tenants!.permissions).toEqual({ contents: 'read', 'id-token': 'write' })
    expect(workflow.jobs.merge!.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' })
  })
})
