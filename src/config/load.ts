/**
 * The tenants file, from text to a typed configuration: YAML syntax, then the schema, then the checks across
 * entries. Every mistake is reported at once, at its line and column, before anything talks to Azure.
 */
import { readFile } from 'node:fs/promises'
import { LineCounter, parseDocument } from 'yaml'
import type { YAMLError } from 'yaml'
import { duplicateKeys, labelOf, placeOf, pointerOf } from './positions.js'
import type { PathSegments, SourceDocument } from './positions.js'
import { DEFAULT_LIFETIME_DAYS, DEFAULT_ROTATE_BEFORE_DAYS, schemaFindings } from './schema.js'
import type { Finding } from './schema.js'
import { normaliseScope, roleDefinitionIdOf, semanticFindings } from './semantics.js'
import type {
  AppConfig,
  ConfigProblem,
  CredentialConfig,
  FederatedCredentialConfig,
  LoadResult,
  RoleAssignmentConfig,
  SourcePosition,
  TenantConfig,
  TenantsConfig,
  TenantsFile
} from '../model/config.js'

const EMPTY_FILE_MESSAGE =
  'the file is empty — it needs an "app" mapping and a "tenants" list (see examples/tenants.yml)'

/** How to fix each YAML syntax error the parser reports, by its code. */
const SYNTAX_HINTS: Readonly<Partial<Record<YAMLError['code'], string>>> = {
  BAD_INDENT: 'check the indentation (spaces only) and that every bracket opened is closed',
  BLOCK_AS_IMPLICIT_KEY: 'put a value containing ": " in quotes',
  MULTILINE_IMPLICIT_KEY: 'write each entry as "key: value" on one line; is a ":" missing?',
  MISSING_CHAR: 'close the quote or bracket opened before this point',
  UNEXPECTED_TOKEN: 'remove these characters or put the value in quotes',
  BAD_SCALAR_START: 'put a value starting with this character in quotes',
  BAD_DQ_ESCAPE: 'use a valid escape such as \\" or \\\\, or single quotes',
  ALIAS_PROPS: 'an alias (*name) takes no tag or anchor',
  BAD_ALIAS: 'define the anchor (&name) before the alias (*name) that uses it'
}

/**
 * How much alias expansion `toJS()` allows; well above any honest tenants file, low enough to stop a
 * billion-laughs file. Source: yaml's `maxAliasCount` option (https://eemeli.org/yaml/#tojs-options).
 */
const MAX_ALIAS_COUNT = 100

/** Parses and validates tenants-file text. Pure: no file system, no network. */
export function parseTenantsFile(text: string, file: string): LoadResult {
  const lineCounter = new LineCounter()
  // uniqueKeys off: repeated keys are reported with their path and first place, along with every other mistake.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false })
  if (doc.errors.length > 0) {
    // After a tab indent the parser misreads the lines around it; those follow-on errors vanish with the tab.
    const tabs = doc.errors.filter(error => error.code === 'TAB_AS_INDENT')
    const errors = tabs.length > 0 ? tabs : doc.errors
    return failed(
      file,
      errors.map(error => syntaxFinding(error, lineCounter))
    )
  }
  if (doc.contents === null)
    return failed(file, [{ line: 1, column: 1, pointer: '', message: EMPTY_FILE_MESSAGE }])
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch {
    const message = 'the file’s aliases (*name) expand into too many values — write the entries out instead'
    return failed(file, [{ line: 1, column: 1, pointer: '', message }])
  }
  const source: SourceDocument = { doc, lineCounter }
  const schema = schemaFindings(data, source)
  const rejected = new Set(schema.map(finding => finding.pointer))
  const findings = [
    ...duplicateKeyFindings(source),
    ...schema,
    ...semanticFindings(data, source, segments => rejected.has(pointerOf(segments)))
  ]
  if (findings.length > 0) return failed(file, findings)
  // The schema accepted the data, so it has the schema's shape.
  return { ok: true, config: buildConfig(data as TenantsFile, source, file) }
}

/** Reads the file (a missing/unreadable file is one problem at line 1 with a how-to-fix message) and parses it. */
export async function loadTenantsFile(path: string, displayPath: string = path): Promise<LoadResult> {
  let text: string
  try {
    const bytes = await readFile(path)
    const undecodable = firstInvalidUtf8(bytes)
    if (undecodable !== undefined) {
      const { line, column } = undecodable
      const message = `the tenants file is not valid UTF-8 (byte 0x${undecodable.byte.toString(16).padStart(2, '0')} at line ${line}, column ${column}) — save it as UTF-8`
      return { ok: false, problems: [{ file: displayPath, line, column, message }] }
    }
    text = bytes.toString('utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const message =
      code === 'ENOENT'
        ? 'the tenants file does not exist — create it (see examples/tenants.yml) or set the tenants-file input to its path'
        : `the tenants file cannot be read (${code ?? 'unknown error'}) — make sure it is a readable file, or set the tenants-file input to its path`
    return { ok: false, problems: [{ file: displayPath, line: 1, column: 1, message }] }
  }
  return parseTenantsFile(text, displayPath)
}

/**
 * Where the first byte that is not UTF-8 stands (1-based line and column, in characters), or undefined when the
 * whole file decodes. A lenient decode would turn it into U+FFFD and carry on — with a tenant name or a scope
 * that is not what the reviewer saw.
 */
export function firstInvalidUtf8(bytes: Buffer): { line: number; column: number; byte: number } | undefined {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return undefined
  } catch {
    // Find the longest prefix that decodes; the byte after it is the first bad one.
    let good = 0
    let bad = bytes.length
    while (good + 1 < bad) {
      const middle = (good + bad) >> 1
      if (decodesAsPrefix(bytes.subarray(0, middle))) good = middle
      else bad = middle
    }
    // The bad byte ends the longest prefix that decodes; a sequence it cut short starts the trouble.
    let offset = decodesAsPrefix(bytes.subarray(0, bad)) ? bad : good
    while (offset > 0 && !decodesWhole(bytes.subarray(0, offset))) offset--
    const before = bytes.subarray(0, offset).toString('utf8')
    const lines = before.split('\n')
    return { line: lines.length, column: [...(lines.at(-1) ?? '')].length + 1, byte: bytes[offset] ?? 0 }
  }
}

