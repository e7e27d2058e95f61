/**
 * The directory: tenants with their application objects and service principals, as Entra ID keeps them.
 * A multi-tenant application lives in its home tenant; its service principals may exist in any tenant
 * (https://learn.microsoft.com/entra/identity-platform/reference-error-codes). Objects carry a creation time so the emulated replication lag
 * (https://learn.microsoft.com/graph/api/serviceprincipal-post-serviceprincipals) can hide them from some readers for a while.
 */
import { createHash, randomUUID } from 'node:crypto'
import type { Clock } from '../clock.js'
import type { Directory, DirectoryPrincipal } from '../contracts.js'

/** Graph app roles an automation identity may hold (https://learn.microsoft.com/graph/permissions-reference#applicationreadwriteownedby). */
export const GRAPH_APP_ROLES = {
  ownedBy: 'Application.ReadWrite.OwnedBy',
  all: 'Application.ReadWrite.All'
} as const

export type SignInAudience =
  'AzureADMyOrg' | 'AzureADMultipleOrgs' | 'AzureADandPersonalMicrosoftAccount' | 'PersonalMicrosoftAccount'

export const SIGN_IN_AUDIENCES: readonly SignInAudience[] = [
  'AzureADMyOrg',
  'AzureADMultipleOrgs',
  'AzureADandPersonalMicrosoftAccount',
  'PersonalMicrosoftAccount'
]

export interface PasswordCredential {
  keyId: string
  displayName: string | null
  /** first three characters of the secret (Graph `hint`) */
  hint: string
  startDateTime: string
  endDateTime: string
  /** sha256 of the secret text: the text itself is returned once by addPassword and never kept */
  secretHash: string
  createdAt: number
}

export interface FederatedIdentityCredential {
  id: string
  name: string
  issuer: string
  subject: string
  audiences: string[]
  description: string | null
  createdAt: number
}

export interface Application {
  id: string
  appId: string
  uniqueName: string | null
  displayName: string
  signInAudience: SignInAudience
  redirectUris: string[]
  /** object ids of owning service principals (in the home tenant) */
  owners: string[]
  passwordCredentials: PasswordCredential[]
  federatedIdentityCredentials: FederatedIdentityCredential[]
  /** other writable Graph properties (description, notes, tags, requiredResourceAccess, …), kept as sent */
  properties: Record<string, unknown>
  homeTenantId: string
  createdDateTime: string
  createdAt: number
}

export interface ServicePrincipal {
  id: string
  appId: string
  displayName: string
  accountEnabled: boolean
  /**
   * A Conditional Access policy for workload identities in this tenant blocks the principal's sign-ins
   * (AADSTS53003); https://learn.microsoft.com/entra/identity/conditional-access/workload-identity
   */
  blockedByConditionalAccess: boolean
  appOwnerOrganizationId: string
  tenantId: string
  /** Microsoft Graph application permissions granted to this principal in its tenant */
  graphAppRoles: string[]
  createdDateTime: string
  createdAt: number
}

export interface Tenant {
  id: string
  displayName: string
  defaultDomain: string
  /** what the tenant's admin answers on the admin-consent page */
  consentDecision: 'accept' | 'decline'
  applications: Map<string, Application>
  servicePrincipals: Map<string, ServicePrincipal>
}

/** How long a fresh object stays invisible to a reader, per kind (https://learn.microsoft.com/graph/api/serviceprincipal-post-serviceprincipals). */
export interface Lags {
  /** a new service principal: token endpoint → AADSTS7000229, ARM → PrincipalNotFound */
  servicePrincipalMs: number
  /** a new password: token endpoint → AADSTS7000215 */
  passwordMs: number
  /** a new federated credential: token endpoint → AADSTS70021 */
  federatedCredentialMs: number
  /** a new application: `POST /servicePrincipals` → "does not reference a valid application object" */
  applicationMs: number
}

export const NO_LAGS: Lags = {
  servicePrincipalMs: 0,
  passwordMs: 0,
  federatedCredentialMs: 0,
  applicationMs: 0
}

/** Objects seeded from a scenario exist "since long ago": no lag applies to them. */
export const SEEDED_AT = 0

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

export class DirectoryState implements Directory {
  readonly tenants = new Map<string, Tenant>()
  lags: Lags = { ...NO_LAGS }
  private readonly clock: Clock
  /** `tid/oid` → when an admin revoked the principal's sessions (a continuous-access-evaluation event) */
  private readonly revocations = new Map<string, number>()

  constructor(clock: Clock) {
    this.clock = clock
  }

  now(): number {
    return this.clock.now()
  }

