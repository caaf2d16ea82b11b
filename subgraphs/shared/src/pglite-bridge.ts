import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'

/**
 * Hands the single PGlite session to one connection at a time: from the first message of a
 * query until the query is complete (Sync or simple Query), and for as long as that connection
 * holds a transaction open. Anything finer lets one connection's Parse/Bind/Execute interleave
 * with another's in the one backend, which answers with the wrong statement's rows.
 */
class SessionLock {
  private owner: symbol | null = null;
  private readonly waiting: { id: symbol; resolve: () => void }[] = [];

  async acquire(id: symbol): Promise<void> {
    if (this.owner === id) return;
    if (this.owner === null && this.waiting.length === 0) {
      this.owner = id;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push({ id, resolve }));
  }

  holds(id: symbol): boolean {
    return this.owner === id;
  }

  release(id: symbol): void {
    if (this.owner !== id) return;
    const next = this.waiting.shift();
    this.owner = next?.id ?? null;
    next?.resolve();
  }

  /** A connection that goes away gives up its place in the queue too. */
  forget(id: symbol): void {
    const index = this.waiting.findIndex((waiter) => waiter.id === id);
    if (index >= 0) this.waiting.splice(index, 1);
  }
}

/**
 * Serves PGlite over the PostgreSQL wire protocol on a TCP port, for the ordinary `pg` driver.
 */
export function servePGlite(db: PGlite): Server {
  const lock = new SessionLock();

  async function execute(id: symbol, socket: Socket, messages: Buffer[]): Promise<void> {
    await lock.acquire(id);
    try {
      for (const message of messages) {
        await db.runExclusive(() =>
          db.execProtocolRawStream(message, {
            onRawData: (data) => {
              if (socket.writable) socket.write(data);
            },
          }),
        );
      }
    } finally {
      if (!db.isInTransaction()) lock.release(id);
    }
  }

  function connection(socket: Socket): void {
    const id = Symbol('connection');
    let buffer = Buffer.alloc(0);
    let started = false;
    let pending: Buffer[] = [];
    let work: Promise<void> = Promise.resolve();

    const drain = async (): Promise<void> => {
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          const code = buffer.readInt32BE(4);
          if (code === SSL_REQUEST) {
            buffer = buffer.subarray(8);
            socket.write('N');
            continue;
          }
          if (code === CANCEL_REQUEST) {
            socket.end();
            return;
          }
          if (buffer.length < length) return;
          const startup = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          started = true;
          await execute(id, socket, [startup]);
          continue;
        }
        if (buffer.length < 5) return;
        const length = buffer.readInt32BE(1) + 1;
        if (buffer.length < length) return;
        const message = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        if (message[0] === TERMINATE) {
          socket.end();
          return;
        }
        pending.push(message);
        if (message[0] === SYNC || message[0] === QUERY) {
          const batch = pending;
          pending = [];
          await execute(id, socket, batch);
        }
      }
    };

    const closed = async (): Promise<void> => {
      lock.forget(id);
      if (!lock.holds(id)) return;
      // A connection that vanishes inside a transaction must not leave it open for the next.
      // (exec takes PGlite's own lock, so it must not run inside runExclusive.)
      if (db.isInTransaction()) await db.exec('ROLLBACK').catch(() => undefined);
      lock.release(id);
    };

    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      work = work.then(drain).catch(() => {
        socket.destroy();
      });
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      work = work.then(closed);
    });
  }

  return createServer(connection);
}
