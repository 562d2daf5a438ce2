/**
 * Read access to a Python TRAQ server's database (the import source). Its
 * schema is not ours, so these are plain queries rather than pgtyped ones;
 * rows come back as JSON objects (to_jsonb), so a column an older Alembic
 * revision lacks is simply absent. Read-only: one REPEATABLE READ snapshot.
 */
import pg from 'pg';

/** The Alembic revisions the importer understands, oldest first (data-model §1.5). */
export const KNOWN_REVISIONS = ['d5a83498da59', '4b0f2f2f6f7a', '6b13c9b8a7d1'] as const;

export const SOURCE_TABLES = [
  'devices', 'device_tokens', 'runtime_profiles', 'runtime_counters', 'customers', 'billing_profiles', 'projects', 'operators',
  'trees', 'jobs', 'job_assignments', 'job_rounds', 'round_recordings', 'round_images', 'job_finals', 'job_geojson_exports',
  'artifacts', 'job_events',
] as const;
export type SourceTable = (typeof SOURCE_TABLES)[number];
export type SourceRow = Record<string, any>;

export class UnknownSource extends Error {}

export interface Source {
  revision: string;
  tables: Record<SourceTable, SourceRow[]>;
}

/** Reads every seed table of the source in one consistent snapshot; refuses a database it does not understand. */
export async function readSource(url: string): Promise<Source> {
  const client = new pg.Client({ connectionString: url });
  await client.connect().catch((err: Error) => {
    throw new UnknownSource(`cannot connect to the source database: ${err.message}`);
  });
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: present } = await client.query<{ name: string }>(`SELECT to_regclass('alembic_version')::text AS name`);
    if (!present[0]?.name) throw new UnknownSource('the source database has no alembic_version table: not a Python TRAQ server database');
    const { rows: versions } = await client.query<{ version_num: string }>('SELECT version_num FROM alembic_version');
    const revision = versions.length === 1 ? versions[0]!.version_num : versions.map((v) => v.version_num).join(',');
    if (!(KNOWN_REVISIONS as readonly string[]).includes(revision)) {
      throw new UnknownSource(`unknown Alembic revision ${JSON.stringify(revision)} (this importer knows ${KNOWN_REVISIONS.join(', ')})`);
    }
    const tables = {} as Record<SourceTable, SourceRow[]>;
    for (const table of SOURCE_TABLES) {
      const { rows: exists } = await client.query<{ name: string | null }>('SELECT to_regclass($1)::text AS name', [table]);
      // projects arrived with revision 4b0f2f2f6f7a; an older database simply has none
      if (!exists[0]?.name) {
        tables[table] = [];
        continue;
      }
      const { rows } = await client.query<{ r: SourceRow }>(`SELECT to_jsonb(t) AS r FROM ${client.escapeIdentifier(table)} t ORDER BY t.id`);
      tables[table] = rows.map((row) => row.r);
    }
    await client.query('COMMIT');
    return { revision, tables };
  } finally {
    await client.end();
  }
}
