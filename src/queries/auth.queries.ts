/** Types generated for queries found in "queries/auth.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type device_role = 'admin' | 'arborist';

/** 'FindTokenPrincipal' parameters type */
export interface IFindTokenPrincipalParams {
  tokenHash: string;
}

/** 'FindTokenPrincipal' return type */
export interface IFindTokenPrincipalResult {
  /** Identifier the device chose for itself at registration (public, not a secret). */
  device_id: string;
  /** Internal key; other tables reference this, never device_id. */
  device_pk: string;
  /** Current role; token checks read it live, so a demotion takes effect on the next request. */
  role: device_role;
}

/** 'FindTokenPrincipal' query type */
export interface IFindTokenPrincipalQuery {
  params: IFindTokenPrincipalParams;
  result: IFindTokenPrincipalResult;
}

const findTokenPrincipalIR: any = {"usedParamSet":{"tokenHash":true},"params":[{"name":"tokenHash","required":true,"transform":{"type":"scalar"},"locs":[{"a":198,"b":208}]}],"statement":"SELECT d.id AS device_pk, d.device_id, d.role -- live token of an approved device, with the device's current role\n  FROM device_tokens t\n  JOIN devices d ON d.id = t.device_id\n WHERE t.token_hash = :tokenHash!\n   AND NOT t.revoked\n   AND t.expires_at > now()\n   AND d.status = 'approved'"};

/**
 * Query generated from SQL:
 * ```
 * SELECT d.id AS device_pk, d.device_id, d.role -- live token of an approved device, with the device's current role
 *   FROM device_tokens t
 *   JOIN devices d ON d.id = t.device_id
 *  WHERE t.token_hash = :tokenHash!
 *    AND NOT t.revoked
 *    AND t.expires_at > now()
 *    AND d.status = 'approved'
 * ```
 */
export const findTokenPrincipal = new PreparedQuery<IFindTokenPrincipalParams,IFindTokenPrincipalResult>(findTokenPrincipalIR);


