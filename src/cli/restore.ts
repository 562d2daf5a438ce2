/**
 * `traq-admin restore --from DIR`: a backup (./backup.ts) into an empty database and an empty
 * artifact store, verified against its manifest.
 *
 * Steps: migrate to the backup's schema version; move the cluster's transaction ids past the old
 * cluster's; put every file back through the artifact store (each checked against its size and
 * sha256 as it streams); load the rows in one transaction that ends with every trigger and foreign
 * key back in place and every row count checked; then read everything back and compare again.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { ArtifactStore } from '../artifacts/store.js';
import { advanceTransactionIds, countRows, existingTables, loadRows, tableName, type BackupTable } from '../db/backup.js';
import { migrate, MIGRATIONS_DIR } from '../db/migrate.js';
import type { Pool } from '../db/pool.js';
import { BACKUP_FORMAT, MANIFEST_FILE, type Manifest, type ManifestTable } from './backup.js';
import { CliError, usageError } from './errors.js';
import { note, Progress } from './output.js';

export interface RestoreReport {
  ok: true;
  from: string;
  schema_version: string;
  seconds: number;
  totals: Manifest['totals'];
  tables: Record<string, number>;
  transaction_ids_advanced: number;
}

async function readManifest(dir: string): Promise<Manifest> {
  const file = path.join(dir, MANIFEST_FILE);
  let m: Manifest;
  try {
    m = JSON.parse(await fsp.readFile(file, 'utf8')) as Manifest;
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found (an unfinished backup has none)' : (err as Error).message;
    throw usageError(`--from: ${file} ${why}`);
  }
  if (m.format !== BACKUP_FORMAT || m.format_version !== 1) throw usageError(`--from: ${file} is not a traq-server backup manifest (format ${BACKUP_FORMAT} version 1)`);
  return m;
}

/** The backup's schema must be this checkout's first N migrations (a newer backup needs newer code). */
async function checkMigrations(m: Manifest): Promise<void> {
  const here = (await fsp.readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).map((f) => f.slice(0, -4)).sort();
  const i = m.migrations.findIndex((name, k) => here[k] !== name);
  if (i >= 0) throw usageError(`The backup's migration ${m.migrations[i]} is not this checkout's migration #${i + 1} (${here[i] ?? 'none'}): restore with the traq-server version that made the backup (${m.traq_server_version})`);
}

/** Refuses a target that holds anything: a restore never merges into data. */
async function checkEmptyTarget(pool: Pool, store: ArtifactStore, where: string): Promise<void> {
  const files = await store.list();
  if (files.length) throw usageError(`restore needs an empty artifact store: ${store.root} holds ${files.length} file(s) (${files[0]}${files.length > 1 ? ', ...' : ''})`);
  const tables = await existingTables(pool);
  if (tables.length) throw usageError(`restore needs an empty database: ${where} already has ${tables.length} table(s) (${tables.slice(0, 3).join(', ')}${tables.length > 3 ? ', ...' : ''})`);
}

/** A table file's rows in batches; its sha256 is checked once the file has been read to the end. */
async function* tableRows(dir: string, t: ManifestTable): AsyncGenerator<string[]> {
  const stream = fs.createReadStream(path.join(dir, t.file));
  const hash = createHash('sha256');
  stream.on('data', (c) => hash.update(c));
  let batch: string[] = [];
  for await (const line of readline.createInterface({ input: stream, crlfDelay: Infinity })) {
    if (line === '') continue;
    batch.push(line);
    if (batch.length >= 1000) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
  const sha = hash.digest('hex');
  if (sha !== t.sha256) throw new CliError(`${t.file} is damaged: sha256 ${sha}, the manifest says ${t.sha256}`);
}

async function sha256Of(store: ArtifactStore, key: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of await store.read(key)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}

export async function restoreBackup(target: { pool: Pool; store: ArtifactStore; databaseUrl: string; where: string }, fromDir: string): Promise<RestoreReport> {
  const started = Date.now();
  const from = path.resolve(fromDir);
  const m = await readManifest(from);
  await checkMigrations(m);
  await checkEmptyTarget(target.pool, target.store, target.where);

  try {
    return await restoreInto(target, from, m, started);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new CliError(`restore failed: ${why}; ${target.where} and ${target.store.root} now hold part of the backup: empty both before trying again`);
  }
}

async function restoreInto(target: { pool: Pool; store: ArtifactStore; databaseUrl: string; where: string }, from: string, m: Manifest, started: number): Promise<RestoreReport> {
  note(`restore: migrating ${target.where} to ${m.migrations.at(-1)} (${m.migrations.length} migrations)`);
  await migrate(target.databaseUrl, { count: m.migrations.length });
  const advanced = await advanceTransactionIds(target.pool, m.next_xid, (done, total) => note(`restore: transaction ids ${done}/${total}`));

  const copies = new ArtifactStore(path.join(from, 'files'));
  const filesProgress = new Progress('restore: file', m.files.length);
  for (const f of m.files) {
    const put = await target.store.write(f.key, await copies.read(f.key));
    if (put.size !== f.size || put.sha256 !== f.sha256) {
      await target.store.delete(f.key);
      throw new CliError(`files/${f.key} in the backup is damaged: ${put.size} bytes, sha256 ${put.sha256}; the manifest says ${f.size} bytes, sha256 ${f.sha256}`);
    }
    filesProgress.tick(f.key);
  }

  const rowsProgress = new Progress('restore: table', m.tables.length);
  await loadRows(target.pool, {
    tables: m.tables,
    sequences: m.sequences,
    read: (t: BackupTable) => tableRows(from, t as ManifestTable),
    onTable: (t, rows) => rowsProgress.tick(tableName(t), `${rows} rows`),
  });

  // Read it all back: what the manifest promises is what the target now holds.
  const counts = await countRows(target.pool, m.tables);
  const wrongRows = m.tables.filter((t) => counts.get(tableName(t)) !== t.rows);
  if (wrongRows.length) throw new CliError(`after restore, row counts differ: ${wrongRows.map((t) => `${tableName(t)} ${counts.get(tableName(t))} (backup ${t.rows})`).join(', ')}`);
  const verify = new Progress('restore: verify', m.files.length);
  for (const f of m.files) {
    const got = await sha256Of(target.store, f.key);
    if (got.size !== f.size || got.sha256 !== f.sha256) throw new CliError(`after restore, ${f.key} differs: ${got.size} bytes, sha256 ${got.sha256} (backup ${f.size}, ${f.sha256})`);
    verify.tick(f.key);
  }
  if (m.missing_files.length) note(`restore: the backup lacked ${m.missing_files.length} file(s) its rows name: ${m.missing_files.map((f) => f.key).join(', ')}`);

  return {
    ok: true,
    from,
    schema_version: m.migrations.at(-1) ?? '(none)',
    seconds: (Date.now() - started) / 1000,
    totals: m.totals,
    tables: Object.fromEntries([...counts]),
    transaction_ids_advanced: advanced,
  };
}
