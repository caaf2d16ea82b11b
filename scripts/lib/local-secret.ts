import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The HS256 secret for local use: JWT_SECRET if set, otherwise a random secret kept in
 * `.data/jwt-secret` (made on first use), so `npm start` and `npm run token` agree without
 * anyone choosing a secret, and no default secret ever ships.
 */
export function localSecret(env: Record<string, string | undefined> = process.env): string {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  const file = resolve(env.JWT_SECRET_FILE ?? '.data/jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
