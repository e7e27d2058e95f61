import { describe, it, expect } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parseTenantsFile } from '../../src/config/parse.js'
import type { ConfigProblem } from '../../src/model/config.js'
import { BASE_LINES, variant } from './variant.js'

const FILE = '.github/tenants.yml'
/** A name near a built-in role is a typo until proven otherwise; other unknown names are custom roles. */
const CLOSE_CUSTOM = 'A custom role whose name is this close to a built-in one: give its role definition GUID'
const SCOPE_FORMS =
  'an Azure scope: /subscriptions/<guid>[/resourceGroups/<name>[/providers/<Namespace>/<type>/<name>]] or ' +
  '/providers/Microsoft.Management/managementGroups/<id>'
const KEY_VAULT_FORMS =
  'a Key Vault name (3–24 letters, digits and single hyphens, starting with a letter) or an https:// vault URL ' +
  'without path or query'
const SUBSCRIPTION = '/subscriptions/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'

/** BASE line 8 followed by one federated credential: federatedCredentials at line 9, its `- name` at line 10. */
const WITH_FEDERATED = [
  BASE_LINES[7] ?? '',
  '  federatedCredentials:',
  '    - name: github-main',
  '      issuer: https://token.actions.githubusercontent.com',
  '      subject: repo:contoso/tenant-onboarding:environment:production'
]

interface Case {
  name: string
  text: string
  line: number
  column: number
  message: string
}

