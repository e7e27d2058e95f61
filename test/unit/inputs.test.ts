import { describe, expect, it } from '@jest/globals'
import { InputError, getInputs } from '../../src/inputs.js'

const CLIENT = '11111111-2222-4333-8444-555555555555'
const TENANT = 'AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE'

function reader(values: Record<string, string>): (name: string) => string {
  return name => values[name] ?? ''
}

const minimal = { 'client-id': CLIENT, 'tenant-id': TENANT }

describe('getInputs', () => {
  it('applies the documented defaults', () => {
    const inputs = getInputs(reader(minimal))
    expect(inputs).toMatchObject({
      tenantsFile: '.github/tenants.yml',
      mode: 'plan',
      clientId: CLIENT,
      tenantId: TENANT.toLowerCase(),
      rotate: 'auto',
      concurrency: 16,
      githubToken: '',
      prComment: true
    })
    expect([...inputs.failOn]).toEqual(['error'])
    expect(inputs.cloud.name).toBe('AzureCloud')
  })

  it('reads every enum input case-insensitively, as mode and rotate always were', () => {
    const inputs = getInputs(
      reader({ ...minimal, mode: 'Apply', rotate: 'FORCE', cloud: 'azurecloud', 'fail-on': 'Drift,ERROR' })
    )
    expect([inputs.mode, inputs.rotate, inputs.cloud.name]).toEqual(['apply', 'force', 'AzureCloud'])
    expect([...inputs.failOn]).toEqual(['drift', 'error'])
    expect(getInputs(reader({ ...minimal, cloud: 'AZUREUSGOVERNMENT' })).cloud.name).toBe('AzureUSGovernment')
  })

  it.each([
    [{ mode: 'aply' }, 'mode must be plan or apply, got "aply"'],
    [{ rotate: 'sometimes' }, 'rotate must be one of auto, force, never, got "sometimes"'],
    [
      { 'fail-on': 'error,drfit' },
      'fail-on takes a comma list of needs-consent, drift, error (or none), got "drfit" in "error,drfit"'
    ],
    [{ concurrency: '0' }, 'concurrency must be a whole number from 1 to 64, got "0"'],
    [{ concurrency: '2.5' }, 'concurrency must be a whole number from 1 to 64, got "2.5"'],
    [{ concurrency: '65' }, 'concurrency must be a whole number from 1 to 64, got "65"'],
    [{ 'pr-comment': 'yes' }, 'pr-comment must be true or false, got "yes"'],
    [
      { 'client-id': 'my-app' },
      'client-id must be a GUID (the application (client) id of the automation identity in the provider tenant), got "my-app"'
    ],
    [
      { cloud: 'AzurePublic' },
      'cloud must be one of AzureCloud, AzureUSGovernment, AzureChinaCloud, custom, got "AzurePublic"'
    ]
  ])('rejects %j with a message that says how to fix it', (override, message) => {
    expect(() => getInputs(reader({ ...minimal, ...override }))).toThrow(new InputError(message))
  })

  it('names the missing client-id and where it usually comes from', () => {
    expect(() => getInputs(reader({ 'tenant-id': TENANT }))).toThrow(
      'client-id is required: the application (client) id of the automation identity in the provider tenant (a GUID), e.g. `client-id: ${{ vars.AZURE_CLIENT_ID }}`'
    )
  })

  it('reads fail-on lists, none, and case', () => {
    expect([...getInputs(reader({ ...minimal, 'fail-on': 'needs-consent, DRIFT' })).failOn]).toEqual([
      'needs-consent',
      'drift'
    ])
    expect(getInputs(reader({ ...minimal, 'fail-on': 'none' })).failOn.size).toBe(0)
  })

  it('takes apply, a concurrency and pr-comment false', () => {
    const inputs = getInputs(reader({ ...minimal, mode: 'apply', concurrency: '64', 'pr-comment': 'false' }))
    expect(inputs.mode).toBe('apply')
    expect(inputs.concurrency).toBe(64)
    expect(inputs.prComment).toBe(false)
  })
})
