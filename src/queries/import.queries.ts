/** Types generated for queries found in "queries/import.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type artifact_kind = 'audio' | 'final_json' | 'final_pdf' | 'geojson' | 'image' | 'image_report' | 'report_docx' | 'report_pdf' | 'review_json' | 'transcript_txt';

export type device_role = 'admin' | 'arborist';

export type device_status = 'approved' | 'pending' | 'revoked';

export type event_type = 'billing_profile_created' | 'billing_profile_deleted' | 'billing_profile_merged' | 'billing_profile_updated' | 'correction_generated' | 'customer_created' | 'customer_deleted' | 'customer_merged' | 'customer_updated' | 'device_approved' | 'device_registered' | 'device_revoked' | 'final_generated' | 'imported' | 'job_assigned' | 'job_created' | 'job_unassigned' | 'job_unlocked' | 'job_updated' | 'manifest_updated' | 'profile_updated' | 'project_created' | 'project_updated' | 'retention_pruned' | 'review_returned' | 'round_created' | 'round_failed' | 'round_reopened' | 'round_reprocessed' | 'round_submitted' | 'status_changed' | 'token_issued';

export type job_status = 'ARCHIVED' | 'DRAFT' | 'FAILED' | 'NOT_STARTED' | 'REVIEW_RETURNED' | 'SUBMITTED_FOR_PROCESSING';

export type round_status = 'DRAFT' | 'FAILED' | 'REVIEW_RETURNED' | 'SUBMITTED_FOR_PROCESSING';

export type upload_status = 'failed' | 'pending' | 'processed' | 'uploaded' | 'uploading';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'PreserveUpdatedAt' parameters type */
export type IPreserveUpdatedAtParams = void;

/** 'PreserveUpdatedAt' return type */
export interface IPreserveUpdatedAtResult {
  set: string;
}

/** 'PreserveUpdatedAt' query type */
export interface IPreserveUpdatedAtQuery {
  params: IPreserveUpdatedAtParams;
  result: IPreserveUpdatedAtResult;
}

const preserveUpdatedAtIR: any = {"usedParamSet":{},"params":[],"statement":"-- For this transaction only: set_updated_at() keeps the source rows' updated_at.\nSELECT set_config('traq.preserve_updated_at', 'on', true) AS \"set!\""};

/**
 * Query generated from SQL:
 * ```
 * -- For this transaction only: set_updated_at() keeps the source rows' updated_at.
 * SELECT set_config('traq.preserve_updated_at', 'on', true) AS "set!"
 * ```
 */
export const preserveUpdatedAt = new PreparedQuery<IPreserveUpdatedAtParams,IPreserveUpdatedAtResult>(preserveUpdatedAtIR);


/** 'ImportDevice' parameters type */
export interface IImportDeviceParams {
  approvedAt?: DateOrString | null | void;
  appVersion?: string | null | void;
  createdAt: DateOrString;
  deviceId: string;
  deviceName?: string | null | void;
  id: string;
  lastSeenAt?: DateOrString | null | void;
  pairingUsedAt?: DateOrString | null | void;
  profileSummary: Json;
  revokedAt?: DateOrString | null | void;
  role: device_role;
  status: device_status;
  updatedAt: DateOrString;
}

/** 'ImportDevice' return type */
export type IImportDeviceResult = void;

/** 'ImportDevice' query type */
export interface IImportDeviceQuery {
  params: IImportDeviceParams;
  result: IImportDeviceResult;
}

