/**
 * The credential lifecycle, judged: which password the Key Vault secret holds, which ones it replaced, which were
 * left behind, and what apply does about each. Pure (no I/O, no clock: `now` is given); the azure modules carry
 * the steps out.
 *
 * A password is **managed** when its display name carries {@link MANAGED_MARKER}: the action adds it, may remove
 * it, and tags the Key Vault version holding its value with its keyId (`entra-key-id`). Any other password, every
 * certificate and every federated credential is only reported. A managed password that no enabled Key Vault version
 * references is an **orphan**: nobody can fetch its value, so nothing can depend on it. Rotation always writes in
 * the safe order add → prove → store → retire, so a run that dies leaves at most one orphan and never loses the
 * stored secret:
 *
 * | The run dies …                                           | It leaves                                              | The next apply                                                                  |
 * |------------------------------------------------------------|--------------------------------------------------------|---------------------------------------------------------------------------------|
 * | before addPassword reaches Entra                           | nothing                                                | plans the same again                                                            |
 * | after addPassword (answer lost or not), before the vault write | a managed password stored nowhere: an orphan       | within the grace: reports it `in-flight`; after it: removes it, first of all; rotates again if still due |
 * | during the proof, the vault write, or the removal of a new password that failed them | the same orphan (unless the removal got through) | the same                                                 |
 * | after the vault write (answer lost or not), before retiring | the new current secret, the one it replaced, and perhaps an older managed one | keeps the current and the newest replaced one (overlap), retires the rest |
 * | after removing a retired password, before disabling its version | an enabled version whose password is gone         | disables that version (`disable-kv-version`)                                    |
 * | while removing an orphan                                   | the orphan, or nothing if Entra removed it already     | removes it if it is still there                                                 |
 *
 * The grace ({@link ORPHAN_GRACE_MS}) protects a rotation in flight in a concurrent run: its password exists for a
 * few seconds before its Key Vault version does. test/e2e/crash.test.ts holds the bundle to this table: it kills it
 * at every request of a rotation (`npm run chaos`) and checks what the next run leaves.
 */
import { AADSTS } from '../model/aadsts.js'
import type { TenantsConfig } from '../model/config.js'
import type {
  Application,
  KeyCredential,
  ObservedProvider,
  PasswordCredential,
  SecretProof,
  SecretVersionInfo
} from '../model/observed.js'
import type { CredentialReport, FederatedSubjectReport, SecretStatus } from '../model/report.js'
import type { Rotate } from '../model/run.js'
import { type CredentialStep, stepKey } from '../model/steps.js'

/** The display-name marker of passwords the action adds (`entra-tenant-bridge 2026-11-28`). */
export const MANAGED_MARKER = 'entra-tenant-bridge'
/**
 * An orphan younger than this may belong to a rotation still running (add → prove → store takes seconds, plus
 * Entra's replication retries of up to a minute or two): only older ones are removed.
 */
export const ORPHAN_GRACE_MS = 15 * 60_000
/** GitHub's OIDC issuer; a pull request's token has the subject `repo:OWNER/REPO:pull_request`. */
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'

const DAY_MS = 86_400_000

/** The display name of a password the action adds. */
export function managedDisplayName(now: Date): string {
  return `${MANAGED_MARKER} ${now.toISOString().slice(0, 10)}`
}

export function isManaged(password: Pick<PasswordCredential, 'displayName'>): boolean {
  const name = password.displayName ?? ''
  return name === MANAGED_MARKER || name.startsWith(`${MANAGED_MARKER} `)
}

/**
 * The command that removes a password by hand.
 * Source: https://learn.microsoft.com/cli/azure/ad/app/credential#az-ad-app-credential-delete
 */
export function passwordDeleteCommand(appId: string, keyId: string): string {
  return `az ad app credential delete --id ${appId} --key-id ${keyId}`
}

export type { CredentialStep }

