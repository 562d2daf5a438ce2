/** Types generated for queries found in "queries/devices.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type device_role = 'admin' | 'arborist';

export type device_status = 'approved' | 'pending' | 'revoked';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'InsertDevice' parameters type */
export interface IInsertDeviceParams {
  appVersion?: string | null | void;
  deviceId: string;
  deviceName?: string | null | void;
  profileSummary: Json;
  secretHash: string;
}

/** 'InsertDevice' return type */
export interface IInsertDeviceResult {
  /** Identifier the device chose for itself at registration (public, not a secret). */
  device_id: string;
  /** Internal key; other tables reference this, never device_id. */
  id: string;
  /** Current role; token checks read it live, so a demotion takes effect on the next request. */
  role: device_role;
  /** pending until approved; only approved devices can obtain tokens or hold jobs. */
  status: device_status;
}

/** 'InsertDevice' query type */
export interface IInsertDeviceQuery {
  params: IInsertDeviceParams;
  result: IInsertDeviceResult;
}

const insertDeviceIR: any = {"usedParamSet":{"deviceId":true,"deviceName":true,"appVersion":true,"profileSummary":true,"secretHash":true},"params":[{"name":"deviceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":182,"b":191}]},{"name":"deviceName","required":false,"transform":{"type":"scalar"},"locs":[{"a":194,"b":204}]},{"name":"appVersion","required":false,"transform":{"type":"scalar"},"locs":[{"a":207,"b":217}]},{"name":"profileSummary","required":true,"transform":{"type":"scalar"},"locs":[{"a":220,"b":235}]},{"name":"secretHash","required":true,"transform":{"type":"scalar"},"locs":[{"a":238,"b":249}]}],"statement":"-- ON CONFLICT: of two racing first registrations only one gets a row (and a secret).\nINSERT INTO devices (device_id, device_name, app_version, profile_summary, secret_hash)\nVALUES (:deviceId!, :deviceName, :appVersion, :profileSummary!, :secretHash!)\nON CONFLICT (device_id) DO NOTHING\nRETURNING id, device_id, status, role"};

/**
 * Query generated from SQL:
 * ```
 * -- ON CONFLICT: of two racing first registrations only one gets a row (and a secret).
 * INSERT INTO devices (device_id, device_name, app_version, profile_summary, secret_hash)
 * VALUES (:deviceId!, :deviceName, :appVersion, :profileSummary!, :secretHash!)
 * ON CONFLICT (device_id) DO NOTHING
 * RETURNING id, device_id, status, role
 * ```
 */
export const insertDevice = new PreparedQuery<IInsertDeviceParams,IInsertDeviceResult>(insertDeviceIR);


/** 'LockDevice' parameters type */
export interface ILockDeviceParams {
  deviceId: string;
  pairingWindowSeconds: number;
}

/** 'LockDevice' return type */
export interface ILockDeviceResult {
  /** Identifier the device chose for itself at registration (public, not a secret). */
  device_id: string;
  /** Internal key; other tables reference this, never device_id. */
  id: string;
  pairing_open: boolean;
  /** Current role; token checks read it live, so a demotion takes effect on the next request. */
  role: device_role;
  /** SHA-256 (hex) of the one-time device secret returned at first registration; NULL for devices registered by clients that predate secrets. */
  secret_hash: string | null;
  /** pending until approved; only approved devices can obtain tokens or hold jobs. */
  status: device_status;
}

/** 'LockDevice' query type */
export interface ILockDeviceQuery {
  params: ILockDeviceParams;
  result: ILockDeviceResult;
}

const lockDeviceIR: any = {"usedParamSet":{"pairingWindowSeconds":true,"deviceId":true},"params":[{"name":"pairingWindowSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":414,"b":435}]},{"name":"deviceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":505,"b":514}]}],"statement":"-- Locks the row so token issue, approval and revocation of one device never interleave.\n-- pairing_open: approved, no token issued since the approval, inside the window, and the device never proved a secret.\nSELECT id, device_id, status, role, secret_hash,\n       (approved_at IS NOT NULL\n        AND pairing_used_at IS NULL\n        AND secret_presented_at IS NULL\n        AND approved_at + make_interval(secs => :pairingWindowSeconds!::int) > now()) AS \"pairing_open!\"\n  FROM devices\n WHERE device_id = :deviceId!\n   FOR UPDATE"};

