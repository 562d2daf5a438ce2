/**
 * `traq-admin backup --out DIR`: one database snapshot and the artifact bytes it names.
 *
 *   DIR/db/<schema>.<table>.ndjson   every row of the snapshot, one JSON object a line
 *   DIR/files/<key>                  every artifact the snapshot names, laid out like the store
 *   DIR/manifest.json                written last: schema version, row counts, sizes and sha256
 *
 * The order is the point (issue #12: copying the store before dumping lost rows): the rows are read
 * first, then exactly the files they name, each checked against the size and sha256 its row records.
 * A file replaced or removed after the snapshot (a re-upload, a retention prune) fails that check,
 * and the backup takes a new snapshot, keeping the files that still match.
 */
import { createHash } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ArtifactNotFound, ArtifactStore, checkKey } from '../artifacts/store.js';
import { tableName, withBackupSnapshot, type BackupTable, type NamedFile, type SequenceValue } from '../db/backup.js';
import type { Pool } from '../db/pool.js';
import { VERSION } from '../version.js';
import { CliError, usageError } from './errors.js';
import { writeAtomic } from './files.js';
import { note, Progress } from './output.js';

export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_FORMAT = 'traq-server-backup';
const ATTEMPTS = 3;

export interface ManifestTable extends BackupTable {
  rows: number;
  /** Relative to the backup folder. */
  file: string;
  bytes: number;
  sha256: string;
}

export interface ManifestFile {
  key: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  format_version: 1;
  created_at: string;
  traq_server_version: string;
  postgres_version: string;
  /** Applied migrations, oldest first: restore migrates to exactly this version. */
  migrations: string[];
  /** The backed-up cluster's next transaction id (see advanceTransactionIds). */
  next_xid: string;
  tables: ManifestTable[];
  sequences: SequenceValue[];
  files: ManifestFile[];
  /** Files the database names that were not in the store (the backup is then incomplete). */
  missing_files: { key: string; why: string }[];
  totals: { tables: number; rows: number; files: number; file_bytes: number };
}

export interface BackupReport {
  ok: boolean;
  out: string;
  attempts: number;
  seconds: number;
  totals: Manifest['totals'];
  tables: Record<string, number>;
  missing_files: Manifest['missing_files'];
}

/** A folder to write into: absent, or present and empty. */
export async function assertEmptyFolder(dir: string, what: string): Promise<void> {
  const entries = await fsp.readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw usageError(`${what} ${dir} cannot be read (${err.code ?? err.message})`);
  });
  if (entries.length) throw usageError(`${what} ${dir} is not empty; give a new or empty folder`);
}

interface Expected {
  size: number | null;
  sha256: string | null;
  /** false: only an optional reference names it (a final's report image), so its absence is no loss. */
  required: boolean;
}

const isKey = (key: string) => {
  try {
    return Boolean(checkKey(key));
  } catch {
    return false;
  }
};

/** The files the rows name, one entry a key, with what the rows record about it. */
function expectedFiles(named: NamedFile[]): Map<string, Expected> {
  const files = new Map<string, Expected>();
  for (const f of named) {
    if (!f.required && !isKey(f.key)) continue; // a legacy absolute path in an old final: nothing in the store
    const seen = files.get(f.key);
    files.set(f.key, { size: seen?.size ?? f.size, sha256: seen?.sha256 ?? f.sha256, required: Boolean(seen?.required) || f.required });
  }
  return files;
}

async function dumpTable(out: string, rows: AsyncGenerator<string[]>, table: BackupTable): Promise<ManifestTable> {
  const file = path.posix.join('db', `${table.schema}.${table.name}.ndjson`);
  const hash = createHash('sha256');
  let count = 0;
  async function* lines() {
    for await (const batch of rows) {
      const chunk = Buffer.from(`${batch.join('\n')}\n`);
      hash.update(chunk);
      count += batch.length;
      yield chunk;
    }
  }
  const bytes = await writeAtomic(path.join(out, file), Readable.from(lines()));
  return { ...table, rows: count, file, bytes, sha256: hash.digest('hex') };
}

