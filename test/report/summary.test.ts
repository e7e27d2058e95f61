import { describe, expect, it } from '@jest/globals'
import { md } from '../../src/report/markdown.js'
import { DEFAULT_SUMMARY_MAX_BYTES, renderSummary } from '../../src/report/summary.js'
import type { TenantReport } from '../../src/model/report.js'
import {
  CONSENT_WORDS,
  PLAN_NOT_RUN,
  PROVIDER_ERROR_WORDS,
  ROLE_WORDS,
  SECRET_WORDS
} from '../../src/report/words.js'
import {
  applyRun,
  customersInEachState,
  freshProviderPlan,
  hostileReport,
  manyTenants,
  principalIdFor,
  READER_ID
} from './fixtures/reports.js'
import { expectInert, expectTablesIntact } from './structure.js'

/** The tenant table's row for a tenant (its name cell comes first). */
function rowOf(summary: string, tenant: TenantReport): string {
  const row = summary.split('\n').find(line => line.startsWith(`| ${md(tenant.name)} |`))
  if (row === undefined) throw new Error(`no row for ${tenant.name}`)
  return row
}

function mdLinkTo(url: string): string {
  return `](${url})`
}

describe('renderSummary', () => {
  it('opens with the counts and the mode', () => {
    const summary = renderSummary(customersInEachState())
    expect(summary).toContain(
      '**21 tenants**: 3 consented · 3 need consent · 15 with problems — mode **plan**: nothing was written'
    )
    expect(renderSummary(freshProviderPlan())).toContain(
      '**1 tenant**: 0 consented · 1 needs consent · 0 with problems'
    )
  })

  it('gives each consent status its meaning and next step', () => {
    const report = customersInEachState()
    const summary = renderSummary(report)
    for (const tenant of report.tenants) {
      const row = rowOf(summary, tenant)
      const status = tenant.consent.status
      const words =
        status === 'provider-error'
          ? { ...CONSENT_WORDS[status], ...PROVIDER_ERROR_WORDS[7000222] }
          : CONSENT_WORDS[status]
      expect(row).toContain(md(words.meaning))
      if (words.next) expect(row).toContain(md(words.next))
    }
    expect(rowOf(summary, report.tenants[15]!)).toContain('AADSTS7000222')
    expect(rowOf(summary, report.tenants[15]!)).toContain(md('rotate: force'))
  })

  it('links consent for tenants that need it, and not for consented ones', () => {
    const report = customersInEachState()
    const summary = renderSummary(report)
    for (const tenant of report.tenants.filter(t => t.consent.status === 'needs-consent')) {
      expect(rowOf(summary, tenant)).toContain(`[Consent link${mdLinkTo(tenant.consent.link!)}`)
      expect(rowOf(summary, tenant)).toContain(`[${md('v2.0 link')}${mdLinkTo(tenant.consent.linkV2!)}`)
    }
    for (const tenant of report.tenants.filter(t => t.consent.status === 'consented')) {
      expect(rowOf(summary, tenant)).not.toContain('adminconsent')
    }
  })

  it('puts role assignments, codes, trace ids and the grant command into the tenant details', () => {
    const report = customersInEachState()
    const summary = renderSummary(report)
    const consented = report.tenants[0]!
    expect(summary).toContain(`<details><summary>${md(consented.name)} — consented</summary>`)
    expect(summary).toContain(`**${ROLE_WORDS.missing.label}**: ${md(ROLE_WORDS.missing.meaning)}`)
    expect(summary).toContain(`**${ROLE_WORDS.unverifiable.label}**: ${md(ROLE_WORDS.unverifiable.meaning)}`)
    expect(summary).toContain(
      `az role assignment create --assignee-object-id ${principalIdFor(1)} --assignee-principal-type ServicePrincipal ` +
        `--role ${READER_ID} --scope ${consented.roleAssignments[1]!.scope}`
    )
    expect(summary).toContain('Trace id: `0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9`')
    expect(summary).toContain(`- Consent: **consented**: ${md(CONSENT_WORDS.consented.meaning)}`)
  })

  it('shows the app, the secret and the fix command for an app it does not own', () => {
    const report = freshProviderPlan()
    report.app = {
      ...report.app,
      status: 'not-owned',
      fixCommand: 'az ad app owner add --id x --owner-object-id y'
    }
    const summary = renderSummary(report)
    expect(summary).toContain('**App** Contoso Provider Access')
    expect(summary).toContain('**not owned**')
    expect(summary).toContain('```sh\naz ad app owner add --id x --owner-object-id y\n```')
    expect(summary).toContain(`**Secret** kv-provider › contoso-provider-access · **missing**`)
    expect(summary).toContain(md(SECRET_WORDS.missing.next))
  })

  it('says in plan mode what apply would do, and in apply mode what it did', () => {
    const plan = renderSummary(freshProviderPlan())
    expect(plan).toContain('### Plan: what `apply` would do')
    expect(plan).toContain('nothing was written')
    expect(plan).toContain(
      `| 1 | create the app registration | application contoso-provider-access | no app with this uniqueName | write | ${md(PLAN_NOT_RUN)} |`
    )
    const apply = renderSummary(applyRun())
    expect(apply).not.toContain('would')
    expect(apply).toContain('### Steps')
    expect(apply).toMatch(/\| 1 \| update the app registration \| .* \| write \| done \|/)
    expect(apply).toMatch(
      /\| 4 \| create a role assignment \| .* \| write \| failed: AuthorizationFailed&#58; no roleAssignments\/write \|/
    )
    expect(apply).toContain(
      "| 5 | ask the customer's admin for consent | Tailspin | not consented | read | needs a person |"
    )
    expect(apply).toContain('**rotated**')
  })

  it('renders outside text inert in names, details, display names and steps', () => {
    const summary = renderSummary(hostileReport())
    expectInert(summary)
    expect(summary.split('\n').filter(line => line.startsWith('|')).length).toBeGreaterThan(8)
  })

  it('keeps every table intact', () => {
    expectTablesIntact(renderSummary(customersInEachState()))
    expectTablesIntact(renderSummary(applyRun()))
  })
})

