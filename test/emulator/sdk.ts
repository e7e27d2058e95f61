/**
 * Pointing the real SDKs at an in-process emulator (https://github.com/Azure/azure-sdk-for-js).
 *
 * Trust: `NODE_EXTRA_CA_CERTS` is read only at process start, so an emulator started inside jest cannot use it.
 * Azure SDK credentials and clients take the CA per client (`tlsOptions: { ca }`, see `credentialOptions`).
 * The Graph client calls Node's global `fetch` (undici), and @actions/core uses @actions/http-client; neither
 * takes a CA, and undici is not a direct dependency, so `trustEmulatorCa` adds the CA to the process's default
 * trust store with `tls.setDefaultCACertificates` (Node ≥ 22.15 / 24.5), which both honour.
 */
import { getCACertificates, setDefaultCACertificates } from 'node:tls'
import type { TokenCredential } from '@azure/identity'
import { Client } from '@microsoft/microsoft-graph-client'
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js'
import type { Emulator } from './index.js'
import { AUDIENCES } from './index.js'

const trusted = new Set<string>()

/** Adds the emulator's CA to this process's default trust store (global fetch, node:https, http-client). */
export function trustEmulatorCa(caPem: string): void {
  if (trusted.has(caPem)) return
  setDefaultCACertificates([...getCACertificates('default'), caPem])
  trusted.add(caPem)
}

/** Options for any @azure/identity credential: the emulator's authority, no instance discovery, its CA. */
export function credentialOptions(emulator: Emulator): {
  authorityHost: string
  disableInstanceDiscovery: true
  tlsOptions: { ca: string }
  additionallyAllowedTenants: string[]
} {
  return {
    authorityHost: emulator.endpoints.authorityHost,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: emulator.ca },
    additionallyAllowedTenants: ['*']
  }
}

/** A Graph client on the emulator (customHosts so the token is sent to 127.0.0.1). */
export function graphClient(emulator: Emulator, credential: TokenCredential): Client {
  trustEmulatorCa(emulator.ca)
  return Client.initWithMiddleware({
    authProvider: new TokenCredentialAuthenticationProvider(credential, {
      scopes: [`${AUDIENCES.graph}/.default`]
    }),
    baseUrl: emulator.endpoints.graphEndpoint,
    customHosts: new Set(['127.0.0.1'])
  })
}