export interface CredentialOptions {
  rotate: Rotate
  now: Date
  graceMs?: number
  /** The subject of this run's GitHub OIDC token, when one was presented. */
  presentedSubject?: string
  /** OWNER/REPO of the workflow, for the pull-request subject. */
  repository?: string
  /** Managed passwords apply tried and failed to remove in this run. */
  leftBehind?: readonly string[]
}

export interface SecretJudgement {
  status: Exclude<SecretStatus, 'rotated'>
  reason?: string
  version: string | null
  expiresOn: string | null
  /** When `rotate: auto` starts replacing the current secret. */
  rotatesFrom?: string
  /** Whether the current secret's password was made by the action (so a rotation retires it later). */
  currentManaged?: boolean
}

export interface CredentialJudgement {
  secret: SecretJudgement
  credentials: CredentialReport[]
  /** Orphan removals: the plan lists them before anything else. */
  first: CredentialStep[]
  /** Creation or rotation, then retirement: after the app's own steps. */
  last: CredentialStep[]
  federatedSubjects?: FederatedSubjectReport[]
  notices: string[]
}

/** The app's passwords and versions, matched. */
interface Ledger {
  app: Application | undefined
  /** Versions, newest first; undefined when Key Vault could not be listed. */
  versions: SecretVersionInfo[] | undefined
  current: SecretVersionInfo | undefined
}

export function judgeCredentials(
  config: TenantsConfig,
  observed: ObservedProvider,
  options: CredentialOptions
): CredentialJudgement {
  const credential = config.app.credential
  const app = observed.app.status === 'found' ? observed.app.app : undefined
  if (credential.kind !== 'secret') {
    return {
      secret: { status: 'not-configured', version: null, expiresOn: null },
      credentials: app ? reportAll(app, undefined, config, options, new Map()) : [],
      first: [],
      last: [],
      federatedSubjects: federatedSubjects(config, app, options),
      notices:
        options.rotate === 'never'
          ? []
          : [
              `rotate: ${options.rotate} has no effect: credential.kind is federated, so the app has no secret to rotate. ` +
                'Set rotate: never to silence this notice.'
            ]
    }
  }
  const ledger = ledgerOf(observed, app)
  const secret = secretJudgement(config, observed, ledger, options)
  const rotating =
    options.rotate !== 'never' &&
    (secret.status === 'missing' || secret.status === 'due' || secret.status === 'invalid') &&
    observed.app.status !== 'error' &&
    observed.app.status !== 'not-owned'
  const roles = new Map<string, Role>()
  const steps = app && ledger.versions ? lifecycleSteps(config, app, ledger, rotating, options, roles) : []
  const last: CredentialStep[] = []
  if (rotating) last.push(rotationStep(config, secret))
  last.push(...steps.filter(step => step.kind !== 'remove-orphan'))
  return {
    secret,
    credentials: app ? reportAll(app, ledger, config, options, roles) : [],
    first: steps.filter(step => step.kind === 'remove-orphan'),
    last,
    notices: []
  }
}

function ledgerOf(observed: ObservedProvider, app: Application | undefined): Ledger {
  const secret = observed.secret
  let versions: SecretVersionInfo[] | undefined
  if (Array.isArray(observed.secretVersions)) versions = observed.secretVersions
  else if (observed.secretVersions === undefined && secret.status === 'missing') versions = []
  else if (observed.secretVersions === undefined && secret.status === 'found') {
    // Only the latest version was read: enough to judge the current secret, and the rest is taken as absent.
    versions = [
      {
        version: secret.version,
        enabled: true,
        ...(secret.keyId ? { keyId: secret.keyId.toLowerCase() } : {}),
        ...(secret.expiresOn ? { expiresOn: secret.expiresOn } : {})
      }
    ]
  }
  const current =
    secret.status === 'found'
      ? (versions?.find(v => v.version === secret.version) ?? {
          version: secret.version,
          enabled: true,
          ...(secret.keyId ? { keyId: secret.keyId.toLowerCase() } : {}),
          ...(secret.expiresOn ? { expiresOn: secret.expiresOn } : {})
        })
      : undefined
  return { app, versions, current }
}

