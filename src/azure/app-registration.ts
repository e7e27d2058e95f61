/**
 * The multi-tenant app in the provider tenant, through Microsoft Graph v1.0: read, upsert by uniqueName, its
 * federated credentials, its service principal and its passwords. Graph errors are mapped here, once.
 */
import {
  AuthenticationHandler,
  Client,
  GraphError,
  PageIterator,
  type PageCollection
} from '@microsoft/microsoft-graph-client'
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js'
import type { TokenCredential } from '@azure/core-auth'
import { type Cloud, defaultScope } from '../cloud.js'
import { AzureRequestError } from './errors.js'
import type {
  AppDetails,
  AppLookup,
  AppRecord,
  AppShape,
  Application,
  FederatedCredential,
  KeyCredential,
  NewPassword,
  PasswordCredential,
  ServicePrincipal
} from '../model/observed.js'
import type { AppsPort } from '../model/ports.js'
import { type ClientOptions, PipelineMiddleware } from './pipeline.js'
import { REPLICATION_RETRY, type RetryOptions, retryWhile } from './retry.js'

const GRAPH_VERSION = 'v1.0'

export function graphClient(cloud: Cloud, credential: TokenCredential, options: ClientOptions): Client {
  const authentication = new AuthenticationHandler(
    new TokenCredentialAuthenticationProvider(credential, { scopes: [defaultScope(cloud.graphAudience)] })
  )
  return Client.initWithMiddleware({
    // Authentication, then the Azure pipeline (retries, proxy, user agent) in place of Graph's own fetch chain.
    middleware: [authentication, new PipelineMiddleware(options)],
    baseUrl: cloud.graphEndpoint,
    defaultVersion: GRAPH_VERSION,
    // Without it the client sends no Authorization header to a host that is not Microsoft Graph's own.
    customHosts: new Set([new URL(cloud.graphEndpoint).hostname])
  })
}

