/**
 * A small valid tenants file and edits of it by line number, so each malformed case reads as "line N becomes …"
 * and its expected line numbers can be checked by eye against BASE_LINES.
 */
export const BASE_LINES: readonly string[] = [
  'app:', //                                                           1
  '  uniqueName: contoso-provider-access', //                          2
  '  displayName: Contoso Provider Access', //                         3
  '  redirectUri: https://contoso.example/onboarded', //               4
  '  credential:', //                                                  5
  '    kind: secret', //                                               6
  '    keyVault: kv-provider', //                                      7
  '    secretName: contoso-provider-access', //                        8
  'tenants:', //                                                       9
  '  - name: Fabrikam', //                                             10
  '    tenantId: 7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b', //             11
  '    roleAssignments:', //                                           12
  '      - scope: /subscriptions/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e/resourceGroups/rg-shared', // 13
  '        role: Reader' //                                            14
]

/**
 * BASE_LINES with edits by 1-based line number: a string replaces the line, a list replaces it with several
 * lines (shifting the ones after), null deletes it.
 */
export function variant(edits: Record<number, string | readonly string[] | null>): string {
  const lines = BASE_LINES.flatMap((line, i) => {
    const edit = edits[i + 1]
    if (edit === undefined) return [line]
    if (edit === null) return []
    return typeof edit === 'string' ? [edit] : [...edit]
  })
  return lines.join('\n') + '\n'
}