const importDeviceIR: any = {"usedParamSet":{"id":true,"deviceId":true,"deviceName":true,"appVersion":true,"role":true,"status":true,"profileSummary":true,"approvedAt":true,"revokedAt":true,"pairingUsedAt":true,"lastSeenAt":true,"createdAt":true,"updatedAt":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":202,"b":205}]},{"name":"deviceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":208,"b":217}]},{"name":"deviceName","required":false,"transform":{"type":"scalar"},"locs":[{"a":220,"b":230}]},{"name":"appVersion","required":false,"transform":{"type":"scalar"},"locs":[{"a":233,"b":243}]},{"name":"role","required":true,"transform":{"type":"scalar"},"locs":[{"a":246,"b":251}]},{"name":"status","required":true,"transform":{"type":"scalar"},"locs":[{"a":254,"b":261}]},{"name":"profileSummary","required":true,"transform":{"type":"scalar"},"locs":[{"a":264,"b":279}]},{"name":"approvedAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":282,"b":292}]},{"name":"revokedAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":295,"b":304}]},{"name":"pairingUsedAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":315,"b":328}]},{"name":"lastSeenAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":331,"b":341}]},{"name":"createdAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":344,"b":354}]},{"name":"updatedAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":357,"b":367}]}],"statement":"INSERT INTO devices (id, device_id, device_name, app_version, role, status, profile_summary, approved_at, revoked_at,\n                     pairing_used_at, last_seen_at, created_at, updated_at)\nVALUES (:id!, :deviceId!, :deviceName, :appVersion, :role!, :status!, :profileSummary!, :approvedAt, :revokedAt,\n        :pairingUsedAt, :lastSeenAt, :createdAt!, :updatedAt!)\nON CONFLICT DO NOTHING"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO devices (id, device_id, device_name, app_version, role, status, profile_summary, approved_at, revoked_at,
 *                      pairing_used_at, last_seen_at, created_at, updated_at)
 * VALUES (:id!, :deviceId!, :deviceName, :appVersion, :role!, :status!, :profileSummary!, :approvedAt, :revokedAt,
 *         :pairingUsedAt, :lastSeenAt, :createdAt!, :updatedAt!)
 * ON CONFLICT DO NOTHING
 * ```
 */
export const importDevice = new PreparedQuery<IImportDeviceParams,IImportDeviceResult>(importDeviceIR);


/** 'ImportDeviceToken' parameters type */
export interface IImportDeviceTokenParams {
  createdAt: DateOrString;
  devicePk: string;
  expiresAt: DateOrString;
  id: string;
  revoked: boolean;
  revokedAt?: DateOrString | null | void;
  role: device_role;
  tokenHash: string;
  updatedAt: DateOrString;
}

/** 'ImportDeviceToken' return type */
export type IImportDeviceTokenResult = void;

/** 'ImportDeviceToken' query type */
export interface IImportDeviceTokenQuery {
  params: IImportDeviceTokenParams;
  result: IImportDeviceTokenResult;
}

const importDeviceTokenIR: any = {"usedParamSet":{"id":true,"tokenHash":true,"devicePk":true,"role":true,"expiresAt":true,"revoked":true,"revokedAt":true,"createdAt":true,"updatedAt":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":181,"b":184}]},{"name":"tokenHash","required":true,"transform":{"type":"scalar"},"locs":[{"a":187,"b":197}]},{"name":"devicePk","required":true,"transform":{"type":"scalar"},"locs":[{"a":200,"b":209}]},{"name":"role","required":true,"transform":{"type":"scalar"},"locs":[{"a":212,"b":217}]},{"name":"expiresAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":220,"b":230}]},{"name":"revoked","required":true,"transform":{"type":"scalar"},"locs":[{"a":233,"b":241}]},{"name":"revokedAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":244,"b":253}]},{"name":"createdAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":256,"b":266}]},{"name":"updatedAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":269,"b":279}]}],"statement":"-- Only the SHA-256 of the old plaintext token is kept.\nINSERT INTO device_tokens (id, token_hash, device_id, role, expires_at, revoked, revoked_at, created_at, updated_at)\nVALUES (:id!, :tokenHash!, :devicePk!, :role!, :expiresAt!, :revoked!, :revokedAt, :createdAt!, :updatedAt!)\nON CONFLICT DO NOTHING"};

/**
 * Query generated from SQL:
 * ```
 * -- Only the SHA-256 of the old plaintext token is kept.
 * INSERT INTO device_tokens (id, token_hash, device_id, role, expires_at, revoked, revoked_at, created_at, updated_at)
 * VALUES (:id!, :tokenHash!, :devicePk!, :role!, :expiresAt!, :revoked!, :revokedAt, :createdAt!, :updatedAt!)
 * ON CONFLICT DO NOTHING
 * ```
 */
export const importDeviceToken = new PreparedQuery<IImportDeviceTokenParams,IImportDeviceTokenResult>(importDeviceTokenIR);


/** 'ImportProfile' parameters type */
export interface IImportProfileParams {
  createdAt: DateOrString;
  id: string;
  identityKey: string;
  payload: Json;
  updatedAt: DateOrString;
}

/** 'ImportProfile' return type */
export type IImportProfileResult = void;

/** 'ImportProfile' query type */
export interface IImportProfileQuery {
  params: IImportProfileParams;
  result: IImportProfileResult;
}

const importProfileIR: any = {"usedParamSet":{"id":true,"identityKey":true,"payload":true,"createdAt":true,"updatedAt":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":97,"b":100}]},{"name":"identityKey","required":true,"transform":{"type":"scalar"},"locs":[{"a":103,"b":115}]},{"name":"payload","required":true,"transform":{"type":"scalar"},"locs":[{"a":118,"b":126}]},{"name":"createdAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":129,"b":139}]},{"name":"updatedAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":142,"b":152}]}],"statement":"INSERT INTO runtime_profiles (id, identity_key, profile_payload, created_at, updated_at)\nVALUES (:id!, :identityKey!, :payload!, :createdAt!, :updatedAt!)\nON CONFLICT DO NOTHING"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO runtime_profiles (id, identity_key, profile_payload, created_at, updated_at)
 * VALUES (:id!, :identityKey!, :payload!, :createdAt!, :updatedAt!)
 * ON CONFLICT DO NOTHING
 * ```
 */
export const importProfile = new PreparedQuery<IImportProfileParams,IImportProfileResult>(importProfileIR);


/** 'ImportCustomer' parameters type */
export interface IImportCustomerParams {
  address?: string | null | void;
  code: string;
  createdAt: DateOrString;
  id: string;
  name: string;
  phone?: string | null | void;
  updatedAt: DateOrString;
}

/** 'ImportCustomer' return type */
export type IImportCustomerResult = void;

/** 'ImportCustomer' query type */
export interface IImportCustomerQuery {
  params: IImportCustomerParams;
  result: IImportCustomerResult;
}

const importCustomerIR: any = {"usedParamSet":{"id":true,"code":true,"name":true,"phone":true,"address":true,"createdAt":true,"updatedAt":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":96,"b":99}]},{"name":"code","required":true,"transform":{"type":"scalar"},"locs":[{"a":102,"b":107}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":110,"b":115}]},{"name":"phone","required":false,"transform":{"type":"scalar"},"locs":[{"a":118,"b":123}]},{"name":"address","required":false,"transform":{"type":"scalar"},"locs":[{"a":126,"b":133}]},{"name":"createdAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":136,"b":146}]},{"name":"updatedAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":149,"b":159}]}],"statement":"INSERT INTO customers (id, customer_code, name, phone, address, created_at, updated_at)\nVALUES (:id!, :code!, :name!, :phone, :address, :createdAt!, :updatedAt!)\nON CONFLICT DO NOTHING"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO customers (id, customer_code, name, phone, address, created_at, updated_at)
 * VALUES (:id!, :code!, :name!, :phone, :address, :createdAt!, :updatedAt!)
 * ON CONFLICT DO NOTHING
 * ```
 */
export const importCustomer = new PreparedQuery<IImportCustomerParams,IImportCustomerResult>(importCustomerIR);


/** 'ImportBillingProfile' parameters type */
export interface IImportBillingProfileParams {
  address?: string | null | void;
  code: string;
  contactName?: string | null | void;
  contactPreference?: string | null | void;
  createdAt: DateOrString;
  id: string;
  name?: string | null | void;
  updatedAt: DateOrString;
}

/** 'ImportBillingProfile' return type */
export type IImportBillingProfileResult = void;

/** 'ImportBillingProfile' query type */
export interface IImportBillingProfileQuery {
  params: IImportBillingProfileParams;
  result: IImportBillingProfileResult;
}

const importBillingProfileIR: any = {"usedParamSet":{"id":true,"code":true,"name":true,"contactName":true,"address":true,"contactPreference":true,"createdAt":true,"updatedAt":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":153,"b":156}]},{"name":"code","required":true,"transform":{"type":"scalar"},"locs":[{"a":159,"b":164}]},{"name":"name","required":false,"transform":{"type":"scalar"},"locs":[{"a":167,"b":171}]},{"name":"contactName","required":false,"transform":{"type":"scalar"},"locs":[{"a":174,"b":185}]},{"name":"address","required":false,"transform":{"type":"scalar"},"locs":[{"a":188,"b":195}]},{"name":"contactPreference","required":false,"transform":{"type":"scalar"},"locs":[{"a":198,"b":215}]},{"name":"createdAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":218,"b":228}]},{"name":"updatedAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":231,"b":241}]}],"statement":"INSERT INTO billing_profiles (id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference, created_at, updated_at)\nVALUES (:id!, :code!, :name, :contactName, :address, :contactPreference, :createdAt!, :updatedAt!)\nON CONFLICT DO NOTHING"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO billing_profiles (id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference, created_at, updated_at)
 * VALUES (:id!, :code!, :name, :contactName, :address, :contactPreference, :createdAt!, :updatedAt!)
 * ON CONFLICT DO NOTHING
 * ```
 */
export const importBillingProfile = new PreparedQuery<IImportBillingProfileParams,IImportBillingProfileResult>(importBillingProfileIR);


/** 'ImportProject' parameters type */
export interface IImportProjectParams {
  createdAt: DateOrString;
  id: string;
  name: string;
  projectId: string;
  slug: string;
  updatedAt: DateOrString;
}

/** 'ImportProject' return type */
export type IImportProjectResult = void;

/** 'ImportProject' query type */
export interface IImportProjectQuery {
  params: IImportProjectParams;
  result: IImportProjectResult;
}