const CASES: Case[] = [
  // YAML syntax
  {
    name: 'empty file',
    text: '',
    line: 1,
    column: 1,
    message: 'the file is empty — it needs an "app" mapping and a "tenants" list (see examples/tenants.yml)'
  },
  {
    name: 'a file with only comments',
    text: '# tenants go here\n# nothing yet\n',
    line: 1,
    column: 1,
    message: 'the file is empty — it needs an "app" mapping and a "tenants" list (see examples/tenants.yml)'
  },
  {
    name: 'a tab used for indentation',
    text: variant({ 3: '\tdisplayName: Contoso Provider Access' }),
    line: 3,
    column: 1,
    message: 'a tab is used for indentation — YAML indents with spaces only; replace it with spaces'
  },
  {
    name: 'two YAML documents',
    text: variant({ 14: [BASE_LINES[13] ?? '', '---', 'tenants: []'] }),
    line: 15,
    column: 1,
    message:
      'a second YAML document starts here — the tenants file holds one document; remove this "---" or merge what follows'
  },
  {
    name: 'a value holding ": " unquoted',
    text: variant({ 3: '  displayName: Contoso: Provider Access' }),
    line: 3,
    column: 16,
    message:
      'YAML syntax error: nested mappings are not allowed in compact mappings — put a value containing ": " in quotes'
  },
  {
    name: 'an unclosed flow list',
    text: variant({ 9: 'tenants: [', 10: null, 11: null, 12: null, 13: null, 14: null }),
    line: 10,
    column: 1,
    message:
      'YAML syntax error: flow sequence in block collection must be sufficiently indented and end with a ] — ' +
      'check the indentation (spaces only) and that every bracket opened is closed'
  },
  {
    name: 'a key repeated in one mapping',
    text: variant({ 11: [BASE_LINES[10] ?? '', '    name: Fabrikam Ltd'] }),
    line: 12,
    column: 5,
    message: 'duplicate key "name" in tenants[0] — it is already set at line 10; keep one'
  },
  // Shape and types
  {
    name: 'the document is a list',
    text: '- app: {}\n',
    line: 1,
    column: 1,
    message:
      'the file must be a mapping with "app" and "tenants" (see examples/tenants.yml), got a list of 1 entry'
  },
  {
    name: 'tenants missing',
    text: variant({ 9: null, 10: null, 11: null, 12: null, 13: null, 14: null }),
    line: 1,
    column: 1,
    message:
      'the file is missing "tenants" — add "tenants:" with one entry per customer tenant (it may be empty: tenants: [])'
  },
  {
    name: 'tenants is a mapping',
    text: variant({ 9: 'tenants: {}', 10: null, 11: null, 12: null, 13: null, 14: null }),
    line: 9,
    column: 1,
    message:
      'tenants must be a list of tenants (lines starting with "- "; an empty list is written tenants: []), got a mapping'
  },
  {
    name: 'tenants left empty',
    text: variant({ 9: 'tenants:', 10: null, 11: null, 12: null, 13: null, 14: null }),
    line: 9,
    column: 1,
    message:
      'tenants must be a list of tenants (lines starting with "- "; an empty list is written tenants: []), got nothing'
  },
  {
    name: 'app is a number',
    text: variant({ 1: 'app: 5', 2: null, 3: null, 4: null, 5: null, 6: null, 7: null, 8: null }),
    line: 1,
    column: 6,
    message:
      'app must be a mapping with uniqueName, displayName, redirectUri and credential, got the number 5'
  },
  {
    name: 'a tenant name written as a number',
    text: variant({ 10: '  - name: 2024' }),
    line: 10,
    column: 11,
    message: 'tenants[0].name must be one line of text, at most 256 characters, got the number 2024'
  },
  {
    name: 'a tenant name with a line break (it would reach logs and reports as two lines)',
    text: variant({ 10: '  - name: "Fabrikam\\n::error::injected"' }),
    line: 10,
    column: 11,
    message:
      'tenants[0].name must be one line of text, at most 256 characters, got "Fabrikam\\n::error::injected"'
  },
  {
    name: 'lifetimeDays quoted as text',
    text: variant({ 8: [BASE_LINES[7] ?? '', '    lifetimeDays: "90"'] }),
    line: 9,
    column: 19,
    message: 'app.credential.lifetimeDays must be a whole number of days from 1 to 730, got "90"'
  },
  {
    name: 'roleAssignments is a single mapping, not a list',
    text: variant({ 13: `        scope: ${SUBSCRIPTION}`, 14: '        role: Reader' }),
    line: 12,
    column: 5,
    message:
      'tenants[0].roleAssignments must be a list of role assignments, each with scope and role, got a mapping'
  },
  // Keys
  {
    name: 'a misspelt key',
    text: variant({ 11: '    tenantID: 7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b' }),
    line: 11,
    column: 5,
    message: 'unknown key "tenantID" in tenants[0] — did you mean "tenantId"?'
  },
  {
    name: 'a misspelt top-level key',
    text: variant({ 9: 'tenant:' }),
    line: 9,
    column: 1,
    message: 'unknown key "tenant" at the top level — did you mean "tenants"?'
  },
  {
    name: 'an unknown key unlike any allowed one',
    text: variant({ 14: [BASE_LINES[13] ?? '', '        condition: always'] }),
    line: 15,
    column: 9,
    message: 'unknown key "condition" in tenants[0].roleAssignments[0] — allowed keys: scope, role'
  },
  {
    name: 'a tenant without tenantId',
    text: variant({ 11: null }),
    line: 10,
    column: 5,
    message: 'tenants[0] is missing "tenantId" — add the customer’s Entra tenant ID (a GUID)'
  },
  // App and credential
  {
    name: 'uniqueName with a space',
    text: variant({ 2: '  uniqueName: contoso provider' }),
    line: 2,
    column: 15,
    message:
      'app.uniqueName must be 1–120 letters, digits, "-", "_" or "." (the stable key the app is found by), got "contoso provider"'
  },
  {
    name: 'redirectUri over plain http',
    text: variant({ 4: '  redirectUri: http://contoso.example/onboarded' }),
    line: 4,
    column: 16,
    message:
      'app.redirectUri must be an https:// URL (or http://localhost… for local testing), got "http://contoso.example/onboarded"'
  },
  {
    name: 'an unknown credential kind',
    text: variant({ 6: '    kind: certificate' }),
    line: 6,
    column: 11,
    message: 'app.credential.kind must be "secret" or "federated", got "certificate"'
  },
  {
    name: 'kind secret without keyVault',
    text: variant({ 7: null }),
    line: 5,
    column: 3,
    message:
      'app.credential is missing "keyVault" — kind: secret keeps the app secret in Key Vault; add keyVault: <vault name or https:// vault URL>'
  },
  {
    name: 'kind federated without federated credentials',
    text: variant({ 6: '    kind: federated', 7: null, 8: null }),
    line: 1,
    column: 1,
    message:
      'app is missing "federatedCredentials" — credential kind "federated" needs at least one; add federatedCredentials, or use kind: secret'
  },
  {
    name: 'kind federated with a Key Vault it would not use',
    text: variant({
      6: '    kind: federated',
      8: null,
      9: [...WITH_FEDERATED.slice(1), BASE_LINES[8] ?? '']
    }),
    line: 7,
    column: 5,
    message: 'app.credential.keyVault is only used with kind: secret — remove it, or set kind: secret'
  },
  {
    name: 'a vault name with consecutive hyphens',
    text: variant({ 7: '    keyVault: kv--provider' }),
    line: 7,
    column: 15,
    message: `app.credential.keyVault must be ${KEY_VAULT_FORMS}, got "kv--provider": a vault name has no consecutive hyphens`
  },
  {
    name: 'a vault URL with a path and query',
    text: variant({ 7: '    keyVault: https://kv-provider.vault.azure.net/secrets?api-version=7.5' }),
    line: 7,
    column: 15,
    message:
      `app.credential.keyVault must be ${KEY_VAULT_FORMS}, got "https://kv-provider.vault.azure.net/secrets?api-version=7.5": ` +
      'give the vault URL without path or query, e.g. https://kv-provider.vault.azure.net/'
  },
  {
    name: 'a secret name with an underscore',
    text: variant({ 8: '    secretName: contoso_provider' }),
    line: 8,
    column: 17,
    message:
      'app.credential.secretName must be 1–127 letters, digits and hyphens (a Key Vault secret name), got "contoso_provider"'
  },
  {
    name: 'a secret lifetime beyond two years',
    text: variant({ 8: [BASE_LINES[7] ?? '', '    lifetimeDays: 1000'] }),
    line: 9,
    column: 19,
    message: 'app.credential.lifetimeDays must be a whole number of days from 1 to 730, got the number 1000'
  },
  {
    name: 'a lifetime not above the default rotation threshold',
    text: variant({ 8: [BASE_LINES[7] ?? '', '    lifetimeDays: 20'] }),
    line: 9,
    column: 19,
    message:
      'app.credential.lifetimeDays must be more than rotateBeforeDays (30, the default), got 20 — raise it or set rotateBeforeDays lower'
  },
  {
    name: 'an overlap as long as the lifetime',
    text: variant({ 8: [BASE_LINES[7] ?? '', '    lifetimeDays: 60', '    overlapDays: 60'] }),
    line: 10,
    column: 18,
    message:
      'app.credential.overlapDays must be less than lifetimeDays (60), got 60 — the replaced password would outlive its own expiry'
  },
  {
    name: 'a rotation threshold equal to the lifetime',
    text: variant({ 8: [BASE_LINES[7] ?? '', '    lifetimeDays: 60', '    rotateBeforeDays: 60'] }),
    line: 10,
    column: 23,
    message:
      'app.credential.rotateBeforeDays must be less than lifetimeDays (60), got 60 — otherwise every run rotates the secret'
  },
  {
    name: 'a rotation threshold of zero',
    text: variant({ 8: [BASE_LINES[7] ?? '', '    rotateBeforeDays: 0'] }),
    line: 9,
    column: 23,
    message:
      'app.credential.rotateBeforeDays must be a whole number of days, at least 1 and less than lifetimeDays, got the number 0'
  },
  // Federated credentials
  {
    name: 'a federated credential name too short',
    text: variant({ 8: WITH_FEDERATED.map(line => line.replace('name: github-main', 'name: gh')) }),
    line: 10,
    column: 13,
    message:
      'app.federatedCredentials[0].name must be 3–120 letters, digits, "-" and "_", starting with a letter or digit, got "gh"'
  },
  {
    name: 'an issuer over plain http',
    text: variant({
      8: WITH_FEDERATED.map(line => line.replace('https://token.actions', 'http://token.actions'))
    }),
    line: 11,
    column: 15,
    message:
      'app.federatedCredentials[0].issuer must be an https:// URL of at most 600 characters (GitHub Actions: ' +
      'https://token.actions.githubusercontent.com), got "http://token.actions.githubusercontent.com"'
  },
  {
    name: 'an empty subject',
    text: variant({ 8: WITH_FEDERATED.map(line => line.replace(/subject: .*/, "subject: ''")) }),
    line: 12,
    column: 16,
    message:
      'app.federatedCredentials[0].subject must be non-empty text of at most 600 characters, matched exactly against ' +
      'the token’s sub claim, got ""'
  },
  {
    name: 'two audiences',
    text: variant({ 8: [...WITH_FEDERATED, '      audiences: [api://AzureADTokenExchange, api://other]'] }),
    line: 13,
    column: 7,
    message:
      'app.federatedCredentials[0].audiences must be a list of exactly one audience (omit it to use the cloud’s ' +
      'default, api://AzureADTokenExchange in AzureCloud), got a list of 2 entries'
  },
  {
    name: 'two federated credentials with one name',
    text: variant({
      8: [
        ...WITH_FEDERATED,
        '    - name: GitHub-Main',
        '      issuer: https://issuer.example',
        '      subject: other'
      ]
    }),
    line: 13,
    column: 13,
    message:
      'app.federatedCredentials[1].name "GitHub-Main" is already used by app.federatedCredentials[0].name at line 10 — ' +
      'federated credential names are unique per app'
  },
  {
    name: 'two federated credentials with one issuer and subject',
    text: variant({
      8: [...WITH_FEDERATED, ...WITH_FEDERATED.slice(2).map(l => l.replace('github-main', 'github-2'))]
    }),
    line: 13,
    column: 7,
    message:
      'app.federatedCredentials[1] has the same issuer and subject as app.federatedCredentials[0] at line 10 — ' +
      'Entra accepts each issuer and subject pair once per app; remove one'
  },
  {
    name: 'more than 20 federated credentials',
    text: variant({
      8: [
        ...WITH_FEDERATED.slice(0, 2),
        ...Array.from({ length: 21 }, (_, i) => [
          `    - name: fic-${i}`,
          '      issuer: https://token.actions.githubusercontent.com',
          `      subject: repo:contoso/app-${i}:ref:refs/heads/main`
        ]).flat()
      ]
    }),
    line: 9,
    column: 3,
    message:
      'app.federatedCredentials must be a list of at most 20 federated credentials (Entra’s limit per app), with at ' +
      'least one when credential.kind is "federated", got a list of 21 entries'
  },
  // Tenants
  {
    name: 'a tenant id that is a domain',
    text: variant({ 11: '    tenantId: fabrikam.com' }),
    line: 11,
    column: 15,
    message:
      'tenants[0].tenantId must be a GUID like 7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b, got "fabrikam.com"'
  },
  {
    name: 'the same tenant id twice, in another case',
    text: variant({
      14: [
        BASE_LINES[13] ?? '',
        '  - name: Fabrikam EU',
        '    tenantId: 7F3A2C1E-5B4D-4E6F-8A9B-0C1D2E3F4A5B'
      ]
    }),
    line: 16,
    column: 15,
    message:
      'tenants[1].tenantId 7F3A2C1E-5B4D-4E6F-8A9B-0C1D2E3F4A5B is already listed as tenants[0].tenantId at line 11 — ' +
      'list each tenant once and merge their roleAssignments'
  },
  {
    name: 'the same tenant name twice, in another case',
    text: variant({
      14: [BASE_LINES[13] ?? '', '  - name: FABRIKAM', '    tenantId: 3c9d8e7f-1a2b-4c3d-9e8f-7a6b5c4d3e2f']
    }),
    line: 15,
    column: 11,
    message:
      'tenants[1].name "FABRIKAM" is already used by tenants[0].name at line 10 — give each tenant its own name ' +
      '(compared case-insensitively)'
  },
  // Role assignments
  {
    name: 'a subscription id that is not a GUID',
    text: variant({ 13: '      - scope: /subscriptions/contoso-prod/resourceGroups/rg-shared' }),
    line: 13,
    column: 16,
    message: `tenants[0].roleAssignments[0].scope must be ${SCOPE_FORMS}, got "/subscriptions/contoso-prod/resourceGroups/rg-shared": the subscription id "contoso-prod" is not a GUID`
  },
  {
    name: 'a resource group name ending in a dot',
    text: variant({ 13: `      - scope: ${SUBSCRIPTION}/resourceGroups/rg-shared.` }),
    line: 13,
    column: 16,
    message: `tenants[0].roleAssignments[0].scope must be ${SCOPE_FORMS}, got "${SUBSCRIPTION}/resourceGroups/rg-shared.": the resource group name "rg-shared." must be 1–90 letters, digits, "._-()" and not end in "."`
  },
  {
    name: 'a scope with two trailing slashes',
    text: variant({ 13: `      - scope: ${SUBSCRIPTION}//` }),
    line: 13,
    column: 16,
    message: `tenants[0].roleAssignments[0].scope must be ${SCOPE_FORMS}, got "${SUBSCRIPTION}//": it has an empty segment ("//" or a second trailing "/")`
  },
  {
    name: 'resourceGroups written in lower case',
    text: variant({ 13: `      - scope: ${SUBSCRIPTION}/resourcegroups/rg-shared` }),
    line: 13,
    column: 16,
    message: `tenants[0].roleAssignments[0].scope must be ${SCOPE_FORMS}, got "${SUBSCRIPTION}/resourcegroups/rg-shared": write "resourceGroups" as Azure does, not "resourcegroups"`
  },
  {
    name: 'a resource without its name',
    text: variant({
      13: `      - scope: ${SUBSCRIPTION}/resourceGroups/rg-shared/providers/Microsoft.KeyVault/vaults`
    }),
    line: 13,
    column: 16,
    message: `tenants[0].roleAssignments[0].scope must be ${SCOPE_FORMS}, got "${SUBSCRIPTION}/resourceGroups/rg-shared/providers/Microsoft.KeyVault/vaults": after Microsoft.KeyVault the path must alternate <type>/<name>, e.g. /vaults/kv-cmk`
  },
  {
    name: 'a misspelt management group scope',
    text: variant({ 13: '      - scope: /providers/Microsoft.Management/managementgroups/contoso-root' }),
    line: 13,
    column: 16,
    message: `tenants[0].roleAssignments[0].scope must be ${SCOPE_FORMS}, got "/providers/Microsoft.Management/managementgroups/contoso-root": a scope under /providers must be /providers/Microsoft.Management/managementGroups/<id>`
  },
  {
    name: 'a role name one word off a built-in role',
    text: variant({ 14: '        role: Key Vault Administrator Plus' }),
    line: 14,
    column: 15,
    message: `tenants[0].roleAssignments[0].role "Key Vault Administrator Plus" is not an Azure built-in role. Did you mean "Key Vault Administrator"? ${CLOSE_CUSTOM}`
  },
  {
    name: 'a misspelt role name',
    text: variant({ 14: '        role: Reeder' }),
    line: 14,
    column: 15,
    message: `tenants[0].roleAssignments[0].role "Reeder" is not an Azure built-in role. Did you mean "Reader"? ${CLOSE_CUSTOM}`
  },
  {
    name: 'the same role at the same scope twice (by name and by GUID, with a trailing slash)',
    text: variant({
      14: [
        BASE_LINES[13] ?? '',
        `      - scope: ${SUBSCRIPTION}/resourcegroups/RG-SHARED/`.replace(
          'resourcegroups',
          'resourceGroups'
        ),
        '        role: acdd72a7-3385-48ef-bd42-f606fba81ae7'
      ]
    }),
    line: 15,
    column: 9,
    message:
      'tenants[0].roleAssignments[1] repeats tenants[0].roleAssignments[0] at line 13 — the same role at the same scope; remove one'
  }
]

