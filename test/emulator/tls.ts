/**
 * The emulator's TLS material: a throw-away CA and a server certificate for 127.0.0.1/localhost signed by it.
 * The Azure SDKs refuse bearer tokens over plain HTTP and MSAL requires an https authority
 * (@azure/core-rest-pipeline `tlsOptions`: https://github.com/Azure/azure-sdk-for-js/tree/main/sdk/core/core-rest-pipeline), so every listener is HTTPS and callers trust `caFile`.
 */
import { X509Certificate, generateKeyPairSync } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import forge from 'node-forge'

export interface TlsMaterial {
  caPem: string
  certPem: string
  keyPem: string
  /** A PEM file holding the CA: what `NODE_EXTRA_CA_CERTS` points at. */
  caFile: string
}

const ONE_DAY_MS = 24 * 60 * 60 * 1000
/** RSA 2048 is the smallest size Node's default security level accepts for TLS certificates. */
const RSA_BITS = 2048

let cached: TlsMaterial | undefined

/**
 * Keys come from node:crypto (native, ~50 ms) rather than forge's pure-JS generator (seconds); forge only
 * builds and signs the X.509 structures. Generated once per process: each start of the emulator reuses them.
 */
export function tlsMaterial(): TlsMaterial {
  if (cached) return cached
  const shared = process.env[TLS_DIR_ENV]
  cached = shared ? sharedTlsMaterial(shared) : generateTlsMaterial()
  return cached
}

function generateTlsMaterial(): TlsMaterial {
  const caKeys = rsaKeyPair()
  const serverKeys = rsaKeyPair()
  const caCert = buildCertificate({
    serial: '01',
    subject: [{ name: 'commonName', value: 'entra-tenant-bridge emulator CA' }],
    issuer: undefined,
    publicKey: caKeys.publicKey,
    signingKey: caKeys.privateKey,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
    ]
  })
  const serverCert = buildCertificate({
    serial: '02',
    subject: [{ name: 'commonName', value: '127.0.0.1' }],
    issuer: caCert.subject.attributes,
    publicKey: serverKeys.publicKey,
    signingKey: caKeys.privateKey,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      // type 7 = iPAddress, type 2 = dNSName (RFC 5280 §4.2.1.6 GeneralName)
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' }
        ]
      }
    ]
  })
  const caPem = forge.pki.certificateToPem(caCert)
  const dir = mkdtempSync(join(tmpdir(), 'entra-emulator-'))
  const caFile = join(dir, 'ca.pem')
  writeFileSync(caFile, caPem)
  return {
    caPem,
    certPem: forge.pki.certificateToPem(serverCert),
    keyPem: serverKeys.privateKeyPem,
    caFile
  }
}

/**
 * Where a test run keeps one TLS identity for every emulator it starts. Node reads `NODE_EXTRA_CA_CERTS` only at
 * process start, so in-process tests can trust the emulator only if its CA exists before jest starts: `npm run
 * jest` creates it here first (scripts/emulator-tls.ts) and points both variables at it.
 */
export const TLS_DIR_ENV = 'EMULATOR_TLS_DIR'

/** The TLS material kept in `dir`, created there on first use. */
export function sharedTlsMaterial(folder: string): TlsMaterial {
  // Absolute, because the caFile is handed to child processes that run in other folders.
  const dir = resolve(folder)
  const files = {
    caFile: join(dir, 'ca.pem'),
    cert: join(dir, 'server.pem'),
    key: join(dir, 'server-key.pem')
  }
  if (
    !existsSync(files.caFile) ||
    !existsSync(files.cert) ||
    !existsSync(files.key) ||
    expiresSoon(files.cert)
  ) {
    const fresh = generateTlsMaterial()
    mkdirSync(dir, { recursive: true })
    writeFileSync(files.key, fresh.keyPem, { mode: 0o600 })
    writeFileSync(files.cert, fresh.certPem)
    writeFileSync(files.caFile, fresh.caPem)
  }
  return {
    caPem: readFileSync(files.caFile, 'utf8'),
    certPem: readFileSync(files.cert, 'utf8'),
    keyPem: readFileSync(files.key, 'utf8'),
    caFile: files.caFile
  }
}

function expiresSoon(certFile: string): boolean {
  return Date.parse(new X509Certificate(readFileSync(certFile)).validTo) < Date.now() + ONE_DAY_MS
}

interface ForgeKeys {
  publicKey: forge.pki.PublicKey
  privateKey: forge.pki.PrivateKey
  privateKeyPem: string
}

function rsaKeyPair(): ForgeKeys {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: RSA_BITS,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' }
  })
  return {
    publicKey: forge.pki.publicKeyFromPem(publicKey),
    privateKey: forge.pki.privateKeyFromPem(privateKey),
    privateKeyPem: privateKey
  }
}

interface CertificateSpec {
  serial: string
  subject: forge.pki.CertificateField[]
  /** undefined for a self-signed certificate */
  issuer: forge.pki.CertificateField[] | undefined
  publicKey: forge.pki.PublicKey
  signingKey: forge.pki.PrivateKey
  extensions: object[]
}

function buildCertificate(spec: CertificateSpec): forge.pki.Certificate {
  const cert = forge.pki.createCertificate()
  cert.serialNumber = spec.serial
  cert.publicKey = spec.publicKey
  // Backdated a day so clock skew between processes never makes it "not yet valid".
  cert.validity.notBefore = new Date(Date.now() - ONE_DAY_MS)
  cert.validity.notAfter = new Date(Date.now() + 30 * ONE_DAY_MS)
  cert.setSubject(spec.subject)
  cert.setIssuer(spec.issuer ?? spec.subject)
  cert.setExtensions(spec.extensions)
  cert.sign(spec.signingKey as forge.pki.rsa.PrivateKey, forge.md.sha256.create())
  return cert
}