export async function takeBackup(pool: Pool, store: ArtifactStore, outDir: string): Promise<BackupReport> {
  const started = Date.now();
  const out = path.resolve(outDir);
  await assertEmptyFolder(out, '--out');
  const copies = new ArtifactStore(path.join(out, 'files'));
  /** What was copied in this run (kept across attempts when a new snapshot names the same bytes). */
  const copied = new Map<string, ManifestFile>();

  for (let attempt = 1; ; attempt++) {
    const snap = await withBackupSnapshot(pool, async (s) => {
      const progress = new Progress('backup: table', s.tables.length);
      const tables: ManifestTable[] = [];
      for (const t of s.tables) {
        tables.push(await dumpTable(out, s.rows(t), t));
        progress.tick(tableName(t), `${tables.at(-1)!.rows} rows`);
      }
      return { ...s, tables };
    });

    const wanted = expectedFiles(snap.files);
    const changed: { key: string; why: string }[] = [];
    const absent = new Set<string>();
    const progress = new Progress('backup: file', wanted.size);
    for (const [key, want] of wanted) {
      const have = copied.get(key);
      const matches = (f: { size: number; sha256: string }) => (want.size === null || f.size === want.size) && (want.sha256 === null || f.sha256 === want.sha256);
      // A copy from an earlier attempt is kept only when its row's sha256 vouches for it.
      if (!have || want.sha256 === null || !matches(have)) {
        try {
          copied.set(key, await copies.write(key, await store.read(key)));
        } catch (err) {
          if (!(err instanceof ArtifactNotFound)) throw err;
          copied.delete(key);
          await copies.delete(key);
          if (want.required) changed.push({ key, why: 'not in the artifact store' });
          else absent.add(key);
          progress.tick(key, want.required ? 'missing' : 'absent (optional)');
          continue;
        }
      }
      const got = copied.get(key)!;
      if (matches(got)) progress.tick(key);
      else {
        changed.push({ key, why: `the store holds ${got.size} bytes, sha256 ${got.sha256}; the database row says ${want.size ?? '?'} bytes, sha256 ${want.sha256 ?? '?'}` });
        progress.tick(key, 'changed since the snapshot');
      }
    }

    if (changed.length && attempt < ATTEMPTS) {
      note(`backup: ${changed.length} file(s) differ from the snapshot (written or removed since); taking a new snapshot (attempt ${attempt + 1} of ${ATTEMPTS})`);
      continue;
    }

    // Copies a previous attempt made of files this snapshot does not name, or that did not match it.
    const bad = new Set([...changed.map((c) => c.key), ...absent]);
    for (const key of await copies.list()) {
      if (!wanted.has(key) || bad.has(key)) await copies.delete(key);
    }
    const files = [...wanted.keys()].filter((k) => !bad.has(k)).sort().map((k) => copied.get(k)!);
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      format_version: 1,
      created_at: new Date().toISOString(),
      traq_server_version: VERSION,
      postgres_version: snap.serverVersion,
      migrations: snap.migrations,
      next_xid: snap.nextXid,
      tables: snap.tables,
      sequences: snap.sequences,
      files,
      missing_files: changed,
      totals: {
        tables: snap.tables.length,
        rows: snap.tables.reduce((n, t) => n + t.rows, 0),
        files: files.length,
        file_bytes: files.reduce((n, f) => n + f.size, 0),
      },
    };
    await writeAtomic(path.join(out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const report: BackupReport = {
      ok: changed.length === 0,
      out,
      attempts: attempt,
      seconds: (Date.now() - started) / 1000,
      totals: manifest.totals,
      tables: Object.fromEntries(snap.tables.map((t) => [tableName(t), t.rows])),
      missing_files: changed,
    };
    return report;
  }
}

/** The one line for a backup that finished with files missing (after the report was printed). */
export const incompleteBackup = (r: BackupReport) =>
  new CliError(`backup written to ${r.out}, but ${r.missing_files.length} file(s) the database names could not be copied: ${r.missing_files.map((m) => `${m.key} (${m.why})`).join('; ')}`);