  /** A critical event for continuous access evaluation: tokens issued before now stop working at ARM and Graph. */
  revokeSessions(tenantId: string, objectId: string): number {
    const at = this.clock.now()
    this.revocations.set(`${tenantId.toLowerCase()}/${objectId.toLowerCase()}`, at)
    return at
  }

  revokedAt(tenantId: string, objectId: string): number | undefined {
    return this.revocations.get(`${tenantId.toLowerCase()}/${objectId.toLowerCase()}`)
  }

  hasTenant(tenantId: string): boolean {
    return this.tenants.has(tenantId.toLowerCase())
  }

  tenant(tenantId: string): Tenant | undefined {
    return this.tenants.get(tenantId.toLowerCase())
  }

  /** An application named as a token resource: by app id, or by one of its `identifierUris` (trailing `/` ignored). */
  resourceApplication(resource: string): Application | undefined {
    const key = resource.toLowerCase().replace(/\/+$/, '')
    for (const tenant of this.tenants.values()) {
      for (const app of tenant.applications.values()) {
        const uris = Array.isArray(app.properties.identifierUris) ? app.properties.identifierUris : []
        if (app.appId === key || uris.some(u => String(u).toLowerCase().replace(/\/+$/, '') === key))
          return app
      }
    }
    return undefined
  }

  /** A tenant by id or by its default domain (`contoso.onmicrosoft.com`), as Entra authorities accept both. */
  resolveTenant(idOrDomain: string): Tenant | undefined {
    const key = idOrDomain.toLowerCase()
    return (
      this.tenants.get(key) ?? [...this.tenants.values()].find(t => t.defaultDomain.toLowerCase() === key)
    )
  }

  addTenant(t: {
    id: string
    displayName: string
    defaultDomain: string
    consentDecision?: 'accept' | 'decline'
  }): Tenant {
    const id = t.id.toLowerCase()
    if (this.tenants.has(id)) throw new Error(`tenant ${id} is defined twice`)
    const tenant: Tenant = {
      id,
      displayName: t.displayName,
      defaultDomain: t.defaultDomain,
      consentDecision: t.consentDecision ?? 'accept',
      applications: new Map(),
      servicePrincipals: new Map()
    }
    this.tenants.set(id, tenant)
    return tenant
  }

  principal(tenantId: string, objectId: string): DirectoryPrincipal | 'replicating' | undefined {
    const sp = this.tenant(tenantId)?.servicePrincipals.get(objectId.toLowerCase())
    if (!sp) return undefined
    if (this.isLagging(sp.createdAt, this.lags.servicePrincipalMs)) return 'replicating'
    return { id: sp.id, appId: sp.appId, displayName: sp.displayName, accountEnabled: sp.accountEnabled }
  }

  isLagging(createdAt: number, lagMs: number): boolean {
    return this.now() < createdAt + lagMs
  }

  /** The application with this appId in whichever tenant is its home. */
  applicationByAppId(appId: string): Application | undefined {
    const key = appId.toLowerCase()
    for (const tenant of this.tenants.values()) {
      for (const app of tenant.applications.values()) if (app.appId === key) return app
    }
    return undefined
  }

  applicationByUniqueName(uniqueName: string): Application | undefined {
    for (const tenant of this.tenants.values()) {
      for (const app of tenant.applications.values()) if (app.uniqueName === uniqueName) return app
    }
    return undefined
  }

  servicePrincipalByAppId(tenantId: string, appId: string): ServicePrincipal | undefined {
    const key = appId.toLowerCase()
    for (const sp of this.tenant(tenantId)?.servicePrincipals.values() ?? []) if (sp.appId === key) return sp
    return undefined
  }

  createApplication(
    tenantId: string,
    fields: {
      displayName: string
      id?: string
      appId?: string
      uniqueName?: string | null
      signInAudience?: SignInAudience
      redirectUris?: string[]
      owners?: string[]
    },
    createdAt: number = this.now()
  ): Application {
    const tenant = this.requireTenant(tenantId)
    const app: Application = {
      id: (fields.id ?? randomUUID()).toLowerCase(),
      appId: (fields.appId ?? randomUUID()).toLowerCase(),
      uniqueName: fields.uniqueName ?? null,
      displayName: fields.displayName,
      signInAudience: fields.signInAudience ?? 'AzureADMyOrg',
      redirectUris: [...(fields.redirectUris ?? [])],
      owners: [...(fields.owners ?? [])],
      passwordCredentials: [],
      federatedIdentityCredentials: [],
      properties: {},
      homeTenantId: tenant.id,
      createdDateTime: new Date(createdAt === SEEDED_AT ? this.now() : createdAt).toISOString(),
      createdAt
    }
    if (this.applicationByAppId(app.appId)) throw new Error(`appId ${app.appId} is used twice`)
    if (app.uniqueName !== null && this.applicationByUniqueName(app.uniqueName)) {
      throw new Error(`uniqueName ${app.uniqueName} is used twice`)
    }
    tenant.applications.set(app.id, app)
    return app
  }

