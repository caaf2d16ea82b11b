import type { TestDatabase } from './helpers/database';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { testDatabase?: TestDatabase }).testDatabase?.drop();
}
