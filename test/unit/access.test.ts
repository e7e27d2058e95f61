/** The pure judgement of customer access and the hand-off it produces. */
import { describe, expect, it } from '@jest/globals'
import { roleAssignmentName } from '../../src/azure/role-assignments.js'
import { builtInRole } from '../../src/model/roles.js'
import { accessVerdict, holdsRole, mayAssignRoles, tenantAccessVerdict } from '../../src/plan/access.js'
import { buildHandoff, delegationCondition, handoffFiles } from '../../src/plan/handoff.js'

const role = (id: string) => builtInRole(id)!.permissions
const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
const CONTRIBUTOR = 'b24988ac-6180-42a0-ab88-20f7382dd24c'
const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
const SECRETS_USER = '4633458b-17de-408a-b874-0445c86b69e6'
const SECRETS_OFFICER = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
const UAA = '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9'
const SUB = '/subscriptions/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'
const RG = `${SUB}/resourceGroups/rg-shared`
const KV = `${RG}/providers/Microsoft.KeyVault/vaults/kv-cmk`
const MG = '/providers/Microsoft.Management/managementGroups/contoso'
const SP = '7c000000-0000-4000-8000-000000000001'

describe('holdsRole: effective permissions against a role of the catalogue', () => {
  it.each([
    ['Contributor holds Reader', CONTRIBUTOR, READER, true],
    ['Owner holds Contributor', OWNER, CONTRIBUTOR, true],
    ['Contributor does not hold Owner (its notActions exclude role writes)', CONTRIBUTOR, OWNER, false],
    ['Reader does not hold Contributor', READER, CONTRIBUTOR, false],
    ['Secrets Officer holds Secrets User (data actions)', SECRETS_OFFICER, SECRETS_USER, true],
    ['Secrets User does not hold Secrets Officer', SECRETS_USER, SECRETS_OFFICER, false],
    ['Reader does not hold a data role', READER, SECRETS_USER, false]
  ])('%s', (_name, held, wanted, expected) => {
    expect(holdsRole(role(held), role(wanted))).toBe(expected)
  })

  it('may assign roles with User Access Administrator, not with Contributor', () => {
    expect(mayAssignRoles(role(UAA))).toBe(true)
    expect(mayAssignRoles(role(CONTRIBUTOR))).toBe(false)
    expect(mayAssignRoles([])).toBe(false)
  })
})

describe('accessVerdict', () => {
  const base = { scope: RG, roleDefinitionId: READER, rolePermissions: role(READER) }
  it.each([
    ['present at the scope', { lookup: { status: 'present', via: RG } }, undefined, 'present'],
    ['inherited from the subscription', { lookup: { status: 'present', via: SUB } }, undefined, 'inherited'],
    ['missing, may assign', { lookup: { status: 'missing' } }, undefined, 'missing'],
    ['missing, applied by apply', { lookup: { status: 'missing' } }, { outcome: 'done' }, 'applied'],
    [
      'missing, refused to apply',
      { lookup: { status: 'missing' } },
      { outcome: 'manual', detail: '403' },
      'awaiting-customer'
    ],
    [
      'unreadable, effective permissions hold it',
      {
        lookup: { status: 'unverifiable', detail: '403' },
        effective: { status: 'read', permissions: role(CONTRIBUTOR) }
      },
      undefined,
      'present'
    ],
    [
      'unreadable, effective permissions without it nor a write',
      { lookup: { status: 'unverifiable', detail: '403' }, effective: { status: 'read', permissions: [] } },
      undefined,
      'awaiting-customer'
    ],
    [
      'unreadable, and no effective permissions either',
      {
        lookup: { status: 'unverifiable', detail: '403' },
        effective: { status: 'unavailable', detail: 'no' }
      },
      undefined,
      'unverifiable'
    ],
    [
      'no answer (transient), nothing else answered: an error, not unverifiable',
      {
        lookup: { status: 'failed', failure: 'transient', detail: 'Transient: …' },
        effective: { status: 'unavailable', detail: 'no' }
      },
      undefined,
      'error'
    ],
    [
      'no answer (transient), effective permissions without it: still an error, not a verdict',
      {
        lookup: { status: 'failed', failure: 'transient', detail: 'Transient: …' },
        effective: { status: 'read', permissions: [] }
      },
      undefined,
      'error'
    ],
    [
      'no answer (transient), effective permissions hold it: present',
      {
        lookup: { status: 'failed', failure: 'transient', detail: 'Transient: …' },
        effective: { status: 'read', permissions: role(CONTRIBUTOR) }
      },
      undefined,
      'present'
    ],
    [
      'no answer (transient), apply created it',
      { lookup: { status: 'failed', failure: 'transient', detail: 'Transient: …' } },
      { outcome: 'done' },
      'applied'
    ],
    [
      'a role name the tenant does not define',
      { lookup: { status: 'unverifiable', detail: 'No role named' }, roleProblem: 'No role named' },
      undefined,
      'error'
    ],
    ['inherited from a management group', { lookup: { status: 'present', via: MG } }, undefined, 'inherited'],
    ['inherited from the root', { lookup: { status: 'present', via: '/' } }, undefined, 'inherited'],
    ['not consented', { lookup: { status: 'skipped' } }, undefined, 'skipped']
  ] as const)('%s', (_name, observed, step, expected) => {
    expect(accessVerdict({ ...base, ...observed } as never, step).status).toBe(expected)
  })
})

