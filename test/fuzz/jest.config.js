/**
 * `npm run test:fuzz`: one fuzz test alone — the differential read fuzzer, or with FUZZ_WRITES=1
 * the write fuzzer (writes.fuzz.ts). Their files end in `.fuzz.ts` so the main suite never picks
 * them up; they share the main suite's global setup (a seeded database). Both stay in `testMatch`
 * (knip reads it for entry files); the one not asked for is ignored.
 * @type {import('jest').Config}
 */
const main = require('../../jest.config.js');

const writes = !['', '0', undefined].includes(process.env.FUZZ_WRITES);
const notThisRun = writes
  ? '/test/fuzz/differential\\.fuzz\\.ts$'
  : '/test/fuzz/writes\\.fuzz\\.ts$';

module.exports = {
  ...main,
  rootDir: '../..',
  testMatch: ['<rootDir>/test/fuzz/**/*.fuzz.ts'],
  testPathIgnorePatterns: [...main.testPathIgnorePatterns, notThisRun],
  testTimeout: 3_600_000,
};