describe('parseTenantsFile on malformed files', () => {
  it('covers at least 30 distinct mistakes', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30)
    expect(new Set(CASES.map(c => c.name)).size).toBe(CASES.length)
  })

  it.each(CASES)('$name → line $line', ({ text, line, column, message }) => {
    const result = parseTenantsFile(text, FILE)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems).toEqual([{ file: FILE, line, column, message } satisfies ConfigProblem])
  })
})

describe('a file with five mistakes', () => {
  const path = new URL('./fixtures/five-mistakes.yml', import.meta.url)
  const text = readFileSync(path, 'utf8')

  it('reports all five at once, in file order', () => {
    const result = parseTenantsFile(text, 'five-mistakes.yml')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map(p => [p.line, p.column])).toEqual([
      [11, 23], // rotateBeforeDays 120 not below lifetimeDays 90
      [14, 5], // tenantID misspelt
      [19, 15], // tenant id that is a domain
      [23, 11], // a second "fabrikam"
      [27, 15] // an unknown role name
    ])
    expect(result.problems[0]?.message).toBe(
      'app.credential.rotateBeforeDays must be less than lifetimeDays (90), got 120 — otherwise every run rotates the secret'
    )
    expect(result.problems[3]?.message).toBe(
      'tenants[2].name "fabrikam" is already used by tenants[0].name at line 13 — give each tenant its own name (compared case-insensitively)'
    )
  })
})

