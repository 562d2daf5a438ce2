/** Types generated for queries found in "queries/idempotency.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'LockIdempotencyKey' parameters type */
export interface ILockIdempotencyKeyParams {
  key: string;
  scope: string;
}

/** 'LockIdempotencyKey' return type */
export interface ILockIdempotencyKeyResult {
  locked: undefined | null;
}

/** 'LockIdempotencyKey' query type */
export interface ILockIdempotencyKeyQuery {
  params: ILockIdempotencyKeyParams;
  result: ILockIdempotencyKeyResult;
}

const lockIdempotencyKeyIR: any = {"usedParamSet":{"scope":true,"key":true},"params":[{"name":"scope","required":true,"transform":{"type":"scalar"},"locs":[{"a":46,"b":52}]},{"name":"key","required":true,"transform":{"type":"scalar"},"locs":[{"a":68,"b":72}]}],"statement":"SELECT pg_advisory_xact_lock(hashtextextended(:scope! || chr(31) || :key!, 0)) AS \"locked\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT pg_advisory_xact_lock(hashtextextended(:scope! || chr(31) || :key!, 0)) AS "locked"
 * ```
 */
export const lockIdempotencyKey = new PreparedQuery<ILockIdempotencyKeyParams,ILockIdempotencyKeyResult>(lockIdempotencyKeyIR);


/** 'FindIdempotencyKey' parameters type */
export interface IFindIdempotencyKeyParams {
  key: string;
  scope: string;
  windowSeconds: number;
}

/** 'FindIdempotencyKey' return type */
export interface IFindIdempotencyKeyResult {
  /** SHA-256 of the request (path and body); a reuse of the key with another request is refused. */
  request_hash: string;
  /** JSON body of the first answer, returned as is to retries. */
  response_body: Json;
  /** HTTP status of the first answer. */
  response_status: number;
}

/** 'FindIdempotencyKey' query type */
export interface IFindIdempotencyKeyQuery {
  params: IFindIdempotencyKeyParams;
  result: IFindIdempotencyKeyResult;
}

const findIdempotencyKeyIR: any = {"usedParamSet":{"scope":true,"key":true,"windowSeconds":true},"params":[{"name":"scope","required":true,"transform":{"type":"scalar"},"locs":[{"a":91,"b":97}]},{"name":"key","required":true,"transform":{"type":"scalar"},"locs":[{"a":121,"b":125}]},{"name":"windowSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":177,"b":191}]}],"statement":"SELECT request_hash, response_status, response_body\n  FROM idempotency_keys\n WHERE scope = :scope! AND idempotency_key = :key!\n   AND created_at > now() - make_interval(secs => :windowSeconds!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT request_hash, response_status, response_body
 *   FROM idempotency_keys
 *  WHERE scope = :scope! AND idempotency_key = :key!
 *    AND created_at > now() - make_interval(secs => :windowSeconds!)
 * ```
 */
export const findIdempotencyKey = new PreparedQuery<IFindIdempotencyKeyParams,IFindIdempotencyKeyResult>(findIdempotencyKeyIR);


/** 'SaveIdempotencyKey' parameters type */
export interface ISaveIdempotencyKeyParams {
  body: Json;
  key: string;
  requestHash: string;
  scope: string;
  status: number;
}

/** 'SaveIdempotencyKey' return type */
export type ISaveIdempotencyKeyResult = void;

/** 'SaveIdempotencyKey' query type */
export interface ISaveIdempotencyKeyQuery {
  params: ISaveIdempotencyKeyParams;
  result: ISaveIdempotencyKeyResult;
}

const saveIdempotencyKeyIR: any = {"usedParamSet":{"scope":true,"key":true,"requestHash":true,"status":true,"body":true},"params":[{"name":"scope","required":true,"transform":{"type":"scalar"},"locs":[{"a":108,"b":114}]},{"name":"key","required":true,"transform":{"type":"scalar"},"locs":[{"a":117,"b":121}]},{"name":"requestHash","required":true,"transform":{"type":"scalar"},"locs":[{"a":124,"b":136}]},{"name":"status","required":true,"transform":{"type":"scalar"},"locs":[{"a":139,"b":146}]},{"name":"body","required":true,"transform":{"type":"scalar"},"locs":[{"a":149,"b":154}]}],"statement":"INSERT INTO idempotency_keys (scope, idempotency_key, request_hash, response_status, response_body)\nVALUES (:scope!, :key!, :requestHash!, :status!, :body!)\nON CONFLICT (scope, idempotency_key)\nDO UPDATE SET request_hash = EXCLUDED.request_hash, response_status = EXCLUDED.response_status,\n              response_body = EXCLUDED.response_body, created_at = now()"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO idempotency_keys (scope, idempotency_key, request_hash, response_status, response_body)
 * VALUES (:scope!, :key!, :requestHash!, :status!, :body!)
 * ON CONFLICT (scope, idempotency_key)
 * DO UPDATE SET request_hash = EXCLUDED.request_hash, response_status = EXCLUDED.response_status,
 *               response_body = EXCLUDED.response_body, created_at = now()
 * ```
 */
export const saveIdempotencyKey = new PreparedQuery<ISaveIdempotencyKeyParams,ISaveIdempotencyKeyResult>(saveIdempotencyKeyIR);


