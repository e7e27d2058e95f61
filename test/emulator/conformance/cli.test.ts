/** The CLI as `npm run emulator` runs it: a child process whose first stdout line is the endpoints JSON. */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { ClientSecretCredential } from '@azure/identity'
import type { EmulatorEndpoints } from '../index.js'
import { FABRIKAM, PROVIDER_APP, scenarioPath } from '../scenarios/ids.js'
import { jwtClaims } from './support.js'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

function runCli(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', './scripts/ts-loader.mjs', 'test/emulator/cli.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.once('line', line => resolve(line))
    child.once('exit', code => reject(new Error(`CLI exited with ${code} before printing endpoints`)))
  })
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise(resolve => child.once('exit', code => resolve(code)))
}

describe('npm run emulator', () => {
  it('prints the endpoints first, serves real SDK calls, and exits 0 on SIGTERM', async () => {
    const child = runCli(['--scenario', scenarioPath('three-customers'), '--seed', '3'])
    try {
      const endpoints = JSON.parse(await firstLine(child)) as EmulatorEndpoints
      expect(Object.keys(endpoints)).toEqual(
        expect.arrayContaining([
          'authorityHost',
          'graphEndpoint',
          'armEndpoint',
          'keyVaultUrls',
          'oidcRequestUrl',
          'oidcRequestToken',
          'caFile',
          'controlUrl',
          'cloudEndpoints'
        ])
      )
      expect(JSON.parse(endpoints.cloudEndpoints)).toMatchObject({
        authorityHost: endpoints.authorityHost,
        armAudience: 'https://management.azure.com',
        graphAudience: 'https://graph.microsoft.com',
        keyVaultAudience: 'https://vault.azure.net',
        oidcAudience: 'api://AzureADTokenExchange',
        keyVaultUrls: { 'kv-provider': expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+\/$/) }
      })
      const ca = readFileSync(endpoints.caFile, 'utf8')
      const cred = new ClientSecretCredential(FABRIKAM.tenantId, PROVIDER_APP.appId, PROVIDER_APP.secret, {
        authorityHost: endpoints.authorityHost,
        disableInstanceDiscovery: true,
        tlsOptions: { ca }
      })
      const token = await cred.getToken('https://management.azure.com/.default')
      expect(jwtClaims(token.token)).toMatchObject({
        tid: FABRIKAM.tenantId,
        oid: FABRIKAM.servicePrincipalId
      })
      const exited = exitCode(child)
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  })

  it('refuses an unknown flag with usage and exit code 2', async () => {
    const child = runCli(['--bogus'])
    let stderr = ''
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
    expect(await exitCode(child)).toBe(2)
    expect(stderr).toContain('usage: npm run emulator')
  })
})
