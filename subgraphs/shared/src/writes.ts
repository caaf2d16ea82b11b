import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import {
  type DataSource,
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
} from 'typeorm';
import { v7 } from 'uuid';
import { translateDatabaseError } from './constraint-errors';
import { dataChanged } from './data-generation';
import type { Viewer } from './viewer';
import { ProvenanceKind } from './vocabulary';

/** One write: its transaction and what the audit log records about it. */
export interface Write {
  tx: EntityManager;
  /** Appends to the audit log in the same transaction: it commits or rolls back with the change. */
  audit(entry: {
    entityType: string;
    entityId: string;
    before: unknown;
    after: unknown;
  }): Promise<void>;
}

export interface WriteOptions {
  db: DataSource;
  viewer: Viewer;
  /** The mutation's name, such as "updateProject". */
  operation: string;
}

/** A plain JSON copy of a row for the audit log (dates as ISO strings, no class instances). */
function snapshot(value: unknown): unknown {
  return value === null || value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/**
 * Runs a write in one transaction with its audit entries: either everything it changed and
 * everything it logged is stored, or nothing is. Once it has committed, the data generation moves
 * on, so the gateway serves no answer it cached before.
 */
export async function runWrite<T>(
  { db, viewer, operation }: WriteOptions,
  work: (write: Write) => Promise<T>,
): Promise<T> {
  const schema = db.driver.schema;
  const result = await db
    .transaction(async (tx) =>
      work({
        tx,
        async audit({ entityType, entityId, before, after }) {
          await tx.query(
            `INSERT INTO "${schema}".audit_log
             (actor_subject, actor_entity, actor_roles, operation, entity_type, entity_id, before, after)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [
              viewer.subject,
              viewer.entity,
              [...viewer.roles],
              operation,
              entityType,
              entityId,
              JSON.stringify(snapshot(before)),
              JSON.stringify(snapshot(after)),
            ],
          );
        },
      }),
    )
    .catch((error: unknown) => {
      throw translateDatabaseError(error);
    });
  await dataChanged(db);
  return result;
}

/** A new id: UUID v7, so ids sort by creation time as the seeded ones do. */
export function newId(): string {
  return v7();
}

export function notFound(what: string): GraphQLError {
  return new GraphQLError(`${what} does not exist.`, { extensions: { code: 'NOT_FOUND' } });
}

/**
 * Loads a row for update, locking it until the transaction ends, and checks that the caller
 * based their change on its current version.
 */
export async function lockVersion<T extends ObjectLiteral & { version: number }>(
  tx: EntityManager,
  target: EntityTarget<T>,
  where: Record<string, unknown>,
  expectedVersion: number,
  what: string,
): Promise<T> {
  const row = await tx
    .getRepository(target)
    .createQueryBuilder('row')
    .setLock('pessimistic_write')
    .where(
      Object.keys(where)
        .map((key) => `row.${key} = :${key}`)
        .join(' AND '),
      where,
    )
    .getOne();
  if (!row) throw notFound(what);
  if (row.version !== expectedVersion) {
    throw new GraphQLError(
      `${what} was changed by someone else since you read it: it is at version ${row.version}, your change was based on version ${expectedVersion}. Read it again and reapply your change.`,
      { extensions: { code: 'CONFLICT', currentVersion: row.version, http: { status: 409 } } },
    );
  }
  return row;
}

/** Canonical JSON, keys sorted, so the same input always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface IdempotentCreate {
  /** The caller's key for this request; retries send the same key. */
  key: string | null | undefined;
  operation: string;
  viewer: Viewer;
  /** The request's input: a retry must send the same. */
  input: unknown;
  /**
   * How long a key is honoured, in ms, from its first request: a key older than this is new
   * again, whether or not the cleanup has deleted it yet.
   */
  retentionMs: number;
}

/**
 * Creates at most once per idempotency key and caller within the key's retention. The first
 * request stores the created id with its key in the same transaction; a retry with that key gets
 * the id back and writes nothing. A concurrent retry waits on the key's row until the first
 * commits. The key is refused if it was used for a different request. A key past its retention
 * is taken over by the request that sends it, as if it had never been used.
 */
export async function createOnce(
  tx: EntityManager,
  { key, operation, viewer, input, retentionMs }: IdempotentCreate,
  create: () => Promise<string>,
): Promise<{ id: string; replayed: boolean }> {
  if (key === null || key === undefined) return { id: await create(), replayed: false };
  if (key.length < 8 || key.length > 200) {
    throw new GraphQLError(
      '"idempotencyKey" must be 8 to 200 characters long; a UUID is a good key.',
      {
        extensions: { code: 'BAD_USER_INPUT', argument: 'idempotencyKey' },
      },
    );
  }
  const schema = tx.connection.driver.schema;
  const scope = viewer.subject ?? 'anonymous';
  const hash = createHash('sha256').update(canonical(input)).digest('hex');
  // A key within its retention is left as it is (and locked until this transaction ends); one
  // past it is claimed again, its age counted from now.
  const claimed: unknown[] = await tx.query(
    `INSERT INTO "${schema}".idempotency_key AS kept (scope, key, operation, request_hash)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (scope, key) DO UPDATE
       SET operation = EXCLUDED.operation, request_hash = EXCLUDED.request_hash,
           result_id = NULL, created_at = now()
       WHERE kept.created_at < now() - make_interval(secs => $5)
     RETURNING key`,
    [scope, key, operation, hash, retentionMs / 1000],
  );
  if (claimed.length === 0) {
    const [previous]: { operation: string; request_hash: string; result_id: string }[] =
      await tx.query(
        `SELECT operation, request_hash, result_id FROM "${schema}".idempotency_key WHERE scope = $1 AND key = $2`,
        [scope, key],
      );
    if (previous.operation !== operation || previous.request_hash !== hash) {
      throw new GraphQLError(
        `This idempotency key was already used for a different request (${previous.operation}). Use a new key for a new request.`,
        { extensions: { code: 'BAD_USER_INPUT', argument: 'idempotencyKey' } },
      );
    }
    return { id: previous.result_id, replayed: true };
  }
  const id = await create();
  await tx.query(
    `UPDATE "${schema}".idempotency_key SET result_id = $3 WHERE scope = $1 AND key = $2`,
    [scope, key, id],
  );
  return { id, replayed: false };
}

/** The fields of an update input that the caller gave (undefined ones are left as they are). */
export function givenFields<T extends object, K extends keyof T>(
  input: T,
  fields: K[],
): Partial<Pick<T, K>> {
  return Object.fromEntries(
    fields.filter((field) => input[field] !== undefined).map((field) => [field, input[field]]),
  ) as Partial<Pick<T, K>>;
}

/**
 * Applies a caller's changes to a row they read at `expectedVersion`, in the write's
 * transaction, and logs the row before and after.
 */
export async function updateRow<T extends ObjectLiteral & { version: number }>(
  { tx, audit }: Write,
  target: EntityTarget<T>,
  options: {
    where: Record<string, unknown>;
    expectedVersion: number;
    what: string;
    entityType: string;
    entityId: string;
    changes: Partial<T>;
  },
): Promise<T> {
  const row = await lockVersion(tx, target, options.where, options.expectedVersion, options.what);
  const before = { ...row };
  Object.assign(row, options.changes);
  const after = await tx.save(target, row);
  await audit({ entityType: options.entityType, entityId: options.entityId, before, after });
  return after;
}

/** Inserts a row in the write's transaction and logs it. */
export async function insertRow<T extends ObjectLiteral>(
  { tx, audit }: Write,
  target: EntityTarget<T>,
  values: T,
  entityType: string,
  entityId: string,
): Promise<T> {
  const saved = await tx.save(target, tx.create(target, values));
  await audit({ entityType, entityId, before: null, after: saved });
  return saved;
}

/** The `idempotencyKey` argument every create mutation takes. */
export const IDEMPOTENCY_KEY = {
  nullable: true,
  description:
    'Any unique string (a UUID is best). A retry with the same key returns the first result instead of creating twice, for as long as the key is kept: 7 days from its first use unless the deployment says otherwise; after that the key is new again.',
} as const;

/** Provenance of every record a user writes through the graph: theirs, never sample data. */
export const RECORDED = {
  provenanceKind: ProvenanceKind.RECORDED,
  source: null,
  notes: null,
} as const;

/**
 * A rule between an input and the stored record that class-validator cannot see, reported in
 * the same shape as its failures.
 */
export function invalidField(field: string, message: string): GraphQLError {
  return new GraphQLError(`The input is not valid: ${message}.`, {
    extensions: {
      code: 'BAD_USER_INPUT',
      argument: `input.${field}`,
      fields: [{ field, message }],
    },
  });
}

/** A write that the current state of the data refuses, such as a name already taken. */
export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', http: { status: 409 } } });
}

export interface CreateRecord<T extends ObjectLiteral> extends WriteOptions {
  idempotencyKey: string | null | undefined;
  /** How long the key is honoured, in ms (the context's `idempotencyRetentionMs`). */
  idempotencyRetentionMs: number;
  /** The request's input, which a retry with the same key must repeat. */
  input: unknown;
  target: EntityTarget<T>;
  /** The GraphQL type, as the audit log names it. */
  entityType: string;
  /** Runs in the transaction before anything is written, on a retry too: who may write, locks. */
  check?: (write: Write) => Promise<void>;
  /** The new row, made only the first time a key is seen. */
  build: (id: string, write: Write) => Promise<T> | T;
}

/**
 * The whole of a create mutation: one transaction, at most one row per idempotency key, the
 * row audited, and the row as stored returned (to a retry, the one the first request made).
 */
export async function createRecord<T extends ObjectLiteral>(create: CreateRecord<T>): Promise<T> {
  const { db, viewer, operation, target, entityType } = create;
  return runWrite({ db, viewer, operation }, async (write) => {
    await create.check?.(write);
    const { id } = await createOnce(
      write.tx,
      {
        key: create.idempotencyKey,
        operation,
        viewer,
        input: create.input,
        retentionMs: create.idempotencyRetentionMs,
      },
      async () => {
        const id = newId();
        await insertRow(write, target, await create.build(id, write), entityType, id);
        return id;
      },
    );
    const row = await write.tx.getRepository(target).findOneBy({ id } as never);
    if (!row) throw notFound(`The ${entityType} this request created (${id})`);
    return row;
  });
}
