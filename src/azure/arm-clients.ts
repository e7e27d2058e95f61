/**
 * ARM clients for many tenants. Each customer tenant needs its own client (its bearer policy keeps one tenant's
 * token), but building the SDK's pipeline — a dozen policies, a log sanitiser — for every tenant cost more CPU than
 * the tenant's own requests. The pipeline is built once, as the SDK builds it, and each tenant's client gets a copy
 * (`Pipeline.clone()`) with its own bearer policy: the same policies in the same order, for the price of a list copy.
 * https://learn.microsoft.com/javascript/api/@azure/core-rest-pipeline/pipeline#@azure-core-rest-pipeline-pipeline-clone
 */
import { AuthorizationManagementClient } from '@azure/arm-authorization'
import type { TokenCredential } from '@azure/core-auth'
import { authorizeRequestOnClaimChallenge } from '@azure/core-client'
import {
  type Pipeline,
  bearerTokenAuthenticationPolicy,
  bearerTokenAuthenticationPolicyName
} from '@azure/core-rest-pipeline'
import { type Cloud, defaultScope } from '../cloud.js'
import { type ClientOptions, withoutTracing } from './pipeline.js'

/**
 * The constructor wants a subscription id, but it only enters the paths of subscription-bound operations; the
 * scope-based ones (list for scope, create, get) take the scope whole, so a placeholder serves.
 * https://learn.microsoft.com/rest/api/authorization/role-assignments/list-for-scope
 */
export const NO_SUBSCRIPTION = '00000000-0000-0000-0000-000000000000'

/** Stands in for a credential in the template client, whose bearer policy is removed before any request. */
const NO_CREDENTIAL: TokenCredential = {
  getToken: () => Promise.reject(new Error('the template ARM client sends no request'))
}

export class ArmClients {
  readonly #template: Pipeline
  readonly #options: Omit<ClientOptions, 'additionalPolicies'> & {
    endpoint: string
    credentialScopes: string[]
  }

  constructor(cloud: Cloud, options: ClientOptions) {
    const { additionalPolicies, ...rest } = options
    this.#options = {
      ...rest,
      endpoint: cloud.armEndpoint,
      credentialScopes: [defaultScope(cloud.armAudience)]
    }
    const template = new AuthorizationManagementClient(NO_CREDENTIAL, NO_SUBSCRIPTION, {
      ...this.#options,
      additionalPolicies
    })
    template.pipeline.removePolicy({ name: bearerTokenAuthenticationPolicyName })
    this.#template = withoutTracing(template.pipeline)
  }

  /** A client signed in with `credential`; `subscriptionId` only for subscription-bound operations. */
  client(
    credential: TokenCredential,
    subscriptionId: string = NO_SUBSCRIPTION
  ): AuthorizationManagementClient {
    const pipeline = this.#template.clone()
    // As the SDK's own constructor adds it: https://github.com/Azure/azure-sdk-for-js/blob/main/sdk/authorization/arm-authorization/src/authorizationManagementClient.ts
    pipeline.addPolicy(
      bearerTokenAuthenticationPolicy({
        credential,
        scopes: this.#options.credentialScopes,
        challengeCallbacks: { authorizeRequestOnChallenge: authorizeRequestOnClaimChallenge }
      })
    )
    return new AuthorizationManagementClient(credential, subscriptionId, { ...this.#options, pipeline })
  }
}
