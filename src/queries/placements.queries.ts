/** Types generated for queries found in "queries/placements.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type numberArray = (number)[];

/** 'InsertPlacement' parameters type */
export interface IInsertPlacementParams {
  byteSize?: number | null | void;
  jobPk: string;
  key: string;
  sha256?: string | null | void;
  stagedKey?: string | null | void;
}

/** 'InsertPlacement' return type */
export type IInsertPlacementResult = void;

/** 'InsertPlacement' query type */
export interface IInsertPlacementQuery {
  params: IInsertPlacementParams;
  result: IInsertPlacementResult;
}

const insertPlacementIR: any = {"usedParamSet":{"jobPk":true,"stagedKey":true,"key":true,"byteSize":true,"sha256":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":175,"b":181}]},{"name":"stagedKey","required":false,"transform":{"type":"scalar"},"locs":[{"a":184,"b":193}]},{"name":"key","required":true,"transform":{"type":"scalar"},"locs":[{"a":196,"b":200}]},{"name":"byteSize","required":false,"transform":{"type":"scalar"},"locs":[{"a":203,"b":211}]},{"name":"sha256","required":false,"transform":{"type":"scalar"},"locs":[{"a":214,"b":220}]}],"statement":"-- Recorded in the transaction that writes the rows naming :key (under the job row lock).\nINSERT INTO artifact_placements (job_id, staged_key, key, byte_size, sha256)\nVALUES (:jobPk!, :stagedKey, :key!, :byteSize, :sha256)"};

/**
 * Query generated from SQL:
 * ```
 * -- Recorded in the transaction that writes the rows naming :key (under the job row lock).
 * INSERT INTO artifact_placements (job_id, staged_key, key, byte_size, sha256)
 * VALUES (:jobPk!, :stagedKey, :key!, :byteSize, :sha256)
 * ```
 */
export const insertPlacement = new PreparedQuery<IInsertPlacementParams,IInsertPlacementResult>(insertPlacementIR);


/** 'LockPendingPlacements' parameters type */
export interface ILockPendingPlacementsParams {
  jobPk?: string | null | void;
}

/** 'LockPendingPlacements' return type */
export interface ILockPendingPlacementsResult {
  /** Size of the staged bytes, as the rows record it (NULL for a deletion). */
  byte_size: number | null;
  /** Order of commit per job (every writer holds the job row lock while inserting). */
  id: number;
  /** The job whose rows name the key; recovery of one job (a retry) takes only its rows. */
  job_id: string;
  /** The artifact key the committed rows name. */
  key: string;
  /** sha256 of the staged bytes, as the rows record it (NULL for a deletion). */
  sha256: string | null;
  /** Artifact store temp key holding the bytes to move into key; NULL: key is to be deleted (a replaced file under another name). */
  staged_key: string | null;
}

/** 'LockPendingPlacements' query type */
export interface ILockPendingPlacementsQuery {
  params: ILockPendingPlacementsParams;
  result: ILockPendingPlacementsResult;
}

const lockPendingPlacementsIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":false,"transform":{"type":"scalar"},"locs":[{"a":247,"b":252},{"a":280,"b":285}]}],"statement":"-- Pending placements of one job (or of every job when :jobPk is null), locked so that two processes\n-- finishing the same moves take turns; in commit order.\nSELECT id, job_id, staged_key, key, byte_size, sha256\n  FROM artifact_placements\n WHERE (:jobPk::uuid IS NULL OR job_id = :jobPk::uuid)\n ORDER BY id\n   FOR UPDATE"};

/**
 * Query generated from SQL:
 * ```
 * -- Pending placements of one job (or of every job when :jobPk is null), locked so that two processes
 * -- finishing the same moves take turns; in commit order.
 * SELECT id, job_id, staged_key, key, byte_size, sha256
 *   FROM artifact_placements
 *  WHERE (:jobPk::uuid IS NULL OR job_id = :jobPk::uuid)
 *  ORDER BY id
 *    FOR UPDATE
 * ```
 */
export const lockPendingPlacements = new PreparedQuery<ILockPendingPlacementsParams,ILockPendingPlacementsResult>(lockPendingPlacementsIR);


/** 'DeletePlacements' parameters type */
export interface IDeletePlacementsParams {
  ids: numberArray;
}

/** 'DeletePlacements' return type */
export type IDeletePlacementsResult = void;

/** 'DeletePlacements' query type */
export interface IDeletePlacementsQuery {
  params: IDeletePlacementsParams;
  result: IDeletePlacementsResult;
}

const deletePlacementsIR: any = {"usedParamSet":{"ids":true},"params":[{"name":"ids","required":true,"transform":{"type":"scalar"},"locs":[{"a":47,"b":51}]}],"statement":"DELETE FROM artifact_placements WHERE id = ANY(:ids!::bigint[])"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM artifact_placements WHERE id = ANY(:ids!::bigint[])
 * ```
 */
export const deletePlacements = new PreparedQuery<IDeletePlacementsParams,IDeletePlacementsResult>(deletePlacementsIR);


/** 'ListStagedKeys' parameters type */
export type IListStagedKeysParams = void;

/** 'ListStagedKeys' return type */
export interface IListStagedKeysResult {
  /** Artifact store temp key holding the bytes to move into key; NULL: key is to be deleted (a replaced file under another name). */
  staged_key: string;
}

/** 'ListStagedKeys' query type */
export interface IListStagedKeysQuery {
  params: IListStagedKeysParams;
  result: IListStagedKeysResult;
}

const listStagedKeysIR: any = {"usedParamSet":{},"params":[],"statement":"-- Temp keys named by pending placements: the temp sweep must leave them.\nSELECT staged_key AS \"staged_key!\" FROM artifact_placements WHERE staged_key IS NOT NULL"};

/**
 * Query generated from SQL:
 * ```
 * -- Temp keys named by pending placements: the temp sweep must leave them.
 * SELECT staged_key AS "staged_key!" FROM artifact_placements WHERE staged_key IS NOT NULL
 * ```
 */
export const listStagedKeys = new PreparedQuery<IListStagedKeysParams,IListStagedKeysResult>(listStagedKeysIR);


