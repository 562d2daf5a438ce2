/** Types generated for queries found in "queries/billing.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type job_status = 'ARCHIVED' | 'DRAFT' | 'FAILED' | 'NOT_STARTED' | 'REVIEW_RETURNED' | 'SUBMITTED_FOR_PROCESSING';

/** 'FindBillingExact' parameters type */
export interface IFindBillingExactParams {
  billingAddress?: string | null | void;
  billingContactName?: string | null | void;
  billingName?: string | null | void;
  contactPreference?: string | null | void;
}

/** 'FindBillingExact' return type */
export interface IFindBillingExactResult {
  /** Postal address for the letter; "street, city, state zip" by convention. */
  billing_address: string | null;
  /** Human code B0001, B0002, ... (at least four digits), allocated from runtime_counters. */
  billing_code: string;
  /** Person to contact about billing, if different. */
  billing_contact_name: string | null;
  /** Name the invoice and the report letter are addressed to. */
  billing_name: string | null;
  /** How the customer prefers to be contacted, free text (e.g. "text", "phone call"). */
  contact_preference: string | null;
  /** Internal key, also the billing_profile_id the API shows. */
  id: string;
}

/** 'FindBillingExact' query type */
export interface IFindBillingExactQuery {
  params: IFindBillingExactParams;
  result: IFindBillingExactResult;
}

const findBillingExactIR: any = {"usedParamSet":{"billingName":true,"billingContactName":true,"billingAddress":true,"contactPreference":true},"params":[{"name":"billingName","required":false,"transform":{"type":"scalar"},"locs":[{"a":404,"b":415},{"a":446,"b":457}]},{"name":"billingContactName","required":false,"transform":{"type":"scalar"},"locs":[{"a":506,"b":524},{"a":563,"b":581}]},{"name":"billingAddress","required":false,"transform":{"type":"scalar"},"locs":[{"a":643,"b":657}]},{"name":"contactPreference","required":false,"transform":{"type":"scalar"},"locs":[{"a":706,"b":723}]}],"statement":"-- Reuse rule of data-model §2: exact NULL-safe match on all four fields. The\n-- first two are spelled as = / IS NULL so ix_billing_profiles_identity serves them.\n-- KEY SHARE: the job about to point at it keeps it from being deleted or merged away meanwhile.\nSELECT id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference\n  FROM billing_profiles\n WHERE (billing_name = :billingName OR (billing_name IS NULL AND :billingName::text IS NULL))\n   AND (billing_contact_name = :billingContactName OR (billing_contact_name IS NULL AND :billingContactName::text IS NULL))\n   AND billing_address IS NOT DISTINCT FROM :billingAddress\n   AND contact_preference IS NOT DISTINCT FROM :contactPreference\n ORDER BY billing_code\n LIMIT 1\n   FOR KEY SHARE"};

/**
 * Query generated from SQL:
 * ```
 * -- Reuse rule of data-model §2: exact NULL-safe match on all four fields. The
 * -- first two are spelled as = / IS NULL so ix_billing_profiles_identity serves them.
 * -- KEY SHARE: the job about to point at it keeps it from being deleted or merged away meanwhile.
 * SELECT id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference
 *   FROM billing_profiles
 *  WHERE (billing_name = :billingName OR (billing_name IS NULL AND :billingName::text IS NULL))
 *    AND (billing_contact_name = :billingContactName OR (billing_contact_name IS NULL AND :billingContactName::text IS NULL))
 *    AND billing_address IS NOT DISTINCT FROM :billingAddress
 *    AND contact_preference IS NOT DISTINCT FROM :contactPreference
 *  ORDER BY billing_code
 *  LIMIT 1
 *    FOR KEY SHARE
 * ```
 */
export const findBillingExact = new PreparedQuery<IFindBillingExactParams,IFindBillingExactResult>(findBillingExactIR);


/** 'LockBillingName' parameters type */
export interface ILockBillingNameParams {
  billingName?: string | null | void;
}

/** 'LockBillingName' return type */
export interface ILockBillingNameResult {
  locked: undefined | null;
}

/** 'LockBillingName' query type */
export interface ILockBillingNameQuery {
  params: ILockBillingNameParams;
  result: ILockBillingNameResult;
}

