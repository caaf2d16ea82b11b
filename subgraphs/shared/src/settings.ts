import { z } from 'zod';

/** Raised when an environment variable holds a value the service cannot use. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type Env = Record<string, string | undefined>;

/**
 * The variables a service reads, by name, each a zod schema for its text. A value that is empty
 * or only spaces counts as unset, so `PORT=` in a file means the default.
 */
export type Settings = Record<string, z.ZodType>;

/** What `readSettings` makes of a `Settings`: the typed value of each variable. */
export type SettingsOf<S extends Settings> = { [K in keyof S]: z.output<S[K]> };

/** Variables whose value is never repeated in an error: it may hold a password or a key. */
const secrets = new WeakSet<z.ZodType>();

/** A variable whose value a message must not show. */
export function secret<T extends z.ZodType>(schema: T): T {
  secrets.add(schema);
  return schema;
}

function integer(fallback: number, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}) {
  const error = `must be an integer from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

function protocolOf(value: string): string | undefined {
  try {
    return new URL(value).protocol.replace(/:$/, '');
  } catch {
    return undefined;
  }
}

const DURATION = /^(\d+)\s*(s|m|h|d)?$/;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** A duration setting in seconds: `3600`, `90m`, `24h`, `7d`. */
export function durationSeconds(value: string): number | undefined {
  const match = DURATION.exec(value.trim());
  if (!match) return undefined;
  return Number(match[1]) * UNIT_SECONDS[(match[2] ?? 's') as keyof typeof UNIT_SECONDS];
}

/** The kinds of variable the services read. */
export const setting = {
  string: (fallback: string) => z.string().default(fallback),
  optional: () => z.string().optional(),
  int: (fallback: number, range?: { min?: number; max?: number }) =>
    integer(fallback, range).default(fallback),
  /** A number of milliseconds, from a number of days that may have a fraction (`1.5`). */
  days: (fallback: number, { max = 36_500 } = {}) =>
    z.coerce
      .number({ error: `must be a number of days above 0 and at most ${max}` })
      .positive({ error: `must be a number of days above 0 and at most ${max}` })
      .max(max, { error: `must be a number of days above 0 and at most ${max}` })
      .default(fallback)
      .transform((days) => Math.round(days * 86_400_000)),
  port: (fallback: number) => integer(fallback, { min: 0, max: 65535 }).default(fallback),
  bool: (fallback: boolean) =>
    z
      .stringbool({
        truthy: ['1', 'true', 'yes', 'on'],
        falsy: ['0', 'false', 'no', 'off'],
        error: 'must be true or false',
      })
      .default(fallback),
  url: (protocols: string[]) =>
    z
      .string()
      .refine((value) => protocols.includes(protocolOf(value) ?? ''), {
        error: `must be a ${protocols.join(' or ')} URL`,
      })
      .optional(),
  /** Comma-separated; blanks dropped. */
  list: () =>
    z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean),
      ),
  duration: (fallback: string) =>
    z
      .string()
      .default(fallback)
      .refine((value) => durationSeconds(value) !== undefined, {
        error: 'must be a duration such as 3600, 90m, 24h or 7d',
      }),
};

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
}

function describe(issue: z.core.$ZodIssue, settings: Settings, env: Env): string {
  const name = String(issue.path[0] ?? '');
  const value = present(env[name]);
  const schema = settings[name];
  const shown = value === undefined || (schema && secrets.has(schema)) ? '' : `; got "${value}"`;
  return `${name} ${issue.message}${shown}`;
}

/**
 * Reads the variables `settings` names from `env`, all at once: the typed values, or one
 * ConfigError that names every variable that is wrong and why. `check` adds rules across
 * variables (one needs another); its issues name their variable as their path.
 */
export function readSettings<S extends Settings>(
  settings: S,
  env: Env,
  check?: (values: SettingsOf<S>, issue: (name: keyof S & string, message: string) => void) => void,
): SettingsOf<S> {
  const input = Object.fromEntries(Object.keys(settings).map((name) => [name, present(env[name])]));
  let schema: z.ZodType<SettingsOf<S>> = z.object(settings) as unknown as z.ZodType<SettingsOf<S>>;
  if (check) {
    schema = schema.superRefine((values, context) =>
      check(values, (name, message) => context.addIssue({ code: 'custom', path: [name], message })),
    );
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => describe(issue, settings, env)).join('\n'),
  );
}

/**
 * The variables of one family, such as `SUBGRAPH_<NAME>_URL`: the lower-cased `<NAME>` of each
 * one set, with its value read by `schema`.
 */
export function readFamily<T extends z.ZodType>(
  env: Env,
  pattern: RegExp,
  schema: T,
): Record<string, z.output<T>> {
  const names = Object.keys(env).filter((name) => pattern.test(name) && present(env[name]));
  const values = readSettings(Object.fromEntries(names.map((name) => [name, schema])), env);
  return Object.fromEntries(
    names.map((name) => [pattern.exec(name)![1].toLowerCase(), values[name]]),
  );
}
