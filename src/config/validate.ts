/**
 * The tenants file's data, checked and typed: repeated keys, then the schema, then the checks across entries, every
 * finding at its line and column (asked of the {@link SourceDocument} the data was read with).
 */
import { duplicateKeys, labelOf, placeOf, pointerOf } from './positions.js'
import type { PathSegments, SourceDocument } from './positions.js'
import {
  DEFAULT_LIFETIME_DAYS,
  DEFAULT_OVERLAP_DAYS,
  DEFAULT_ROTATE_BEFORE_DAYS,
  schemaFindings
} from './schema.js'
import type { Finding } from './schema.js'
import { normaliseScope, roleDefinitionIdOf, semanticFindings } from './semantics.js'
import type {
  AppConfig,
  ConfigProblem,
  CredentialConfig,
  FederatedCredentialConfig,
  LoadResult,
  ProbeConfig,
  RoleAssignmentConfig,
  SourcePosition,
  TenantConfig,
  TenantsConfig,
  TenantsFile
} from '../model/config.js'

/** Every finding about `data`, or the configuration it describes when there is none. */
export function validated(data: unknown, source: SourceDocument, file: string): LoadResult {
  const schema = schemaFindings(data, source)
  const rejected = new Set(schema.map(finding => finding.pointer))
  const findings = [
    ...duplicateKeyFindings(source),
    ...schema,
    // Naming each path checked costs ~1 µs; with nothing rejected there is no need to.
    ...semanticFindings(
      data,
      source,
      rejected.size === 0 ? () => false : segments => rejected.has(pointerOf(segments))
    )
  ]
  if (findings.length > 0) return failed(file, findings)
  // The schema accepted the data, so it has the schema's shape.
  return { ok: true, config: buildConfig(data as TenantsFile, source, file) }
}

function duplicateKeyFindings(source: SourceDocument): Finding[] {
  return duplicateKeys(source).map(({ key, parent, first, second }) => ({
    ...second,
    pointer: pointerOf([...parent, key]),
    message: `duplicate key "${key}" ${parent.length === 0 ? 'at the top level' : `in ${labelOf(parent)}`} — it is already set at line ${first.line}; keep one`
  }))
}

export function failed(file: string, findings: Finding[]): LoadResult {
  const unique = new Map<string, ConfigProblem>()
  for (const { line, column, message } of findings) {
    unique.set(`${line}:${column}:${message}`, { file, line, column, message })
  }
  const problems = [...unique.values()].sort((a, b) => a.line - b.line || a.column - b.column)
  return { ok: false, problems }
}

function buildConfig(raw: TenantsFile, source: SourceDocument, file: string): TenantsConfig {
  const at = (segments: PathSegments): SourcePosition => placeOf(source, segments)
  return {
    file,
    app: buildApp(raw.app, at),
    tenants: raw.tenants.map((tenant, i): TenantConfig => {
      const assignments = tenant.roleAssignments ?? []
      return {
        name: tenant.name,
        tenantId: tenant.tenantId.toLowerCase(),
        roleAssignments: assignments.map((assignment, j): RoleAssignmentConfig => ({
          scope: normaliseScope(assignment.scope),
          role: assignment.role,
          // A name that is no built-in role is a custom role: resolved in the customer tenant.
          roleDefinitionId: roleDefinitionIdOf(assignment.role) ?? '',
          position: at(['tenants', i, 'roleAssignments', j])
        })),
        ...(tenant.onboarding === undefined ? {} : { onboarding: tenant.onboarding }),
        ...(tenant.prune === undefined ? {} : { prune: tenant.prune }),
        ...(tenant.probes === undefined
          ? {}
          : {
              probes: tenant.probes.map((probe, j): ProbeConfig => {
                const position = at(['tenants', i, 'probes', j])
                return 'arm' in probe
                  ? { kind: 'arm', arm: normaliseScope(probe.arm), position }
                  : { kind: 'keyVault', keyVault: probe.keyVault, secret: probe.secret, position }
              })
            }),
        position: at(['tenants', i])
      }
    })
  }
}

function buildApp(app: TenantsFile['app'], at: (segments: PathSegments) => SourcePosition): AppConfig {
  const credentialPosition = at(['app', 'credential'])
  const credential: CredentialConfig =
    app.credential.kind === 'secret'
      ? {
          kind: 'secret',
          keyVault: app.credential.keyVault ?? '',
          secretName: app.credential.secretName ?? '',
          lifetimeDays: app.credential.lifetimeDays ?? DEFAULT_LIFETIME_DAYS,
          rotateBeforeDays: app.credential.rotateBeforeDays ?? DEFAULT_ROTATE_BEFORE_DAYS,
          overlapDays: app.credential.overlapDays ?? DEFAULT_OVERLAP_DAYS,
          position: credentialPosition
        }
      : { kind: 'federated', position: credentialPosition }
  return {
    uniqueName: app.uniqueName,
    displayName: app.displayName,
    redirectUri: app.redirectUri,
    credential,
    federatedCredentials: (app.federatedCredentials ?? []).map((fic, i): FederatedCredentialConfig => {
      const config: FederatedCredentialConfig = {
        name: fic.name,
        issuer: fic.issuer,
        subject: fic.subject,
        position: at(['app', 'federatedCredentials', i])
      }
      if (fic.audiences !== undefined) config.audiences = fic.audiences
      if (fic.description !== undefined) config.description = fic.description
      return config
    }),
    position: at(['app'])
  }
}