describe('tenantAccessVerdict: drift is falling away, onboarding is not drift', () => {
  it.each([
    ['onboarding, not consented', { onboarding: true }, 'needs-consent', [], []],
    [
      'established, not consented',
      {},
      'needs-consent',
      [],
      ['not consented, and not onboarding: consent was revoked']
    ],
    ['disabled', {}, 'disabled', [], ['the app is disabled in the tenant']],
    [
      'consented, a role awaiting the customer',
      { onboarding: true },
      'consented',
      ['awaiting-customer'],
      ['1 required role assignment not in place']
    ],
    [
      'consented, unverifiable',
      {},
      'consented',
      ['unverifiable'],
      ['1 required role assignment not in place']
    ],
    ['consented, all in place', {}, 'consented', ['present', 'inherited', 'applied'], []],
    // an error (no answer, or a role the tenant does not define) is the run's, not the tenant falling away
    ['consented, a role in error', {}, 'consented', ['present', 'error'], []]
  ] as const)('%s', (_name, tenant, consent, statuses, drift) => {
    expect(tenantAccessVerdict(tenant, consent, {}, statuses).drift).toEqual(drift)
  })

  it('does not call onboarding complete while a role is in error', () => {
    const verdict = tenantAccessVerdict({ onboarding: true }, 'consented', {}, ['present', 'error'])
    expect(verdict.onboardingComplete).toBe(false)
  })

  it('proposes ending onboarding once consent, roles and probes are verified', () => {
    const verified = { probes: [{ status: 'verified' as const } as never] }
    const complete = (onboarding: boolean, status: 'present' | 'missing') =>
      tenantAccessVerdict({ onboarding }, 'consented', verified, [status]).onboardingComplete
    expect(complete(true, 'present')).toBe(true)
    expect(complete(true, 'missing')).toBe(false)
    expect(complete(false, 'present')).toBe(false)
  })
})

