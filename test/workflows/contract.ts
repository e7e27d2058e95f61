/**
 * Checks that the reusable workflow (.github/workflows/tenant-bridge.yml) is a faithful wrapper of action.yml:
 * every input of the action reaches the action from the workflow's own input (or secret) of the same name in every
 * job that runs it, every output of the action is an output of the workflow, and everything a caller sees has a
 * description. Each function returns the problems it finds, in words; none means the contract holds.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

export interface ActionMetadata {
  inputs: Record<string, { description?: string; required?: boolean; default?: string }>
  outputs: Record<string, { description?: string }>
}

export interface Step {
  id?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, string>
  env?: Record<string, string>
}

export interface Job {
  if?: string
  environment?: string
  permissions?: Record<string, string>
  outputs?: Record<string, string>
  steps?: Step[]
}

export interface ReusableWorkflow {
  on: {
    workflow_call: {
      inputs: Record<string, { description?: string; type?: string; required?: boolean; default?: unknown }>
      secrets?: Record<string, { description?: string; required?: boolean }>
      outputs: Record<string, { description?: string; value?: string }>
    }
  }
  jobs: Record<string, Job>
}

/** The uses: of the action itself, as a caller outside this repository writes it. */
export const ACTION_REF = /^entra-tenant-bridge\/entra-tenant-bridge@v\d+$/

/**
 * Inputs the workflow sets per job rather than passing through: each job is one mode, and in a sharded run one
 * phase (provider, a tenants shard, merge) with its shard or the parts' folder.
 */
const SET_PER_JOB = new Set(['mode', 'phase', 'tenants-shard', 'shard-reports'])

/** Jobs of a sharded run whose report is a part: the merge job's outputs are the run's, not theirs. */
const PART_PHASES = new Set(['provider', 'tenants'])

export function readYaml<T>(path: URL): T {
  return parse(readFileSync(path, 'utf8')) as T
}

/** The jobs that run the action, with the step that does. */
export function actionSteps(workflow: ReusableWorkflow): [string, Step][] {
  return Object.entries(workflow.jobs).flatMap(([name, job]) =>
    (job.steps ?? [])
      .filter(step => ACTION_REF.test(step.uses ?? ''))
      .map(step => [name, step] as [string, Step])
  )
}

export function undescribed(action: ActionMetadata, workflow: ReusableWorkflow): string[] {
  const call = workflow.on.workflow_call
  const missing = (kind: string, entries: Record<string, { description?: string }>): string[] =>
    Object.entries(entries)
      .filter(([, spec]) => !spec?.description?.trim())
      .map(([name]) => `${kind} ${name} has no description`)
  return [
    ...missing('action input', action.inputs),
    ...missing('action output', action.outputs),
    ...missing('workflow input', call.inputs),
    ...missing('workflow secret', call.secrets ?? {}),
    ...missing('workflow output', call.outputs)
  ]
}

/** `${{ … inputs.NAME … }}` or `${{ … secrets.NAME … }}` in a `with:` value. */
function passes(value: string | undefined, name: string): boolean {
  if (value === undefined) return false
  const escaped = name.replace(/[-]/g, '\\-')
  return new RegExp(`\\$\\{\\{[^}]*\\b(inputs|secrets)\\.${escaped}\\b`).test(value)
}

export function notPassedThrough(action: ActionMetadata, workflow: ReusableWorkflow): string[] {
  const call = workflow.on.workflow_call
  const declared = new Set([...Object.keys(call.inputs), ...Object.keys(call.secrets ?? {})])
  const steps = actionSteps(workflow)
  if (steps.length === 0) return ['no job runs the action']
  const problems: string[] = []
  for (const input of Object.keys(action.inputs)) {
    if (SET_PER_JOB.has(input)) continue
    if (!declared.has(input)) problems.push(`action input ${input} is not an input of the workflow`)
    for (const [job, step] of steps) {
      if (!passes(step.with?.[input], input)) problems.push(`job ${job} does not pass ${input} to the action`)
    }
  }
  for (const [job, step] of steps) {
    for (const given of Object.keys(step.with ?? {})) {
      if (!(given in action.inputs)) problems.push(`job ${job} gives the action an unknown input ${given}`)
    }
  }
  return problems
}

export function outputsNotExposed(action: ActionMetadata, workflow: ReusableWorkflow): string[] {
  const outputs = workflow.on.workflow_call.outputs
  const problems: string[] = []
  for (const output of Object.keys(action.outputs)) {
    const value = outputs[output]?.value ?? ''
    if (!outputs[output]) {
      problems.push(`action output ${output} is not an output of the workflow`)
      continue
    }
    for (const [job, step] of actionSteps(workflow)) {
      if (PART_PHASES.has(step.with?.phase ?? '')) continue
      if (!value.includes(`jobs.${job}.outputs.${output}`)) {
        problems.push(`workflow output ${output} does not read job ${job}'s`)
      }
      const jobOutput = workflow.jobs[job]?.outputs?.[output] ?? ''
      if (!jobOutput.includes(`steps.${step.id ?? '?'}.outputs.${output}`)) {
        problems.push(`job ${job} does not expose the action's ${output}`)
      }
    }
  }
  return problems
}

/** Workflow inputs no job reads: a caller would set them for nothing. */
export function unusedInputs(workflow: ReusableWorkflow): string[] {
  const jobs = JSON.stringify(workflow.jobs)
  return Object.keys(workflow.on.workflow_call.inputs)
    .filter(name => !new RegExp(`inputs\\.${name.replace(/-/g, '\\-')}\\b`).test(jobs))
    .map(name => `workflow input ${name} is read by no job`)
}