/**
 * Query generated from SQL:
 * ```
 * -- Locks the row so token issue, approval and revocation of one device never interleave.
 * -- pairing_open: approved, no token issued since the approval, inside the window, and the device never proved a secret.
 * SELECT id, device_id, status, role, secret_hash,
 *        (approved_at IS NOT NULL
 *         AND pairing_used_at IS NULL
 *         AND secret_presented_at IS NULL
 *         AND approved_at + make_interval(secs => :pairingWindowSeconds!::int) > now()) AS "pairing_open!"
 *   FROM devices
 *  WHERE device_id = :deviceId!
 *    FOR UPDATE
 * ```
 */
export const lockDevice = new PreparedQuery<ILockDeviceParams,ILockDeviceResult>(lockDeviceIR);


/** 'FindDeviceStatus' parameters type */
export interface IFindDeviceStatusParams {
  deviceId: string;
}

/** 'FindDeviceStatus' return type */
export interface IFindDeviceStatusResult {
  /** Identifier the device chose for itself at registration (public, not a secret). */
  device_id: string;
  /** Current role; token checks read it live, so a demotion takes effect on the next request. */
  role: device_role;
  /** pending until approved; only approved devices can obtain tokens or hold jobs. */
  status: device_status;
  /** When the row last changed (maintained by trigger). */
  updated_at: Date;
}

/** 'FindDeviceStatus' query type */
export interface IFindDeviceStatusQuery {
  params: IFindDeviceStatusParams;
  result: IFindDeviceStatusResult;
}

const findDeviceStatusIR: any = {"usedParamSet":{"deviceId":true},"params":[{"name":"deviceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":77,"b":86}]}],"statement":"SELECT device_id, status, role, updated_at\n  FROM devices\n WHERE device_id = :deviceId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT device_id, status, role, updated_at
 *   FROM devices
 *  WHERE device_id = :deviceId!
 * ```
 */
export const findDeviceStatus = new PreparedQuery<IFindDeviceStatusParams,IFindDeviceStatusResult>(findDeviceStatusIR);


/** 'UpdateDeviceDescription' parameters type */
export interface IUpdateDeviceDescriptionParams {
  appVersion?: string | null | void;
  deviceName?: string | null | void;
  id: string;
  profileSummary?: Json | null | void;
}

/** 'UpdateDeviceDescription' return type */
export interface IUpdateDeviceDescriptionResult {
  /** Internal key; other tables reference this, never device_id. */
  id: string;
}

/** 'UpdateDeviceDescription' query type */
export interface IUpdateDeviceDescriptionQuery {
  params: IUpdateDeviceDescriptionParams;
  result: IUpdateDeviceDescriptionResult;
}

const updateDeviceDescriptionIR: any = {"usedParamSet":{"deviceName":true,"appVersion":true,"profileSummary":true,"id":true},"params":[{"name":"deviceName","required":false,"transform":{"type":"scalar"},"locs":[{"a":131,"b":141}]},{"name":"appVersion","required":false,"transform":{"type":"scalar"},"locs":[{"a":188,"b":198}]},{"name":"profileSummary","required":false,"transform":{"type":"scalar"},"locs":[{"a":249,"b":263}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":295,"b":298}]}],"statement":"-- Never touches status, role or secret_hash: only what the device says about itself.\nUPDATE devices\n   SET device_name = COALESCE(:deviceName, device_name),\n       app_version = COALESCE(:appVersion, app_version),\n       profile_summary = COALESCE(:profileSummary, profile_summary)\n WHERE id = :id!\nRETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * -- Never touches status, role or secret_hash: only what the device says about itself.
 * UPDATE devices
 *    SET device_name = COALESCE(:deviceName, device_name),
 *        app_version = COALESCE(:appVersion, app_version),
 *        profile_summary = COALESCE(:profileSummary, profile_summary)
 *  WHERE id = :id!
 * RETURNING id
 * ```
 */