const importProjectIR: any = {"usedParamSet":{"id":true,"projectId":true,"name":true,"slug":true,"createdAt":true,"updatedAt":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":82,"b":85}]},{"name":"projectId","required":true,"transform":{"type":"scalar"},"locs":[{"a":88,"b":98}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":101,"b":106}]},{"name":"slug","required":true,"transform":{"type":"scalar"},"locs":[{"a":109,"b":114}]},{"name":"createdAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":117,"b":127}]},{"name":"updatedAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":130,"b":140}]}],"statement":"INSERT INTO projects (id, project_id, name, slug, created_at, updated_at)\nVALUES (:id!, :projectId!, :name!, :slug!, :createdAt!, :updatedAt!)\nON CONFLICT DO NOTHING"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO projects (id, project_id, name, slug, created_at, updated_at)
 * VALUES (:id!, :projectId!, :name!, :slug!, :createdAt!, :updatedAt!)
 * ON CONFLICT DO NOTHING
 * ```
 */
export const importProject = new PreparedQuery<IImportProjectParams,IImportProjectResult>(importProjectIR);


/** 'ImportOperator' parameters type */
export interface IImportOperatorParams {
  createdAt: DateOrString;
  id: string;
  name: string;
  updatedAt: DateOrString;
}

/** 'ImportOperator' return type */
export type IImportOperatorResult = void;

/** 'ImportOperator' query type */
export interface IImportOperatorQuery {
  params: IImportOperatorParams;
  result: IImportOperatorResult;
}

const importOperatorIR: any = {"usedParamSet":{"id":true,"name":true,"createdAt":true,"updatedAt":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":65,"b":68}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":71,"b":76}]},{"name":"createdAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":79,"b":89}]},{"name":"updatedAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":92,"b":102}]}],"statement":"INSERT INTO operators (id, name, created_at, updated_at)\nVALUES (:id!, :name!, :createdAt!, :updatedAt!)\nON CONFLICT DO NOTHING"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO operators (id, name, created_at, updated_at)
 * VALUES (:id!, :name!, :createdAt!, :updatedAt!)
 * ON CONFLICT DO NOTHING
 * ```
 */
export const importOperator = new PreparedQuery<IImportOperatorParams,IImportOperatorResult>(importOperatorIR);


/** 'ImportTree' parameters type */
export interface IImportTreeParams {
  createdAt: DateOrString;
  customerId: string;
  id: string;
  treeNumber: number;
  updatedAt: DateOrString;
}

/** 'ImportTree' return type */
export type IImportTreeResult = void;

/** 'ImportTree' query type */
export interface IImportTreeQuery {
  params: IImportTreeParams;
  result: IImportTreeResult;
}

