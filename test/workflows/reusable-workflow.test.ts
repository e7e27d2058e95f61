/** The reusable workflow against action.yml: what a caller can set reaches the action, what it returns comes back. */
import { describe, expect, it } from '@jest/globals'
import {
  type ActionMetadata,
  type ReusableWorkflow,
  actionSteps,
  notPassedThrough,
  outputsNotExposed,
  readYaml,
  undescribed,
  unusedInputs
} from './contract.js'

const action = readYaml<ActionMetadata>(new URL('../../action.yml', import.meta.url))
const workflow = readYaml<ReusableWorkflow>(
  new URL('../../.github/workflows/tenant-bridge.yml', import.meta.url)
)

function copy(): ReusableWorkflow {
  return structuredClone(workflow)
}

describe('the reusable workflow', () => {
  it('passes every input of the action through, in every job that runs it', () => {
    expect(actionSteps(workflow).map(([job]) => job)).toEqual([
      'plan',
      'apply',
      'provider',
      'tenants',
      'merge'
    ])
    expect(notPassedThrough(action, workflow)).toEqual([])
    expect(unusedInputs(workflow)).toEqual([])
  })

  it('exposes every output of the action, from whichever job ran', () => {
    expect(outputsNotExposed(action, workflow)).toEqual([])
  })

  it('describes every input, secret and output, and the action describes all of its own', () => {
    expect(undescribed(action, workflow)).toEqual([])
  })

  it('plans with the read-only identity when one is given, and applies with the automation identity', () => {
    const steps = Object.fromEntries(actionSteps(workflow))
    const { plan, apply } = steps
    expect(plan!.with).toMatchObject({
      mode: 'plan',
      'client-id': '${{ inputs.plan-client-id || inputs.client-id }}'
    })
    expect(apply!.with).toMatchObject({ mode: 'apply', 'client-id': '${{ inputs.client-id }}' })
    expect(workflow.on.workflow_call.inputs['plan-client-id']).toMatchObject({ default: '' })
  })

  it('applies only on the events the action allows, and never leaves a run silently empty', () => {
    const { plan, apply, notice } = workflow.jobs
    const allowList = `contains(fromJSON('["push", "schedule", "workflow_dispatch"]'), github.event_name)`
    expect(apply!.if).toContain(allowList)
    expect(plan!.if).toContain('github.event.pull_request.head.repo.full_name == github.repository')
    // A fork pull request, or an event outside the allow-list: a notice instead of a red plan or nothing at all.
    expect(notice!.if).toContain('github.event.pull_request.head.repo.full_name != github.repository')
    expect(notice!.if).toContain(`!${allowList}`)
    expect(notice!.permissions).toEqual({})
    expect(notice!.steps!.map(step => step.run).join('\n')).toContain('::notice')
  })

  it('runs the scheduled apply in its own environment, apart from the reviewed one, and none when it is empty', () => {
    expect(workflow.jobs.apply!.environment).toBe(
      "${{ github.event_name == 'schedule' && inputs.schedule-environment || inputs.environment }}"
    )
    const inputs = workflow.on.workflow_call.inputs
    expect([inputs.environment?.default, inputs['schedule-environment']?.default]).toEqual(['', ''])
  })

  it('uploads the report folder (the JSON report and any hand-off files) from both jobs, even when a job fails', () => {
    for (const [job] of actionSteps(workflow)) {
      const steps = workflow.jobs[job]!.steps!
      const upload = steps.find(step => step.uses?.startsWith('actions/upload-artifact@'))
      expect(upload).toMatchObject({ if: "always() && steps.report.outputs.dir != ''" })
      expect(upload!.with).toMatchObject({ path: '${{ steps.report.outputs.dir }}' })
      const folder = steps.find(step => step.id === 'report')!
      expect(folder.env).toMatchObject({ REPORT_FILE: '${{ steps.bridge.outputs.report-file }}' })
      expect(folder.run).toContain('dirname "$REPORT_FILE"')
    }
  })
})

describe('the contract checks', () => {
  it('see an input that is not passed through', () => {
    const broken = copy()
    delete broken.jobs.apply!.steps!.find(step => step.id === 'bridge')!.with!['cloud-endpoints']
    expect(notPassedThrough(action, broken)).toEqual([
      'job apply does not pass cloud-endpoints to the action'
    ])
  })

  it('see an action input the workflow does not declare, and a with: the action does not know', () => {
    const broken = copy()
    delete broken.on.workflow_call.inputs.concurrency
    broken.jobs.plan!.steps!.find(step => step.id === 'bridge')!.with!.concurency = '4'
    expect(notPassedThrough(action, broken)).toEqual([
      'action input concurrency is not an input of the workflow',
      'job plan gives the action an unknown input concurency'
    ])
  })

  it('see a value that does not come from the caller', () => {
    const broken = copy()
    broken.jobs.plan!.steps!.find(step => step.id === 'bridge')!.with!['fail-on'] = 'error'
    expect(notPassedThrough(action, broken)).toEqual(['job plan does not pass fail-on to the action'])
  })

  it('see an output that is missing or reads only one job', () => {
    const broken = copy()
    delete broken.on.workflow_call.outputs.changed
    broken.on.workflow_call.outputs.drift!.value = '${{ jobs.plan.outputs.drift }}'
    delete broken.jobs.plan!.outputs!['secret-version']
    expect(outputsNotExposed(action, broken)).toEqual([
      "workflow output drift does not read job apply's",
      "workflow output drift does not read job merge's",
      'action output changed is not an output of the workflow',
      "job plan does not expose the action's secret-version"
    ])
  })

  it('see a missing description and an input no job reads', () => {
    const broken = copy()
    delete broken.on.workflow_call.inputs.rotate!.description
    broken.on.workflow_call.inputs.unused = { description: 'x', type: 'string' }
    expect(undescribed(action, broken)).toEqual(['workflow input rotate has no description'])
    expect(unusedInputs(broken)).toEqual(['workflow input unused is read by no job'])
  })
})
