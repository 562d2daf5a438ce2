import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { startCluster, type Cluster, type ClusterOptions } from './cluster.js';
import { openClient, pendingMigrationsWith, withClient } from './migrate.js';

export const EMBEDDED_DATABASE = 'traq';
/** The group role the migrations grant the application's privileges to (migrations/20261201120000000_runtime-role.sql). */
export const RUNTIME_GROUP = 'traq_runtime';
/** The embedded cluster's login for the server, the worker and traq-admin: a member of traq_runtime, nothing more. */
export const EMBEDDED_RUNTIME_USER = 'traq_app';

/** Runs `sql` unless a concurrent starter did the same first (duplicate database or role). */
const tolerateDuplicate = (c: pg.Client, sql: string) =>
  c.query(sql).catch((err: { code?: string }) => {
    if (err.code !== '42P04' && err.code !== '42710') throw err;
  });

async function ensureDatabaseWith(c: pg.Client, name: string): Promise<void> {
  const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await tolerateDuplicate(c, `CREATE DATABASE ${c.escapeIdentifier(name)}`);
}

/** Creates `name` on the cluster behind `adminUrl` unless it exists (identifiers cannot be query parameters). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (c) => ensureDatabaseWith(c, name));
}

async function ensureRuntimeLoginWith(c: pg.Client, user: string, password: string, passwordIsNew: boolean): Promise<void> {
  const { rows } = await c.query<{ rolname: string }>('SELECT rolname FROM pg_roles WHERE rolname = ANY($1)', [[RUNTIME_GROUP, user]]);
  const has = new Set(rows.map((r) => r.rolname));
  if (!has.has(RUNTIME_GROUP)) await tolerateDuplicate(c, `CREATE ROLE ${RUNTIME_GROUP} NOLOGIN`);
  const login = `${c.escapeIdentifier(user)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${c.escapeLiteral(password)}`;
  if (!has.has(user)) await tolerateDuplicate(c, `CREATE ROLE ${login} IN ROLE ${RUNTIME_GROUP}`);
  else if (passwordIsNew) await c.query(`ALTER ROLE ${login}`);
}

/**
 * Makes `user` a login role that is a member of traq_runtime (creating the group when the migrations
 * have not yet), with `password`. For the embedded cluster and the test harness, whose owner is a superuser.
 */
export async function ensureRuntimeLogin(adminUrl: string, user: string, password: string): Promise<void> {
  await withClient(adminUrl, (c) => ensureRuntimeLoginWith(c, user, password, true));
}

/** The runtime login's password, beside the owner's (<cluster>.password), readable by its owner only. */
function runtimePassword(cluster: Cluster): { password: string; created: boolean } {
  const file = `${cluster.dataDir}.app.password`;
  if (fs.existsSync(file)) return { password: fs.readFileSync(file, 'utf8').trim(), created: false };
  const password = randomBytes(18).toString('base64url');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return { password, created: true };
}

export interface EmbeddedDatabase {
  cluster: Cluster;
  /** The owner (the cluster's superuser): migrations only. */
  ownerUrl: string;
  /** The runtime login (traq_app): what the server, the worker and traq-admin connect as. */
  url: string;
  /**
   * The migrations the `traq` database had not run when the owner checked (for migrate's `pending`); undefined
   * when the owner did not look (`ownerCheck: 'when-needed'` on a cluster and login made by an earlier start).
   */
  pendingMigrations: string[] | undefined;
  /**
   * The owner's check, made now: creates `traq` and the runtime login when missing, sets the login's password to
   * the stored one, and returns the pending migrations. For a caller whose runtime login was refused.
   */
  prepare(): Promise<string[]>;
}

/** A connection to `url`, or undefined when its database does not exist (yet). */
function connectIfExists(url: string): Promise<pg.Client | undefined> {
  return openClient(url).catch((err: { code?: string }) => {
    if (err.code === '3D000') return undefined;
    throw err;
  });
}

/** One owner connection to `traq` (the `postgres` database is visited only to create `traq`): the roles, then the migrations. */
async function prepareAsOwner(cluster: Cluster, runtimePassword: string, passwordIsNew: boolean): Promise<string[]> {
  const ownerUrl = cluster.url(EMBEDDED_DATABASE);
  let owner = await connectIfExists(ownerUrl);
  if (!owner) {
    await ensureDatabase(cluster.url('postgres'), EMBEDDED_DATABASE);
    owner = (await connectIfExists(ownerUrl))!;
  }
  try {
    await ensureRuntimeLoginWith(owner, EMBEDDED_RUNTIME_USER, runtimePassword, passwordIsNew);
    return await pendingMigrationsWith(owner);
  } finally {
    // Not waited for: nothing needs the close to be done, so the start does not wait on it (nor on its failure).
    owner.end().catch(() => {});
  }
}

/**
 * The development database: a persistent embedded cluster under <dataDir>/pg with a `traq` database and both roles.
 * `options`: see ClusterOptions (the server loads its application modules while PostgreSQL starts, and stops it
 * itself), and `ownerCheck`:
 * - 'always' (the default): one owner connection checks the roles and the migrations before this returns;
 * - 'when-needed' (the server): when an earlier start made the database and the runtime login, no owner connection
 *   at all, so a warm start pays for one connection (each is a backend started and a SCRAM exchange, on the start's
 *   critical path) instead of two. The caller then checks the migrations through the runtime login
 *   (pendingMigrationsThrough its pool), which calls prepare() if that login is refused.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  port: number,
  log: (line: string) => void,
  options: Pick<ClusterOptions, 'onWaiting' | 'ownProcessGroup'> & { ownerCheck?: 'always' | 'when-needed' } = {},
): Promise<EmbeddedDatabase> {
  const { ownerCheck = 'always', ...clusterOptions } = options;
  const cluster = await startCluster({ dataDir: path.join(dataDir, 'pg'), port, log, ...clusterOptions });
  const runtime = runtimePassword(cluster);
  const prepare = () => prepareAsOwner(cluster, runtime.password, true);
  const ownerNeeded = ownerCheck === 'always' || cluster.initialised || runtime.created;
  const pendingMigrations = ownerNeeded ? await prepareAsOwner(cluster, runtime.password, runtime.created) : undefined;
  const url = new URL(cluster.url(EMBEDDED_DATABASE));
  url.username = EMBEDDED_RUNTIME_USER;
  url.password = runtime.password;
  return { cluster, ownerUrl: cluster.url(EMBEDDED_DATABASE), url: url.toString(), pendingMigrations, prepare };
}
