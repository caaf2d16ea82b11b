/**
 * `npm run test:fuzz`: the differential fuzz test alone. Its file ends in `.fuzz.ts` so the main
 * suite never picks it up; it shares the main suite's global setup (a seeded database).
 * @type {import('jest').Config}
 */
const main = require('../../jest.config.js');

module.exports = {
  ...main,
  rootDir: '../..',
  testMatch: ['<rootDir>/test/fuzz/**/*.fuzz.ts'],
  testTimeout: 3_600_000,
};
