import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgresOptions {
  /** Folder that keeps the data between runs; in memory when omitted. */
  dataDir?: string;
  /** @default 0 (any free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /**
   * Connections the socket accepts. Every pool that connects counts in full.
   * @default 64
   */
  maxConnections?: number;
}

export interface EmbeddedPostgres {
  /** URL for the `pg` driver. */
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL compiled to WebAssembly (PGlite) behind a socket that speaks the wire protocol, so
 * the ordinary `pg` driver and TypeORM use it as they would a server. It serves one session:
 * transactions from different connections run one after another, never interleaved.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir);
  const server = new PGLiteSocketServer({
    db,
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    maxConnections: options.maxConnections ?? 64,
  });
  await server.start();
  const url = `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  return {
    url,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
