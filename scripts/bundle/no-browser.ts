/**
 * Stands in for the `open` package in the bundle (tsconfig.json `paths` maps `open` here; ncc resolves through
 * it). @azure/identity imports `open` lazily for interactive browser sign-in, which the action never uses: it
 * signs in with ClientAssertionCredential and ClientSecretCredential. Bundling the real package would ship a
 * chunk and a shell script that launches browsers in dist/.
 */
export default function open(): never {
  throw new Error(
    'entra-tenant-bridge does not open a browser: interactive sign-in is not part of the action'
  )
}