function secretJudgement(
  config: TenantsConfig,
  observed: ObservedProvider,
  ledger: Ledger,
  options: CredentialOptions
): SecretJudgement {
  const credential = config.app.credential
  if (credential.kind !== 'secret') return { status: 'not-configured', version: null, expiresOn: null }
  const secret = observed.secret
  const found = secret.status === 'found' ? secret : undefined
  const currentPassword = ledger.app?.passwordCredentials.find(
    p => ledger.current?.keyId !== undefined && p.keyId.toLowerCase() === ledger.current.keyId
  )
  const base = {
    ...(currentPassword ? { currentManaged: isManaged(currentPassword) } : {}),
    version: found?.version ?? null,
    expiresOn: found?.expiresOn?.toISOString() ?? null,
    ...(found?.expiresOn
      ? { rotatesFrom: isoDate(new Date(found.expiresOn.getTime() - credential.rotateBeforeDays * DAY_MS)) }
      : {})
  }
  if (secret.status === 'error') return { ...base, status: 'failed', reason: secret.detail }
  if (secret.status === 'missing' || secret.status === 'not-configured')
    return { ...base, status: 'missing', reason: `Key Vault has no secret ${credential.secretName} yet.` }
  const keyId = ledger.current?.keyId
  if (ledger.app && keyId && !ledger.app.passwordCredentials.some(p => p.keyId.toLowerCase() === keyId)) {
    return {
      ...base,
      status: 'invalid',
      reason: `The stored secret belongs to password ${keyId}, which the app no longer has: it cannot authenticate.`
    }
  }
  const proof = observed.secretProof
  const started = currentPassword?.startDateTime ? Date.parse(currentPassword.startDateTime) : Number.NaN
  const grace = options.graceMs ?? ORPHAN_GRACE_MS
  if (proof?.status === 'refused' && rejectsTheSecret(proof) && options.now.getTime() - started < grace) {
    // A password Entra has not replicated everywhere yet is refused as if it were wrong (AADSTS7000215), for
    // seconds after it was added: within the grace that is not proof enough to replace it again.
    return {
      ...base,
      status: 'failed',
      reason: `The stored secret was refused (${proof.detail}), but its password is younger than the grace (${grace / 60_000} minutes) and may not have replicated yet; the next run judges it again.`
    }
  }
  if (proof?.status === 'refused' && rejectsTheSecret(proof)) {
    return {
      ...base,
      status: 'invalid',
      reason: `The stored secret does not authenticate in the provider tenant: ${proof.detail}`
    }
  }
  if (options.rotate === 'force') return { ...base, status: 'due', reason: 'rotate: force.' }
  if (found?.expiresOn) {
    const daysLeft = daysUntil(found.expiresOn, options.now)
    if (daysLeft < credential.rotateBeforeDays) {
      return {
        ...base,
        status: 'due',
        reason:
          daysLeft < 0
            ? `The secret expired on ${isoDate(found.expiresOn)}.`
            : `The secret expires in ${daysLeft} day(s), within rotateBeforeDays (${credential.rotateBeforeDays}).`
      }
    }
  }
  if (proof && proof.status !== 'token') {
    return { ...base, status: 'failed', reason: `The stored secret could not be proven: ${proof.detail}` }
  }
  return { ...base, status: 'current' }
}

/** Entra's answers that say the secret itself is wrong; any other refusal leaves the proof open. */
const SECRET_REJECTED = new Set<number>([AADSTS.invalidClientSecret, AADSTS.expiredClientSecret])

function rejectsTheSecret(proof: SecretProof): boolean {
  return proof.status === 'refused' && proof.code !== undefined && SECRET_REJECTED.has(proof.code)
}

