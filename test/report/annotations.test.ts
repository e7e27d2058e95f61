import { describe, expect, it } from '@jest/globals'
import { annotationsFor } from '../../src/report/annotations.js'
import { CONSENT_WORDS, PROVIDER_ERROR_WORDS, ROLE_WORDS } from '../../src/report/words.js'
import {
  applyRun,
  customersInEachState,
  freshProviderPlan,
  principalIdFor,
  READER_ID,
  TRACE_ID
} from './fixtures/reports.js'

const FILE = '.github/tenants.yml'

describe('annotationsFor', () => {
  const report = customersInEachState()
  const annotations = annotationsFor(report)
  const at = (line: number) => annotations.filter(a => a.line === line)

  it('gives each consent status its level at the tenant line', () => {
    const expected = {
      consented: [],
      'needs-consent': ['warning'],
      disabled: ['warning'],
      'tenant-not-found': ['warning'],
      blocked: ['warning'],
      'provider-error': ['error'],
      error: ['error']
    }
    for (const tenant of report.tenants) {
      expect({ tenant: tenant.name, levels: at(tenant.line).map(a => a.level) }).toEqual({
        tenant: tenant.name,
        levels: expected[tenant.consent.status]
      })
    }
    expect(annotations.every(a => a.file === FILE)).toBe(true)
  })

  it('puts the consent link into the needs-consent warning', () => {
    const tenant = report.tenants.find(t => t.consent.status === 'needs-consent')!
    const [warning] = at(tenant.line)
    expect(warning).toEqual({
      level: 'warning',
      title: `${tenant.name}: needs consent`,
      message: `${CONSENT_WORDS['needs-consent'].meaning}\n${CONSENT_WORDS['needs-consent'].next}: ${tenant.consent.link}`,
      file: FILE,
      line: tenant.line
    })
  })

  it("names the provider error's code and what to fix", () => {
    const tenant = report.tenants.find(t => t.consent.status === 'provider-error')!
    const [error] = at(tenant.line)
    expect(error?.title).toBe(`${tenant.name}: provider credential rejected (AADSTS7000222)`)
    expect(error?.message).toBe(
      `${PROVIDER_ERROR_WORDS[7000222]!.meaning}\n${PROVIDER_ERROR_WORDS[7000222]!.next}`
    )
  })

  it('gives an unexpected error its code, detail and trace id', () => {
    const tenant = report.tenants.find(t => t.consent.status === 'error')!
    const [error] = at(tenant.line)
    expect(error?.title).toBe(`${tenant.name}: error (AADSTS50000)`)
    expect(error?.message).toContain('The service is temporarily unavailable.')
    expect(error?.message).toContain(`Trace ID ${TRACE_ID}`)
  })

  it('warns per missing role assignment at its own line, with the grant command', () => {
    const tenant = report.tenants[0]!
    const missing = tenant.roleAssignments[1]!
    expect(at(missing.line)).toEqual([
      {
        level: 'warning',
        title: `${tenant.name}: Reader missing`,
        message:
          `${ROLE_WORDS.missing.meaning}\nScope ${missing.scope}\n${ROLE_WORDS.missing.next}: ` +
          `az role assignment create --assignee-object-id ${principalIdFor(1)} --assignee-principal-type ServicePrincipal ` +
          `--role ${READER_ID} --scope ${missing.scope}`,
        file: FILE,
        line: missing.line
      }
    ])
    expect(at(tenant.roleAssignments[0]!.line)).toEqual([])
    // unverifiable counts as drift: never a quiet notice
    expect(at(tenant.roleAssignments[2]!.line).map(a => a.level)).toEqual(['warning'])
  })

  it('reports a role assignment apply was not permitted to create', () => {
    const run = applyRun()
    const northwind = run.tenants[1]!
    const [warning] = annotationsFor(run).filter(a => a.line === northwind.roleAssignments[0]!.line)
    expect(warning?.level).toBe('warning')
    expect(warning?.title).toBe('Northwind: Reader awaiting customer')
  })

  it('puts an error at line 1 when the app is not owned, with the fix command', () => {
    const plan = freshProviderPlan()
    plan.app = {
      ...plan.app,
      status: 'not-owned',
      fixCommand: 'az ad app owner add --id A --owner-object-id B'
    }
    const [first] = annotationsFor(plan)
    expect(first).toMatchObject({ level: 'error', line: 2, title: 'App contoso-provider-access: not owned' })
    expect(first?.message).toContain('az ad app owner add --id A --owner-object-id B')
  })

  it('reports a failed secret as an error and a missing one as a notice', () => {
    const plan = freshProviderPlan()
    expect(annotationsFor(plan).filter(a => a.title.startsWith('Secret'))).toMatchObject([
      { level: 'notice', line: 6, title: 'Secret: missing' }
    ])
    plan.secret = { ...plan.secret, status: 'failed', detail: 'Forbidden by Key Vault' }
    const [secret] = annotationsFor(plan).filter(a => a.title.startsWith('Secret'))
    expect(secret).toMatchObject({ level: 'error', title: 'Secret: failed' })
    expect(secret?.message).toContain('Forbidden by Key Vault')
  })
})
