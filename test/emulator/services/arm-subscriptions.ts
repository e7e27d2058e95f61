/**
 * ARM's tenant-level reads every client makes when it signs in — `GET /subscriptions`, `GET /subscriptions/{id}`,
 * `GET /tenants` (Microsoft.Resources, api-version 2022-12-01 and earlier) — and the cloud metadata document
 * `GET /metadata/endpoints` that lets a client register the emulator as a cloud. Shapes: the swagger examples
 * GetSubscriptions.json / GetSubscription.json / GetTenants.json of
 * https://github.com/Azure/azure-rest-api-specs/tree/main/specification/resources/resource-manager/Microsoft.Resources
 */
import type { AccessTokenClaims, EmuRequest, EmuResponse, ResourceService } from '../contracts.js'
import type { DirectoryState } from '../state/directory.js'
import type { ResourceState, Subscription } from '../state/resources.js'
import type { ArmAuthContext, ArmFailure } from './arm-common.js'
import {
  ARM_API_VERSIONS,
  ARM_AUDIENCES,
  apiVersionProblem,
  armAuthenticate,
  armFailureResponse,
  isArmFailure
} from './arm-common.js'

const SUBSCRIPTIONS = /^\/subscriptions\/?$/i
const ONE_SUBSCRIPTION = /^\/subscriptions\/([^/]+)\/?$/i
const TENANTS = /^\/tenants\/?$/i
const METADATA = /^\/metadata\/endpoints\/?$/i

export interface CloudEndpoints {
  origin: string
  graphAudience: string
  keyVaultAudience: string
}

export function createSubscriptionsService(
  directory: DirectoryState,
  state: ResourceState,
  auth: ArmAuthContext,
  cloud: CloudEndpoints
): ResourceService {
  return {
    name: 'arm',
    handles: req =>
      req.vault === undefined &&
      [SUBSCRIPTIONS, ONE_SUBSCRIPTION, TENANTS, METADATA].some(r => r.test(req.path)),
    handle: (req, claims) => {
      if (METADATA.test(req.path)) return metadata(req, cloud)
      const problem = apiVersionProblem(req, ARM_API_VERSIONS.subscriptions)
      if (problem) return armFailureResponse(problem)
      if (req.method !== 'GET') return armFailureResponse(methodNotAllowed(req))
      const caller = armAuthenticate(req, claims, auth)
      if (isArmFailure(caller)) return armFailureResponse(caller)
      if (TENANTS.test(req.path)) return tenants(directory, caller)
      const one = ONE_SUBSCRIPTION.exec(req.path)?.[1]
      if (one !== undefined) return getSubscription(state, caller, one)
      const visible = state.subscriptionsOfTenant(caller.tid).filter(s => canSee(state, caller, s))
      return { status: 200, body: { value: visible.map(subscriptionView) } }
    }
  }
}

function methodNotAllowed(req: EmuRequest): ArmFailure {
  return {
    status: 405,
    code: 'MethodNotAllowed',
    message: `The requested resource does not support http method '${req.method}'.`
  }
}

/**
 * A subscription is listed for a principal holding any role assignment in it or inherited into it
 * (https://learn.microsoft.com/azure/role-based-access-control/scope-overview): Reader on one resource group
 * is enough to see the subscription, as `az account list` shows.
 */
function canSee(state: ResourceState, caller: AccessTokenClaims, sub: Subscription): boolean {
  const scope = `/subscriptions/${sub.id}`
  return state
    .assignmentsOfTenant(sub.tenantId)
    .some(
      a =>
        a.principalId === caller.oid.toLowerCase() &&
        (state.inherits(a.scope, scope) || state.inherits(scope, a.scope))
    )
}