describe('renderSummary at scale', () => {
  const report = manyTenants(1000, 200)

  it('stays under 900 KiB at 1,000 tenants with long names, and says it was shortened', () => {
    const full = renderSummary(report, { maxBytes: Number.MAX_SAFE_INTEGER })
    expect(Buffer.byteLength(full)).toBeGreaterThan(DEFAULT_SUMMARY_MAX_BYTES)
    const summary = renderSummary(report, { reportFile: 'etb-report.json' })
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(DEFAULT_SUMMARY_MAX_BYTES)
    expect(summary).toContain('Shortened')
    expect(summary).toContain('etb-report.json')
    expectTablesIntact(summary)
  })

  it('drops the details of consented tenants first', () => {
    const full = renderSummary(report, { maxBytes: Number.MAX_SAFE_INTEGER })
    const withoutDetails = renderSummary(report, { maxBytes: Buffer.byteLength(full) - 1 })
    expect(withoutDetails).toContain('the details of 800 tenants with nothing to do are left out')
    expect((withoutDetails.match(/<details><summary>Tenant/g) ?? []).length).toBe(200)
    expect(withoutDetails.match(/^\| Tenant \d+ /gm)?.length).toBe(1000)
  })

  it('then lists only the tenants that need attention', () => {
    const full = renderSummary(report, { maxBytes: Number.MAX_SAFE_INTEGER })
    const problemsOnly = renderSummary(report, { maxBytes: Math.floor(Buffer.byteLength(full) / 2) })
    expect(problemsOnly).toContain('the tables list only tenants that need attention')
    expect(problemsOnly.match(/^\| Tenant \d+ /gm)?.length).toBe(200)
    expect(problemsOnly).not.toContain('check a role assignment')
  })

  it('last cuts between blocks with a note naming the report file', () => {
    const summary = renderSummary(report, { maxBytes: 50_000, reportFile: 'out/etb.json' })
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(50_000)
    expect(summary).toContain('the full data is in out/etb.json.')
    // The plan the headline promises comes after the cut.
    expect(summary.indexOf('### Plan')).toBeGreaterThan(summary.indexOf('the full data is in out/etb.json.'))
    expect(summary.split('<details>').length).toBe(summary.split('</details>').length)
    expectTablesIntact(summary)
  })
})

describe('role assignment problems in the tenant table', () => {
  it('are counted by status and point to the details', () => {
    const report = customersInEachState()
    expect(rowOf(renderSummary(report), report.tenants[0]!)).toContain(
      md('Role assignments: 1 missing, 1 unverifiable; see the details for what to do')
    )
    expect(rowOf(renderSummary(applyRun()), applyRun().tenants[0]!)).toContain('| Nothing to do |')
  })
})
