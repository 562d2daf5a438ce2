/** Types generated for queries found in "queries/profiles.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'FindProfile' parameters type */
export interface IFindProfileParams {
  identityKey: string;
}

/** 'FindProfile' return type */
export interface IFindProfileResult {
  /** JSON object with name, phone, isa_number and the correspondence_* address fields. */
  profile_payload: Json;
}

/** 'FindProfile' query type */
export interface IFindProfileQuery {
  params: IFindProfileParams;
  result: IFindProfileResult;
}

const findProfileIR: any = {"usedParamSet":{"identityKey":true},"params":[{"name":"identityKey","required":true,"transform":{"type":"scalar"},"locs":[{"a":69,"b":81}]}],"statement":"SELECT profile_payload\n  FROM runtime_profiles\n WHERE identity_key = :identityKey!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT profile_payload
 *   FROM runtime_profiles
 *  WHERE identity_key = :identityKey!
 * ```
 */
export const findProfile = new PreparedQuery<IFindProfileParams,IFindProfileResult>(findProfileIR);


/** 'UpsertProfile' parameters type */
export interface IUpsertProfileParams {
  identityKey: string;
  payload: Json;
}

/** 'UpsertProfile' return type */
export interface IUpsertProfileResult {
  /** JSON object with name, phone, isa_number and the correspondence_* address fields. */
  profile_payload: Json;
}

/** 'UpsertProfile' query type */
export interface IUpsertProfileQuery {
  params: IUpsertProfileParams;
  result: IUpsertProfileResult;
}

const upsertProfileIR: any = {"usedParamSet":{"identityKey":true,"payload":true},"params":[{"name":"identityKey","required":true,"transform":{"type":"scalar"},"locs":[{"a":69,"b":81}]},{"name":"payload","required":true,"transform":{"type":"scalar"},"locs":[{"a":84,"b":92}]}],"statement":"INSERT INTO runtime_profiles (identity_key, profile_payload)\nVALUES (:identityKey!, :payload!)\nON CONFLICT (identity_key) DO UPDATE SET profile_payload = EXCLUDED.profile_payload\nRETURNING profile_payload"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO runtime_profiles (identity_key, profile_payload)
 * VALUES (:identityKey!, :payload!)
 * ON CONFLICT (identity_key) DO UPDATE SET profile_payload = EXCLUDED.profile_payload
 * RETURNING profile_payload
 * ```
 */
export const upsertProfile = new PreparedQuery<IUpsertProfileParams,IUpsertProfileResult>(upsertProfileIR);