const importTreeIR: any = {"usedParamSet":{"id":true,"customerId":true,"treeNumber":true,"createdAt":true,"updatedAt":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":81,"b":84}]},{"name":"customerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":87,"b":98}]},{"name":"treeNumber","required":true,"transform":{"type":"scalar"},"locs":[{"a":101,"b":112}]},{"name":"createdAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":115,"b":125}]},{"name":"updatedAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":128,"b":138}]}],"statement":"INSERT INTO trees (id, customer_id, tree_number, created_at, updated_at)\nVALUES (:id!, :customerId!, :treeNumber!, :createdAt!, :updatedAt!)\nON CONFLICT DO NOTHING"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO trees (id, customer_id, tree_number, created_at, updated_at)
 * VALUES (:id!, :customerId!, :treeNumber!, :createdAt!, :updatedAt!)
 * ON CONFLICT DO NOTHING
 * ```
 */
export const importTree = new PreparedQuery<IImportTreeParams,IImportTreeResult>(importTreeIR);


/** 'FindTree' parameters type */
export interface IFindTreeParams {
  customerId: string;
  treeNumber: number;
}

/** 'FindTree' return type */
export interface IFindTreeResult {
  /** Internal key. */
  id: string;
  /** Positive number, unique within the customer. */
  tree_number: number;
}

/** 'FindTree' query type */
export interface IFindTreeQuery {
  params: IFindTreeParams;
  result: IFindTreeResult;
}

const findTreeIR: any = {"usedParamSet":{"customerId":true,"treeNumber":true},"params":[{"name":"customerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":54,"b":65}]},{"name":"treeNumber","required":true,"transform":{"type":"scalar"},"locs":[{"a":85,"b":96}]}],"statement":"SELECT id, tree_number FROM trees WHERE customer_id = :customerId! AND tree_number = :treeNumber!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, tree_number FROM trees WHERE customer_id = :customerId! AND tree_number = :treeNumber!
 * ```
 */
export const findTree = new PreparedQuery<IFindTreeParams,IFindTreeResult>(findTreeIR);


/** 'RaiseCounter' parameters type */
export interface IRaiseCounterParams {
  key: string;
  value: number;
}

/** 'RaiseCounter' return type */
export type IRaiseCounterResult = void;

/** 'RaiseCounter' query type */
export interface IRaiseCounterQuery {
  params: IRaiseCounterParams;
  result: IRaiseCounterResult;
}

const raiseCounterIR: any = {"usedParamSet":{"value":true,"key":true},"params":[{"name":"value","required":true,"transform":{"type":"scalar"},"locs":[{"a":151,"b":157},{"a":206,"b":212}]},{"name":"key","required":true,"transform":{"type":"scalar"},"locs":[{"a":180,"b":184}]}],"statement":"-- Keeps a code counter ahead of the imported codes; never lowers it, never touches it when already ahead.\nUPDATE runtime_counters SET current_value = :value!\n WHERE counter_key = :key! AND current_value < :value!"};

/**
 * Query generated from SQL:
 * ```
 * -- Keeps a code counter ahead of the imported codes; never lowers it, never touches it when already ahead.
 * UPDATE runtime_counters SET current_value = :value!
 *  WHERE counter_key = :key! AND current_value < :value!
 * ```
 */
export const raiseCounter = new PreparedQuery<IRaiseCounterParams,IRaiseCounterResult>(raiseCounterIR);


/** 'ImportedJob' parameters type */
export interface IImportedJobParams {
  id: string;
  jobId: string;
  jobNumber: string;
}

/** 'ImportedJob' return type */
export interface IImportedJobResult {
  /** Internal key. */
  id: string;
  imported: boolean;
  /** Human number J0001, J0002, ... (J10000 after J9999), allocated from runtime_counters. */
  job_number: string;
}

/** 'ImportedJob' query type */
export interface IImportedJobQuery {
  params: IImportedJobParams;
  result: IImportedJobResult;
}

const importedJobIR: any = {"usedParamSet":{"id":true,"jobId":true,"jobNumber":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":264,"b":267}]},{"name":"jobId","required":true,"transform":{"type":"scalar"},"locs":[{"a":283,"b":289}]},{"name":"jobNumber","required":true,"transform":{"type":"scalar"},"locs":[{"a":309,"b":319}]}],"statement":"-- Whether a job id is already here, and whether an import of it completed (its audit row exists).\nSELECT j.id, j.job_number,\n       EXISTS (SELECT 1 FROM job_events e WHERE e.job_id = j.id AND e.event_type = 'imported') AS \"imported!\"\n  FROM jobs j\n WHERE j.id = :id! OR j.job_id = :jobId! OR j.job_number = :jobNumber!"};

/**
 * Query generated from SQL:
 * ```
 * -- Whether a job id is already here, and whether an import of it completed (its audit row exists).
 * SELECT j.id, j.job_number,
 *        EXISTS (SELECT 1 FROM job_events e WHERE e.job_id = j.id AND e.event_type = 'imported') AS "imported!"
 *   FROM jobs j
 *  WHERE j.id = :id! OR j.job_id = :jobId! OR j.job_number = :jobNumber!
 * ```
 */
export const importedJob = new PreparedQuery<IImportedJobParams,IImportedJobResult>(importedJobIR);


/** 'ImportJob' parameters type */
export interface IImportJobParams {
  archivedAt?: DateOrString | null | void;
  billingProfileId?: string | null | void;
  createdAt: DateOrString;
  customerId?: string | null | void;
  id: string;
  jobAddress?: string | null | void;
  jobId: string;
  jobName?: string | null | void;
  jobNumber: string;
  locationNotes?: string | null | void;
  operatorId?: string | null | void;
  projectId?: string | null | void;
  reason?: string | null | void;
  status: job_status;
  treeId?: string | null | void;
  treeNumber?: number | null | void;
  treeSpecies?: string | null | void;
  updatedAt: DateOrString;
}

/** 'ImportJob' return type */
export type IImportJobResult = void;

/** 'ImportJob' query type */
export interface IImportJobQuery {
  params: IImportJobParams;
  result: IImportJobResult;
}

const importJobIR: any = {"usedParamSet":{"id":true,"jobId":true,"jobNumber":true,"customerId":true,"billingProfileId":true,"projectId":true,"operatorId":true,"treeId":true,"treeNumber":true,"jobName":true,"jobAddress":true,"reason":true,"locationNotes":true,"treeSpecies":true,"status":true,"archivedAt":true,"createdAt":true,"updatedAt":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":359,"b":362}]},{"name":"jobId","required":true,"transform":{"type":"scalar"},"locs":[{"a":365,"b":371}]},{"name":"jobNumber","required":true,"transform":{"type":"scalar"},"locs":[{"a":374,"b":384}]},{"name":"customerId","required":false,"transform":{"type":"scalar"},"locs":[{"a":387,"b":397}]},{"name":"billingProfileId","required":false,"transform":{"type":"scalar"},"locs":[{"a":400,"b":416}]},{"name":"projectId","required":false,"transform":{"type":"scalar"},"locs":[{"a":419,"b":428}]},{"name":"operatorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":431,"b":441}]},{"name":"treeId","required":false,"transform":{"type":"scalar"},"locs":[{"a":444,"b":450}]},{"name":"treeNumber","required":false,"transform":{"type":"scalar"},"locs":[{"a":453,"b":463}]},{"name":"jobName","required":false,"transform":{"type":"scalar"},"locs":[{"a":474,"b":481}]},{"name":"jobAddress","required":false,"transform":{"type":"scalar"},"locs":[{"a":484,"b":494}]},{"name":"reason","required":false,"transform":{"type":"scalar"},"locs":[{"a":497,"b":503}]},{"name":"locationNotes","required":false,"transform":{"type":"scalar"},"locs":[{"a":506,"b":519}]},{"name":"treeSpecies","required":false,"transform":{"type":"scalar"},"locs":[{"a":522,"b":533}]},{"name":"status","required":true,"transform":{"type":"scalar"},"locs":[{"a":536,"b":543}]},{"name":"archivedAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":546,"b":556}]},{"name":"createdAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":559,"b":569}]},{"name":"updatedAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":572,"b":582}]}],"statement":"-- Inserted without its latest round (the rounds reference the job); SetImportedLatestRound fills it in.\nINSERT INTO jobs (id, job_id, job_number, customer_id, billing_profile_id, project_id, operator_id, tree_id, tree_number,\n                  job_name, job_address, reason, location_notes, tree_species, status, archived_at, created_at, updated_at)\nVALUES (:id!, :jobId!, :jobNumber!, :customerId, :billingProfileId, :projectId, :operatorId, :treeId, :treeNumber,\n        :jobName, :jobAddress, :reason, :locationNotes, :treeSpecies, :status!, :archivedAt, :createdAt!, :updatedAt!)"};

/**
 * Query generated from SQL:
 * ```
 * -- Inserted without its latest round (the rounds reference the job); SetImportedLatestRound fills it in.
 * INSERT INTO jobs (id, job_id, job_number, customer_id, billing_profile_id, project_id, operator_id, tree_id, tree_number,
 *                   job_name, job_address, reason, location_notes, tree_species, status, archived_at, created_at, updated_at)
 * VALUES (:id!, :jobId!, :jobNumber!, :customerId, :billingProfileId, :projectId, :operatorId, :treeId, :treeNumber,
 *         :jobName, :jobAddress, :reason, :locationNotes, :treeSpecies, :status!, :archivedAt, :createdAt!, :updatedAt!)
 * ```
 */
export const importJob = new PreparedQuery<IImportJobParams,IImportJobResult>(importJobIR);


/** 'SetImportedLatestRound' parameters type */
export interface ISetImportedLatestRoundParams {
  id: string;
  roundId: string;
  roundStatus: round_status;
}

/** 'SetImportedLatestRound' return type */
export type ISetImportedLatestRoundResult = void;

/** 'SetImportedLatestRound' query type */
export interface ISetImportedLatestRoundQuery {
  params: ISetImportedLatestRoundParams;
  result: ISetImportedLatestRoundResult;
}

const setImportedLatestRoundIR: any = {"usedParamSet":{"roundId":true,"roundStatus":true,"id":true},"params":[{"name":"roundId","required":true,"transform":{"type":"scalar"},"locs":[{"a":34,"b":42}]},{"name":"roundStatus","required":true,"transform":{"type":"scalar"},"locs":[{"a":67,"b":79}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":93,"b":96}]}],"statement":"UPDATE jobs SET latest_round_id = :roundId!, latest_round_status = :roundStatus!\n WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE jobs SET latest_round_id = :roundId!, latest_round_status = :roundStatus!
 *  WHERE id = :id!
 * ```
 */
export const setImportedLatestRound = new PreparedQuery<ISetImportedLatestRoundParams,ISetImportedLatestRoundResult>(setImportedLatestRoundIR);


/** 'ImportRound' parameters type */
export interface IImportRoundParams {
  clientRevisionId?: string | null | void;
  createdAt: DateOrString;
  failureReason?: string | null | void;
  id: string;
  jobPk: string;
  manifest: Json;
  reviewPayload?: Json | null | void;
  roundId: string;
  roundNumber: number;
  serverRevisionId?: string | null | void;
  status: round_status;
  updatedAt: DateOrString;
}

/** 'ImportRound' return type */
export type IImportRoundResult = void;

/** 'ImportRound' query type */
export interface IImportRoundQuery {
  params: IImportRoundParams;
  result: IImportRoundResult;
}

const importRoundIR: any = {"usedParamSet":{"id":true,"jobPk":true,"roundNumber":true,"roundId":true,"status":true,"serverRevisionId":true,"clientRevisionId":true,"manifest":true,"reviewPayload":true,"failureReason":true,"createdAt":true,"updatedAt":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":206,"b":209}]},{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":212,"b":218}]},{"name":"roundNumber","required":true,"transform":{"type":"scalar"},"locs":[{"a":221,"b":233}]},{"name":"roundId","required":true,"transform":{"type":"scalar"},"locs":[{"a":236,"b":244}]},{"name":"status","required":true,"transform":{"type":"scalar"},"locs":[{"a":247,"b":254}]},{"name":"serverRevisionId","required":false,"transform":{"type":"scalar"},"locs":[{"a":257,"b":273}]},{"name":"clientRevisionId","required":false,"transform":{"type":"scalar"},"locs":[{"a":276,"b":292}]},{"name":"manifest","required":true,"transform":{"type":"scalar"},"locs":[{"a":295,"b":304}]},{"name":"reviewPayload","required":false,"transform":{"type":"scalar"},"locs":[{"a":315,"b":328}]},{"name":"failureReason","required":false,"transform":{"type":"scalar"},"locs":[{"a":331,"b":344}]},{"name":"createdAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":347,"b":357}]},{"name":"updatedAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":360,"b":370}]}],"statement":"INSERT INTO job_rounds (id, job_id, round_number, round_id, status, server_revision_id, client_revision_id, manifest,\n                        review_payload, failure_reason, created_at, updated_at)\nVALUES (:id!, :jobPk!, :roundNumber!, :roundId!, :status!, :serverRevisionId, :clientRevisionId, :manifest!,\n        :reviewPayload, :failureReason, :createdAt!, :updatedAt!)"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO job_rounds (id, job_id, round_number, round_id, status, server_revision_id, client_revision_id, manifest,
 *                         review_payload, failure_reason, created_at, updated_at)
 * VALUES (:id!, :jobPk!, :roundNumber!, :roundId!, :status!, :serverRevisionId, :clientRevisionId, :manifest!,
 *         :reviewPayload, :failureReason, :createdAt!, :updatedAt!)
 * ```
 */
export const importRound = new PreparedQuery<IImportRoundParams,IImportRoundResult>(importRoundIR);


/** 'ImportRecording' parameters type */
export interface IImportRecordingParams {
  artifactPath?: string | null | void;
  byteSize?: number | null | void;
  contentType?: string | null | void;
  createdAt: DateOrString;
  durationMs?: number | null | void;
  id: string;
  metadata?: Json | null | void;
  recordingId: string;
  roundPk: string;
  sectionId: string;
  sha256?: string | null | void;
  transcriptText?: string | null | void;
  updatedAt: DateOrString;
  uploadedAt?: DateOrString | null | void;
  uploadStatus: upload_status;
}

/** 'ImportRecording' return type */
export type IImportRecordingResult = void;

/** 'ImportRecording' query type */
export interface IImportRecordingQuery {
  params: IImportRecordingParams;
  result: IImportRecordingResult;
}

const importRecordingIR: any = {"usedParamSet":{"id":true,"roundPk":true,"sectionId":true,"recordingId":true,"uploadStatus":true,"contentType":true,"byteSize":true,"sha256":true,"durationMs":true,"artifactPath":true,"transcriptText":true,"metadata":true,"uploadedAt":true,"createdAt":true,"updatedAt":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":253,"b":256}]},{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":259,"b":267}]},{"name":"sectionId","required":true,"transform":{"type":"scalar"},"locs":[{"a":270,"b":280}]},{"name":"recordingId","required":true,"transform":{"type":"scalar"},"locs":[{"a":283,"b":295}]},{"name":"uploadStatus","required":true,"transform":{"type":"scalar"},"locs":[{"a":298,"b":311}]},{"name":"contentType","required":false,"transform":{"type":"scalar"},"locs":[{"a":314,"b":325}]},{"name":"byteSize","required":false,"transform":{"type":"scalar"},"locs":[{"a":328,"b":336}]},{"name":"sha256","required":false,"transform":{"type":"scalar"},"locs":[{"a":339,"b":345}]},{"name":"durationMs","required":false,"transform":{"type":"scalar"},"locs":[{"a":356,"b":366}]},{"name":"artifactPath","required":false,"transform":{"type":"scalar"},"locs":[{"a":369,"b":381}]},{"name":"transcriptText","required":false,"transform":{"type":"scalar"},"locs":[{"a":384,"b":398}]},{"name":"metadata","required":false,"transform":{"type":"scalar"},"locs":[{"a":401,"b":409}]},{"name":"uploadedAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":412,"b":422}]},{"name":"createdAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":425,"b":435}]},{"name":"updatedAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":438,"b":448}]}],"statement":"INSERT INTO round_recordings (id, round_pk, section_id, recording_id, upload_status, content_type, byte_size, sha256,\n                              duration_ms, artifact_path, transcript_text, metadata_json, uploaded_at, created_at, updated_at)\nVALUES (:id!, :roundPk!, :sectionId!, :recordingId!, :uploadStatus!, :contentType, :byteSize, :sha256,\n        :durationMs, :artifactPath, :transcriptText, :metadata, :uploadedAt, :createdAt!, :updatedAt!)"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO round_recordings (id, round_pk, section_id, recording_id, upload_status, content_type, byte_size, sha256,
 *                               duration_ms, artifact_path, transcript_text, metadata_json, uploaded_at, created_at, updated_at)
 * VALUES (:id!, :roundPk!, :sectionId!, :recordingId!, :uploadStatus!, :contentType, :byteSize, :sha256,
 *         :durationMs, :artifactPath, :transcriptText, :metadata, :uploadedAt, :createdAt!, :updatedAt!)
 * ```
 */
export const importRecording = new PreparedQuery<IImportRecordingParams,IImportRecordingResult>(importRecordingIR);


/** 'ImportImage' parameters type */
export interface IImportImageParams {
  artifactPath?: string | null | void;
  byteSize?: number | null | void;
  caption?: string | null | void;
  contentType?: string | null | void;
  createdAt: DateOrString;
  id: string;
  imageId: string;
  latitude?: number | null | void;
  longitude?: number | null | void;
  metadata?: Json | null | void;
  reportArtifactPath?: string | null | void;
  reportByteSize?: number | null | void;
  roundPk: string;
  sectionId: string;
  sha256?: string | null | void;
  updatedAt: DateOrString;
  uploadedAt?: DateOrString | null | void;
  uploadStatus: upload_status;
}

/** 'ImportImage' return type */
export type IImportImageResult = void;

/** 'ImportImage' query type */
export interface IImportImageQuery {
  params: IImportImageParams;
  result: IImportImageResult;
}

const importImageIR: any = {"usedParamSet":{"id":true,"roundPk":true,"sectionId":true,"imageId":true,"uploadStatus":true,"contentType":true,"byteSize":true,"sha256":true,"caption":true,"latitude":true,"longitude":true,"artifactPath":true,"reportArtifactPath":true,"reportByteSize":true,"metadata":true,"uploadedAt":true,"createdAt":true,"updatedAt":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":307,"b":310}]},{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":313,"b":321}]},{"name":"sectionId","required":true,"transform":{"type":"scalar"},"locs":[{"a":324,"b":334}]},{"name":"imageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":337,"b":345}]},{"name":"uploadStatus","required":true,"transform":{"type":"scalar"},"locs":[{"a":348,"b":361}]},{"name":"contentType","required":false,"transform":{"type":"scalar"},"locs":[{"a":364,"b":375}]},{"name":"byteSize","required":false,"transform":{"type":"scalar"},"locs":[{"a":378,"b":386}]},{"name":"sha256","required":false,"transform":{"type":"scalar"},"locs":[{"a":389,"b":395}]},{"name":"caption","required":false,"transform":{"type":"scalar"},"locs":[{"a":398,"b":405}]},{"name":"latitude","required":false,"transform":{"type":"scalar"},"locs":[{"a":416,"b":424}]},{"name":"longitude","required":false,"transform":{"type":"scalar"},"locs":[{"a":427,"b":436}]},{"name":"artifactPath","required":false,"transform":{"type":"scalar"},"locs":[{"a":439,"b":451}]},{"name":"reportArtifactPath","required":false,"transform":{"type":"scalar"},"locs":[{"a":454,"b":472}]},{"name":"reportByteSize","required":false,"transform":{"type":"scalar"},"locs":[{"a":475,"b":489}]},{"name":"metadata","required":false,"transform":{"type":"scalar"},"locs":[{"a":492,"b":500}]},{"name":"uploadedAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":511,"b":521}]},{"name":"createdAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":524,"b":534}]},{"name":"updatedAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":537,"b":547}]}],"statement":"INSERT INTO round_images (id, round_pk, section_id, image_id, upload_status, content_type, byte_size, sha256, caption,\n                          latitude, longitude, artifact_path, report_artifact_path, report_byte_size, metadata_json,\n                          uploaded_at, created_at, updated_at)\nVALUES (:id!, :roundPk!, :sectionId!, :imageId!, :uploadStatus!, :contentType, :byteSize, :sha256, :caption,\n        :latitude, :longitude, :artifactPath, :reportArtifactPath, :reportByteSize, :metadata,\n        :uploadedAt, :createdAt!, :updatedAt!)"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO round_images (id, round_pk, section_id, image_id, upload_status, content_type, byte_size, sha256, caption,
 *                           latitude, longitude, artifact_path, report_artifact_path, report_byte_size, metadata_json,
 *                           uploaded_at, created_at, updated_at)
 * VALUES (:id!, :roundPk!, :sectionId!, :imageId!, :uploadStatus!, :contentType, :byteSize, :sha256, :caption,
 *         :latitude, :longitude, :artifactPath, :reportArtifactPath, :reportByteSize, :metadata,
 *         :uploadedAt, :createdAt!, :updatedAt!)
 * ```
 */
export const importImage = new PreparedQuery<IImportImageParams,IImportImageResult>(importImageIR);


/** 'ImportFinal' parameters type */
export interface IImportFinalParams {
  clientRevisionId?: string | null | void;
  createdAt: DateOrString;
  id: string;
  jobPk: string;
  kind: string;
  payload: Json;
  roundId?: string | null | void;
  roundPk?: string | null | void;
  serverRevisionId?: string | null | void;
  updatedAt: DateOrString;
}

/** 'ImportFinal' return type */
export type IImportFinalResult = void;

/** 'ImportFinal' query type */
export interface IImportFinalQuery {
  params: IImportFinalParams;
  result: IImportFinalResult;
}

const importFinalIR: any = {"usedParamSet":{"id":true,"jobPk":true,"kind":true,"roundPk":true,"roundId":true,"clientRevisionId":true,"serverRevisionId":true,"payload":true,"createdAt":true,"updatedAt":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":183,"b":186}]},{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":189,"b":195}]},{"name":"kind","required":true,"transform":{"type":"scalar"},"locs":[{"a":198,"b":203}]},{"name":"roundPk","required":false,"transform":{"type":"scalar"},"locs":[{"a":206,"b":213}]},{"name":"roundId","required":false,"transform":{"type":"scalar"},"locs":[{"a":216,"b":223}]},{"name":"clientRevisionId","required":false,"transform":{"type":"scalar"},"locs":[{"a":226,"b":242}]},{"name":"serverRevisionId","required":false,"transform":{"type":"scalar"},"locs":[{"a":245,"b":261}]},{"name":"payload","required":true,"transform":{"type":"scalar"},"locs":[{"a":282,"b":290}]},{"name":"createdAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":293,"b":303}]},{"name":"updatedAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":306,"b":316}]}],"statement":"INSERT INTO job_finals (id, job_id, kind, round_pk, round_id, client_revision_id, server_revision_id, actor_identity,\n                        payload, created_at, updated_at)\nVALUES (:id!, :jobPk!, :kind!, :roundPk, :roundId, :clientRevisionId, :serverRevisionId, 'system',\n        :payload!, :createdAt!, :updatedAt!)"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO job_finals (id, job_id, kind, round_pk, round_id, client_revision_id, server_revision_id, actor_identity,
 *                         payload, created_at, updated_at)
 * VALUES (:id!, :jobPk!, :kind!, :roundPk, :roundId, :clientRevisionId, :serverRevisionId, 'system',
 *         :payload!, :createdAt!, :updatedAt!)
 * ```
 */
export const importFinal = new PreparedQuery<IImportFinalParams,IImportFinalResult>(importFinalIR);


/** 'ImportGeojson' parameters type */
export interface IImportGeojsonParams {
  createdAt: DateOrString;
  id: string;
  jobFinalId: string;
  jobPk: string;
  kind: string;
  payload: Json;
  updatedAt: DateOrString;
}

/** 'ImportGeojson' return type */
export type IImportGeojsonResult = void;

/** 'ImportGeojson' query type */
export interface IImportGeojsonQuery {
  params: IImportGeojsonParams;
  result: IImportGeojsonResult;
}

const importGeojsonIR: any = {"usedParamSet":{"id":true,"jobPk":true,"jobFinalId":true,"kind":true,"payload":true,"createdAt":true,"updatedAt":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":106,"b":109}]},{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":112,"b":118}]},{"name":"jobFinalId","required":true,"transform":{"type":"scalar"},"locs":[{"a":121,"b":132}]},{"name":"kind","required":true,"transform":{"type":"scalar"},"locs":[{"a":135,"b":140}]},{"name":"payload","required":true,"transform":{"type":"scalar"},"locs":[{"a":143,"b":151}]},{"name":"createdAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":154,"b":164}]},{"name":"updatedAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":167,"b":177}]}],"statement":"INSERT INTO job_geojson_exports (id, job_id, job_final_id, kind, payload, created_at, updated_at)\nVALUES (:id!, :jobPk!, :jobFinalId!, :kind!, :payload!, :createdAt!, :updatedAt!)"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO job_geojson_exports (id, job_id, job_final_id, kind, payload, created_at, updated_at)
 * VALUES (:id!, :jobPk!, :jobFinalId!, :kind!, :payload!, :createdAt!, :updatedAt!)
 * ```
 */
