/**
 * Unit specs sit beside the code (src/**\/*.spec.ts); end-to-end specs live in test/e2e; the
 * console's browser specs in test/browser.
 */
const transform = { '^.+\\.ts$': 'ts-jest' };

module.exports = {
  testTimeout: 60000,
  // Two at once, on a 2-core machine too: the browser specs mostly wait for a server and a
  // browser in other processes, which the other specs' work fills.
  maxWorkers: 2,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      transform,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      transform,
    },
    {
      // The console in Debian's Chromium (playwright-core) against the built server.
      displayName: 'browser',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      transform,
    },
  ],
};
