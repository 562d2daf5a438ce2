/** Types generated for queries found in "queries/health.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'CheckDatabase' parameters type */
export type ICheckDatabaseParams = void;

/** 'CheckDatabase' return type */
export interface ICheckDatabaseResult {
  migrations: number;
  server_version: string;
}

/** 'CheckDatabase' query type */
export interface ICheckDatabaseQuery {
  params: ICheckDatabaseParams;
  result: ICheckDatabaseResult;
}

const checkDatabaseIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT current_setting('server_version') AS \"server_version!\",\n       (SELECT count(*) FROM pgmigrations) AS \"migrations!\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT current_setting('server_version') AS "server_version!",
 *        (SELECT count(*) FROM pgmigrations) AS "migrations!"
 * ```
 */
export const checkDatabase = new PreparedQuery<ICheckDatabaseParams,ICheckDatabaseResult>(checkDatabaseIR);


