/**
 * The compact built-in role data the bundle carries (data/built-in-role-ids.json for the tenants file's
 * validation, data/built-in-role-permissions.json for the engine) against the public catalogue it is generated
 * from (data/azure-built-in-roles.json): every role, every GUID, every permission pattern, nothing more or less.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import {
  type CatalogueRole,
  renderRoleIds,
  renderRolePermissions
} from '../../scripts/update-built-in-roles.js'
import { BUILT_IN_ROLES, builtInRoleId, builtInRoleName } from '../../src/model/role-names.js'
import { builtInRole, decodeRolePermissions } from '../../src/model/roles.js'

const data = (name: string): string => readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8')
const catalogue = JSON.parse(data('azure-built-in-roles.json')) as CatalogueRole[]
const permissionsText = (text: string): string => (JSON.parse(text) as { permissions: string }).permissions

describe('the compact built-in role data', () => {
  it('names every role of the public catalogue with its GUID, and no other', () => {
    expect(catalogue.length).toBeGreaterThan(800)
    expect(Object.keys(BUILT_IN_ROLES)).toHaveLength(catalogue.length)
    for (const role of catalogue) {
      expect(BUILT_IN_ROLES[role.roleName]).toBe(role.id)
      expect(builtInRoleId(` ${role.roleName.toUpperCase()} `)).toBe(role.id)
      expect(builtInRoleName(role.id.toUpperCase())).toBe(role.roleName)
    }
  })

  it('carries every role’s permission blocks exactly as the public catalogue has them', () => {
    for (const role of catalogue) {
      expect(builtInRole(role.id.toUpperCase())).toEqual({
        id: role.id,
        roleName: role.roleName,
        permissions: role.permissions.map(p => ({
          actions: p.actions,
          notActions: p.notActions,
          dataActions: p.dataActions,
          notDataActions: p.notDataActions
        }))
      })
    }
    expect(decodeRolePermissions(permissionsText(data('built-in-role-permissions.json')))).toHaveLength(
      catalogue.length
    )
    expect(builtInRole('00000000-0000-4000-8000-000000000000')).toBeUndefined()
  })

  it('is what scripts/update-built-in-roles.ts writes from the committed catalogue', () => {
    expect(data('built-in-role-ids.json')).toBe(renderRoleIds(catalogue))
    // Compared decoded: brotli's bytes may differ between zlib versions, the content may not.
    expect(decodeRolePermissions(permissionsText(data('built-in-role-permissions.json')))).toEqual(
      decodeRolePermissions(permissionsText(renderRolePermissions(catalogue)))
    )
  })

  it('leaves out what the action does not read: descriptions and assignable scopes', () => {
    const reader = catalogue.find(role => role.roleName === 'Reader')!
    expect(reader.description).toBeDefined()
    expect(data('built-in-role-ids.json')).not.toContain(reader.description!)
    expect(
      data('built-in-role-ids.json').length + data('built-in-role-permissions.json').length
    ).toBeLessThan(data('azure-built-in-roles.json').length / 5)
  })
})
