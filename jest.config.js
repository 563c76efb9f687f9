// @ts-check
/** Jest projects: unit (pure code, mocks only for what the project does not own), workflows (the
 * time-skipping server), integration (dev server, embedded PostgreSQL, in-process SMTP, HTTP API),
 * browser (Debian's Chromium through playwright-core against the same stack listening on a port;
 * test/browser/support). The servers start once, in test/global-setup.ts, only when an integration
 * or browser test runs (jest runs a global setup file shared by two projects once). */
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

const realServers = {
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    project('unit', ['{libs,activities,apps,bench}/**/*.spec.ts']),
    project('workflows', ['workflows/**/*.spec.ts']),
    project(
      'integration',
      ['test/{integration,e2e}/**/*.test.ts', 'activities/**/*.int-spec.ts'],
      realServers,
    ),
    project('browser', ['test/browser/**/*.test.ts'], {
      ...realServers,
      // A failing test leaves a screenshot of its pages in test-artifacts/failures.
      testEnvironment: '<rootDir>/test/browser/support/environment.ts',
    }),
  ],
  testTimeout: 60000,
  // With two cores jest would run every file inside its main process (in band), which then holds what
  // each file leaves behind: CI died of heap exhaustion after 3400 s. A memory limit makes jest
  // run files in a worker (even just one) and start a fresh worker once the limit is passed.
  workerIdleMemoryLimit: '1GB',
};