describe('the hand-off', () => {
  const grants = [
    { scope: SUB, role: 'Reader', roleDefinitionId: READER },
    { scope: RG, role: 'Key Vault Secrets User', roleDefinitionId: SECRETS_USER },
    { scope: KV, role: 'Key Vault Secrets Officer', roleDefinitionId: SECRETS_OFFICER },
    { scope: MG, role: 'Reader', roleDefinitionId: READER }
  ]
  const handoff = buildHandoff({
    tenantId: 'tid',
    appId: 'app',
    principalId: SP,
    grants,
    allRoles: grants
  })!

  it('an az script and PowerShell lines with the object id and principal type', () => {
    expect(handoff.azScript.split('\n').filter(l => l.startsWith('az '))).toEqual(
      grants.map(
        g =>
          `az role assignment create --assignee-object-id ${SP} --assignee-principal-type ServicePrincipal --role ${g.roleDefinitionId} --scope ${g.scope}`
      )
    )
    expect(handoff.powershell).toContain(
      `New-AzRoleAssignment -ObjectId '${SP}' -ObjectType 'ServicePrincipal' -RoleDefinitionId '${READER}' -Scope '${SUB}'`
    )
  })

  it('before consent, by app id', () => {
    const early = buildHandoff({
      tenantId: 't',
      appId: 'app-id',
      principalId: null,
      grants,
      allRoles: grants
    })!
    expect(early.azScript).toContain('--assignee app-id --role')
    expect(early.powershell).toContain("-ApplicationId 'app-id'")
    expect(early.armTemplate).toBeNull()
  })

  it('an ARM template: subscription deployment, roleAssignments under the deterministic names', () => {
    const template = JSON.parse(JSON.stringify(handoff.armTemplate)) as {
      $schema: string
      contentVersion: string
      resources: { type: string; name: string; resourceGroup?: string; properties: Record<string, unknown> }[]
      metadata: { notIncluded?: string[] }
    }
    expect(template.$schema).toBe(
      'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#'
    )
    expect(template.contentVersion).toBe('1.0.0.0')
    type Resource = { type: string; name: string; scope?: string }
    const assignments = template.resources.flatMap((r): Resource[] =>
      r.type === 'Microsoft.Resources/deployments'
        ? (r.properties.template as { resources: Resource[] }).resources
        : [r]
    )
    expect(assignments.every(a => a.type === 'Microsoft.Authorization/roleAssignments')).toBe(true)
    expect(assignments.map(a => a.name)).toEqual(
      grants.slice(0, 3).map(g => roleAssignmentName(g.scope, SP, g.roleDefinitionId))
    )
    expect(template.resources[1]).toMatchObject({
      subscriptionId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
      resourceGroup: 'rg-shared'
    })
    expect(assignments[2]).toMatchObject({ scope: 'Microsoft.KeyVault/vaults/kv-cmk' })
    // A management group is out of a subscription deployment's reach: named, left to the script.
    expect(template.metadata.notIncluded).toEqual([
      `Reader at ${MG}: a subscription deployment cannot create an assignment at a management group; use the management-group template or the script`
    ])
  })

  it('a management-group deployment template for the grants at a management group', () => {
    expect(handoff.managementGroupTemplates).toEqual([
      {
        managementGroupId: 'contoso',
        template: {
          $schema:
            'https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#',
          contentVersion: '1.0.0.0',
          metadata: {
            description: expect.stringContaining('az deployment mg create --management-group-id contoso')
          },
          resources: [
            {
              type: 'Microsoft.Authorization/roleAssignments',
              apiVersion: '2022-04-01',
              name: roleAssignmentName(MG, SP, READER),
              properties: {
                roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${READER}`,
                principalId: SP,
                principalType: 'ServicePrincipal'
              }
            }
          ]
        }
      }
    ])
    // none without management-group grants, and none before consent (no principal to name)
    expect(
      buildHandoff({
        tenantId: 't',
        appId: 'a',
        principalId: SP,
        grants: grants.slice(0, 1),
        allRoles: grants
      })?.managementGroupTemplates
    ).toBeUndefined()
    expect(
      buildHandoff({ tenantId: 't', appId: 'a', principalId: null, grants, allRoles: grants })
        ?.managementGroupTemplates
    ).toBeUndefined()
  })

  it('the delegation condition names exactly the file’s roles and the app', () => {
    expect(handoff.delegation?.scopes).toEqual([SUB, MG])
    expect(delegationCondition([READER, SECRETS_USER], SP)).toBe(
      "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR " +
        `(@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${READER}, ${SECRETS_USER}} AND ` +
        `@Request[Microsoft.Authorization/roleAssignments:PrincipalId] ForAnyOfAnyValues:GuidEquals {${SP}})) AND ` +
        "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR " +
        `(@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${READER}, ${SECRETS_USER}} AND ` +
        `@Resource[Microsoft.Authorization/roleAssignments:PrincipalId] ForAnyOfAnyValues:GuidEquals {${SP}}))`
    )
  })

  it('files for the report folder, per tenant', () => {
    expect(
      handoffFiles([
        { tenantId: 'tid', handoff },
        { tenantId: 'other', handoff: null }
      ]).map(f => f.path)
    ).toEqual([
      'handoff/tid/grant.sh',
      'handoff/tid/grant.ps1',
      'handoff/tid/grant.template.json',
      'handoff/tid/grant.mg-contoso.template.json',
      'handoff/tid/delegate-rbac-administrator.sh',
      'handoff/tid/delegate-rbac-administrator.ps1'
    ])
  })
})
