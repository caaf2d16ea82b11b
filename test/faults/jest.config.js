/**
 * `npm run test:faults`: the fault test alone. Its files end in `.fault.ts` so the main suite
 * never picks them up; it makes its own database, so it needs no global setup.
 * @type {import('jest').Config}
 */
const main = require('../../jest.config.js');

module.exports = {
  ...main,
  rootDir: '../..',
  testMatch: ['<rootDir>/test/faults/**/*.fault.ts'],
  globalSetup: undefined,
  globalTeardown: undefined,
  testTimeout: 240_000,
};
