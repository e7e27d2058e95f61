import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/** Packages that reach a service: only the composition root (engine/, azure/) and main.ts may load them. */
const SDKS = ['@azure/*', '@microsoft/*']
const ACTIONS = ['@actions/*']

/**
 * The one direction of imports (docs/architecture.md): model ← plan ← observe/apply ← engine ← main, with azure/
 * (the SDK-backed ports) used only by the engine and report/ rendering the model only.
 */
function layer(files, forbidden, packages) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbidden.map(group => ({
              ...(group instanceof RegExp ? { regex: group.source } : { group: [group] }),
              message:
                'Imports go one way: model ← plan ← observe/apply ← engine ← main (docs/architecture.md).'
            })),
            {
              group: packages,
              message:
                'This layer talks to no service and knows no GitHub: Azure SDKs belong to src/azure and src/engine, @actions/* to src/main.ts.'
            }
          ]
        }
      ]
    }
  }
}

const ABOVE_PLAN = [
  '**/azure/*',
  '**/observe/*',
  '**/apply/*',
  '**/engine/*',
  '**/report/*',
  '**/main.js',
  '**/action.js'
]

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error'
    }
  },
  // The schema's generated literal type is data, not a layer: the one thing model/ takes from outside itself.
  // The built-in role catalogue (data/*.json) is domain data too.
  layer(['src/model/**/*.ts'], [/^\.\.\/(?!\.\.\/(schema|data)\/)/], [...SDKS, ...ACTIONS]),
  layer(
    ['src/plan/**/*.ts'],
    [...ABOVE_PLAN, '**/config/*', '**/inputs.js', '**/cloud.js'],
    [...SDKS, ...ACTIONS]
  ),
  layer(
    ['src/observe/**/*.ts', 'src/apply/**/*.ts'],
    ['**/azure/*', '**/engine/*', '**/report/*', '**/main.js', '**/action.js', '**/inputs.js'],
    [...SDKS, ...ACTIONS]
  ),
  layer(
    ['src/report/**/*.ts'],
    ['**/azure/*', '**/observe/*', '**/apply/*', '**/engine/*', '**/plan/*', '**/main.js', '**/action.js'],
    [...SDKS, ...ACTIONS]
  ),
  layer(
    ['src/azure/**/*.ts'],
    ['**/observe/*', '**/apply/*', '**/plan/*', '**/engine/*', '**/report/*', '**/main.js', '**/action.js'],
    ACTIONS
  ),
  layer(
    [
      'src/engine/**/*.ts',
      'src/config/**/*.ts',
      'src/cloud.ts',
      'src/inputs.ts',
      'src/concurrency.ts',
      'src/trust.ts'
    ],
    ['**/main.js', '**/action.js'],
    ACTIONS
  )
)