export const importGeojson = new PreparedQuery<IImportGeojsonParams,IImportGeojsonResult>(importGeojsonIR);


/** 'ImportArtifact' parameters type */
export interface IImportArtifactParams {
  byteSize: number;
  contentType?: string | null | void;
  createdAt: DateOrString;
  id: string;
  jobFinalId?: string | null | void;
  jobPk?: string | null | void;
  kind: artifact_kind;
  metadata?: Json | null | void;
  path: string;
  roundPk?: string | null | void;
  sha256: string;
}

/** 'ImportArtifact' return type */
export type IImportArtifactResult = void;

/** 'ImportArtifact' query type */
export interface IImportArtifactQuery {
  params: IImportArtifactParams;
  result: IImportArtifactResult;
}

const importArtifactIR: any = {"usedParamSet":{"id":true,"jobPk":true,"roundPk":true,"jobFinalId":true,"kind":true,"path":true,"contentType":true,"byteSize":true,"sha256":true,"metadata":true,"createdAt":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":139,"b":142}]},{"name":"jobPk","required":false,"transform":{"type":"scalar"},"locs":[{"a":145,"b":150}]},{"name":"roundPk","required":false,"transform":{"type":"scalar"},"locs":[{"a":153,"b":160}]},{"name":"jobFinalId","required":false,"transform":{"type":"scalar"},"locs":[{"a":163,"b":173}]},{"name":"kind","required":true,"transform":{"type":"scalar"},"locs":[{"a":176,"b":181}]},{"name":"path","required":true,"transform":{"type":"scalar"},"locs":[{"a":184,"b":189}]},{"name":"contentType","required":false,"transform":{"type":"scalar"},"locs":[{"a":192,"b":203}]},{"name":"byteSize","required":true,"transform":{"type":"scalar"},"locs":[{"a":206,"b":215}]},{"name":"sha256","required":true,"transform":{"type":"scalar"},"locs":[{"a":218,"b":225}]},{"name":"metadata","required":false,"transform":{"type":"scalar"},"locs":[{"a":228,"b":236}]},{"name":"createdAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":239,"b":249}]}],"statement":"INSERT INTO artifacts (id, job_id, round_pk, job_final_id, kind, path, content_type, byte_size, sha256, metadata_json, created_at)\nVALUES (:id!, :jobPk, :roundPk, :jobFinalId, :kind!, :path!, :contentType, :byteSize!, :sha256!, :metadata, :createdAt!)\nON CONFLICT DO NOTHING"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO artifacts (id, job_id, round_pk, job_final_id, kind, path, content_type, byte_size, sha256, metadata_json, created_at)
 * VALUES (:id!, :jobPk, :roundPk, :jobFinalId, :kind!, :path!, :contentType, :byteSize!, :sha256!, :metadata, :createdAt!)
 * ON CONFLICT DO NOTHING
 * ```
 */
export const importArtifact = new PreparedQuery<IImportArtifactParams,IImportArtifactResult>(importArtifactIR);


/** 'ImportAssignment' parameters type */
export interface IImportAssignmentParams {
  assignedAt: DateOrString;
  assignedBy: string;
  devicePk: string;
  id: string;
  jobPk: string;
  updatedAt: DateOrString;
}

/** 'ImportAssignment' return type */
export type IImportAssignmentResult = void;

/** 'ImportAssignment' query type */
export interface IImportAssignmentQuery {
  params: IImportAssignmentParams;
  result: IImportAssignmentResult;
}

const importAssignmentIR: any = {"usedParamSet":{"id":true,"jobPk":true,"devicePk":true,"assignedBy":true,"assignedAt":true,"updatedAt":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":98,"b":101}]},{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":104,"b":110}]},{"name":"devicePk","required":true,"transform":{"type":"scalar"},"locs":[{"a":113,"b":122}]},{"name":"assignedBy","required":true,"transform":{"type":"scalar"},"locs":[{"a":125,"b":136}]},{"name":"assignedAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":139,"b":150}]},{"name":"updatedAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":153,"b":163}]}],"statement":"INSERT INTO job_assignments (id, job_id, device_id, assigned_by, assigned_at, updated_at)\nVALUES (:id!, :jobPk!, :devicePk!, :assignedBy!, :assignedAt!, :updatedAt!)"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO job_assignments (id, job_id, device_id, assigned_by, assigned_at, updated_at)
 * VALUES (:id!, :jobPk!, :devicePk!, :assignedBy!, :assignedAt!, :updatedAt!)
 * ```
 */
export const importAssignment = new PreparedQuery<IImportAssignmentParams,IImportAssignmentResult>(importAssignmentIR);


/** 'ImportEvent' parameters type */
export interface IImportEventParams {
  actor: string;
  createdAt: DateOrString;
  devicePk?: string | null | void;
  eventType: event_type;
  id: string;
  jobPk?: string | null | void;
  payload: Json;
}

/** 'ImportEvent' return type */
export type IImportEventResult = void;

/** 'ImportEvent' query type */
export interface IImportEventQuery {
  params: IImportEventParams;
  result: IImportEventResult;
}

const importEventIR: any = {"usedParamSet":{"id":true,"jobPk":true,"devicePk":true,"eventType":true,"actor":true,"payload":true,"createdAt":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":198,"b":201}]},{"name":"jobPk","required":false,"transform":{"type":"scalar"},"locs":[{"a":204,"b":209}]},{"name":"devicePk","required":false,"transform":{"type":"scalar"},"locs":[{"a":212,"b":220}]},{"name":"eventType","required":true,"transform":{"type":"scalar"},"locs":[{"a":223,"b":233}]},{"name":"actor","required":true,"transform":{"type":"scalar"},"locs":[{"a":236,"b":242}]},{"name":"payload","required":true,"transform":{"type":"scalar"},"locs":[{"a":245,"b":253}]},{"name":"createdAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":256,"b":266}]}],"statement":"-- A row of the old audit trail (the old runtime wrote none; its legacy importer might have).\nINSERT INTO job_events (id, job_id, device_id, event_type, actor_identity, payload, created_at)\nVALUES (:id!, :jobPk, :devicePk, :eventType!, :actor!, :payload!, :createdAt!)\nON CONFLICT DO NOTHING"};

/**
 * Query generated from SQL:
 * ```
 * -- A row of the old audit trail (the old runtime wrote none; its legacy importer might have).
 * INSERT INTO job_events (id, job_id, device_id, event_type, actor_identity, payload, created_at)
 * VALUES (:id!, :jobPk, :devicePk, :eventType!, :actor!, :payload!, :createdAt!)
 * ON CONFLICT DO NOTHING
 * ```
 */
export const importEvent = new PreparedQuery<IImportEventParams,IImportEventResult>(importEventIR);


/** 'CountImported' parameters type */
export interface ICountImportedParams {
  ids: readonly (string)[];
}

/** 'CountImported' return type */
export interface ICountImportedResult {
  count: number;
  table: string;
}

/** 'CountImported' query type */
export interface ICountImportedQuery {
  params: ICountImportedParams;
  result: ICountImportedResult;
}

const countImportedIR: any = {"usedParamSet":{"ids":true},"params":[{"name":"ids","required":true,"transform":{"type":"array_spread"},"locs":[{"a":198,"b":202},{"a":289,"b":293},{"a":386,"b":390},{"a":469,"b":473},{"a":566,"b":570},{"a":647,"b":651},{"a":730,"b":734},{"a":805,"b":809},{"a":878,"b":882},{"a":973,"b":977},{"a":1058,"b":1062},{"a":1155,"b":1159},{"a":1244,"b":1248},{"a":1329,"b":1333},{"a":1432,"b":1436},{"a":1515,"b":1519},{"a":1600,"b":1604}]}],"statement":"-- How many of the given ids a target table holds, for the end-of-run verification (one query per table kind).\nSELECT 'devices' AS \"table!\", count(*)::int AS \"count!\" FROM devices WHERE id::text IN :ids!\nUNION ALL SELECT 'device_tokens', count(*)::int FROM device_tokens WHERE id::text IN :ids!\nUNION ALL SELECT 'runtime_profiles', count(*)::int FROM runtime_profiles WHERE id::text IN :ids!\nUNION ALL SELECT 'customers', count(*)::int FROM customers WHERE id::text IN :ids!\nUNION ALL SELECT 'billing_profiles', count(*)::int FROM billing_profiles WHERE id::text IN :ids!\nUNION ALL SELECT 'projects', count(*)::int FROM projects WHERE id::text IN :ids!\nUNION ALL SELECT 'operators', count(*)::int FROM operators WHERE id::text IN :ids!\nUNION ALL SELECT 'trees', count(*)::int FROM trees WHERE id::text IN :ids!\nUNION ALL SELECT 'jobs', count(*)::int FROM jobs WHERE id::text IN :ids!\nUNION ALL SELECT 'job_assignments', count(*)::int FROM job_assignments WHERE id::text IN :ids!\nUNION ALL SELECT 'job_rounds', count(*)::int FROM job_rounds WHERE id::text IN :ids!\nUNION ALL SELECT 'round_recordings', count(*)::int FROM round_recordings WHERE id::text IN :ids!\nUNION ALL SELECT 'round_images', count(*)::int FROM round_images WHERE id::text IN :ids!\nUNION ALL SELECT 'job_finals', count(*)::int FROM job_finals WHERE id::text IN :ids!\nUNION ALL SELECT 'job_geojson_exports', count(*)::int FROM job_geojson_exports WHERE id::text IN :ids!\nUNION ALL SELECT 'artifacts', count(*)::int FROM artifacts WHERE id::text IN :ids!\nUNION ALL SELECT 'job_events', count(*)::int FROM job_events WHERE id::text IN :ids!"};

/**
 * Query generated from SQL:
 * ```
 * -- How many of the given ids a target table holds, for the end-of-run verification (one query per table kind).
 * SELECT 'devices' AS "table!", count(*)::int AS "count!" FROM devices WHERE id::text IN :ids!
 * UNION ALL SELECT 'device_tokens', count(*)::int FROM device_tokens WHERE id::text IN :ids!
 * UNION ALL SELECT 'runtime_profiles', count(*)::int FROM runtime_profiles WHERE id::text IN :ids!
 * UNION ALL SELECT 'customers', count(*)::int FROM customers WHERE id::text IN :ids!
 * UNION ALL SELECT 'billing_profiles', count(*)::int FROM billing_profiles WHERE id::text IN :ids!
 * UNION ALL SELECT 'projects', count(*)::int FROM projects WHERE id::text IN :ids!
 * UNION ALL SELECT 'operators', count(*)::int FROM operators WHERE id::text IN :ids!
 * UNION ALL SELECT 'trees', count(*)::int FROM trees WHERE id::text IN :ids!
 * UNION ALL SELECT 'jobs', count(*)::int FROM jobs WHERE id::text IN :ids!
 * UNION ALL SELECT 'job_assignments', count(*)::int FROM job_assignments WHERE id::text IN :ids!
 * UNION ALL SELECT 'job_rounds', count(*)::int FROM job_rounds WHERE id::text IN :ids!
 * UNION ALL SELECT 'round_recordings', count(*)::int FROM round_recordings WHERE id::text IN :ids!
 * UNION ALL SELECT 'round_images', count(*)::int FROM round_images WHERE id::text IN :ids!
 * UNION ALL SELECT 'job_finals', count(*)::int FROM job_finals WHERE id::text IN :ids!
 * UNION ALL SELECT 'job_geojson_exports', count(*)::int FROM job_geojson_exports WHERE id::text IN :ids!
 * UNION ALL SELECT 'artifacts', count(*)::int FROM artifacts WHERE id::text IN :ids!
 * UNION ALL SELECT 'job_events', count(*)::int FROM job_events WHERE id::text IN :ids!
 * ```
 */
export const countImported = new PreparedQuery<ICountImportedParams,ICountImportedResult>(countImportedIR);


/** 'ListArtifactChecks' parameters type */
export interface IListArtifactChecksParams {
  paths: readonly (string)[];
}

/** 'ListArtifactChecks' return type */
export interface IListArtifactChecksResult {
  byte_size: number;
  path: string;
  sha256: string;
}

/** 'ListArtifactChecks' query type */
export interface IListArtifactChecksQuery {
  params: IListArtifactChecksParams;
  result: IListArtifactChecksResult;
}

const listArtifactChecksIR: any = {"usedParamSet":{"paths":true},"params":[{"name":"paths","required":true,"transform":{"type":"array_spread"},"locs":[{"a":202,"b":208},{"a":305,"b":311},{"a":427,"b":433}]}],"statement":"-- The sizes and hashes the target recorded for the given keys (artifacts index, recordings, photos).\nSELECT path AS \"path!\", byte_size AS \"byte_size!\", sha256 AS \"sha256!\" FROM artifacts WHERE path IN :paths!\nUNION ALL SELECT artifact_path, byte_size, sha256 FROM round_recordings WHERE artifact_path IN :paths! AND sha256 IS NOT NULL\nUNION ALL SELECT artifact_path, byte_size, sha256 FROM round_images WHERE artifact_path IN :paths! AND sha256 IS NOT NULL"};

/**
 * Query generated from SQL:
 * ```
 * -- The sizes and hashes the target recorded for the given keys (artifacts index, recordings, photos).
 * SELECT path AS "path!", byte_size AS "byte_size!", sha256 AS "sha256!" FROM artifacts WHERE path IN :paths!
 * UNION ALL SELECT artifact_path, byte_size, sha256 FROM round_recordings WHERE artifact_path IN :paths! AND sha256 IS NOT NULL
 * UNION ALL SELECT artifact_path, byte_size, sha256 FROM round_images WHERE artifact_path IN :paths! AND sha256 IS NOT NULL
 * ```
 */
export const listArtifactChecks = new PreparedQuery<IListArtifactChecksParams,IListArtifactChecksResult>(listArtifactChecksIR);


