import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The secrets a local graph needs, each with the file it is kept in when its variable is unset. */
const LOCAL_SECRETS = {
  /** Signs the tokens of `npm run token` (HS256). */
  JWT_SECRET: { fileVariable: 'JWT_SECRET_FILE', file: '.data/jwt-secret' },
  /** Signs the gateway's requests to the subgraphs. */
  GATEWAY_SIGNING_SECRET: {
    fileVariable: 'GATEWAY_SIGNING_SECRET_FILE',
    file: '.data/gateway-signing-secret',
  },
} as const;

/**
 * A secret for local use: its variable if set, otherwise a random secret kept in `.data/` (made on
 * first use), so `npm start` and `npm run token` agree without anyone choosing a secret, and no
 * default secret ever ships.
 */
export function localSecret(
  name: keyof typeof LOCAL_SECRETS = 'JWT_SECRET',
  env: Record<string, string | undefined> = process.env,
): string {
  if (env[name]) return env[name];
  const { fileVariable, file: fallback } = LOCAL_SECRETS[name];
  const file = resolve(env[fileVariable] ?? fallback);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