export const updateDeviceDescription = new PreparedQuery<IUpdateDeviceDescriptionParams,IUpdateDeviceDescriptionResult>(updateDeviceDescriptionIR);


/** 'ListDevices' parameters type */
export interface IListDevicesParams {
  status?: device_status | null | void;
}

/** 'ListDevices' return type */
export interface IListDevicesResult {
  /** Version of the field app the device last reported. */
  app_version: string | null;
  /** When an admin last approved the device; also opens the pairing window for secret-less clients. */
  approved_at: Date | null;
  /** When the device first registered. */
  created_at: Date;
  /** Identifier the device chose for itself at registration (public, not a secret). */
  device_id: string;
  /** Human-readable name the device reported, e.g. "Pixel 8". */
  device_name: string | null;
  /** When a token was last issued to the device. */
  last_seen_at: Date | null;
  /** Free-form JSON object the app sent at registration (informational only). */
  profile_summary: Json;
  /** When an admin last revoked the device; cleared by a new approval. */
  revoked_at: Date | null;
  /** Current role; token checks read it live, so a demotion takes effect on the next request. */
  role: device_role;
  /** pending until approved; only approved devices can obtain tokens or hold jobs. */
  status: device_status;
  /** When the row last changed (maintained by trigger). */
  updated_at: Date;
}

/** 'ListDevices' query type */
export interface IListDevicesQuery {
  params: IListDevicesParams;
  result: IListDevicesResult;
}

