/* @name ListForeignKeysWithoutIndex */
-- foreign keys whose columns do not lead any index of the referencing table
-- (or are not covered by a unique index on a subset of them)
SELECT c.conrelid::regclass::text AS "table_name!", c.conname AS "constraint_name!"
  FROM pg_constraint c
  JOIN pg_namespace n ON n.oid = c.connamespace
 WHERE c.contype = 'f'
   AND n.nspname = 'public'
   AND NOT EXISTS (
     SELECT 1
       FROM pg_index i
       CROSS JOIN LATERAL (
         SELECT array_agg(k.attnum) FILTER (WHERE k.pos <= cardinality(c.conkey)) AS leading,
                array_agg(k.attnum) FILTER (WHERE k.pos <= i.indnkeyatts) AS keycols
           FROM unnest(string_to_array(i.indkey::text, ' ')::int2[]) WITH ORDINALITY AS k(attnum, pos)
       ) cols
      WHERE i.indrelid = c.conrelid
        AND (cols.leading @> c.conkey OR (i.indisunique AND c.conkey @> cols.keycols))
   )
 ORDER BY 1, 2;

/* @name ListUncommentedObjects */
-- tables and columns of the public schema without a COMMENT (pgmigrations excepted)
SELECT cls.relname AS "table_name!", NULL::text AS column_name
  FROM pg_class cls
  JOIN pg_namespace n ON n.oid = cls.relnamespace
 WHERE n.nspname = 'public' AND cls.relkind = 'r' AND cls.relname <> 'pgmigrations'
   AND obj_description(cls.oid, 'pg_class') IS NULL
UNION ALL
SELECT cls.relname, a.attname::text
  FROM pg_class cls
  JOIN pg_namespace n ON n.oid = cls.relnamespace
  JOIN pg_attribute a ON a.attrelid = cls.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE n.nspname = 'public' AND cls.relkind = 'r' AND cls.relname <> 'pgmigrations'
   AND col_description(cls.oid, a.attnum) IS NULL
 ORDER BY 1, 2;

/* @name CountSchemaObjects */
SELECT
  (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'pgmigrations') AS "tables!",
  (SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    JOIN pg_class t ON t.oid = c.conrelid
    WHERE n.nspname = 'public' AND t.relname <> 'pgmigrations') AS "constraints!",
  (SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'pgmigrations') AS "indexes!";

/* @name ListPublicTables */
SELECT c.relname AS "table_name!"
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'public' AND c.relkind = 'r'
 ORDER BY 1;
