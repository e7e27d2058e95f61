/**
 * `npm start`: the action against the Azure emulator, end to end. It starts the emulator with a provider and
 * three customers (Fabrikam consented, Northwind not, Tailspin's admin disabled the app), runs the built action
 * (dist/index.js) exactly as the Actions runner does — plan, then apply — and prints each job summary.
 * `npm start -- --serve` keeps the emulator running afterwards, so the printed consent link can be opened with
 * curl and the action re-run against it.
 */
import { fileURLToPath } from 'node:url'
import { readFileSync } from 'node:fs'
import { runAction } from '../test/action-runner.js'
import { startEmulator } from '../test/emulator/index.js'

const scenario = fileURLToPath(new URL('../test/emulator/scenarios/three-customers.yml', import.meta.url))
const tenantsFile = readFileSync(
  new URL('../test/integration/fixtures/three-customers.tenants.yml', import.meta.url),
  'utf8'
)
const serve = process.argv.includes('--serve')

/** The summary is Markdown with every outside character escaped as an HTML entity; a terminal shows it plain. */
function forTerminal(markdown: string): string {
  return markdown
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, '&')
    .replace(/\u200b/g, '')
}

const emulator = await startEmulator({ scenario })
const { endpoints } = emulator
const automation = endpoints.automation
if (!automation) throw new Error('the demo scenario names no automation identity')
console.log(
  `Azure emulator on ${endpoints.authorityHost} (scenario: test/emulator/scenarios/three-customers.yml)\n`
)

let last: Awaited<ReturnType<typeof runAction>> | undefined
for (const mode of ['plan', 'apply']) {
  console.log(`━━━━━━━━━━ mode: ${mode} ━━━━━━━━━━`)
  last = await runAction({
    endpoints,
    inputs: {
      mode,
      'client-id': automation.clientId,
      'tenant-id': automation.tenantId,
      cloud: 'custom',
      'cloud-endpoints': endpoints.cloudEndpoints,
      'fail-on': 'none'
    },
    files: { '.github/tenants.yml': tenantsFile }
  })
  console.log(forTerminal(last.summary))
  console.log(`exit code ${last.exitCode}; outputs: ${JSON.stringify(last.outputs)}\n`)
  if (last.exitCode !== 0) {
    console.error(last.stdout, last.stderr)
    process.exitCode = 1
  }
}

const report = last?.report as
  { tenants?: { name: string; consent: { status: string; link: string | null } }[] } | undefined
const waiting = report?.tenants?.find(
  tenant => tenant.consent.status === 'needs-consent' && tenant.consent.link
)
if (waiting?.consent.link) {
  console.log(`${waiting.name} still needs consent. Its admin would open:\n  ${waiting.consent.link}`)
  console.log(
    serve
      ? `Consent as that admin with:\n  curl --cacert ${endpoints.caFile} -sI '${waiting.consent.link}'\nthen run the action again. Ctrl-C stops the emulator.`
      : 'Run `npm start -- --serve` to keep the emulator up, consent with curl, and run again.'
  )
}
if (!serve) await emulator.stop()
console.log(`report: ${last?.reportFile ?? '(none)'}`)