const lockBillingNameIR: any = {"usedParamSet":{"billingName":true},"params":[{"name":"billingName","required":false,"transform":{"type":"scalar"},"locs":[{"a":172,"b":183}]}],"statement":"-- Serialises reuse-or-create of billing profiles with this name until the transaction ends.\nSELECT pg_advisory_xact_lock(hashtextextended('billing' || chr(31) || coalesce(:billingName, ''), 0)) AS \"locked\""};

/**
 * Query generated from SQL:
 * ```
 * -- Serialises reuse-or-create of billing profiles with this name until the transaction ends.
 * SELECT pg_advisory_xact_lock(hashtextextended('billing' || chr(31) || coalesce(:billingName, ''), 0)) AS "locked"
 * ```
 */
export const lockBillingName = new PreparedQuery<ILockBillingNameParams,ILockBillingNameResult>(lockBillingNameIR);


/** 'InsertBilling' parameters type */
export interface IInsertBillingParams {
  billingAddress?: string | null | void;
  billingContactName?: string | null | void;
  billingName?: string | null | void;
  code: string;
  contactPreference?: string | null | void;
}

/** 'InsertBilling' return type */
export interface IInsertBillingResult {
  /** Postal address for the letter; "street, city, state zip" by convention. */
  billing_address: string | null;
  /** Human code B0001, B0002, ... (at least four digits), allocated from runtime_counters. */
  billing_code: string;
  /** Person to contact about billing, if different. */
  billing_contact_name: string | null;
  /** Name the invoice and the report letter are addressed to. */
  billing_name: string | null;
  /** How the customer prefers to be contacted, free text (e.g. "text", "phone call"). */
  contact_preference: string | null;
  /** Internal key, also the billing_profile_id the API shows. */
  id: string;
}

/** 'InsertBilling' query type */
export interface IInsertBillingQuery {
  params: IInsertBillingParams;
  result: IInsertBillingResult;
}

