/**
 * The action's inputs, read and checked once, at the edge. Every problem is reported with how to fix it, before
 * anything is read from disk or the network.
 */
import { resolveCloud } from './cloud.js'
import { type Shard, parseShard } from './plan/shard.js'
import {
  type Cloud,
  FAIL_ON_VALUES,
  type FailOn,
  MODES,
  type Mode,
  PHASES,
  type Phase,
  ROTATE_VALUES,
  type Rotate
} from './model/run.js'

export { FAIL_ON_VALUES, MODES, PHASES, ROTATE_VALUES, type FailOn, type Mode, type Phase, type Rotate }
export const MAX_CONCURRENCY = 64
/** A matrix makes at most 256 jobs per workflow run (https://docs.github.com/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idstrategymatrix). */
export const MAX_SHARDS = 256

export interface Inputs {
  /** Path of the tenants file, relative to the workspace. */
  tenantsFile: string
  /** `plan` reads only; `apply` also writes what the plan lists. */
  mode: Mode
  /** Application (client) id of the automation identity in the provider tenant, trusted for this repo's OIDC token. */
  clientId: string
  /** The provider tenant's id (lower-case GUID). */
  tenantId: string
  /** Endpoints and audiences of the Azure cloud to talk to. */
  cloud: Cloud
  /** When to rotate the app's secret: when due, always, or never. */
  rotate: Rotate
  /** Findings that make the job fail. */
  failOn: ReadonlySet<FailOn>
  /** Customer tenants processed at once. */
  concurrency: number
  /** Token for the PR comment; empty when none was given. */
  githubToken: string
  /** Whether to keep one sticky comment on the pull request. */
  prComment: boolean
  /** Which part of the work this job does (a sharded run: provider, then tenants shards, then merge). */
  phase: Phase
  /** For phase `tenants`: this job's shard, `index` of `count`, numbered from 1. */
  shard: Shard
  /** For phase `merge`: a directory (searched recursively) or a glob of the parts' JSON reports. */
  shardReports: string
}

export class InputError extends Error {
  override name = 'InputError'
}

/** Reads an input the way `core.getInput` does: trimmed, '' when unset. */
export type InputReader = (name: string) => string

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function getInputs(read: InputReader): Inputs {
  const value = (name: string, fallback: string): string => read(name).trim() || fallback
  const phase = oneOf('phase', value('phase', 'all'), PHASES)
  // The merge job reads the parts' reports and talks to no Azure service: it needs no identity.
  const id = phase === 'merge' ? (name: string) => read(name).trim().toLowerCase() : undefined
  return {
    tenantsFile: value('tenants-file', '.github/tenants.yml'),
    mode: oneOf('mode', value('mode', 'plan'), MODES),
    clientId:
      id?.('client-id') ??
      guid(
        read,
        'client-id',
        'the application (client) id of the automation identity in the provider tenant'
      ),
    tenantId: id?.('tenant-id') ?? guid(read, 'tenant-id', 'the id of the provider tenant'),
    cloud: resolveCloudInput(value('cloud', 'AzureCloud'), read('cloud-endpoints')),
    rotate: oneOf('rotate', value('rotate', 'auto'), ROTATE_VALUES),
    failOn: failOn(value('fail-on', 'error')),
    concurrency: concurrency(value('concurrency', '16')),
    githubToken: read('github-token').trim(),
    prComment: bool('pr-comment', value('pr-comment', 'true')),
    phase,
    shard: shardInput(value('tenants-shard', '1/1')),
    shardReports: shardReports(phase, read('shard-reports').trim())
  }
}

function shardInput(raw: string): Shard {
  const shard = parseShard(raw)
  if (!shard || shard.count > MAX_SHARDS) {
    throw new InputError(
      `tenants-shard must be i/N with 1 ≤ i ≤ N ≤ ${MAX_SHARDS} (e.g. \`\${{ matrix.shard }}/4\`), got "${raw}"`
    )
  }
  return shard
}

function shardReports(phase: Phase, raw: string): string {
  if (phase === 'merge' && raw === '') {
    throw new InputError(
      "shard-reports is required with phase: merge: the directory (or glob) where the provider and shard jobs' report files were downloaded"
    )
  }
  return raw
}

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  const match = allowed.find(option => option === raw.toLowerCase())
  if (!match) throw new InputError(`${name} must be ${listing(allowed)}, got "${raw}"`)
  return match
}

function listing(values: readonly string[]): string {
  return values.length === 2 ? `${values[0]} or ${values[1]}` : `one of ${values.join(', ')}`
}

function guid(read: InputReader, name: string, meaning: string): string {
  const raw = read(name).trim()
  if (raw === '') {
    throw new InputError(
      `${name} is required: ${meaning} (a GUID), e.g. \`${name}: \${{ vars.AZURE_${name.replace('-', '_').toUpperCase()} }}\``
    )
  }
  if (!GUID.test(raw)) throw new InputError(`${name} must be a GUID (${meaning}), got "${raw}"`)
  return raw.toLowerCase()
}

function resolveCloudInput(name: string, endpoints: string): Cloud {
  try {
    return resolveCloud(name, endpoints)
  } catch (error) {
    throw new InputError((error as Error).message)
  }
}

function failOn(raw: string): ReadonlySet<FailOn> {
  const parts = raw
    .split(',')
    .map(part => part.trim().toLowerCase())
    .filter(part => part !== '')
  if (parts.length === 1 && parts[0] === 'none') return new Set()
  for (const part of parts) {
    if (!(FAIL_ON_VALUES as readonly string[]).includes(part)) {
      throw new InputError(
        `fail-on takes a comma list of ${FAIL_ON_VALUES.join(', ')} (or none), got "${part}" in "${raw}"`
      )
    }
  }
  return new Set(parts as FailOn[])
}

function concurrency(raw: string): number {
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || n < 1 || n > MAX_CONCURRENCY) {
    throw new InputError(`concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, got "${raw}"`)
  }
  return n
}

function bool(name: string, raw: string): boolean {
  // The YAML 1.2 core schema's booleans, as @actions/core's getBooleanInput accepts them.
  if (['true', 'True', 'TRUE'].includes(raw)) return true
  if (['false', 'False', 'FALSE'].includes(raw)) return false
  throw new InputError(`${name} must be true or false, got "${raw}"`)
}
