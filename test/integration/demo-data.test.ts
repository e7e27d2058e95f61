/** The `npm start` demo's data shows what the demo is for: a role present, one handed off, a verified probe. */
import { afterEach, expect, it } from '@jest/globals'
import { bridge, emulator, stopEmulators, tenantsFile } from './harness.js'

afterEach(stopEmulators)

it('the demo tenants file against three-customers.yml: present, awaiting-customer with its hand-off, a verified probe', async () => {
  const emu = await emulator('three-customers.yml')
  const { report } = await bridge(emu, tenantsFile('demo.tenants.yml'))
  const [fabrikam, northwind] = report.tenants
  expect(fabrikam?.roleAssignments.map(a => a.status)).toEqual(['present', 'awaiting-customer'])
  expect(fabrikam?.handoff?.azScript).toContain('az role assignment create --assignee-object-id')
  expect(fabrikam?.probes.map(p => p.status)).toEqual(['verified'])
  expect(northwind?.consent.status).toBe('needs-consent')
  expect(northwind?.drift).toEqual([])
})