const listDevicesIR: any = {"usedParamSet":{"status":true},"params":[{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":167,"b":173},{"a":210,"b":216}]}],"statement":"SELECT device_id, device_name, app_version, status, role, profile_summary,\n       created_at, updated_at, approved_at, revoked_at, last_seen_at\n  FROM devices\n WHERE (:status::device_status IS NULL OR status = :status::device_status)\n ORDER BY created_at, device_id"};

/**
 * Query generated from SQL:
 * ```
 * SELECT device_id, device_name, app_version, status, role, profile_summary,
 *        created_at, updated_at, approved_at, revoked_at, last_seen_at
 *   FROM devices
 *  WHERE (:status::device_status IS NULL OR status = :status::device_status)
 *  ORDER BY created_at, device_id
 * ```
 */
export const listDevices = new PreparedQuery<IListDevicesParams,IListDevicesResult>(listDevicesIR);


/** 'FindDevice' parameters type */
export interface IFindDeviceParams {
  id: string;
}

/** 'FindDevice' return type */
export interface IFindDeviceResult {
  /** Version of the field app the device last reported. */
  app_version: string | null;
  /** When an admin last approved the device; also opens the pairing window for secret-less clients. */
  approved_at: Date | null;
  /** When the device first registered. */
  created_at: Date;
  /** Identifier the device chose for itself at registration (public, not a secret). */
  device_id: string;
  /** Human-readable name the device reported, e.g. "Pixel 8". */
  device_name: string | null;
  /** When a token was last issued to the device. */
  last_seen_at: Date | null;
  /** Free-form JSON object the app sent at registration (informational only). */
  profile_summary: Json;
  /** When an admin last revoked the device; cleared by a new approval. */
  revoked_at: Date | null;
  /** Current role; token checks read it live, so a demotion takes effect on the next request. */
  role: device_role;
  /** pending until approved; only approved devices can obtain tokens or hold jobs. */
  status: device_status;
  /** When the row last changed (maintained by trigger). */
  updated_at: Date;
}

/** 'FindDevice' query type */
export interface IFindDeviceQuery {
  params: IFindDeviceParams;
  result: IFindDeviceResult;
}

const findDeviceIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":171,"b":174}]}],"statement":"SELECT device_id, device_name, app_version, status, role, profile_summary,\n       created_at, updated_at, approved_at, revoked_at, last_seen_at\n  FROM devices\n WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT device_id, device_name, app_version, status, role, profile_summary,
 *        created_at, updated_at, approved_at, revoked_at, last_seen_at
 *   FROM devices
 *  WHERE id = :id!
 * ```
 */
export const findDevice = new PreparedQuery<IFindDeviceParams,IFindDeviceResult>(findDeviceIR);


/** 'ApproveDevice' parameters type */
export interface IApproveDeviceParams {
  id: string;
  role: device_role;
}

/** 'ApproveDevice' return type */
export interface IApproveDeviceResult {
  /** Internal key; other tables reference this, never device_id. */
  id: string;
}

/** 'ApproveDevice' query type */
export interface IApproveDeviceQuery {
  params: IApproveDeviceParams;
  result: IApproveDeviceResult;
}

const approveDeviceIR: any = {"usedParamSet":{"role":true,"id":true},"params":[{"name":"role","required":true,"transform":{"type":"scalar"},"locs":[{"a":136,"b":141}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":219,"b":222}]}],"statement":"-- Clearing pairing_used_at reopens the pairing window for a client without a secret.\nUPDATE devices\n   SET status = 'approved', role = :role!, approved_at = now(), revoked_at = NULL, pairing_used_at = NULL\n WHERE id = :id!\nRETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * -- Clearing pairing_used_at reopens the pairing window for a client without a secret.
 * UPDATE devices
 *    SET status = 'approved', role = :role!, approved_at = now(), revoked_at = NULL, pairing_used_at = NULL
 *  WHERE id = :id!
 * RETURNING id
 * ```
 */
export const approveDevice = new PreparedQuery<IApproveDeviceParams,IApproveDeviceResult>(approveDeviceIR);


/** 'RevokeDevice' parameters type */
export interface IRevokeDeviceParams {
  id: string;
}

/** 'RevokeDevice' return type */
export interface IRevokeDeviceResult {
  /** Internal key; other tables reference this, never device_id. */
  id: string;
}

/** 'RevokeDevice' query type */
export interface IRevokeDeviceQuery {
  params: IRevokeDeviceParams;
  result: IRevokeDeviceResult;
}

const revokeDeviceIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":73,"b":76}]}],"statement":"UPDATE devices\n   SET status = 'revoked', revoked_at = now()\n WHERE id = :id!\nRETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE devices
 *    SET status = 'revoked', revoked_at = now()
 *  WHERE id = :id!
 * RETURNING id
 * ```
 */
export const revokeDevice = new PreparedQuery<IRevokeDeviceParams,IRevokeDeviceResult>(revokeDeviceIR);


/** 'RevokeDeviceTokens' parameters type */
export interface IRevokeDeviceTokensParams {
  devicePk: string;
}

/** 'RevokeDeviceTokens' return type */
export interface IRevokeDeviceTokensResult {
  /** Internal key. */
  id: string;
}

/** 'RevokeDeviceTokens' query type */
export interface IRevokeDeviceTokensQuery {
  params: IRevokeDeviceTokensParams;
  result: IRevokeDeviceTokensResult;
}

const revokeDeviceTokensIR: any = {"usedParamSet":{"devicePk":true},"params":[{"name":"devicePk","required":true,"transform":{"type":"scalar"},"locs":[{"a":82,"b":91}]}],"statement":"UPDATE device_tokens\n   SET revoked = true, revoked_at = now()\n WHERE device_id = :devicePk!\n   AND NOT revoked\nRETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE device_tokens
 *    SET revoked = true, revoked_at = now()
 *  WHERE device_id = :devicePk!
 *    AND NOT revoked
 * RETURNING id
 * ```
 */
export const revokeDeviceTokens = new PreparedQuery<IRevokeDeviceTokensParams,IRevokeDeviceTokensResult>(revokeDeviceTokensIR);


/** 'InsertDeviceToken' parameters type */
export interface IInsertDeviceTokenParams {
  devicePk: string;
  role: device_role;
  tokenHash: string;
  ttlSeconds: number;
}

/** 'InsertDeviceToken' return type */
export interface IInsertDeviceTokenResult {
  /** The token is refused from this moment on. */
  expires_at: Date;
}

/** 'InsertDeviceToken' query type */
export interface IInsertDeviceTokenQuery {
  params: IInsertDeviceTokenParams;
  result: IInsertDeviceTokenResult;
}

const insertDeviceTokenIR: any = {"usedParamSet":{"tokenHash":true,"devicePk":true,"role":true,"ttlSeconds":true},"params":[{"name":"tokenHash","required":true,"transform":{"type":"scalar"},"locs":[{"a":76,"b":86}]},{"name":"devicePk","required":true,"transform":{"type":"scalar"},"locs":[{"a":89,"b":98}]},{"name":"role","required":true,"transform":{"type":"scalar"},"locs":[{"a":101,"b":106}]},{"name":"ttlSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":139,"b":150}]}],"statement":"INSERT INTO device_tokens (token_hash, device_id, role, expires_at)\nVALUES (:tokenHash!, :devicePk!, :role!, now() + make_interval(secs => :ttlSeconds!::int))\nRETURNING expires_at"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO device_tokens (token_hash, device_id, role, expires_at)
 * VALUES (:tokenHash!, :devicePk!, :role!, now() + make_interval(secs => :ttlSeconds!::int))
 * RETURNING expires_at
 * ```
 */
export const insertDeviceToken = new PreparedQuery<IInsertDeviceTokenParams,IInsertDeviceTokenResult>(insertDeviceTokenIR);


/** 'MarkTokenIssued' parameters type */
export interface IMarkTokenIssuedParams {
  id: string;
}

/** 'MarkTokenIssued' return type */
export interface IMarkTokenIssuedResult {
  /** Internal key; other tables reference this, never device_id. */
  id: string;
}

/** 'MarkTokenIssued' query type */
export interface IMarkTokenIssuedQuery {
  params: IMarkTokenIssuedParams;
  result: IMarkTokenIssuedResult;
}

const markTokenIssuedIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":219,"b":222}]}],"statement":"-- Any token issued for an approval closes its pairing window (a secret-less caller gets none after it).\nUPDATE devices\n   SET last_seen_at = now(),\n       pairing_used_at = coalesce(pairing_used_at, now())\n WHERE id = :id!\nRETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * -- Any token issued for an approval closes its pairing window (a secret-less caller gets none after it).
 * UPDATE devices
 *    SET last_seen_at = now(),
 *        pairing_used_at = coalesce(pairing_used_at, now())
 *  WHERE id = :id!
 * RETURNING id
 * ```
 */
export const markTokenIssued = new PreparedQuery<IMarkTokenIssuedParams,IMarkTokenIssuedResult>(markTokenIssuedIR);


/** 'MarkSecretPresented' parameters type */
export interface IMarkSecretPresentedParams {
  id: string;
}

/** 'MarkSecretPresented' return type */
export interface IMarkSecretPresentedResult {
  /** Internal key; other tables reference this, never device_id. */
  id: string;
}

/** 'MarkSecretPresented' query type */
export interface IMarkSecretPresentedQuery {
  params: IMarkSecretPresentedParams;
  result: IMarkSecretPresentedResult;
}

const markSecretPresentedIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":181,"b":184}]}],"statement":"-- The device proved its secret: the secret-less pairing path is closed to it for good.\nUPDATE devices\n   SET secret_presented_at = coalesce(secret_presented_at, now())\n WHERE id = :id!\nRETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * -- The device proved its secret: the secret-less pairing path is closed to it for good.
 * UPDATE devices
 *    SET secret_presented_at = coalesce(secret_presented_at, now())
 *  WHERE id = :id!
 * RETURNING id
 * ```
 */
export const markSecretPresented = new PreparedQuery<IMarkSecretPresentedParams,IMarkSecretPresentedResult>(markSecretPresentedIR);


