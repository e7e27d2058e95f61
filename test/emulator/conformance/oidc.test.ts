/**
 * The GitHub OIDC issuer through the real `core.getIDToken` (https://github.com/actions/toolkit/tree/main/packages/core,
 * "@actions/core"); claims and subject formats from docs.github.com/en/actions/reference/security/oidc
 * (https://learn.microsoft.com/entra/identity-platform/access-tokens).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { startEmulator } from '../index.js'
import type { Emulator } from '../index.js'
import { verifyWithJwks } from '../jwt.js'
import type { Jwk } from '../jwt.js'
import { trustEmulatorCa } from '../sdk.js'
import { scenarioPath } from '../scenarios/ids.js'
import { jwtClaims, rawRequest } from './support.js'

let emu: Emulator
let getIDToken: (aud?: string) => Promise<string>

beforeAll(async () => {
  emu = await startEmulator({ scenario: scenarioPath('three-customers') })
  trustEmulatorCa(emu.ca)
  process.env.ACTIONS_ID_TOKEN_REQUEST_URL = emu.endpoints.oidcRequestUrl
  process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = emu.endpoints.oidcRequestToken
  // getIDToken masks the token with a workflow command on stdout; keep the test output clean
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  ;({ getIDToken } = await import('@actions/core'))
})
afterAll(async () => {
  jest.restoreAllMocks()
  delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL
  delete process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  await emu.stop()
})

describe('getIDToken', () => {
  it("issues GitHub's claims for a push to main, with the requested audience and a 5-minute lifetime", async () => {
    const claims = jwtClaims(await getIDToken('api://AzureADTokenExchange'))
    expect(claims).toMatchObject({
      iss: 'https://token.actions.githubusercontent.com',
      sub: 'repo:contoso/tenant-onboarding:ref:refs/heads/main',
      aud: 'api://AzureADTokenExchange',
      repository: 'contoso/tenant-onboarding',
      repository_owner: 'contoso',
      ref: 'refs/heads/main',
      event_name: 'push',
      job_workflow_ref: 'contoso/tenant-onboarding/.github/workflows/tenants.yml@refs/heads/main'
    })
    expect(claims.sha).toMatch(/^[0-9a-f]{40}$/)
    expect(claims.run_id).toEqual(expect.any(String))
    expect(Number(claims.exp) - Number(claims.iat)).toBe(300)
    expect(claims.nbf).toBe(claims.iat)
  })

  it('defaults the audience to the repository owner URL', async () => {
    expect(jwtClaims(await getIDToken()).aud).toBe('https://github.com/contoso')
  })

  it('uses the environment subject when the job has an environment, and the pull_request subject on PRs', async () => {
    await emu.control.setGithub({ environment: 'production' })
    const env = jwtClaims(await getIDToken('api://AzureADTokenExchange'))
    expect(env).toMatchObject({
      sub: 'repo:contoso/tenant-onboarding:environment:production',
      environment: 'production'
    })
    await emu.control.setGithub({ environment: null, eventName: 'pull_request', ref: 'refs/pull/7/merge' })
    expect(jwtClaims(await getIDToken('api://AzureADTokenExchange')).sub).toBe(
      'repo:contoso/tenant-onboarding:pull_request'
    )
    await emu.control.setGithub({ eventName: 'push', ref: 'refs/heads/main' })
  })

  it('is signed with a key published in the issuer JWKS (RS256 with kid)', async () => {
    const token = await getIDToken('api://AzureADTokenExchange')
    const config = (
      await rawRequest(`${emu.endpoints.authorityHost}/_github/.well-known/openid-configuration`, emu.ca)
    ).json()
    expect(config.issuer).toBe('https://token.actions.githubusercontent.com')
    const jwks = (await rawRequest(String(config.jwks_uri), emu.ca)).json() as { keys: Jwk[] }
    expect(verifyWithJwks(token, jwks)?.header).toMatchObject({ alg: 'RS256', kid: jwks.keys[0]!.kid })
  })

  it('refuses a request without the request token', async () => {
    const res = await rawRequest(`${emu.endpoints.oidcRequestUrl}&audience=x`, emu.ca, {
      headers: { authorization: 'Bearer wrong' }
    })
    expect(res.status).toBe(401)
  })
})