const insertBillingIR: any = {"usedParamSet":{"code":true,"billingName":true,"billingContactName":true,"billingAddress":true,"contactPreference":true},"params":[{"name":"code","required":true,"transform":{"type":"scalar"},"locs":[{"a":125,"b":130}]},{"name":"billingName","required":false,"transform":{"type":"scalar"},"locs":[{"a":133,"b":144}]},{"name":"billingContactName","required":false,"transform":{"type":"scalar"},"locs":[{"a":147,"b":165}]},{"name":"billingAddress","required":false,"transform":{"type":"scalar"},"locs":[{"a":168,"b":182}]},{"name":"contactPreference","required":false,"transform":{"type":"scalar"},"locs":[{"a":185,"b":202}]}],"statement":"INSERT INTO billing_profiles (billing_code, billing_name, billing_contact_name, billing_address, contact_preference)\nVALUES (:code!, :billingName, :billingContactName, :billingAddress, :contactPreference)\nRETURNING id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO billing_profiles (billing_code, billing_name, billing_contact_name, billing_address, contact_preference)
 * VALUES (:code!, :billingName, :billingContactName, :billingAddress, :contactPreference)
 * RETURNING id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference
 * ```
 */
export const insertBilling = new PreparedQuery<IInsertBillingParams,IInsertBillingResult>(insertBillingIR);


/** 'FindBillingByRef' parameters type */
export interface IFindBillingByRefParams {
  ref: string;
}

/** 'FindBillingByRef' return type */
export interface IFindBillingByRefResult {
  /** Postal address for the letter; "street, city, state zip" by convention. */
  billing_address: string | null;
  /** Human code B0001, B0002, ... (at least four digits), allocated from runtime_counters. */
  billing_code: string;
  /** Person to contact about billing, if different. */
  billing_contact_name: string | null;
  /** Name the invoice and the report letter are addressed to. */
  billing_name: string | null;
  /** How the customer prefers to be contacted, free text (e.g. "text", "phone call"). */
  contact_preference: string | null;
  /** Internal key, also the billing_profile_id the API shows. */
  id: string;
}

/** 'FindBillingByRef' query type */
export interface IFindBillingByRefQuery {
  params: IFindBillingByRefParams;
  result: IFindBillingByRefResult;
}

const findBillingByRefIR: any = {"usedParamSet":{"ref":true},"params":[{"name":"ref","required":true,"transform":{"type":"scalar"},"locs":[{"a":139,"b":143},{"a":169,"b":173}]}],"statement":"SELECT id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference\n  FROM billing_profiles\n WHERE id::text = :ref! OR billing_code = upper(:ref!)\n LIMIT 1"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference
 *   FROM billing_profiles
 *  WHERE id::text = :ref! OR billing_code = upper(:ref!)
 *  LIMIT 1
 * ```
 */
export const findBillingByRef = new PreparedQuery<IFindBillingByRefParams,IFindBillingByRefResult>(findBillingByRefIR);


/** 'SearchBilling' parameters type */
export interface ISearchBillingParams {
  after?: string | null | void;
  limit?: number | null | void;
  search?: string | null | void;
}

/** 'SearchBilling' return type */
export interface ISearchBillingResult {
  /** Postal address for the letter; "street, city, state zip" by convention. */
  billing_address: string | null;
  /** Human code B0001, B0002, ... (at least four digits), allocated from runtime_counters. */
  billing_code: string;
  /** Person to contact about billing, if different. */
  billing_contact_name: string | null;
  /** Name the invoice and the report letter are addressed to. */
  billing_name: string | null;
  /** How the customer prefers to be contacted, free text (e.g. "text", "phone call"). */
  contact_preference: string | null;
  /** Internal key, also the billing_profile_id the API shows. */
  id: string;
}

/** 'SearchBilling' query type */
export interface ISearchBillingQuery {
  params: ISearchBillingParams;
  result: ISearchBillingResult;
}

const searchBillingIR: any = {"usedParamSet":{"search":true,"after":true,"limit":true},"params":[{"name":"search","required":false,"transform":{"type":"scalar"},"locs":[{"a":271,"b":277},{"a":330,"b":336},{"a":382,"b":388},{"a":442,"b":448},{"a":497,"b":503}]},{"name":"after","required":false,"transform":{"type":"scalar"},"locs":[{"a":521,"b":526},{"a":560,"b":565}]},{"name":"limit","required":false,"transform":{"type":"scalar"},"locs":[{"a":598,"b":603}]}],"statement":"-- Substring match on any of four columns (trigram indexes), in code order, one\n-- page: codes after :after, at most :limit rows (NULL: all).\nSELECT id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference\n  FROM billing_profiles\n WHERE (:search::text IS NULL\n        OR billing_code ILIKE '%' || :search || '%'\n        OR billing_name ILIKE '%' || :search || '%'\n        OR billing_contact_name ILIKE '%' || :search || '%'\n        OR billing_address ILIKE '%' || :search || '%')\n   AND (:after::text IS NULL OR billing_code > :after)\n ORDER BY billing_code\n LIMIT :limit::integer"};

/**
 * Query generated from SQL:
 * ```
 * -- Substring match on any of four columns (trigram indexes), in code order, one
 * -- page: codes after :after, at most :limit rows (NULL: all).
 * SELECT id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference
 *   FROM billing_profiles
 *  WHERE (:search::text IS NULL
 *         OR billing_code ILIKE '%' || :search || '%'
 *         OR billing_name ILIKE '%' || :search || '%'
 *         OR billing_contact_name ILIKE '%' || :search || '%'
 *         OR billing_address ILIKE '%' || :search || '%')
 *    AND (:after::text IS NULL OR billing_code > :after)
 *  ORDER BY billing_code
 *  LIMIT :limit::integer
 * ```
 */
export const searchBilling = new PreparedQuery<ISearchBillingParams,ISearchBillingResult>(searchBillingIR);


/** 'ListDuplicateBilling' parameters type */
export type IListDuplicateBillingParams = void;

/** 'ListDuplicateBilling' return type */
export interface IListDuplicateBillingResult {
  /** Postal address for the letter; "street, city, state zip" by convention. */
  billing_address: string | null;
  /** Human code B0001, B0002, ... (at least four digits), allocated from runtime_counters. */
  billing_code: string;
  /** Person to contact about billing, if different. */
  billing_contact_name: string | null;
  /** Name the invoice and the report letter are addressed to. */
  billing_name: string | null;
  /** How the customer prefers to be contacted, free text (e.g. "text", "phone call"). */
  contact_preference: string | null;
  /** Internal key, also the billing_profile_id the API shows. */
  id: string;
  normalized_billing_name: string;
}

/** 'ListDuplicateBilling' query type */
export interface IListDuplicateBillingQuery {
  params: IListDuplicateBillingParams;
  result: IListDuplicateBillingResult;
}

const listDuplicateBillingIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT lower(btrim(billing_name)) AS \"normalized_billing_name!\", id, billing_code, billing_name,\n       billing_contact_name, billing_address, contact_preference\n  FROM billing_profiles\n WHERE lower(btrim(billing_name)) IN\n       (SELECT lower(btrim(billing_name)) FROM billing_profiles WHERE billing_name IS NOT NULL GROUP BY 1 HAVING count(*) > 1)\n ORDER BY 1, billing_code"};

