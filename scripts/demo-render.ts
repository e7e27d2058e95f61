/**
 * The `npm start` demo's terminal view of one run: plain text, aligned columns, no line wider than
 * {@link WIDTH}. It reads the action's JSON report (the `report-file` contract in the README), not the job
 * summary: the summary is Markdown for github.com, a terminal shows its markup raw. Every name comes from the
 * report; the wording says what the run did (written, would write, waits for a person), not what it might have.
 */

/** Columns of a classic wide terminal; the demo's output is tested against it. */
export const WIDTH = 120

/** The parts of the JSON report the demo shows (a structural subset, so the demo does not import src/). */
export interface DemoReport {
  mode: string
  app: { uniqueName: string; displayName: string; appId: string | null; status: string }
  tenants: {
    name: string
    tenantId: string
    consent: { status: string; code: number | null; link: string | null }
    roleAssignments: { role: string; scope: string; status: string }[]
  }[]
  secret: { status: string; keyVault?: string; secretName?: string; expiresOn: string | null }
  steps: { kind: string; target: string; reason: string; write: boolean; outcome?: string }[]
  drift: boolean
  changed: boolean
}

/** Cuts `text` to `width` characters, marking the cut with an ellipsis; line breaks and tabs become spaces. */
export function clip(text: string, width: number): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ')
  return flat.length <= width ? flat : `${flat.slice(0, Math.max(0, width - 1))}…`
}

/** Words of `text` in lines of at most `width` characters (a word longer than that is clipped). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const piece = clip(word, width)
    if (line && line.length + 1 + piece.length > width) {
      lines.push(line)
      line = piece
    } else line = line ? `${line} ${piece}` : piece
  }
  return line ? [...lines, line] : lines
}

/**
 * An aligned table: each column as wide as its widest cell, capped so the row fits {@link WIDTH} after `indent`;
 * the last column takes what is left and longer cells are clipped.
 */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  indent = '  '
): string[] {
  const all = [header, ...rows]
  const gap = 2
  const widths = header.map((_, c) => Math.max(...all.map(row => (row[c] ?? '').length)))
  let room = WIDTH - indent.length - gap * (header.length - 1)
  const capped = widths.map((w, c) => {
    const left = header.length - c - 1
    const width = c === header.length - 1 ? Math.min(w, room) : Math.min(w, Math.max(8, room - 8 * left))
    room -= width
    return width
  })
  const line = (row: readonly string[]): string =>
    indent +
    row
      .map((cell, c) => clip(cell, capped[c]!).padEnd(c === row.length - 1 ? 0 : capped[c]!))
      .join(' '.repeat(gap))
      .trimEnd()
  return [line(header), line(header.map((_, c) => '─'.repeat(capped[c]!))), ...rows.map(line)]
}

function consentCell(consent: DemoReport['tenants'][number]['consent']): string {
  const words = consent.status.replace(/-/g, ' ')
  return consent.code === null ? words : `${words} (AADSTS${consent.code})`
}

function rolesCell(assignments: DemoReport['tenants'][number]['roleAssignments']): string {
  if (assignments.length === 0) return '—'
  const counts = new Map<string, number>()
  for (const a of assignments) counts.set(a.status, (counts.get(a.status) ?? 0) + 1)
  return [...counts].map(([status, n]) => `${n} ${status}`).join(', ')
}

function stepState(step: DemoReport['steps'][number], mode: string): string {
  if (step.outcome === 'manual' || (!step.write && step.kind === 'request-consent')) return 'needs a person'
  if (step.outcome) return step.outcome
  if (mode === 'plan') return step.write ? 'apply would write' : 'read only'
  return 'not run'
}

