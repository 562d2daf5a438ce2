/**
 * The database side of backup and restore (README "Backup and restore").
 *
 * The embedded cluster is PostgreSQL 18 and ships no pg_dump (and Debian's
 * pg_dump 15 cannot read an 18 server), so the export is our own: every table
 * as one JSON object per row, all read in ONE repeatable-read snapshot together
 * with the artifact keys the rows name. Restore loads the rows into a schema
 * migrated to the backup's version, in one transaction: user triggers (the
 * append-only audit trail, immutable finals, the change log) and foreign keys
 * are set aside for the load and put back before commit, so a failed restore
 * leaves nothing and a finished one has every guard the migrations made.
 * Tables come from the catalog, so tables added by later migrations are covered.
 */
import pg from 'pg';
import {
  listAppliedMigrations,
  listArtifactFiles,
  listBackupForeignKeys,
  listBackupSequences,
  listBackupTables,
  listEnabledUserTriggers,
  listUserTables,
  snapshotFacts,
  type IListArtifactFilesResult,
  type IListBackupForeignKeysResult,
} from '../queries/backup.queries.js';
import type { Pool, PoolClient } from './pool.js';
import { withSnapshot, withTransaction } from './tx.js';

export interface TableRef {
  schema: string;
  name: string;
}

export interface BackupTable extends TableRef {
  /** Stored columns in table order (generated columns are recomputed, never restored). */
  columns: string[];
}

export interface SequenceValue extends TableRef {
  /** null: never used. */
  last_value: number | null;
}

export type NamedFile = IListArtifactFilesResult;

export const tableName = (t: TableRef) => `${t.schema}.${t.name}`;
const ident = (t: TableRef) => `${pg.escapeIdentifier(t.schema)}.${pg.escapeIdentifier(t.name)}`;
const columnList = (t: BackupTable) => t.columns.map((c) => pg.escapeIdentifier(c)).join(', ');

/**
 * Tables ordered so that every table comes after the tables it references (depth first; a
 * self-reference or a reference cycle such as jobs ↔ job_rounds is cut where the walk meets it).
 * Restore does not depend on the order (foreign keys are checked once, after the load); it keeps
 * the dump readable table by table.
 */
export function fkOrder<T extends TableRef>(tables: T[], fks: Pick<IListBackupForeignKeysResult, 'schema' | 'table' | 'ref_schema' | 'ref_table'>[]): T[] {
  const byName = new Map(tables.map((t) => [tableName(t), t]));
  const needs = new Map(tables.map((t) => [tableName(t), [] as string[]]));
  for (const fk of fks) {
    const to = `${fk.ref_schema}.${fk.ref_table}`;
    if (byName.has(to)) needs.get(`${fk.schema}.${fk.table}`)?.push(to);
  }
  const order: T[] = [];
  const seen = new Set<string>();
  const visit = (n: string) => {
    if (seen.has(n)) return;
    seen.add(n);
    for (const d of [...needs.get(n)!].sort()) visit(d);
    order.push(byName.get(n)!);
  };
  for (const n of [...byName.keys()].sort()) visit(n);
  return order;
}

async function tablesInFkOrder(db: PoolClient): Promise<BackupTable[]> {
  const [tables, fks] = [await listBackupTables.run(undefined, db), await listBackupForeignKeys.run(undefined, db)];
  return fkOrder(tables, fks);
}

/** What one snapshot holds; every method reads inside it. */
export interface Snapshot {
  /** Every table with rows to keep, in foreign-key order. */
  tables: BackupTable[];
  /** The schema version: applied migrations, oldest first. */
  migrations: string[];
  /** Read just after the snapshot was taken, so never behind it. */
  sequences: SequenceValue[];
  /** The cluster's next transaction id (restore moves a new cluster past it; see advanceTransactionIds). */
  nextXid: string;
  serverVersion: string;
  /** Every artifact key the rows name, with the size and sha256 the row records (when it does). */
  files: NamedFile[];
  /** The table's rows as JSON text, `batch` at a time. */
  rows(table: BackupTable, batch?: number): AsyncGenerator<string[]>;
}

