/**
 * The example caller workflows (examples/workflows/): each calls the reusable workflow with inputs it declares,
 * grants what it needs, and picks `fail-on` so that a customer still onboarding keeps it green while real drift
 * turns it red. actionlint checks their syntax but cannot read a remote reusable workflow's inputs; this does.
 */
import { readdirSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { type ReusableWorkflow, readYaml } from './contract.js'

interface CallerWorkflow {
  on: Record<string, unknown>
  jobs: Record<string, { uses?: string; permissions?: Record<string, string>; with?: Record<string, string> }>
}

const EXAMPLES = new URL('../../examples/workflows/', import.meta.url)
const reusable = readYaml<ReusableWorkflow>(
  new URL('../../.github/workflows/tenant-bridge.yml', import.meta.url)
)
const declared = reusable.on.workflow_call.inputs
const files = readdirSync(EXAMPLES).filter(file => file.endsWith('.yml'))
const examples = Object.fromEntries(
  files.map(file => [file, readYaml<CallerWorkflow>(new URL(file, EXAMPLES))])
)

function call(file: string): NonNullable<CallerWorkflow['jobs'][string]> {
  const jobs = Object.values(examples[file]!.jobs)
  expect(jobs).toHaveLength(1)
  return jobs[0]!
}

function failOn(file: string): string[] {
  return (call(file).with?.['fail-on'] ?? '').split(',').map(s => s.trim())
}

describe('the example caller workflows', () => {
  it('are the three flows: onboarding by pull request, nightly rotation, drift check', () => {
    expect(files.sort()).toEqual(['drift-check.yml', 'onboarding.yml', 'rotation.yml'])
  })

  it.each(files)('%s calls the reusable workflow with inputs it declares, all required ones given', file => {
    const job = call(file)
    expect(job.uses).toBe('entra-tenant-bridge/entra-tenant-bridge/.github/workflows/tenant-bridge.yml@v1')
    for (const name of Object.keys(job.with ?? {})) expect(Object.keys(declared)).toContain(name)
    for (const [name, spec] of Object.entries(declared)) {
      if (spec.required) expect(job.with).toHaveProperty([name])
    }
    // GitHub requires the caller to grant id-token: write for the called workflow to get an OIDC token.
    expect(job.permissions).toMatchObject({ contents: 'read', 'id-token': 'write' })
  })

  it.each(files)('%s stays green while a customer onboards: needs-consent is not in fail-on', file => {
    const classes = failOn(file)
    expect(classes).toContain('error')
    expect(classes).not.toContain('needs-consent')
    for (const c of classes) expect(['needs-consent', 'drift', 'error', 'none']).toContain(c)
  })

  it('onboarding plans pull requests with the read-only identity and applies the merge behind reviewers', () => {
    const { on } = examples['onboarding.yml']!
    expect(Object.keys(on).sort()).toEqual(['pull_request', 'push', 'workflow_dispatch'])
    expect(call('onboarding.yml').with).toMatchObject({
      'plan-client-id': '${{ vars.AZURE_PLAN_CLIENT_ID }}',
      environment: 'production'
    })
    expect(call('onboarding.yml').permissions).toMatchObject({ 'pull-requests': 'write' })
    expect(failOn('onboarding.yml')).toContain('drift')
  })

  it('the nightly rotation applies on a schedule without waiting for reviewers', () => {
    expect(examples['rotation.yml']!.on).toHaveProperty('schedule')
    const job = call('rotation.yml')
    expect(job.with).toMatchObject({ 'schedule-environment': '' })
    expect(job.with?.mode ?? '').toBe('')
    expect(job.with?.rotate).toContain("'auto'")
  })

  it('the drift check only plans, and fails on drift', () => {
    expect(examples['drift-check.yml']!.on).toHaveProperty('schedule')
    expect(call('drift-check.yml').with).toMatchObject({ mode: 'plan' })
    expect(failOn('drift-check.yml')).toEqual(['drift', 'error'])
  })
})
