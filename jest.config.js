/** Jest runs the TypeScript sources as ESM through ts-jest (the Actions toolkit packages are ESM-only). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'test/tsconfig.json', diagnostics: false }]
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: [
    ...(process.env.BENCH ? [] : ['\\.bench\\.test\\.ts$']),
    ...(process.env.CHAOS ? [] : ['\\.chaos\\.test\\.ts$'])
  ],
  globalSetup: '<rootDir>/test/global-setup.js',
  testTimeout: 30000,
  collectCoverageFrom: ['src/**/*.ts', '!src/index.ts'],
  coverageReporters: ['text-summary'],
  // main.ts and action.ts are exercised only through the bundle (test/e2e), in a child process, and not counted.
  coverageThreshold: { global: { lines: 88, statements: 86, functions: 90, branches: 78 } }
}