function getSubscription(state: ResourceState, caller: AccessTokenClaims, id: string): EmuResponse {
  const sub = state.subscription(id)
  if (sub && sub.tenantId !== caller.tid.toLowerCase()) {
    // reference: Azure/azure-sdk-for-net#49391 — the same refusal as for any read in that subscription
    return armFailureResponse({
      status: 401,
      code: 'InvalidAuthenticationTokenTenant',
      message: `The access token is from the wrong issuer 'https://sts.windows.net/${caller.tid}/'. It must match the tenant 'https://sts.windows.net/${sub.tenantId}/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/${sub.tenantId}' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.`
    })
  }
  if (!sub || !canSee(state, caller, sub)) {
    return armFailureResponse({
      status: 404,
      code: 'SubscriptionNotFound',
      message: `The subscription '${id}' could not be found.`
    })
  }
  return { status: 200, body: subscriptionView(sub) }
}

/** GetSubscriptions.json: every subscription has these fields; emulated ones are enabled and role-based. */
function subscriptionView(sub: Subscription): Record<string, unknown> {
  return {
    id: `/subscriptions/${sub.id}`,
    subscriptionId: sub.id,
    tenantId: sub.tenantId,
    displayName: sub.displayName,
    state: 'Enabled',
    subscriptionPolicies: {
      locationPlacementId: 'Public_2014-09-01',
      quotaId: 'PayAsYouGo_2014-09-01',
      spendingLimit: 'Off'
    },
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    tags: {}
  }
}

/** GetTenants.json: a service principal's token sees its own (home) tenant. */
function tenants(directory: DirectoryState, caller: AccessTokenClaims): EmuResponse {
  const tenant = directory.tenant(caller.tid)
  if (!tenant) return { status: 200, body: { value: [] } }
  return {
    status: 200,
    body: {
      value: [
        {
          id: `/tenants/${tenant.id}`,
          tenantId: tenant.id,
          countryCode: 'US',
          displayName: tenant.displayName,
          domains: [tenant.defaultDomain],
          tenantCategory: 'Home',
          defaultDomain: tenant.defaultDomain,
          tenantType: 'AAD'
        }
      ]
    }
  }
}

/**
 * `GET /metadata/endpoints?api-version=2019-05-01` (and later): a list of clouds, each with `name`,
 * `resourceManager`, `authentication { loginEndpoint, audiences, tenant, identityProvider }`, `suffixes` and the
 * resource ids — what Azure CLI (`az cloud register --endpoint-resource-manager`) and the Go SDK read
 * (kubernetes-sigs/cloud-provider-azure `OverrideAzureCloudConfigAndEnvConfigFromMetadataService`). Without
 * an api-version ARM answers the older single object form.
 */
function metadata(req: EmuRequest, cloud: CloudEndpoints): EmuResponse {
  const version = req.query.get('api-version')
  const root = `${cloud.origin}/`
  if (version === null) {
    return {
      status: 200,
      body: {
        galleryEndpoint: root,
        graphEndpoint: root,
        portalEndpoint: root,
        authentication: { loginEndpoint: root, audiences: [ARM_AUDIENCES[0], ARM_AUDIENCES[2]] }
      }
    }
  }
  const problem = apiVersionProblem(req, ARM_API_VERSIONS.metadata)
  if (problem) return armFailureResponse(problem)
  return {
    status: 200,
    body: [
      {
        portal: root,
        authentication: {
          loginEndpoint: root,
          audiences: [ARM_AUDIENCES[0], ARM_AUDIENCES[2]],
          tenant: 'common',
          identityProvider: 'AAD'
        },
        media: root,
        graphAudience: `${cloud.graphAudience}/`,
        graph: root,
        name: 'AzureCloud',
        suffixes: {
          keyVaultDns: new URL(cloud.keyVaultAudience).host,
          storage: 'core.windows.net',
          sqlServerHostname: 'database.windows.net',
          acrLoginServer: 'azurecr.io'
        },
        batch: root,
        resourceManager: root,
        vmImageAliasDoc: `${root}metadata/vm-image-aliases`,
        activeDirectoryDataLake: root,
        sqlManagement: root,
        microsoftGraphResourceId: `${cloud.graphAudience}/`,
        appInsightsResourceId: root,
        appInsightsTelemetryChannelResourceId: root,
        attestationResourceId: root,
        synapseAnalyticsResourceId: root,
        logAnalyticsResourceId: root,
        ossrDbmsResourceId: root
      }
    ]
  }
}