function rotationStep(config: TenantsConfig, secret: SecretJudgement): CredentialStep {
  const credential = config.app.credential
  if (credential.kind !== 'secret') throw new Error('no secret to rotate')
  const retire =
    secret.currentManaged === false
      ? 'the password it replaces was not made by the action and is left in place'
      : `the password it replaces stays valid for overlapDays (${credential.overlapDays}) and is then removed`
  return {
    kind: secret.status === 'missing' ? 'create-secret' : 'rotate-secret',
    key: stepKey.secret(),
    target: `secret ${credential.secretName} in ${credential.keyVault}`,
    reason:
      `${secret.reason ?? ''} A new password is added, proven to authenticate and stored as a new version; ` +
      `${secret.status === 'missing' ? 'there is no previous one' : retire}.`,
    write: true,
    lifetimeDays: credential.lifetimeDays
  }
}

type Role = { state: CredentialReport['state']; detail?: string; version?: string }

/** Orphan removals, retirements and version disabling; fills `roles` with each password's place. */
function lifecycleSteps(
  config: TenantsConfig,
  app: Application,
  ledger: Ledger,
  rotating: boolean,
  options: CredentialOptions,
  roles: Map<string, Role>
): CredentialStep[] {
  const credential = config.app.credential
  if (credential.kind !== 'secret') return []
  const versions = ledger.versions ?? []
  const grace = options.graceMs ?? ORPHAN_GRACE_MS
  const now = options.now.getTime()
  const currentKeyId = ledger.current?.keyId
  const enabledOf = (keyId: string) => versions.filter(v => v.enabled && v.keyId === keyId)
  const steps: CredentialStep[] = []
  const previous: { password: PasswordCredential; newest: number; versions: string[] }[] = []

  for (const password of app.passwordCredentials) {
    const keyId = password.keyId.toLowerCase()
    if (keyId === currentKeyId) {
      roles.set(keyId, {
        state: 'current',
        ...(ledger.current ? { version: ledger.current.version } : {}),
        ...(isManaged(password) ? {} : { detail: 'Not made by the action: never removed by it.' })
      })
      continue
    }
    if (!isManaged(password)) {
      roles.set(keyId, { state: 'foreign', detail: 'Not made by the action: left alone.' })
      continue
    }
    const holding = enabledOf(keyId)
    if (holding.length === 0) {
      const started = password.startDateTime ? Date.parse(password.startDateTime) : Number.NaN
      const leftBehind = options.leftBehind?.includes(keyId) ?? false
      if (!leftBehind && Number.isFinite(started) && now - started < grace) {
        roles.set(keyId, {
          state: 'in-flight',
          detail: `Stored nowhere, but younger than the grace (${grace / 60_000} minutes): perhaps a rotation still running. The next apply after that removes it.`
        })
        continue
      }
      roles.set(keyId, {
        state: 'orphan',
        detail: leftBehind
          ? 'Apply could not remove it: no Key Vault version holds it, so nothing can use it.'
          : 'No Key Vault version holds it (a run died between adding and storing it): nothing can use it.'
      })
      steps.push({
        kind: 'remove-orphan',
        key: stepKey.password(keyId),
        target: `password ${keyId} of ${config.app.uniqueName}`,
        reason:
          'A password the action added that no Key Vault version holds: nothing can use it, so it is removed.',
        write: true,
        keyId
      })
      continue
    }
    previous.push({
      password,
      newest: Math.max(...holding.map(v => v.createdOn?.getTime() ?? 0)),
      versions: holding.map(v => v.version)
    })
  }

  // The newest previous password stays while its successor is younger than the overlap; with a rotation in this
  // run, the current one becomes that previous password instead, and every other one goes.
  previous.sort((a, b) => b.newest - a.newest)
  const currentSince = ledger.current?.createdOn?.getTime()
  const overlapEnds = currentSince === undefined ? undefined : currentSince + credential.overlapDays * DAY_MS
  const keptWithoutRotation =
    previous[0] && overlapEnds !== undefined && now < overlapEnds && !isExpired(previous[0].password, now)
      ? previous[0]
      : undefined
  const currentPassword = app.passwordCredentials.find(p => p.keyId.toLowerCase() === currentKeyId)
  const currentTakesSlot =
    rotating &&
    currentPassword !== undefined &&
    isManaged(currentPassword) &&
    !isExpired(currentPassword, now)
  for (const entry of previous) {
    const keyId = entry.password.keyId.toLowerCase()
    const expired = isExpired(entry.password, now)
    const kept = entry === keptWithoutRotation
    if (kept && !currentTakesSlot) {
      roles.set(keyId, {
        state: 'previous',
        version: entry.versions[0],
        detail: `Replaced; kept for the overlap until ${isoDate(new Date(overlapEnds ?? now))}, then removed.`
      })
      continue
    }
    const reason = expired
      ? `It expired on ${isoDate(new Date(Date.parse(entry.password.endDateTime ?? '')))}.`
      : kept
        ? 'This rotation replaces the current secret; the current one becomes the previous and this one goes (at most two managed passwords).'
        : overlapEnds !== undefined && now >= overlapEnds
          ? `Its successor was stored more than overlapDays (${credential.overlapDays}) ago.`
          : 'A newer replaced password is kept for the overlap; this older one goes (at most two managed passwords).'
    roles.set(keyId, { state: 'retiring', version: entry.versions[0], detail: reason })
    steps.push(retireStep(config, keyId, entry.versions, reason, kept))
  }

  const current = ledger.current
  if (
    rotating &&
    currentPassword &&
    isManaged(currentPassword) &&
    isExpired(currentPassword, now) &&
    currentKeyId
  ) {
    roles.set(currentKeyId, { state: 'retiring', detail: 'Expired: removed once its successor is stored.' })
    steps.push(
      retireStep(
        config,
        currentKeyId,
        enabledOf(currentKeyId).map(v => v.version),
        'The current secret expired: it is removed once its successor is stored.',
        true
      )
    )
  }

  // Versions whose password is gone: nobody should fetch a dead secret. The latest version is disabled only once
  // a new one is stored (Key Vault would otherwise answer every read of the secret with 403 SecretDisabled).
  const onApp = new Set(app.passwordCredentials.map(p => p.keyId.toLowerCase()))
  for (const version of versions) {
    if (!version.enabled || !version.keyId || onApp.has(version.keyId)) continue
    const isCurrent = version.version === current?.version
    if (isCurrent && !rotating) continue
    steps.push({
      kind: 'disable-kv-version',
      key: stepKey.secretVersion(version.version),
      target: `version ${version.version} of secret ${credential.secretName}`,
      reason: `It holds password ${version.keyId}, which the app no longer has: it is disabled so nobody fetches a dead secret.`,
      write: true,
      version: version.version,
      afterRotation: isCurrent
    })
  }
  return steps
}

