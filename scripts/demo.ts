/**
 * `npm start`: the action against the Azure emulator, end to end. It starts the emulator with a provider and
 * three customers (Fabrikam consented, Northwind not, Tailspin's admin disabled the app), runs the built action
 * (dist/index.js) exactly as the Actions runner does — plan, then apply — and prints each job summary.
 * `npm start -- --serve` keeps the emulator running afterwards: consent with curl through the printed link, press
 * Enter, and the next plan shows the tenant consented.
 */
import { fileURLToPath } from 'node:url'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
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

type Run = Awaited<ReturnType<typeof runAction>>

async function runMode(mode: 'plan' | 'apply'): Promise<Run> {
  console.log(`━━━━━━━━━━ mode: ${mode} ━━━━━━━━━━`)
  const run = await runAction({
    endpoints,
    inputs: {
      mode,
      'client-id': automation!.clientId,
      'tenant-id': automation!.tenantId,
      cloud: 'custom',
      'cloud-endpoints': endpoints.cloudEndpoints,
      'fail-on': 'none'
    },
    files: { '.github/tenants.yml': tenantsFile }
  })
  console.log(forTerminal(run.summary))
  console.log(`exit code ${run.exitCode}; outputs: ${JSON.stringify(run.outputs)}\n`)
  if (run.exitCode !== 0) {
    console.error(run.stdout, run.stderr)
    process.exitCode = 1
  }
  return run
}

function waitingTenant(run: Run): { name: string; link: string } | undefined {
  const report = run.report as {
    tenants?: { name: string; consent: { status: string; link: string | null } }[]
  }
  const tenant = report?.tenants?.find(t => t.consent.status === 'needs-consent' && t.consent.link)
  return tenant?.consent.link ? { name: tenant.name, link: tenant.consent.link } : undefined
}

await runMode('plan')
let last = await runMode('apply')
let waiting = waitingTenant(last)
if (waiting) console.log(`${waiting.name} still needs consent. Its admin would open:\n  ${waiting.link}`)

if (serve) {
  // Interactive: the reader consents as the customer's admin, then sees the next plan pick it up.
  const lines = createInterface({ input: process.stdin })
  while (waiting) {
    console.log(
      `\nConsent as that admin:\n  curl --cacert ${endpoints.caFile} -s -o /dev/null -w '%{http_code} %{redirect_url}\\n' '${waiting.link}'\n` +
        'then press Enter to plan again (Ctrl-D stops).'
    )
    const line = await new Promise<string | undefined>(resolve => {
      lines.once('line', resolve)
      lines.once('close', () => resolve(undefined))
    })
    if (line === undefined) break
    last = await runMode('plan')
    waiting = waitingTenant(last)
  }
  lines.close()
} else if (waiting) {
  console.log('Run `npm start -- --serve` to consent with curl and watch the next plan pick it up.')
}
await emulator.stop()
console.log(`report: ${last.reportFile ?? '(none)'}`)