  createServicePrincipal(
    tenantId: string,
    app: Application,
    fields: {
      id?: string
      accountEnabled?: boolean
      blockedByConditionalAccess?: boolean
      graphAppRoles?: string[]
    } = {},
    createdAt: number = this.now()
  ): ServicePrincipal {
    const tenant = this.requireTenant(tenantId)
    if (this.servicePrincipalByAppId(tenant.id, app.appId)) {
      throw new Error(`tenant ${tenant.id} already has a service principal for ${app.appId}`)
    }
    const sp: ServicePrincipal = {
      id: (fields.id ?? randomUUID()).toLowerCase(),
      appId: app.appId,
      displayName: app.displayName,
      accountEnabled: fields.accountEnabled ?? true,
      blockedByConditionalAccess: fields.blockedByConditionalAccess ?? false,
      appOwnerOrganizationId: app.homeTenantId,
      tenantId: tenant.id,
      graphAppRoles: [...(fields.graphAppRoles ?? [])],
      createdDateTime: new Date(createdAt === SEEDED_AT ? this.now() : createdAt).toISOString(),
      createdAt
    }
    tenant.servicePrincipals.set(sp.id, sp)
    return sp
  }

  deleteApplication(app: Application): void {
    this.tenant(app.homeTenantId)?.applications.delete(app.id)
  }

  deleteServicePrincipal(tenantId: string, objectId: string): boolean {
    return this.tenant(tenantId)?.servicePrincipals.delete(objectId.toLowerCase()) ?? false
  }

  addPassword(
    app: Application,
    fields: {
      secretText: string
      displayName?: string | null
      startDateTime?: string
      endDateTime?: string
      keyId?: string
    },
    createdAt: number = this.now()
  ): PasswordCredential {
    const start = fields.startDateTime ?? new Date(this.now()).toISOString()
    const credential: PasswordCredential = {
      keyId: (fields.keyId ?? randomUUID()).toLowerCase(),
      displayName: fields.displayName ?? null,
      hint: fields.secretText.slice(0, 3),
      startDateTime: start,
      endDateTime: fields.endDateTime ?? addYears(start, 2),
      secretHash: hashSecret(fields.secretText),
      createdAt
    }
    app.passwordCredentials.push(credential)
    return credential
  }

  addFederatedCredential(
    app: Application,
    fields: Omit<FederatedIdentityCredential, 'id' | 'createdAt' | 'description'> & {
      id?: string
      description?: string | null
    },
    createdAt: number = this.now()
  ): FederatedIdentityCredential {
    const fic: FederatedIdentityCredential = {
      id: (fields.id ?? randomUUID()).toLowerCase(),
      name: fields.name,
      issuer: fields.issuer,
      subject: fields.subject,
      audiences: [...fields.audiences],
      description: fields.description ?? null,
      createdAt
    }
    app.federatedIdentityCredentials.push(fic)
    return fic
  }

  /** The application's object and the tenant it lives in, by object id, within one tenant. */
  applicationInTenant(tenantId: string, objectId: string): Application | undefined {
    return this.tenant(tenantId)?.applications.get(objectId.toLowerCase())
  }

  snapshot(): unknown {
    return {
      lags: this.lags,
      tenants: [...this.tenants.values()].map(t => ({
        id: t.id,
        displayName: t.displayName,
        defaultDomain: t.defaultDomain,
        consentDecision: t.consentDecision,
        applications: [...t.applications.values()].map(a => ({
          ...a,
          passwordCredentials: a.passwordCredentials.map(({ secretHash: _hidden, ...rest }) => rest)
        })),
        servicePrincipals: [...t.servicePrincipals.values()]
      }))
    }
  }

  private requireTenant(tenantId: string): Tenant {
    const tenant = this.tenant(tenantId)
    if (!tenant) throw new Error(`unknown tenant ${tenantId}`)
    return tenant
  }
}

/** Graph's documented default for `endDateTime`: startDateTime + 2 years (https://learn.microsoft.com/graph/api/resources/application). */
function addYears(iso: string, years: number): string {
  const d = new Date(iso)
  d.setUTCFullYear(d.getUTCFullYear() + years)
  return d.toISOString()
}
