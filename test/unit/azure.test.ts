import { describe, expect, it, jest } from '@jest/globals'
import { memoisedAssertion, oidcIdentityOf } from '../../src/azure/credentials.js'
import { entraFailureOf } from '../../src/azure/entra-errors.js'
import { EntraTokenError } from '../../src/azure/token-client.js'
import { consentStatusOf } from '../../src/plan/consent.js'
import {
  atOrAboveFilter,
  liesBelow,
  roleAssignmentName,
  roleGuidOf,
  sameScope,
  uuidv5
} from '../../src/azure/role-assignments.js'
import { retryWhile } from '../../src/azure/retry.js'
import { mapLimit } from '../../src/concurrency.js'
import { type Pipeline, tracingPolicyName } from '@azure/core-rest-pipeline'
import { ArmClients, NO_SUBSCRIPTION } from '../../src/azure/arm-clients.js'
import { RetryBudget, clientOptions, pipelineFor } from '../../src/azure/pipeline.js'
import { resolveCloud } from '../../src/cloud.js'

const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`

describe('memoisedAssertion', () => {
  it('reuses the OIDC token until a minute before it expires, then fetches a fresh one', async () => {
    let clock = 1_000_000_000_000
    const tokens = [
      jwt({ iss: 'i', sub: 's', aud: 'a', exp: clock / 1000 + 300, n: 1 }),
      jwt({ exp: clock / 1000 + 900, n: 2 })
    ]
    const fetch = jest.fn(async () => tokens[fetch.mock.calls.length - 1]!)
    const get = memoisedAssertion(fetch, { now: () => clock })
    expect(await get()).toBe(tokens[0])
    clock += 200_000
    expect(await get()).toBe(tokens[0])
    clock += 41_000 // 59 s left: refreshed
    expect(await get()).toBe(tokens[1])
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  it('shares one fetch between concurrent callers', async () => {
    const fetch = jest.fn(async () => jwt({ exp: Date.now() / 1000 + 300 }))
    const get = memoisedAssertion(fetch)
    await Promise.all([get(), get(), get()])
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('reports the identity it presents (never the token)', async () => {
    const seen: unknown[] = []
    await memoisedAssertion(
      async () =>
        jwt({
          iss: 'https://token.actions.githubusercontent.com',
          sub: 'repo:o/r:ref:refs/heads/main',
          aud: 'api://AzureADTokenExchange',
          exp: Date.now() / 1000 + 300
        }),
      {
        onFetched: identity => seen.push(identity)
      }
    )()
    expect(seen).toEqual([
      expect.objectContaining({ sub: 'repo:o/r:ref:refs/heads/main', aud: 'api://AzureADTokenExchange' })
    ])
    expect(oidcIdentityOf(jwt({ aud: ['a', 'b'], exp: 1 })).aud).toBe('a b')
  })
})

describe('consent classification', () => {
  it.each([
    [7000229, 'needs-consent'],
    [700016, 'needs-consent'],
    [7000112, 'disabled'],
    [90002, 'tenant-not-found'],
    [53003, 'blocked'],
    [7000215, 'provider-error'],
    [7000222, 'provider-error'],
    [700024, 'provider-error'],
    [70021, 'provider-error'],
    // issuer / audience mismatch: https://login.microsoftonline.com/error?code=700211, …?code=700212
    [700211, 'provider-error'],
    [700212, 'provider-error'],
    [700213, 'provider-error'],
    [50058, 'error'],
    [undefined, 'error']
  ])('AADSTS%s → %s', (code, status) => {
    expect(consentStatusOf(code)).toBe(status)
  })

  it("reads the number from Entra's error_codes, not from the prose", () => {
    const failure = entraFailureOf(
      new EntraTokenError(401, {
        error: 'invalid_client',
        error_codes: [7000229],
        error_description:
          'AADSTS7000229: The client application x is missing service principal in the tenant y. Trace ID: 0b0c0d0e-1111-2222-3333-444455556666 Correlation ID: 9b0c0d0e-1111-2222-3333-444455556666 Timestamp: 2026-11-28 12:00:00Z',
        trace_id: '0b0c0d0e-1111-2222-3333-444455556666',
        correlation_id: '9b0c0d0e-1111-2222-3333-444455556666'
      })
    )
    expect(failure).toEqual({
      code: 7000229,
      error: 'invalid_client',
      traceId: '0b0c0d0e-1111-2222-3333-444455556666',
      correlationId: '9b0c0d0e-1111-2222-3333-444455556666',
      message: 'AADSTS7000229: The client application x is missing service principal in the tenant y.'
    })
  })

  it('takes no number from an error that is not Entra’s answer unless its text carries one', () => {
    expect(entraFailureOf(new Error('socket hang up')).code).toBeUndefined()
    expect(entraFailureOf(new Error('wrapped: AADSTS700016: not found')).code).toBe(700016)
  })
})

describe('role assignment names', () => {
  it('is RFC 4122 UUIDv5 (the DNS-namespace test vector)', () => {
    expect(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2'
    )
  })

  it('is stable and case-insensitive over scope, principal and role', () => {
    const a = roleAssignmentName('/subscriptions/S/resourceGroups/RG', 'P', 'R')
    expect(roleAssignmentName('/subscriptions/s/resourcegroups/rg', 'p', 'r')).toBe(a)
    expect(roleAssignmentName('/subscriptions/s/resourcegroups/rg2', 'p', 'r')).not.toBe(a)
  })

  it("compares role definitions by GUID, and scopes by ARM's rules", () => {
    expect(
      roleGuidOf(
        '/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/ACDD72A7-3385-48EF-BD42-F606FBA81AE7'
      )
    ).toBe('acdd72a7-3385-48ef-bd42-f606fba81ae7')
    // Above-or-at is ARM's answer (atScope()), not a string prefix: a management group is above a subscription.
    expect(atOrAboveFilter('p')).toBe("atScope() and assignedTo('p')")
    expect(sameScope('/subscriptions/S/resourceGroups/RG/', '/subscriptions/s/resourcegroups/rg')).toBe(true)
    expect(liesBelow('/subscriptions/s/resourceGroups/rg', '/subscriptions/s')).toBe(true)
    expect(liesBelow('/subscriptions/s/resourceGroups/rg-other', '/subscriptions/s/resourceGroups/rg')).toBe(
      false
    )
    expect(liesBelow('/subscriptions/s', '/subscriptions/s')).toBe(false)
    expect(liesBelow('/providers/Microsoft.Management/managementGroups/mg', '/subscriptions/s')).toBe(false)
  })
})

describe('retryWhile and mapLimit', () => {
  it('retries only what is lag, a bounded number of times', async () => {
    const sleep = jest.fn(async () => undefined)
    let calls = 0
    await expect(
      retryWhile(
        async () => {
          calls++
          throw new Error('lag')
        },
        () => true,
        { delaysMs: [1, 2], sleep }
      )
    ).rejects.toThrow('lag')
    expect(calls).toBe(3)
    calls = 0
    await expect(
      retryWhile(
        async () => {
          calls++
          throw new Error('real')
        },
        () => false,
        { delaysMs: [1, 2], sleep }
      )
    ).rejects.toThrow('real')
    expect(calls).toBe(1)
  })

  it('keeps order and never exceeds the limit', async () => {
    let running = 0
    let peak = 0
    const out = await mapLimit([5, 1, 3, 2, 4], 2, async n => {
      peak = Math.max(peak, ++running)
      await new Promise(r => setTimeout(r, n))
      running--
      return n * 10
    })
    expect(out).toEqual([50, 10, 30, 20, 40])
    expect(peak).toBe(2)
  })
})

describe('the pipelines of a run', () => {
  it('carry no OpenTelemetry policy (no tracer is registered; it cost CPU on every request) and keep the rest', () => {
    const options = clientOptions(new RetryBudget(60))
    const cloud = resolveCloud('AzureCloud', '')
    const credential = { getToken: async () => null }
    const names = (pipeline: Pipeline) => pipeline.getOrderedPolicies().map(policy => policy.name)
    for (const pipeline of [
      pipelineFor(options).pipeline,
      new ArmClients(cloud, options).client(credential, NO_SUBSCRIPTION).pipeline
    ]) {
      expect(names(pipeline)).not.toContain(tracingPolicyName)
      expect(names(pipeline)).toEqual(
        expect.arrayContaining(['defaultRetryPolicy', 'userAgentPolicy', 'entraTenantBridgeRetryBudget'])
      )
    }
  })
})
