/** Types generated for queries found in "queries/backup.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type stringArray = (string)[];

/** 'ListBackupTables' parameters type */
export type IListBackupTablesParams = void;

/** 'ListBackupTables' return type */
export interface IListBackupTablesResult {
  columns: stringArray;
  name: string;
  schema: string;
}

/** 'ListBackupTables' query type */
export interface IListBackupTablesQuery {
  params: IListBackupTablesParams;
  result: IListBackupTablesResult;
}

const listBackupTablesIR: any = {"usedParamSet":{},"params":[],"statement":"-- Backup and restore (src/db/backup.ts). The table, key and trigger lists come\n-- from the catalog, so tables added by later migrations are covered without\n-- touching this file; only the artifact key list names columns.\n-- \"User schemas\" are every schema but PostgreSQL's own.\n-- every ordinary table holding rows (node-pg-migrate's own table excepted: restore\n-- rebuilds it by migrating), with the columns a row is restored through\nSELECT n.nspname AS \"schema!\", c.relname AS \"name!\",\n       array_agg(a.attname::text ORDER BY a.attnum) AS \"columns!\"\n  FROM pg_class c\n  JOIN pg_namespace n ON n.oid = c.relnamespace\n  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''\n WHERE c.relkind = 'r' AND NOT c.relispartition\n   AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'\n   AND NOT (n.nspname = 'public' AND c.relname = 'pgmigrations')\n GROUP BY n.nspname, c.relname\n ORDER BY 1, 2"};

/**
 * Query generated from SQL:
 * ```
 * -- Backup and restore (src/db/backup.ts). The table, key and trigger lists come
 * -- from the catalog, so tables added by later migrations are covered without
 * -- touching this file; only the artifact key list names columns.
 * -- "User schemas" are every schema but PostgreSQL's own.
 * -- every ordinary table holding rows (node-pg-migrate's own table excepted: restore
 * -- rebuilds it by migrating), with the columns a row is restored through
 * SELECT n.nspname AS "schema!", c.relname AS "name!",
 *        array_agg(a.attname::text ORDER BY a.attnum) AS "columns!"
 *   FROM pg_class c
 *   JOIN pg_namespace n ON n.oid = c.relnamespace
 *   JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
 *  WHERE c.relkind = 'r' AND NOT c.relispartition
 *    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
 *    AND NOT (n.nspname = 'public' AND c.relname = 'pgmigrations')
 *  GROUP BY n.nspname, c.relname
 *  ORDER BY 1, 2
 * ```
 */
export const listBackupTables = new PreparedQuery<IListBackupTablesParams,IListBackupTablesResult>(listBackupTablesIR);


/** 'ListBackupForeignKeys' parameters type */
export type IListBackupForeignKeysParams = void;

/** 'ListBackupForeignKeys' return type */
export interface IListBackupForeignKeysResult {
  comment: string | null;
  definition: string;
  name: string;
  ref_schema: string;
  ref_table: string;
  schema: string;
  table: string;
}

/** 'ListBackupForeignKeys' query type */
export interface IListBackupForeignKeysQuery {
  params: IListBackupForeignKeysParams;
  result: IListBackupForeignKeysResult;
}

const listBackupForeignKeysIR: any = {"usedParamSet":{},"params":[],"statement":"-- foreign keys between user tables, with the definition and comment to re-create them\nSELECT cn.nspname AS \"schema!\", cc.relname AS \"table!\", pn.nspname AS \"ref_schema!\", pc.relname AS \"ref_table!\",\n       k.conname AS \"name!\", pg_get_constraintdef(k.oid) AS \"definition!\",\n       obj_description(k.oid, 'pg_constraint') AS \"comment\"\n  FROM pg_constraint k\n  JOIN pg_class cc ON cc.oid = k.conrelid\n  JOIN pg_namespace cn ON cn.oid = cc.relnamespace\n  JOIN pg_class pc ON pc.oid = k.confrelid\n  JOIN pg_namespace pn ON pn.oid = pc.relnamespace\n WHERE k.contype = 'f'\n   AND cn.nspname NOT IN ('pg_catalog', 'information_schema') AND cn.nspname NOT LIKE 'pg\\_toast%'\n ORDER BY 1, 2, 5"};

/**
 * Query generated from SQL:
 * ```
 * -- foreign keys between user tables, with the definition and comment to re-create them
 * SELECT cn.nspname AS "schema!", cc.relname AS "table!", pn.nspname AS "ref_schema!", pc.relname AS "ref_table!",
 *        k.conname AS "name!", pg_get_constraintdef(k.oid) AS "definition!",
 *        obj_description(k.oid, 'pg_constraint') AS "comment"
 *   FROM pg_constraint k
 *   JOIN pg_class cc ON cc.oid = k.conrelid
 *   JOIN pg_namespace cn ON cn.oid = cc.relnamespace
 *   JOIN pg_class pc ON pc.oid = k.confrelid
 *   JOIN pg_namespace pn ON pn.oid = pc.relnamespace
 *  WHERE k.contype = 'f'
 *    AND cn.nspname NOT IN ('pg_catalog', 'information_schema') AND cn.nspname NOT LIKE 'pg\_toast%'
 *  ORDER BY 1, 2, 5
 * ```
 */