/** OData string literal: a single quote is doubled. */
function odata(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

function graphErrorOf(error: unknown, doing: string): AzureRequestError {
  if (error instanceof GraphError) {
    return new AzureRequestError(
      `${doing}: ${error.code ?? 'error'} (HTTP ${error.statusCode}) ${error.message}`,
      error.statusCode,
      error
    )
  }
  return new AzureRequestError(`${doing}: ${(error as Error).message}`, -1, error)
}

const isStatus = (error: unknown, status: number): boolean =>
  error instanceof GraphError && error.statusCode === status

/**
 * A fresh application is not yet known to the service-principal endpoint for a while (replication).
 * Source: https://learn.microsoft.com/graph/api/serviceprincipal-post-serviceprincipals
 */
function isReplicationLag(error: unknown): boolean {
  return (
    error instanceof GraphError &&
    (error.statusCode === 404 ||
      (error.statusCode === 400 &&
        /does not reference a valid application object|does not exist/i.test(error.message)))
  )
}

interface GraphApplication {
  id: string
  appId: string
  uniqueName?: string | null
  displayName?: string | null
  signInAudience?: string | null
  web?: { redirectUris?: string[] | null } | null
  passwordCredentials?: PasswordCredential[] | null
  keyCredentials?: KeyCredential[] | null
}

const APP_FIELDS = 'id,appId,uniqueName,displayName,signInAudience,web,passwordCredentials,keyCredentials'

export class AppRegistrations implements AppsPort {
  readonly #graph: Client
  readonly #retry: RetryOptions

  constructor(graph: Client, retry: RetryOptions = REPLICATION_RETRY) {
    this.#graph = graph
    this.#retry = retry
  }

  async find(uniqueName: string): Promise<AppLookup> {
    let raw: GraphApplication
    try {
      raw = await this.#graph
        .api(`/applications(uniqueName=${odata(uniqueName)})`)
        .select(APP_FIELDS)
        .get()
    } catch (error) {
      if (isStatus(error, 404)) return { status: 'missing' }
      // Under Application.ReadWrite.OwnedBy an app the automation identity does not own is out of its reach.
      if (isStatus(error, 403))
        return { status: 'not-owned', detail: graphErrorOf(error, 'reading the app').message }
      throw graphErrorOf(error, `reading application ${uniqueName}`)
    }
    return { status: 'found', app: toApplication(raw) }
  }

  /** Both need only the app's ids: asked together, one round trip instead of two. */
  async details(app: { id: string; appId: string }): Promise<AppDetails> {
    const [federatedCredentials, servicePrincipal] = await Promise.all([
      this.federatedCredentials(app.id),
      this.servicePrincipal(app.appId)
    ])
    return { federatedCredentials, ...(servicePrincipal ? { servicePrincipal } : {}) }
  }

  async federatedCredentials(appObjectId: string): Promise<FederatedCredential[]> {
    try {
      return await this.#all<FederatedCredential>(`/applications/${appObjectId}/federatedIdentityCredentials`)
    } catch (error) {
      throw graphErrorOf(error, 'listing federated credentials')
    }
  }

  async servicePrincipal(appId: string): Promise<ServicePrincipal | undefined> {
    try {
      const page = (await this.#graph
        .api('/servicePrincipals')
        .filter(`appId eq ${odata(appId)}`)
        .select('id,accountEnabled')
        .get()) as PageCollection
      const found = page.value[0] as { id: string; accountEnabled?: boolean } | undefined
      return found ? { id: found.id, accountEnabled: found.accountEnabled !== false } : undefined
    } catch (error) {
      throw graphErrorOf(error, 'reading the service principal')
    }
  }

  /**
   * Creates or updates the app by its uniqueName in one idempotent request (`Prefer: create-if-missing`:
   * 201 with the new app, 204 when it existed). Source: https://learn.microsoft.com/graph/api/application-upsert
   */
  async upsert(
    uniqueName: string,
    shape: AppShape
  ): Promise<{ created: true; app: Application } | { created: false }> {
    const body = {
      displayName: shape.displayName,
      signInAudience: shape.signInAudience,
      web: { redirectUris: shape.redirectUris }
    }
    let response: GraphApplication | undefined
    try {
      response = await this.#graph
        .api(`/applications(uniqueName=${odata(uniqueName)})`)
        .header('Prefer', 'create-if-missing')
        .patch(body)
    } catch (error) {
      throw graphErrorOf(error, `upserting application ${uniqueName}`)
    }
    if (response && typeof response === 'object' && 'appId' in response) {
      return { created: true, app: { ...toApplication(response), federatedCredentials: [] } }
    }
    return { created: false }
  }

  async createFederatedCredential(
    appObjectId: string,
    credential: Omit<FederatedCredential, 'id'>
  ): Promise<void> {
    try {
      await retryWhile(
        () => this.#graph.api(`/applications/${appObjectId}/federatedIdentityCredentials`).post(credential),
        error => isStatus(error, 404),
        this.#retry
      )
    } catch (error) {
      // A retried POST whose first answer was lost meets its own work: the same credential, already there.
      if (isStatus(error, 409) && (await this.#hasFederatedCredential(appObjectId, credential))) return
      throw graphErrorOf(error, `creating federated credential ${credential.name}`)
    }
  }

  async #hasFederatedCredential(
    appObjectId: string,
    want: Omit<FederatedCredential, 'id'>
  ): Promise<boolean> {
    const have = (await this.federatedCredentials(appObjectId)).find(fic => fic.name === want.name)
    return (
      have !== undefined &&
      have.issuer === want.issuer &&
      have.subject === want.subject &&
      have.audiences.join(' ') === want.audiences.join(' ')
    )
  }

  /** `name` is immutable in Entra; issuer, subject, audiences and description may change. */
  async updateFederatedCredential(
    appObjectId: string,
    id: string,
    change: Pick<FederatedCredential, 'issuer' | 'subject' | 'audiences'> & { description?: string | null }
  ): Promise<void> {
    try {
      await this.#graph.api(`/applications/${appObjectId}/federatedIdentityCredentials/${id}`).patch(change)
    } catch (error) {
      throw graphErrorOf(error, 'updating a federated credential')
    }
  }

  /** Retries while a fresh application has not replicated to the service-principal endpoint. */
  async createServicePrincipal(appId: string): Promise<ServicePrincipal> {
    try {
      const created = (await retryWhile(
        () => this.#graph.api('/servicePrincipals').post({ appId }),
        isReplicationLag,
        this.#retry
      )) as { id: string; accountEnabled?: boolean }
      return { id: created.id, accountEnabled: created.accountEnabled !== false }
    } catch (error) {
      // As above: a retried POST after a lost answer finds the principal it made.
      const existing = isStatus(error, 409) ? await this.servicePrincipal(appId) : undefined
      if (existing) return existing
      throw graphErrorOf(error, 'creating the service principal')
    }
  }

  /** Adds a password with an explicit end date (a tenant policy may cap lifetimes; Graph's default is 2 years). */
  async addPassword(appObjectId: string, displayName: string, endDateTime: Date): Promise<NewPassword> {
    try {
      const created = (await retryWhile(
        () =>
          this.#graph
            .api(`/applications/${appObjectId}/addPassword`)
            .post({ passwordCredential: { displayName, endDateTime: endDateTime.toISOString() } }),
        error => isStatus(error, 404),
        this.#retry
      )) as NewPassword
      return { keyId: created.keyId, secretText: created.secretText, endDateTime: created.endDateTime }
    } catch (error) {
      throw graphErrorOf(error, 'adding a password')
    }
  }

  /** Source: https://learn.microsoft.com/graph/api/application-removepassword */
  async removePassword(appObjectId: string, keyId: string): Promise<void> {
    try {
      await this.#graph.api(`/applications/${appObjectId}/removePassword`).post({ keyId })
    } catch (error) {
      throw graphErrorOf(error, 'removing a password')
    }
  }

  async #all<T>(path: string): Promise<T[]> {
    const items: T[] = []
    const first = (await this.#graph.api(path).get()) as PageCollection
    const pages = new PageIterator(this.#graph, first, item => {
      items.push(item as T)
      return true
    })
    await pages.iterate()
    return items
  }
}

function toApplication(raw: GraphApplication): AppRecord {
  return {
    id: raw.id,
    appId: raw.appId,
    uniqueName: raw.uniqueName ?? '',
    displayName: raw.displayName ?? '',
    signInAudience: raw.signInAudience ?? '',
    redirectUris: raw.web?.redirectUris ?? [],
    passwordCredentials: raw.passwordCredentials ?? [],
    keyCredentials: (raw.keyCredentials ?? []).map(key => ({
      keyId: key.keyId,
      displayName: key.displayName ?? null,
      type: key.type ?? null,
      usage: key.usage ?? null,
      startDateTime: key.startDateTime ?? null,
      endDateTime: key.endDateTime ?? null
    }))
  }
}