/** One sentence on what the run did, from its steps. */
export function verdict(report: DemoReport): string {
  const manual = report.steps.filter(step => stepState(step, report.mode) === 'needs a person').length
  const people = manual === 0 ? '' : `; ${manual} ${manual === 1 ? 'step needs' : 'steps need'} a person`
  if (report.mode === 'plan') {
    const writes = report.steps.filter(step => step.write).length
    const what =
      writes === 0 ? 'apply would write nothing' : `apply would write ${writes} ${plural(writes, 'change')}`
    return `Plan (nothing was written): ${what}${people}.`
  }
  const done = report.steps.filter(step => step.write && step.outcome === 'done').length
  const failed = report.steps.filter(step => step.outcome === 'failed').length
  const wrote = report.changed ? `wrote ${done} ${plural(done, 'change')}` : 'wrote nothing'
  return `Apply ${wrote}${failed > 0 ? `, ${failed} ${plural(failed, 'step')} failed` : ''}${people}.`
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`
}

/** What happens next for a tenant that is not consented, in words, naming the tenant and the app. */
export function nextStep(tenant: DemoReport['tenants'][number], app: DemoReport['app']): string | undefined {
  const who = `${tenant.name}'s admin`
  switch (tenant.consent.status) {
    case 'consented':
      return undefined
    case 'needs-consent':
      return `${tenant.name}: send the consent link to ${who}; the next run then checks its role assignments.`
    case 'disabled':
      return `${tenant.name}: ${who} disabled ${app.displayName}; they enable it in the Entra admin center under Enterprise applications › ${app.displayName} › Properties.`
    case 'blocked':
      return `${tenant.name}: a Conditional Access policy there blocks ${app.displayName}; ask ${who} to exclude it.`
    case 'tenant-not-found':
      return `${tenant.name}: no tenant ${tenant.tenantId} in this cloud; check the tenant id and the cloud input.`
    default:
      return `${tenant.name}: ${tenant.consent.status.replace(/-/g, ' ')}; the JSON report has Entra's answer and its trace id.`
  }
}

/** The terminal view of one run's report. */
export function renderRun(report: DemoReport): string[] {
  const app = report.app
  const secret = report.secret
  const vault =
    secret.keyVault && secret.secretName ? `${secret.keyVault}/${secret.secretName}` : 'no Key Vault'
  const expires = secret.expiresOn ? `, expires ${secret.expiresOn.slice(0, 10)}` : ''
  const lines = [
    clip(
      `App     ${app.displayName} (${app.uniqueName}), app id ${app.appId ?? 'none yet'}: ${app.status}`,
      WIDTH
    ),
    clip(`Secret  ${vault}: ${secret.status}${expires}`, WIDTH),
    '',
    ...table(
      ['Customer', 'Tenant id', 'Consent', 'Role assignments'],
      report.tenants.map(t => [t.name, t.tenantId, consentCell(t.consent), rolesCell(t.roleAssignments)])
    ),
    ''
  ]
  if (report.steps.length > 0) {
    lines.push(
      ...table(
        ['Step', 'Target', 'State'],
        report.steps.map(step => [step.kind, step.target, stepState(step, report.mode)])
      ),
      ''
    )
  }
  const next = report.tenants.flatMap(tenant => nextStep(tenant, app) ?? [])
  if (next.length > 0) {
    lines.push('Next:')
    for (const sentence of next) {
      const [first, ...rest] = wrap(sentence, WIDTH - 4)
      lines.push(`  - ${first}`, ...rest.map(line => `    ${line}`))
    }
    lines.push('')
  }
  lines.push(...wrap(verdict(report), WIDTH))
  return lines
}

/**
 * A URL too long for one line, split before its query parameters; the pieces joined give the URL back
 * (the shell joins adjacent quoted strings, so the same pieces also make a runnable command).
 */
export function urlPieces(url: string): string[] {
  const [base = url, query] = url.split('?', 2)
  if (!query) return [base]
  return [base, ...query.split('&').map((param, i) => `${i === 0 ? '?' : '&'}${param}`)]
}

/**
 * The curl command that consents as the customer's admin, one quoted piece of the URL per line. The pieces after
 * the first start in column one: the shell joins `'a'\` + newline + `'b'` into one word only without a space.
 */
export function consentCommand(caFile: string, link: string): string[] {
  const pieces = urlPieces(link).map(piece => `'${piece.replace(/'/g, "'\\''")}'`)
  return [
    `  curl --cacert ${caFile} -s -o /dev/null \\`,
    `    -w '%{http_code} %{redirect_url}\\n' \\`,
    ...pieces.map((piece, i) => `${i === 0 ? '    ' : ''}${piece}${i < pieces.length - 1 ? '\\' : ''}`)
  ]
}
