/**
 * `npm start`: the action against the Azure emulator, end to end. It starts the emulator with a provider and
 * three customers (Fabrikam consented, Northwind not, Tailspin's admin disabled the app), runs the built action
 * (dist/index.js) exactly as the Actions runner does — plan, then apply — and shows each run for a terminal.
 * `npm start -- --serve` keeps the emulator running afterwards: consent with curl through the printed command,
 * press Enter, and the next plan shows the tenant consented.
 *
 * It leaves nothing in the temp dir: each run's workspace is removed (test/action-runner.ts), and the emulator's
 * TLS files and the last report stay in the project's .tmp/ (npm start sets EMULATOR_TLS_DIR).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { runAction } from '../test/action-runner.js'
import { startEmulator } from '../test/emulator/index.js'
import { type DemoReport, WIDTH, consentCommand, renderRun, urlPieces, wrap } from './demo-render.js'

const SCENARIO = 'test/emulator/scenarios/three-customers.yml'
const scenario = fileURLToPath(new URL(`../${SCENARIO}`, import.meta.url))
const tenantsFile = readFileSync(
  new URL('../test/integration/fixtures/three-customers.tenants.yml', import.meta.url),
  'utf8'
)
const lastReport = fileURLToPath(new URL('../.tmp/demo-report.json', import.meta.url))
const serve = process.argv.includes('--serve')

function say(text = ''): void {
  console.log(text)
}

function heading(title: string): void {
  say(`── ${title} ${'─'.repeat(Math.max(0, WIDTH - title.length - 4))}`)
}

const emulator = await startEmulator({ scenario })
const { endpoints } = emulator
const automation = endpoints.automation
if (!automation) throw new Error('the demo scenario names no automation identity')
say(`Azure emulator on ${endpoints.authorityHost} (scenario ${SCENARIO})`)
say(`Provider tenant ${automation.tenantId}, automation identity ${automation.clientId}`)
say()

type Waiting = { name: string; link: string }

async function runMode(mode: 'plan' | 'apply'): Promise<Waiting | undefined> {
  heading(`mode: ${mode}`)
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
  const report = run.report as DemoReport | undefined
  if (run.exitCode !== 0 || !report) {
    say(`The action exited with code ${run.exitCode}${report ? '' : ' and wrote no report'}:`)
    say(run.stdout)
    console.error(run.stderr)
    process.exitCode = 1
    return undefined
  }
  for (const line of renderRun(report)) say(line)
  say()
  mkdirSync(fileURLToPath(new URL('../.tmp/', import.meta.url)), { recursive: true })
  writeFileSync(lastReport, JSON.stringify(report, null, 2))
  const tenant = report.tenants.find(t => t.consent.status === 'needs-consent' && t.consent.link)
  return tenant?.consent.link ? { name: tenant.name, link: tenant.consent.link } : undefined
}

function showConsentLink(waiting: Waiting): void {
  say(
    `${waiting.name} still needs consent. Its admin would open this link (one URL, split to fit the screen):`
  )
  const [first, ...rest] = urlPieces(waiting.link)
  say(`  ${first}`)
  for (const piece of rest) say(`    ${piece}`)
}

await runMode('plan')
let waiting = await runMode('apply')
if (waiting) showConsentLink(waiting)

if (serve) {
  // Interactive: the reader consents as the customer's admin, then sees the next plan pick it up.
  const lines = createInterface({ input: process.stdin })
  while (waiting) {
    say()
    say(`Consent as ${waiting.name}'s admin (the emulator plays Entra's consent page):`)
    for (const line of consentCommand(endpoints.caFile, waiting.link)) say(line)
    say('then press Enter to plan again (Ctrl-D stops).')
    const line = await new Promise<string | undefined>(resolve => {
      lines.once('line', resolve)
      lines.once('close', () => resolve(undefined))
    })
    if (line === undefined) break
    waiting = await runMode('plan')
  }
  lines.close()
} else if (waiting) {
  say()
  for (const line of wrap(
    'Run `npm start -- --serve` to consent with curl and watch the next plan pick it up.',
    WIDTH
  ))
    say(line)
}
await emulator.stop()
say(`The last run's JSON report: ${lastReport}`)