function decodesWhole(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/** Whether these bytes are valid UTF-8 so far (a sequence cut off at the end may still complete). */
function decodesAsPrefix(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true })
    return true
  } catch {
    return false
  }
}

function syntaxFinding(error: YAMLError, lineCounter: LineCounter): Finding {
  const { line, col } = lineCounter.linePos(error.pos[0])
  const position = { line, column: col, pointer: '' }
  if (error.code === 'TAB_AS_INDENT') {
    return {
      ...position,
      message: 'a tab is used for indentation — YAML indents with spaces only; replace it with spaces'
    }
  }
  if (error.code === 'MULTIPLE_DOCS') {
    return {
      ...position,
      message:
        'a second YAML document starts here — the tenants file holds one document; remove this "---" or merge what follows'
    }
  }
  const hint = SYNTAX_HINTS[error.code] ?? 'fix the YAML syntax here'
  return { ...position, message: `YAML syntax error: ${firstSentence(error.message)} — ${hint}` }
}

/** yaml's message without its trailing excerpt, starting lower-case to read as part of ours. */
function firstSentence(message: string): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim()
  return first.charAt(0).toLowerCase() + first.slice(1)
}

function duplicateKeyFindings(source: SourceDocument): Finding[] {
  return duplicateKeys(source).map(({ key, parent, first, second }) => ({
    ...second,
    pointer: pointerOf([...parent, key]),
    message: `duplicate key "${key}" ${parent.length === 0 ? 'at the top level' : `in ${labelOf(parent)}`} — it is already set at line ${first.line}; keep one`
  }))
}

function failed(file: string, findings: Finding[]): LoadResult {
  const unique = new Map<string, ConfigProblem>()
  for (const { line, column, message } of findings) {
    unique.set(`${line}:${column}:${message}`, { file, line, column, message })
  }
  const problems = [...unique.values()].sort((a, b) => a.line - b.line || a.column - b.column)
  return { ok: false, problems }
}

function buildConfig(raw: TenantsFile, source: SourceDocument, file: string): TenantsConfig {
  const at = (segments: PathSegments): SourcePosition => placeOf(source, segments)
  return {
    file,
    app: buildApp(raw.app, at),
    tenants: raw.tenants.map((tenant, i): TenantConfig => {
      const assignments = tenant.roleAssignments ?? []
      return {
        name: tenant.name,
        tenantId: tenant.tenantId.toLowerCase(),
        roleAssignments: assignments.map((assignment, j): RoleAssignmentConfig => ({
          scope: normaliseScope(assignment.scope),
          role: assignment.role,
          // Validation has resolved every role; a miss here is a defect, not a file mistake.
          roleDefinitionId: roleDefinitionIdOf(assignment.role) ?? '',
          position: at(['tenants', i, 'roleAssignments', j])
        })),
        position: at(['tenants', i])
      }
    })
  }
}

function buildApp(app: TenantsFile['app'], at: (segments: PathSegments) => SourcePosition): AppConfig {
  const credentialPosition = at(['app', 'credential'])
  const credential: CredentialConfig =
    app.credential.kind === 'secret'
      ? {
          kind: 'secret',
          keyVault: app.credential.keyVault ?? '',
          secretName: app.credential.secretName ?? '',
          lifetimeDays: app.credential.lifetimeDays ?? DEFAULT_LIFETIME_DAYS,
          rotateBeforeDays: app.credential.rotateBeforeDays ?? DEFAULT_ROTATE_BEFORE_DAYS,
          position: credentialPosition
        }
      : { kind: 'federated', position: credentialPosition }
  return {
    uniqueName: app.uniqueName,
    displayName: app.displayName,
    redirectUri: app.redirectUri,
    credential,
    federatedCredentials: (app.federatedCredentials ?? []).map((fic, i): FederatedCredentialConfig => {
      const config: FederatedCredentialConfig = {
        name: fic.name,
        issuer: fic.issuer,
        subject: fic.subject,
        position: at(['app', 'federatedCredentials', i])
      }
      if (fic.audiences !== undefined) config.audiences = fic.audiences
      if (fic.description !== undefined) config.description = fic.description
      return config
    }),
    position: at(['app'])
  }
}
