import pg from 'pg';
import type { Logger } from '../logger.js';
import { PreparedClient } from './prepared.js';

// int8 (counts, sizes, sequence values) as JS numbers: every value we store fits in 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

export function createPool(connectionString: string, max: number, logger?: Logger): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, application_name: 'traq-server', Client: PreparedClient });
  // Without a listener, an idle client dropped by the server (e.g. at shutdown) crashes the process.
  pool.on('error', (err) => logger?.warn({ err: err.message }, 'idle database client error'));
  // A client checked out when the server goes away (57P01 at a restart) emits 'error' too, and the pool only
  // listens while it is idle: every client gets a listener of its own for its whole life. The query in flight
  // rejects on its own; the broken client is dropped by the pool at release.
  pool.on('connect', (client) => {
    client.on('error', (err) => logger?.warn({ err: err.message }, 'database client error'));
  });
  return pool;
}

const CONNECTION_CODES = new Set(['57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

/**
 * True for "the database is not reachable right now" (server shutting down or restarting, connection
 * refused or lost, too many clients), as opposed to an error in what we asked it.
 */
export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | undefined;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (CONNECTION_CODES.has(code) || code.startsWith('08')) return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  return /Connection terminated|not queryable|connection error|timeout exceeded when trying to connect/i.test(message);
}