/**
 * Query generated from SQL:
 * ```
 * SELECT lower(btrim(billing_name)) AS "normalized_billing_name!", id, billing_code, billing_name,
 *        billing_contact_name, billing_address, contact_preference
 *   FROM billing_profiles
 *  WHERE lower(btrim(billing_name)) IN
 *        (SELECT lower(btrim(billing_name)) FROM billing_profiles WHERE billing_name IS NOT NULL GROUP BY 1 HAVING count(*) > 1)
 *  ORDER BY 1, billing_code
 * ```
 */
export const listDuplicateBilling = new PreparedQuery<IListDuplicateBillingParams,IListDuplicateBillingResult>(listDuplicateBillingIR);


/** 'UpdateBilling' parameters type */
export interface IUpdateBillingParams {
  billingAddress?: string | null | void;
  billingContactName?: string | null | void;
  billingName?: string | null | void;
  contactPreference?: string | null | void;
  id: string;
}

/** 'UpdateBilling' return type */
export interface IUpdateBillingResult {
  /** Postal address for the letter; "street, city, state zip" by convention. */
  billing_address: string | null;
  /** Human code B0001, B0002, ... (at least four digits), allocated from runtime_counters. */
  billing_code: string;
  /** Person to contact about billing, if different. */
  billing_contact_name: string | null;
  /** Name the invoice and the report letter are addressed to. */
  billing_name: string | null;
  /** How the customer prefers to be contacted, free text (e.g. "text", "phone call"). */
  contact_preference: string | null;
  /** Internal key, also the billing_profile_id the API shows. */
  id: string;
}

/** 'UpdateBilling' query type */
export interface IUpdateBillingQuery {
  params: IUpdateBillingParams;
  result: IUpdateBillingResult;
}

