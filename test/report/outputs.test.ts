import { describe, expect, it } from '@jest/globals'
import type { FailOn } from '../../src/inputs.js'
import { failureFor, outputsFor } from '../../src/report/outputs.js'
import {
  APP_ID,
  applyRun,
  customersInEachState,
  freshProviderPlan,
  manyTenants,
  tenantIdFor
} from './fixtures/reports.js'

describe('outputsFor', () => {
  it('gives every output as an exact string', () => {
    expect(outputsFor(customersInEachState(), '/tmp/etb/report.json')).toEqual({
      'app-id': APP_ID,
      'needs-consent': JSON.stringify([tenantIdFor(4), tenantIdFor(5), tenantIdFor(6)]),
      drift: 'true',
      changed: 'false',
      'secret-version':
        'https://kv-provider.vault.azure.net/secrets/contoso-provider-access/0123456789abcdef',
      'report-file': '/tmp/etb/report.json'
    })
  })

  it('gives empty strings while the app and the secret do not exist', () => {
    const outputs = outputsFor(freshProviderPlan(), 'r.json')
    expect(outputs['app-id']).toBe('')
    expect(outputs['secret-version']).toBe('')
    expect(outputs['needs-consent']).toBe(`["${tenantIdFor(1)}"]`)
  })

  it('says when apply changed something', () => {
    expect(outputsFor(applyRun(), 'r.json').changed).toBe('true')
  })
})

const failOn = (...values: FailOn[]) => new Set<FailOn>(values)

describe('failureFor', () => {
  it('fails on error for provider errors, unknown tenants and errors, naming them', () => {
    expect(failureFor(customersInEachState(), failOn('error'))).toBe(
      'fail-on error: 9 tenants failed (tenant-not-found customer 1, tenant-not-found customer 2, ' +
        'tenant-not-found customer 3, provider-error customer 1, provider-error customer 2 and 4 more)'
    )
  })

  it('fails on error for an app it does not own, a failed secret and failed steps', () => {
    const run = applyRun()
    expect(failureFor(run, failOn('error'))).toBe('fail-on error: 1 step failed')
    run.app = { ...run.app, status: 'not-owned' }
    run.secret = { ...run.secret, status: 'failed' }
    expect(failureFor(run, failOn('error'))).toBe(
      'fail-on error: the app registration is not owned by the automation identity, the secret rotation failed, 1 step failed'
    )
  })

  it('does not fail on error when there is none', () => {
    expect(failureFor(freshProviderPlan(), failOn('error'))).toBeUndefined()
    expect(failureFor(manyTenants(10), failOn('error'))).toBeUndefined()
  })

  it('fails on needs-consent only when a tenant needs it', () => {
    expect(failureFor(freshProviderPlan(), failOn('needs-consent'))).toBe(
      'fail-on needs-consent: 1 tenant needs admin consent (Fabrikam)'
    )
    const run = applyRun()
    run.tenants = run.tenants.filter(t => t.consent.status === 'consented')
    expect(failureFor(run, failOn('needs-consent'))).toBeUndefined()
  })

  it('fails on drift when the report has drift', () => {
    expect(failureFor(customersInEachState(), failOn('drift'))).toBe(
      'fail-on drift: 12 tenants drifted: consented customer 1 (2 required role assignments not in place); ' +
        'consented customer 2 (2 required role assignments not in place); consented customer 3 (2 required role ' +
        'assignments not in place); needs-consent customer 1 (not consented, and not onboarding: consent was ' +
        'revoked); needs-consent customer 2 (not consented, and not onboarding: consent was revoked) and 7 more'
    )
    const clean = manyTenants(5)
    clean.tenants = clean.tenants.filter(t => t.consent.status === 'consented')
    clean.drift = true
    expect(failureFor(clean, failOn('drift'))).toBe('fail-on drift: Azure differs from the tenants file')
    clean.drift = false
    expect(failureFor(clean, failOn('drift', 'needs-consent', 'error'))).toBeUndefined()
  })

  it('joins the reasons of several fail-on values into one line', () => {
    const failure = failureFor(freshProviderPlan(), failOn('error', 'needs-consent', 'drift'))
    expect(failure).toBe(
      'fail-on needs-consent: 1 tenant needs admin consent (Fabrikam); fail-on drift: 1 tenant drifted: ' +
        'Fabrikam (not consented, and not onboarding: consent was revoked)'
    )
    expect(failure).not.toContain('\n')
  })
})