/**
 * The key a message is about: the tail of the path it starts with, or the key an unknown/duplicate-key message
 * quotes. Messages about the whole file (syntax, emptiness) name none.
 */
function namedKey(message: string): { key: string } | { index: true } | undefined {
  const quoted = /^(?:unknown|duplicate) key "([^"]+)"/.exec(message)
  if (quoted) return { key: quoted[1] ?? '' }
  const path = /^((?:app|tenants)(?:\[\d+\]|\.[A-Za-z]+)*)\s/.exec(message)?.[1]
  if (path === undefined) return undefined
  const tail = /(?:\.|^)([A-Za-z]+)$/.exec(path)?.[1]
  return tail === undefined ? { index: true } : { key: tail }
}

describe('every problem points at the key it names', () => {
  const fixture = readFileSync(new URL('./fixtures/five-mistakes.yml', import.meta.url), 'utf8')
  const files = [...CASES.map(c => c.text), fixture]

  it.each(files.map((text, i) => ({ text, i })))('file $i', ({ text }) => {
    const result = parseTenantsFile(text, FILE)
    if (result.ok) throw new Error('expected problems')
    const lines = text.split('\n')
    for (const { line, message } of result.problems) {
      expect(line).toBeGreaterThanOrEqual(1)
      expect(line).toBeLessThanOrEqual(Math.max(1, lines.length))
      const named = namedKey(message)
      if (named === undefined) continue
      const source = lines[line - 1] ?? ''
      // A path ending in a list index points at that item's "- " line.
      if ('index' in named) expect(source).toMatch(/^\s*- /)
      else expect(source).toContain(named.key)
    }
  })
})