function retireStep(
  config: TenantsConfig,
  keyId: string,
  versions: string[],
  reason: string,
  afterRotation: boolean
): CredentialStep {
  return {
    kind: 'retire-password',
    key: stepKey.password(keyId),
    target: `password ${keyId} of ${config.app.uniqueName}`,
    reason: `${reason} Its Key Vault version${versions.length === 1 ? ' is' : 's are'} disabled after it is removed.`,
    write: true,
    keyId,
    versions,
    afterRotation
  }
}

function reportAll(
  app: Application,
  ledger: Ledger | undefined,
  config: TenantsConfig,
  options: CredentialOptions,
  roles: Map<string, Role>
): CredentialReport[] {
  const credential = config.app.credential
  const soonDays = credential.kind === 'secret' ? credential.rotateBeforeDays : 30
  const passwords = app.passwordCredentials.map(password => {
    const keyId = password.keyId.toLowerCase()
    const managed = isManaged(password)
    const role =
      roles.get(keyId) ??
      (managed
        ? {
            state: 'unknown' as const,
            detail:
              ledger === undefined
                ? 'The app is secretless (kind: federated): this password is not used by the action.'
                : 'Key Vault could not be read: whether it is stored is not known.'
          }
        : { state: 'foreign' as const, detail: 'Not made by the action: left alone.' })
    const removable = managed && role.state !== 'current' && role.state !== 'previous'
    return {
      ...timed(
        'password',
        keyId,
        password.displayName,
        password.startDateTime,
        password.endDateTime,
        options,
        soonDays
      ),
      managed,
      hint: password.hint,
      state: role.state,
      ...(role.version ? { keyVaultVersion: role.version } : {}),
      ...(role.detail ? { detail: role.detail } : {}),
      ...(removable ? { fixCommand: passwordDeleteCommand(app.appId, keyId) } : {})
    }
  })
  const certificates = app.keyCredentials.map((key: KeyCredential) => ({
    ...timed(
      'certificate',
      key.keyId,
      key.displayName,
      key.startDateTime,
      key.endDateTime,
      options,
      soonDays
    ),
    managed: false,
    hint: null,
    state: 'foreign' as const,
    detail: 'Certificates are not managed by the action: only reported.'
  }))
  const configured = new Set(config.app.federatedCredentials.map(fic => fic.name))
  const federated = app.federatedCredentials.map(fic => ({
    kind: 'federated' as const,
    id: fic.name,
    displayName: fic.name,
    managed: configured.has(fic.name),
    hint: null,
    start: null,
    end: null,
    daysLeft: null,
    state: configured.has(fic.name) ? ('configured' as const) : ('unlisted' as const),
    subject: fic.subject,
    issuer: fic.issuer
  }))
  return [...passwords, ...certificates, ...federated]
}

