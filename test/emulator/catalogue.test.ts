/**
 * The built-in role catalogue (data/azure-built-in-roles.json) and its generator: both published input shapes
 * normalise to the same entry, custom roles are dropped, and the committed file keeps the shape other code reads
 * (`[{ id, roleName, permissions: [{ actions, notActions, dataActions, notDataActions }] }]`).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { normaliseRole, renderCatalogue } from '../../scripts/update-built-in-roles.js'

const READER_GUID = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
const expected = {
  id: READER_GUID,
  roleName: 'Reader',
  description: 'View all resources, but does not allow you to make any changes.',
  assignableScopes: ['/'],
  permissions: [{ actions: ['*/read'], notActions: [], dataActions: [], notDataActions: [] }]
}

describe('scripts/update-built-in-roles.ts', () => {
  // https://learn.microsoft.com/cli/azure/role/definition#az-role-definition-list (flattened CLI output)
  it('reads `az role definition list` output', () => {
    expect(
      normaliseRole({
        assignableScopes: ['/'],
        description: expected.description,
        id: `/providers/Microsoft.Authorization/roleDefinitions/${READER_GUID}`,
        name: READER_GUID,
        permissions: [{ actions: ['*/read'], notActions: [], dataActions: [], notDataActions: [] }],
        roleName: 'Reader',
        roleType: 'BuiltInRole',
        type: 'Microsoft.Authorization/roleDefinitions'
      })
    ).toEqual(expected)
  })

  // https://learn.microsoft.com/rest/api/authorization/role-definitions/list (REST: `properties`)
  it('reads the REST shape and the Get-AzRoleDefinition shape alike', () => {
    expect(
      normaliseRole({
        id: `/providers/Microsoft.Authorization/roleDefinitions/${READER_GUID}`,
        name: READER_GUID,
        properties: {
          roleName: 'Reader',
          type: 'BuiltInRole',
          description: expected.description,
          assignableScopes: ['/'],
          permissions: [{ actions: ['*/read'], notActions: [], dataActions: [], notDataActions: [] }]
        }
      })
    ).toEqual(expected)
    expect(
      normaliseRole({
        Name: 'Reader',
        Id: READER_GUID,
        IsCustom: false,
        Description: expected.description,
        AssignableScopes: ['/'],
        Permissions: [{ Actions: ['*/read'], NotActions: [], DataActions: [], NotDataActions: [] }]
      })
    ).toEqual(expected)
  })

  it('drops custom roles and renders one role per line, sorted by name', () => {
    expect(
      normaliseRole({ name: READER_GUID, roleName: 'Mine', roleType: 'CustomRole', permissions: [] })
    ).toBe(undefined)
    const text = renderCatalogue([
      { ...expected, roleName: 'b' },
      { ...expected, roleName: 'A' }
    ])
    const lines = text.trim().split('\n')
    expect(lines).toHaveLength(4)
    expect(JSON.parse(text).map((r: { roleName: string }) => r.roleName)).toEqual(['A', 'b'])
  })
})

describe('data/azure-built-in-roles.json', () => {
  const roles = JSON.parse(
    readFileSync(new URL('../../data/azure-built-in-roles.json', import.meta.url), 'utf8')
  ) as Record<string, unknown>[]

  it('holds every built-in role once, each with a GUID, a name and its permission blocks', () => {
    expect(roles.length).toBeGreaterThan(800)
    const ids = roles.map(r => r.id)
    expect(new Set(ids).size).toBe(roles.length)
    for (const r of roles) {
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
      expect(typeof r.roleName).toBe('string')
      for (const p of r.permissions as Record<string, unknown>[]) {
        for (const key of ['actions', 'notActions', 'dataActions', 'notDataActions'])
          expect(Array.isArray(p[key])).toBe(true)
      }
    }
  })

  // spot checks against https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
  it.each([
    ['8e3af657-a8ff-443c-a75c-2fe8c4bcb635', 'Owner'],
    ['b24988ac-6180-42a0-ab88-20f7382dd24c', 'Contributor'],
    ['f58310d9-a9f6-439a-9e8d-f62e7b41a168', 'Role Based Access Control Administrator'],
    ['4633458b-17de-408a-b874-0445c86b69e6', 'Key Vault Secrets User'],
    ['7f951dda-4ed3-4680-a7ca-43fe172d538d', 'AcrPull']
  ])('%s is %s', (id, name) => {
    expect(roles.find(r => r.id === id)?.roleName).toBe(name)
  })
})
