/** Types generated for queries found in "queries/schema.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'ListForeignKeysWithoutIndex' parameters type */
export type IListForeignKeysWithoutIndexParams = void;

/** 'ListForeignKeysWithoutIndex' return type */
export interface IListForeignKeysWithoutIndexResult {
  constraint_name: string;
  table_name: string;
}

/** 'ListForeignKeysWithoutIndex' query type */
export interface IListForeignKeysWithoutIndexQuery {
  params: IListForeignKeysWithoutIndexParams;
  result: IListForeignKeysWithoutIndexResult;
}

const listForeignKeysWithoutIndexIR: any = {"usedParamSet":{},"params":[],"statement":"-- foreign keys whose columns do not lead any index of the referencing table\n-- (or are not covered by a unique index on a subset of them)\nSELECT c.conrelid::regclass::text AS \"table_name!\", c.conname AS \"constraint_name!\"\n  FROM pg_constraint c\n  JOIN pg_namespace n ON n.oid = c.connamespace\n WHERE c.contype = 'f'\n   AND n.nspname = 'public'\n   AND NOT EXISTS (\n     SELECT 1\n       FROM pg_index i\n       CROSS JOIN LATERAL (\n         SELECT array_agg(k.attnum) FILTER (WHERE k.pos <= cardinality(c.conkey)) AS leading,\n                array_agg(k.attnum) FILTER (WHERE k.pos <= i.indnkeyatts) AS keycols\n           FROM unnest(string_to_array(i.indkey::text, ' ')::int2[]) WITH ORDINALITY AS k(attnum, pos)\n       ) cols\n      WHERE i.indrelid = c.conrelid\n        AND (cols.leading @> c.conkey OR (i.indisunique AND c.conkey @> cols.keycols))\n   )\n ORDER BY 1, 2"};

/**
 * Query generated from SQL:
 * ```
 * -- foreign keys whose columns do not lead any index of the referencing table
 * -- (or are not covered by a unique index on a subset of them)
 * SELECT c.conrelid::regclass::text AS "table_name!", c.conname AS "constraint_name!"
 *   FROM pg_constraint c
 *   JOIN pg_namespace n ON n.oid = c.connamespace
 *  WHERE c.contype = 'f'
 *    AND n.nspname = 'public'
 *    AND NOT EXISTS (
 *      SELECT 1
 *        FROM pg_index i
 *        CROSS JOIN LATERAL (
 *          SELECT array_agg(k.attnum) FILTER (WHERE k.pos <= cardinality(c.conkey)) AS leading,
 *                 array_agg(k.attnum) FILTER (WHERE k.pos <= i.indnkeyatts) AS keycols
 *            FROM unnest(string_to_array(i.indkey::text, ' ')::int2[]) WITH ORDINALITY AS k(attnum, pos)
 *        ) cols
 *       WHERE i.indrelid = c.conrelid
 *         AND (cols.leading @> c.conkey OR (i.indisunique AND c.conkey @> cols.keycols))
 *    )
 *  ORDER BY 1, 2
 * ```
 */
export const listForeignKeysWithoutIndex = new PreparedQuery<IListForeignKeysWithoutIndexParams,IListForeignKeysWithoutIndexResult>(listForeignKeysWithoutIndexIR);


/** 'ListUncommentedObjects' parameters type */
export type IListUncommentedObjectsParams = void;

/** 'ListUncommentedObjects' return type */
export interface IListUncommentedObjectsResult {
  column_name: string | null;
  table_name: string;
}

/** 'ListUncommentedObjects' query type */
export interface IListUncommentedObjectsQuery {
  params: IListUncommentedObjectsParams;
  result: IListUncommentedObjectsResult;
}

