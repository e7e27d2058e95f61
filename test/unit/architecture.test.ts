/**
 * The direction of imports is enforced by eslint (eslint.config.js); these cases prove the rule bites, so a
 * change to the config cannot quietly switch it off.
 */
import { describe, expect, it } from '@jest/globals'
import { ESLint } from 'eslint'

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname })

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x\n`, { filePath: file })
  return (result?.messages ?? []).filter(m => m.ruleId === 'no-restricted-imports').map(m => m.message)
}

describe('the layers', () => {
  it.each([
    ['src/model/x.ts', "import x from '../plan/plan.js'"],
    ['src/model/x.ts', "import x from '@azure/identity'"],
    ['src/plan/x.ts', "import x from '@azure/identity'"],
    ['src/plan/x.ts', "import x from '@microsoft/microsoft-graph-client'"],
    ['src/plan/x.ts', "import x from '@actions/core'"],
    ['src/plan/x.ts', "import x from '../azure/role-assignments.js'"],
    ['src/plan/x.ts', "import x from '../observe/observe.js'"],
    ['src/observe/x.ts', "import x from '../azure/app-registration.js'"],
    ['src/apply/x.ts', "import x from '../engine/run.js'"],
    ['src/report/x.ts', "import x from '../plan/verdicts.js'"],
    ['src/azure/x.ts', "import x from '../plan/plan.js'"],
    ['src/engine/x.ts', "import x from '@actions/core'"],
    ['src/engine/x.ts', "import x from '../main.js'"]
  ])('%s may not say %s', async (file, source) => {
    expect(await importErrors(file, source)).toHaveLength(1)
  })

  it.each([
    ['src/plan/x.ts', "import x from '../model/observed.js'"],
    ['src/observe/x.ts', "import x from '../model/ports.js'"],
    ['src/report/x.ts', "import x from '../model/report.js'"],
    ['src/engine/x.ts', "import x from '../azure/app-registration.js'"],
    ['src/main.ts', "import x from '@actions/core'"]
  ])('%s may say %s', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([])
  })
})
