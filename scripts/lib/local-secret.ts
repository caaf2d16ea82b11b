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
  return existingSecret(name, env) ?? newSecret(name, env);
}

/** The secret from its variable or the file `npm start` keeps; undefined if neither is there. */
export function existingSecret(
  name: keyof typeof LOCAL_SECRETS,
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  if (env[name]) return env[name];
  const file = fileOf(name, env);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

function fileOf(name: keyof typeof LOCAL_SECRETS, env: Record<string, string | undefined>) {
  const { fileVariable, file } = LOCAL_SECRETS[name];
  return resolve(env[fileVariable] ?? file);
}

function newSecret(
  name: keyof typeof LOCAL_SECRETS,
  env: Record<string, string | undefined>,
): string {
  const file = fileOf(name, env);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}