const updateBillingIR: any = {"usedParamSet":{"billingName":true,"billingContactName":true,"billingAddress":true,"contactPreference":true,"id":true},"params":[{"name":"billingName","required":false,"transform":{"type":"scalar"},"locs":[{"a":46,"b":57}]},{"name":"billingContactName","required":false,"transform":{"type":"scalar"},"locs":[{"a":83,"b":101}]},{"name":"billingAddress","required":false,"transform":{"type":"scalar"},"locs":[{"a":129,"b":143}]},{"name":"contactPreference","required":false,"transform":{"type":"scalar"},"locs":[{"a":167,"b":184}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":198,"b":201}]}],"statement":"UPDATE billing_profiles\n   SET billing_name = :billingName, billing_contact_name = :billingContactName,\n       billing_address = :billingAddress, contact_preference = :contactPreference\n WHERE id = :id!\nRETURNING id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE billing_profiles
 *    SET billing_name = :billingName, billing_contact_name = :billingContactName,
 *        billing_address = :billingAddress, contact_preference = :contactPreference
 *  WHERE id = :id!
 * RETURNING id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference
 * ```
 */
export const updateBilling = new PreparedQuery<IUpdateBillingParams,IUpdateBillingResult>(updateBillingIR);


/** 'DeleteBilling' parameters type */
export interface IDeleteBillingParams {
  id: string;
}

/** 'DeleteBilling' return type */
export type IDeleteBillingResult = void;

/** 'DeleteBilling' query type */
export interface IDeleteBillingQuery {
  params: IDeleteBillingParams;
  result: IDeleteBillingResult;
}

const deleteBillingIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":40,"b":43}]}],"statement":"DELETE FROM billing_profiles WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM billing_profiles WHERE id = :id!
 * ```
 */
export const deleteBilling = new PreparedQuery<IDeleteBillingParams,IDeleteBillingResult>(deleteBillingIR);


/** 'BillingJobs' parameters type */
export interface IBillingJobsParams {
  id: string;
}

/** 'BillingJobs' return type */
export interface IBillingJobsResult {
  /** Human code C0001, C0002, ... (at least four digits), allocated from runtime_counters. */
  customer_code: string | null;
  /** Customer name as the arborist entered it. */
  customer_name: string | null;
  /** Public id, job_<12 hex> when the server makes it; admins may choose their own. */
  job_id: string;
  /** Human number J0001, J0002, ... (J10000 after J9999), allocated from runtime_counters. */
  job_number: string;
  /** Workflow state of the job. */
  status: job_status;
  /** The tree's number within the customer, copied for fast reads; always equals trees.tree_number of tree_id. */
  tree_number: number | null;
}

/** 'BillingJobs' query type */
export interface IBillingJobsQuery {
  params: IBillingJobsParams;
  result: IBillingJobsResult;
}

const billingJobsIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":212,"b":215}]}],"statement":"SELECT j.job_number, j.job_id, c.customer_code AS \"customer_code?\", c.name AS \"customer_name?\", j.tree_number, j.status\n  FROM jobs j\n  LEFT JOIN customers c ON c.id = j.customer_id\n WHERE j.billing_profile_id = :id!\n ORDER BY j.job_number"};

/**
 * Query generated from SQL:
 * ```
 * SELECT j.job_number, j.job_id, c.customer_code AS "customer_code?", c.name AS "customer_name?", j.tree_number, j.status
 *   FROM jobs j
 *   LEFT JOIN customers c ON c.id = j.customer_id
 *  WHERE j.billing_profile_id = :id!
 *  ORDER BY j.job_number
 * ```
 */
export const billingJobs = new PreparedQuery<IBillingJobsParams,IBillingJobsResult>(billingJobsIR);


/** 'MoveBillingJobs' parameters type */
export interface IMoveBillingJobsParams {
  source: string;
  target: string;
}

/** 'MoveBillingJobs' return type */
export interface IMoveBillingJobsResult {
  /** Internal key. */
  id: string;
}

/** 'MoveBillingJobs' query type */
export interface IMoveBillingJobsQuery {
  params: IMoveBillingJobsParams;
  result: IMoveBillingJobsResult;
}

const moveBillingJobsIR: any = {"usedParamSet":{"target":true,"source":true},"params":[{"name":"target","required":true,"transform":{"type":"scalar"},"locs":[{"a":37,"b":44}]},{"name":"source","required":true,"transform":{"type":"scalar"},"locs":[{"a":73,"b":80}]}],"statement":"UPDATE jobs SET billing_profile_id = :target! WHERE billing_profile_id = :source! RETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE jobs SET billing_profile_id = :target! WHERE billing_profile_id = :source! RETURNING id
 * ```
 */
export const moveBillingJobs = new PreparedQuery<IMoveBillingJobsParams,IMoveBillingJobsResult>(moveBillingJobsIR);


/** 'LockBilling' parameters type */
export interface ILockBillingParams {
  id: string;
}

/** 'LockBilling' return type */
export interface ILockBillingResult {
  /** Internal key, also the billing_profile_id the API shows. */
  id: string;
}

/** 'LockBilling' query type */
export interface ILockBillingQuery {
  params: ILockBillingParams;
  result: ILockBillingResult;
}

const lockBillingIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":43,"b":46}]}],"statement":"SELECT id FROM billing_profiles WHERE id = :id! FOR UPDATE"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id FROM billing_profiles WHERE id = :id! FOR UPDATE
 * ```
 */
export const lockBilling = new PreparedQuery<ILockBillingParams,ILockBillingResult>(lockBillingIR);