const listUncommentedObjectsIR: any = {"usedParamSet":{},"params":[],"statement":"-- tables and columns of the public schema without a COMMENT (pgmigrations excepted)\nSELECT cls.relname AS \"table_name!\", NULL::text AS column_name\n  FROM pg_class cls\n  JOIN pg_namespace n ON n.oid = cls.relnamespace\n WHERE n.nspname = 'public' AND cls.relkind = 'r' AND cls.relname <> 'pgmigrations'\n   AND obj_description(cls.oid, 'pg_class') IS NULL\nUNION ALL\nSELECT cls.relname, a.attname::text\n  FROM pg_class cls\n  JOIN pg_namespace n ON n.oid = cls.relnamespace\n  JOIN pg_attribute a ON a.attrelid = cls.oid AND a.attnum > 0 AND NOT a.attisdropped\n WHERE n.nspname = 'public' AND cls.relkind = 'r' AND cls.relname <> 'pgmigrations'\n   AND col_description(cls.oid, a.attnum) IS NULL\n ORDER BY 1, 2"};

/**
 * Query generated from SQL:
 * ```
 * -- tables and columns of the public schema without a COMMENT (pgmigrations excepted)
 * SELECT cls.relname AS "table_name!", NULL::text AS column_name
 *   FROM pg_class cls
 *   JOIN pg_namespace n ON n.oid = cls.relnamespace
 *  WHERE n.nspname = 'public' AND cls.relkind = 'r' AND cls.relname <> 'pgmigrations'
 *    AND obj_description(cls.oid, 'pg_class') IS NULL
 * UNION ALL
 * SELECT cls.relname, a.attname::text
 *   FROM pg_class cls
 *   JOIN pg_namespace n ON n.oid = cls.relnamespace
 *   JOIN pg_attribute a ON a.attrelid = cls.oid AND a.attnum > 0 AND NOT a.attisdropped
 *  WHERE n.nspname = 'public' AND cls.relkind = 'r' AND cls.relname <> 'pgmigrations'
 *    AND col_description(cls.oid, a.attnum) IS NULL
 *  ORDER BY 1, 2
 * ```
 */
export const listUncommentedObjects = new PreparedQuery<IListUncommentedObjectsParams,IListUncommentedObjectsResult>(listUncommentedObjectsIR);


/** 'CountSchemaObjects' parameters type */
export type ICountSchemaObjectsParams = void;

/** 'CountSchemaObjects' return type */
export interface ICountSchemaObjectsResult {
  constraints: number;
  indexes: number;
  tables: number;
}

/** 'CountSchemaObjects' query type */
export interface ICountSchemaObjectsQuery {
  params: ICountSchemaObjectsParams;
  result: ICountSchemaObjectsResult;
}

const countSchemaObjectsIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT\n  (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace\n    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'pgmigrations') AS \"tables!\",\n  (SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace\n    JOIN pg_class t ON t.oid = c.conrelid\n    WHERE n.nspname = 'public' AND t.relname <> 'pgmigrations') AS \"constraints!\",\n  (SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'pgmigrations') AS \"indexes!\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT
 *   (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 *     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'pgmigrations') AS "tables!",
 *   (SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
 *     JOIN pg_class t ON t.oid = c.conrelid
 *     WHERE n.nspname = 'public' AND t.relname <> 'pgmigrations') AS "constraints!",
 *   (SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'pgmigrations') AS "indexes!"
 * ```
 */
export const countSchemaObjects = new PreparedQuery<ICountSchemaObjectsParams,ICountSchemaObjectsResult>(countSchemaObjectsIR);


/** 'ListPublicTables' parameters type */
export type IListPublicTablesParams = void;

/** 'ListPublicTables' return type */
export interface IListPublicTablesResult {
  table_name: string;
}

/** 'ListPublicTables' query type */
export interface IListPublicTablesQuery {
  params: IListPublicTablesParams;
  result: IListPublicTablesResult;
}

const listPublicTablesIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT c.relname AS \"table_name!\"\n  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace\n WHERE n.nspname = 'public' AND c.relkind = 'r'\n ORDER BY 1"};

/**
 * Query generated from SQL:
 * ```
 * SELECT c.relname AS "table_name!"
 *   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 *  WHERE n.nspname = 'public' AND c.relkind = 'r'
 *  ORDER BY 1
 * ```
 */
export const listPublicTables = new PreparedQuery<IListPublicTablesParams,IListPublicTablesResult>(listPublicTablesIR);