export const listBackupForeignKeys = new PreparedQuery<IListBackupForeignKeysParams,IListBackupForeignKeysResult>(listBackupForeignKeysIR);


/** 'ListEnabledUserTriggers' parameters type */
export type IListEnabledUserTriggersParams = void;

/** 'ListEnabledUserTriggers' return type */
export interface IListEnabledUserTriggersResult {
  enabled: string;
  name: string;
  schema: string;
  table: string;
}

/** 'ListEnabledUserTriggers' query type */
export interface IListEnabledUserTriggersQuery {
  params: IListEnabledUserTriggersParams;
  result: IListEnabledUserTriggersResult;
}

const listEnabledUserTriggersIR: any = {"usedParamSet":{},"params":[],"statement":"-- triggers written by us (not the internal ones behind constraints) that fire today\nSELECT n.nspname AS \"schema!\", c.relname AS \"table!\", t.tgname AS \"name!\", t.tgenabled::text AS \"enabled!\"\n  FROM pg_trigger t\n  JOIN pg_class c ON c.oid = t.tgrelid\n  JOIN pg_namespace n ON n.oid = c.relnamespace\n WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND c.relkind = 'r'\n   AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'\n ORDER BY 1, 2, 3"};

/**
 * Query generated from SQL:
 * ```
 * -- triggers written by us (not the internal ones behind constraints) that fire today
 * SELECT n.nspname AS "schema!", c.relname AS "table!", t.tgname AS "name!", t.tgenabled::text AS "enabled!"
 *   FROM pg_trigger t
 *   JOIN pg_class c ON c.oid = t.tgrelid
 *   JOIN pg_namespace n ON n.oid = c.relnamespace
 *  WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND c.relkind = 'r'
 *    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
 *  ORDER BY 1, 2, 3
 * ```
 */
export const listEnabledUserTriggers = new PreparedQuery<IListEnabledUserTriggersParams,IListEnabledUserTriggersResult>(listEnabledUserTriggersIR);


/** 'ListBackupSequences' parameters type */
export type IListBackupSequencesParams = void;

/** 'ListBackupSequences' return type */
export interface IListBackupSequencesResult {
  last_value: number | null;
  name: string;
  schema: string;
}

/** 'ListBackupSequences' query type */
export interface IListBackupSequencesQuery {
  params: IListBackupSequencesParams;
  result: IListBackupSequencesResult;
}

const listBackupSequencesIR: any = {"usedParamSet":{},"params":[],"statement":"-- last_value is NULL for a sequence never used (and for one we may not read)\nSELECT schemaname AS \"schema!\", sequencename AS \"name!\", last_value\n  FROM pg_sequences\n WHERE schemaname NOT IN ('pg_catalog', 'information_schema')\n ORDER BY 1, 2"};

/**
 * Query generated from SQL:
 * ```
 * -- last_value is NULL for a sequence never used (and for one we may not read)
 * SELECT schemaname AS "schema!", sequencename AS "name!", last_value
 *   FROM pg_sequences
 *  WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
 *  ORDER BY 1, 2
 * ```
 */
export const listBackupSequences = new PreparedQuery<IListBackupSequencesParams,IListBackupSequencesResult>(listBackupSequencesIR);


/** 'ListAppliedMigrations' parameters type */
export type IListAppliedMigrationsParams = void;

/** 'ListAppliedMigrations' return type */
export interface IListAppliedMigrationsResult {
  name: string;
}

/** 'ListAppliedMigrations' query type */
export interface IListAppliedMigrationsQuery {
  params: IListAppliedMigrationsParams;
  result: IListAppliedMigrationsResult;
}

const listAppliedMigrationsIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT name AS \"name!\" FROM pgmigrations ORDER BY run_on, id"};

/**
 * Query generated from SQL:
 * ```
 * SELECT name AS "name!" FROM pgmigrations ORDER BY run_on, id
 * ```
 */
export const listAppliedMigrations = new PreparedQuery<IListAppliedMigrationsParams,IListAppliedMigrationsResult>(listAppliedMigrationsIR);


/** 'ListUserTables' parameters type */
export type IListUserTablesParams = void;

/** 'ListUserTables' return type */
export interface IListUserTablesResult {
  name: string;
}

/** 'ListUserTables' query type */
export interface IListUserTablesQuery {
  params: IListUserTablesParams;
  result: IListUserTablesResult;
}

const listUserTablesIR: any = {"usedParamSet":{},"params":[],"statement":"-- any table at all in a user schema: a restore target must have none\nSELECT format('%I.%I', n.nspname, c.relname) AS \"name!\"\n  FROM pg_class c\n  JOIN pg_namespace n ON n.oid = c.relnamespace\n WHERE c.relkind IN ('r', 'p')\n   AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'\n ORDER BY 1"};

