/**
 * Browser suite (`npm run test:e2e`): real Chromium (Debian's /usr/bin/chromium) against the app
 * listening on a real port. Reuses the main suite's seeded template (global setup).
 */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['**/tests/e2e/**/*.e2e.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
  // Two Chromium instances and two app servers on two cores make timings noisy; one file at a time.
  maxWorkers: 1,
};
