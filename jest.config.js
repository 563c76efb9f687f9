// @ts-check
/** Jest projects: unit (pure code, mocks only for what the project does not own), workflows (the
 * time-skipping server), integration (dev server, embedded PostgreSQL, in-process SMTP, HTTP API).
 * The integration servers start once, in test/global-setup.ts, only when an integration test runs. */
const tsJest = ['ts-jest', { diagnostics: false }];
/** @param {string} displayName @param {string[]} testMatch @param {object} [extra] */
const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: testMatch.map((m) => `<rootDir>/${m}`),
  ...extra,
});

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    project('unit', ['{libs,activities,apps}/**/*.spec.ts']),
    project('workflows', ['workflows/**/*.spec.ts']),
    project('integration', ['test/{integration,e2e}/**/*.test.ts', 'activities/**/*.int-spec.ts'], {
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    }),
  ],
  testTimeout: 60000,
};