/**
 * Query generated from SQL:
 * ```
 * -- any table at all in a user schema: a restore target must have none
 * SELECT format('%I.%I', n.nspname, c.relname) AS "name!"
 *   FROM pg_class c
 *   JOIN pg_namespace n ON n.oid = c.relnamespace
 *  WHERE c.relkind IN ('r', 'p')
 *    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
 *  ORDER BY 1
 * ```
 */
export const listUserTables = new PreparedQuery<IListUserTablesParams,IListUserTablesResult>(listUserTablesIR);


/** 'SnapshotFacts' parameters type */
export type ISnapshotFactsParams = void;

/** 'SnapshotFacts' return type */
export interface ISnapshotFactsResult {
  next_xid: string;
  server_version: string;
}

/** 'SnapshotFacts' query type */
export interface ISnapshotFactsQuery {
  params: ISnapshotFactsParams;
  result: ISnapshotFactsResult;
}

const snapshotFactsIR: any = {"usedParamSet":{},"params":[],"statement":"-- the next transaction id (xid8 columns such as job_changes.change_xid hold ids of this cluster)\nSELECT pg_snapshot_xmax(pg_current_snapshot())::text AS \"next_xid!\",\n       current_setting('server_version') AS \"server_version!\""};

/**
 * Query generated from SQL:
 * ```
 * -- the next transaction id (xid8 columns such as job_changes.change_xid hold ids of this cluster)
 * SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS "next_xid!",
 *        current_setting('server_version') AS "server_version!"
 * ```
 */
export const snapshotFacts = new PreparedQuery<ISnapshotFactsParams,ISnapshotFactsResult>(snapshotFactsIR);


/** 'ListArtifactFiles' parameters type */
export type IListArtifactFilesParams = void;

/** 'ListArtifactFiles' return type */
export interface IListArtifactFilesResult {
  key: string;
  required: boolean;
  sha256: string | null;
  size: number | null;
}

/** 'ListArtifactFiles' query type */
export interface IListArtifactFilesQuery {
  params: IListArtifactFilesParams;
  result: IListArtifactFilesResult;
}

const listArtifactFilesIR: any = {"usedParamSet":{},"params":[],"statement":"-- every artifact store key the database names, with the size and sha256 it records when it does.\n-- A final's report_images name their photos too; the app reads those only when present, so they\n-- are not required. A new column naming artifact bytes belongs here (test/backup.test.ts checks).\nSELECT path AS \"key!\", byte_size AS \"size\", sha256::text AS \"sha256\", true AS \"required!\" FROM artifacts\nUNION ALL\nSELECT artifact_path, byte_size, sha256::text, true FROM round_recordings WHERE artifact_path IS NOT NULL\nUNION ALL\nSELECT artifact_path, byte_size, sha256::text, true FROM round_images WHERE artifact_path IS NOT NULL\nUNION ALL\nSELECT report_artifact_path, report_byte_size, NULL, true FROM round_images WHERE report_artifact_path IS NOT NULL\nUNION ALL\nSELECT img->>'stored_path', NULL, NULL, false\n  FROM job_finals f\n CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(f.payload->'report_images') = 'array' THEN f.payload->'report_images' ELSE '[]'::jsonb END) img\n WHERE jsonb_typeof(img) = 'object' AND jsonb_typeof(img->'stored_path') = 'string'"};

/**
 * Query generated from SQL:
 * ```
 * -- every artifact store key the database names, with the size and sha256 it records when it does.
 * -- A final's report_images name their photos too; the app reads those only when present, so they
 * -- are not required. A new column naming artifact bytes belongs here (test/backup.test.ts checks).
 * SELECT path AS "key!", byte_size AS "size", sha256::text AS "sha256", true AS "required!" FROM artifacts
 * UNION ALL
 * SELECT artifact_path, byte_size, sha256::text, true FROM round_recordings WHERE artifact_path IS NOT NULL
 * UNION ALL
 * SELECT artifact_path, byte_size, sha256::text, true FROM round_images WHERE artifact_path IS NOT NULL
 * UNION ALL
 * SELECT report_artifact_path, report_byte_size, NULL, true FROM round_images WHERE report_artifact_path IS NOT NULL
 * UNION ALL
 * SELECT img->>'stored_path', NULL, NULL, false
 *   FROM job_finals f
 *  CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(f.payload->'report_images') = 'array' THEN f.payload->'report_images' ELSE '[]'::jsonb END) img
 *  WHERE jsonb_typeof(img) = 'object' AND jsonb_typeof(img->'stored_path') = 'string'
 * ```
 */
export const listArtifactFiles = new PreparedQuery<IListArtifactFilesParams,IListArtifactFilesResult>(listArtifactFilesIR);


