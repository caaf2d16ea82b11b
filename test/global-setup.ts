import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, migrateAndSeed } from './helpers/database';

/**
 * One database for the whole run, migrated and seeded once; every test file starts its own graph
 * on it. `globalThis` carries the handle to the teardown, which runs in this same process.
 */
export default async function globalSetup(): Promise<void> {
  process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
  process.env.GATEWAY_SIGNING_SECRET ??= randomBytes(32).toString('hex');
  // A scheduled reconciliation would send statements of its own into tests that count them;
  // the reconciliation's tests ask for runs, and one with a schedule sets it.
  process.env.COVERAGE_RECONCILE_INTERVAL ??= '0';
  const database = await createTestDatabase();
  await migrateAndSeed(database.url);
  process.env.TEST_DATABASE_URL = database.url;
  (globalThis as { testDatabase?: typeof database }).testDatabase = database;
}
