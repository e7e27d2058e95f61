/**
 * The floor under the action's CPU per tenant: the same requests a plan run sends to the customer tenants (a token
 * request each; the consented tenants' ARM reads with the token), sent by Node's own HTTPS client with a keep-alive
 * agent at the same concurrency — no SDK, no retries, no verdicts, no report. `npm run bench` runs it as its own
 * process with the file named by its one argument, and reads one JSON line from its stdout: the process's CPU
 * time, its wall time and the requests it sent.
 */
import { readFileSync } from 'node:fs'
import { Agent, request } from 'node:https'
import { performance } from 'node:perf_hooks'
import { URLSearchParams } from 'node:url'

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency })
let sent = 0

function send(method, path, headers, body) {
  sent++
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, job.origin), { method, headers, agent }, res => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', chunk => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode, json: text ? JSON.parse(text) : undefined }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

async function tenant({ tenantId, armRequests }) {
  const form = new URLSearchParams({
    client_id: job.appId,
    client_secret: job.secret,
    scope: job.scope,
    grant_type: 'client_credentials'
  }).toString()
  const token = await send(
    'POST',
    `/${tenantId}/oauth2/v2.0/token`,
    { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    form
  )
  if (token.status !== 200) return
  const authorization = `Bearer ${token.json.access_token}`
  await Promise.all(armRequests.map(path => send('GET', path, { authorization, accept: 'application/json' })))
}

const started = performance.now()
let next = 0
await Promise.all(
  Array.from({ length: job.concurrency }, async () => {
    while (next < job.tenants.length) await tenant(job.tenants[next++])
  })
)
const usage = process.resourceUsage()
process.stdout.write(
  JSON.stringify({
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    wallMs: performance.now() - started,
    requests: sent
  }) + '\n'
)
agent.destroy()