function timed(
  kind: 'password' | 'certificate',
  id: string,
  displayName: string | null,
  start: string | null,
  end: string | null,
  options: CredentialOptions,
  soonDays: number
): Pick<CredentialReport, 'kind' | 'id' | 'displayName' | 'start' | 'end' | 'daysLeft' | 'flag'> {
  const endDate = end ? new Date(end) : undefined
  const daysLeft = endDate && Number.isFinite(endDate.getTime()) ? daysUntil(endDate, options.now) : null
  const flag =
    endDate && endDate.getTime() <= options.now.getTime()
      ? ('expired' as const)
      : daysLeft !== null && daysLeft < soonDays
        ? ('expiring' as const)
        : undefined
  return { kind, id, displayName, start, end, daysLeft, ...(flag ? { flag } : {}) }
}

/**
 * The subjects a secretless app's federated credentials must match: each one the tenants file lists, the pull
 * request's (plans on pull requests sign in as the app too), and the one this run presented.
 * Subject formats: https://docs.github.com/actions/reference/security/oidc#example-subject-claims
 */
export function federatedSubjects(
  config: TenantsConfig,
  app: Application | undefined,
  options: Pick<CredentialOptions, 'presentedSubject' | 'repository'>
): FederatedSubjectReport[] {
  const onApp = (subject: string): boolean =>
    (app?.federatedCredentials ?? []).some(fic => fic.issuer === GITHUB_ISSUER && fic.subject === subject)
  const wanted = new Map<string, string>()
  for (const fic of config.app.federatedCredentials) {
    if (fic.issuer === GITHUB_ISSUER) wanted.set(fic.subject, `listed in the tenants file as ${fic.name}`)
  }
  const repository = options.repository ?? repositoryOf(options.presentedSubject)
  if (repository) {
    const pullRequest = `repo:${repository}:pull_request`
    if (!wanted.has(pullRequest)) wanted.set(pullRequest, 'plans on pull requests present it')
  }
  const presented = options.presentedSubject
  if (presented && !wanted.has(presented)) wanted.set(presented, 'this run presented it')
  return [...wanted].map(([subject, why]) => ({
    subject,
    why,
    onApp: onApp(subject),
    presented: subject === presented
  }))
}

function repositoryOf(subject: string | undefined): string | undefined {
  return subject ? /^repo:([^:]+\/[^:]+):/.exec(subject)?.[1] : undefined
}

function isExpired(password: PasswordCredential, now: number): boolean {
  return password.endDateTime !== null && Date.parse(password.endDateTime) <= now
}

function daysUntil(end: Date, now: Date): number {
  return Math.floor((end.getTime() - now.getTime()) / DAY_MS)
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}