/** Runs `work` in one REPEATABLE READ, READ ONLY transaction: rows and artifact keys come from one snapshot. */
export function withBackupSnapshot<T>(pool: Pool, work: (snapshot: Snapshot) => Promise<T>): Promise<T> {
  return withSnapshot(pool, async (tx) => {
    // The first statement fixes the snapshot; sequences are read after it, so they are never behind it.
    const [facts] = await snapshotFacts.run(undefined, tx);
    const snapshot: Snapshot = {
      tables: await tablesInFkOrder(tx),
      migrations: (await listAppliedMigrations.run(undefined, tx)).map((m) => m.name),
      sequences: await listBackupSequences.run(undefined, tx),
      nextXid: facts!.next_xid,
      serverVersion: facts!.server_version,
      files: await listArtifactFiles.run(undefined, tx),
      async *rows(table, batch = 1000) {
        // A cursor, so a large table streams instead of sitting in memory. One line per row: JSON
        // escapes line breaks inside strings, so a raw one can only be whitespace of a json-typed value.
        await tx.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT translate(row_to_json(t)::text, E'\\n\\r', '  ') AS r FROM ${ident(table)} t`);
        try {
          for (;;) {
            const { rows } = await tx.query<{ r: string }>(`FETCH ${batch} FROM backup_rows`);
            if (rows.length === 0) return;
            yield rows.map((row) => row.r);
          }
        } finally {
          await tx.query('CLOSE backup_rows');
        }
      },
    };
    return work(snapshot);
  });
}

/** The tables a restore target already has (it must have none). */
export async function existingTables(pool: Pool): Promise<string[]> {
  return (await listUserTables.run(undefined, pool)).map((t) => t.name);
}

export interface LoadPlan {
  /** The backup's tables (in load order) and the row count each must end with. */
  tables: (BackupTable & { rows: number })[];
  sequences: SequenceValue[];
  /** Rows of one table as JSON text, in batches. */
  read(table: BackupTable): AsyncIterable<string[]>;
  onTable?(table: BackupTable, rows: number): void;
}

const ENABLE = { O: 'ENABLE TRIGGER', A: 'ENABLE ALWAYS TRIGGER', R: 'ENABLE REPLICA TRIGGER' } as Record<string, string>;
const MAX_BATCH_CHARS = 4 * 1024 * 1024;

/**
 * Loads a backup's rows into a freshly migrated database in one transaction, then checks every
 * table's row count; any difference rolls the whole load back.
 */
export async function loadRows(pool: Pool, plan: LoadPlan): Promise<void> {
  await withTransaction(pool, async (tx) => {
    const present = new Map((await listBackupTables.run(undefined, tx)).map((t) => [tableName(t), t]));
    for (const t of plan.tables) {
      const here = present.get(tableName(t));
      if (!here || here.columns.join(',') !== t.columns.join(',')) {
        throw new Error(`The migrated schema does not match the backup at ${tableName(t)}: columns ${here ? here.columns.join(', ') : '(no such table)'} here, ${t.columns.join(', ')} in the backup`);
      }
    }
    const triggers = await listEnabledUserTriggers.run(undefined, tx);
    const fks = await listBackupForeignKeys.run(undefined, tx);
    for (const tg of triggers) await tx.query(`ALTER TABLE ${ident({ schema: tg.schema, name: tg.table })} DISABLE TRIGGER ${pg.escapeIdentifier(tg.name)}`);
    for (const fk of fks) await tx.query(`ALTER TABLE ${ident({ schema: fk.schema, name: fk.table })} DROP CONSTRAINT ${pg.escapeIdentifier(fk.name)}`);
    // Migrations may seed rows (runtime_counters); the backup's rows replace them.
    if (present.size) await tx.query(`TRUNCATE ${[...present.values()].map(ident).join(', ')}`);

    for (const t of plan.tables) {
      const insert = `INSERT INTO ${ident(t)} (${columnList(t)}) OVERRIDING SYSTEM VALUE
                      SELECT ${columnList(t)} FROM json_populate_recordset(NULL::${ident(t)}, $1::json)`;
      let batch: string[] = [];
      let chars = 0;
      const flush = async () => {
        if (batch.length) await tx.query(insert, [`[${batch.join(',')}]`]);
        batch = [];
        chars = 0;
      };
      let loaded = 0;
      for await (const rows of plan.read(t)) {
        for (const row of rows) {
          batch.push(row);
          chars += row.length;
          loaded += 1;
          if (batch.length >= 1000 || chars >= MAX_BATCH_CHARS) await flush();
        }
      }
      await flush();
      plan.onTable?.(t, loaded);
    }

    // Put the guards back: constraints are checked against every loaded row here.
    for (const fk of fks) {
      const table = ident({ schema: fk.schema, name: fk.table });
      await tx.query(`ALTER TABLE ${table} ADD CONSTRAINT ${pg.escapeIdentifier(fk.name)} ${fk.definition}`);
      if (fk.comment !== null) await tx.query(`COMMENT ON CONSTRAINT ${pg.escapeIdentifier(fk.name)} ON ${table} IS ${pg.escapeLiteral(fk.comment)}`);
    }
    for (const tg of triggers) await tx.query(`ALTER TABLE ${ident({ schema: tg.schema, name: tg.table })} ${ENABLE[tg.enabled] ?? 'ENABLE TRIGGER'} ${pg.escapeIdentifier(tg.name)}`);
    for (const s of plan.sequences) {
      if (s.last_value !== null) await tx.query('SELECT setval($1::regclass, $2)', [ident(s), s.last_value]);
    }

    const counts = await countRows(tx, plan.tables);
    const wrong = plan.tables.filter((t) => counts.get(tableName(t)) !== t.rows);
    if (wrong.length) {
      throw new Error(`Row counts differ from the backup: ${wrong.map((t) => `${tableName(t)} ${counts.get(tableName(t))} (backup ${t.rows})`).join(', ')}`);
    }
  });
}

/** Exact row counts of `tables`. */
export async function countRows(db: Pool | PoolClient, tables: TableRef[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const t of tables) {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${ident(t)}`);
    counts.set(tableName(t), Number(rows[0]!.n));
  }
  return counts;
}

/**
 * Moves this cluster's transaction ids past `nextXid` of the backed-up cluster. xid8 columns
 * (job_changes.change_xid, which the export feed's cursors are made of) hold ids of the old
 * cluster; a new cluster starts far below them, and the feed would hide those rows and every
 * new change until its ids caught up. Each committed transaction with an id moves the counter
 * by one; without synchronous commit that is some 50 000 a second.
 */
export async function advanceTransactionIds(pool: Pool, nextXid: string, onProgress?: (done: number, total: number) => void): Promise<number> {
  const client = await pool.connect();
  try {
    const [facts] = await snapshotFacts.run(undefined, client);
    const total = Number(BigInt(nextXid) - BigInt(facts!.next_xid));
    if (total <= 0) return 0;
    await client.query('SET synchronous_commit = off');
    const chunk = 50_000;
    for (let done = 0; done < total; ) {
      const n = Math.min(chunk, total - done);
      await client.query(`DO $$ BEGIN FOR i IN 1..${n} LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$`);
      done += n;
      onProgress?.(done, total);
    }
    await client.query('RESET synchronous_commit');
    return total;
  } finally {
    client.release();
  }
}
