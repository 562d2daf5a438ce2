/* @name ListBackupTables */
-- Backup and restore (src/db/backup.ts). The table, key and trigger lists come
-- from the catalog, so tables added by later migrations are covered without
-- touching this file; only the artifact key list names columns.
-- "User schemas" are every schema but PostgreSQL's own.
-- every ordinary table holding rows (node-pg-migrate's own table excepted: restore
-- rebuilds it by migrating), with the columns a row is restored through
SELECT n.nspname AS "schema!", c.relname AS "name!",
       array_agg(a.attname::text ORDER BY a.attnum) AS "columns!"
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
 WHERE c.relkind = 'r' AND NOT c.relispartition
   AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
   AND NOT (n.nspname = 'public' AND c.relname = 'pgmigrations')
 GROUP BY n.nspname, c.relname
 ORDER BY 1, 2;

/* @name ListBackupForeignKeys */
-- foreign keys between user tables, with the definition and comment to re-create them
SELECT cn.nspname AS "schema!", cc.relname AS "table!", pn.nspname AS "ref_schema!", pc.relname AS "ref_table!",
       k.conname AS "name!", pg_get_constraintdef(k.oid) AS "definition!",
       obj_description(k.oid, 'pg_constraint') AS "comment"
  FROM pg_constraint k
  JOIN pg_class cc ON cc.oid = k.conrelid
  JOIN pg_namespace cn ON cn.oid = cc.relnamespace
  JOIN pg_class pc ON pc.oid = k.confrelid
  JOIN pg_namespace pn ON pn.oid = pc.relnamespace
 WHERE k.contype = 'f'
   AND cn.nspname NOT IN ('pg_catalog', 'information_schema') AND cn.nspname NOT LIKE 'pg\_toast%'
 ORDER BY 1, 2, 5;

/* @name ListEnabledUserTriggers */
-- triggers written by us (not the internal ones behind constraints) that fire today
SELECT n.nspname AS "schema!", c.relname AS "table!", t.tgname AS "name!", t.tgenabled::text AS "enabled!"
  FROM pg_trigger t
  JOIN pg_class c ON c.oid = t.tgrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND c.relkind = 'r'
   AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
 ORDER BY 1, 2, 3;

/* @name ListBackupSequences */
-- last_value is NULL for a sequence never used (and for one we may not read)
SELECT schemaname AS "schema!", sequencename AS "name!", last_value
  FROM pg_sequences
 WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
 ORDER BY 1, 2;

/* @name ListAppliedMigrations */
SELECT name AS "name!" FROM pgmigrations ORDER BY run_on, id;

/* @name ListUserTables */
-- any table at all in a user schema: a restore target must have none
SELECT format('%I.%I', n.nspname, c.relname) AS "name!"
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
 ORDER BY 1;

/* @name SnapshotFacts */
-- the next transaction id (xid8 columns such as job_changes.change_xid hold ids of this cluster)
SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS "next_xid!",
       current_setting('server_version') AS "server_version!";

/* @name ListArtifactFiles */
-- every artifact store key the database names, with the size and sha256 it records when it does.
-- A final's report_images name their photos too; the app reads those only when present, so they
-- are not required. A new column naming artifact bytes belongs here (test/backup.test.ts checks).
SELECT path AS "key!", byte_size AS "size", sha256::text AS "sha256", true AS "required!" FROM artifacts
UNION ALL
SELECT artifact_path, byte_size, sha256::text, true FROM round_recordings WHERE artifact_path IS NOT NULL
UNION ALL
SELECT artifact_path, byte_size, sha256::text, true FROM round_images WHERE artifact_path IS NOT NULL
UNION ALL
SELECT report_artifact_path, report_byte_size, NULL, true FROM round_images WHERE report_artifact_path IS NOT NULL
UNION ALL
SELECT img->>'stored_path', NULL, NULL, false
  FROM job_finals f
 CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(f.payload->'report_images') = 'array' THEN f.payload->'report_images' ELSE '[]'::jsonb END) img
 WHERE jsonb_typeof(img) = 'object' AND jsonb_typeof(img->'stored_path') = 'string';
