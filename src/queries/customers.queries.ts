/** Types generated for queries found in "queries/customers.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type job_status = 'ARCHIVED' | 'DRAFT' | 'FAILED' | 'NOT_STARTED' | 'REVIEW_RETURNED' | 'SUBMITTED_FOR_PROCESSING';

/** 'FindCustomerExact' parameters type */
export interface IFindCustomerExactParams {
  address?: string | null | void;
  name: string;
  phone?: string | null | void;
}

/** 'FindCustomerExact' return type */
export interface IFindCustomerExactResult {
  /** Customer address (the API calls it address). */
  address: string | null;
  /** Human code C0001, C0002, ... (at least four digits), allocated from runtime_counters. */
  customer_code: string;
  /** Internal key, also the customer_id the API shows. */
  id: string;
  /** Customer name as the arborist entered it. */
  name: string;
  /** Contact phone (the API calls it job_phone). */
  phone: string | null;
}

/** 'FindCustomerExact' query type */
export interface IFindCustomerExactQuery {
  params: IFindCustomerExactParams;
  result: IFindCustomerExactResult;
}

const findCustomerExactIR: any = {"usedParamSet":{"name":true,"phone":true,"address":true},"params":[{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":160,"b":165}]},{"name":"phone","required":false,"transform":{"type":"scalar"},"locs":[{"a":198,"b":203}]},{"name":"address","required":false,"transform":{"type":"scalar"},"locs":[{"a":238,"b":245}]}],"statement":"-- Reuse rule of data-model §2: exact match on (name, phone, address), NULL-safe.\nSELECT id, customer_code, name, phone, address\n  FROM customers\n WHERE name = :name! AND phone IS NOT DISTINCT FROM :phone AND address IS NOT DISTINCT FROM :address\n ORDER BY customer_code\n LIMIT 1"};

/**
 * Query generated from SQL:
 * ```
 * -- Reuse rule of data-model §2: exact match on (name, phone, address), NULL-safe.
 * SELECT id, customer_code, name, phone, address
 *   FROM customers
 *  WHERE name = :name! AND phone IS NOT DISTINCT FROM :phone AND address IS NOT DISTINCT FROM :address
 *  ORDER BY customer_code
 *  LIMIT 1
 * ```
 */
export const findCustomerExact = new PreparedQuery<IFindCustomerExactParams,IFindCustomerExactResult>(findCustomerExactIR);


/** 'LockCustomerName' parameters type */
export interface ILockCustomerNameParams {
  name: string;
}

/** 'LockCustomerName' return type */
export interface ILockCustomerNameResult {
  locked: undefined | null;
}

/** 'LockCustomerName' query type */
export interface ILockCustomerNameQuery {
  params: ILockCustomerNameParams;
  result: ILockCustomerNameResult;
}

const lockCustomerNameIR: any = {"usedParamSet":{"name":true},"params":[{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":224,"b":229}]}],"statement":"-- Serialises reuse-or-create of customers with this name (and nothing else)\n-- until the transaction ends, so two concurrent creates make one customer.\nSELECT pg_advisory_xact_lock(hashtextextended('customer' || chr(31) || :name!, 0)) AS \"locked\""};

/**
 * Query generated from SQL:
 * ```
 * -- Serialises reuse-or-create of customers with this name (and nothing else)
 * -- until the transaction ends, so two concurrent creates make one customer.
 * SELECT pg_advisory_xact_lock(hashtextextended('customer' || chr(31) || :name!, 0)) AS "locked"
 * ```
 */
export const lockCustomerName = new PreparedQuery<ILockCustomerNameParams,ILockCustomerNameResult>(lockCustomerNameIR);


/** 'InsertCustomer' parameters type */
export interface IInsertCustomerParams {
  address?: string | null | void;
  code: string;
  name: string;
  phone?: string | null | void;
}

/** 'InsertCustomer' return type */
export interface IInsertCustomerResult {
  /** Customer address (the API calls it address). */
  address: string | null;
  /** Human code C0001, C0002, ... (at least four digits), allocated from runtime_counters. */
  customer_code: string;
  /** Internal key, also the customer_id the API shows. */
  id: string;
  /** Customer name as the arborist entered it. */
  name: string;
  /** Contact phone (the API calls it job_phone). */
  phone: string | null;
}

/** 'InsertCustomer' query type */
export interface IInsertCustomerQuery {
  params: IInsertCustomerParams;
  result: IInsertCustomerResult;
}

const insertCustomerIR: any = {"usedParamSet":{"code":true,"name":true,"phone":true,"address":true},"params":[{"name":"code","required":true,"transform":{"type":"scalar"},"locs":[{"a":68,"b":73}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":76,"b":81}]},{"name":"phone","required":false,"transform":{"type":"scalar"},"locs":[{"a":84,"b":89}]},{"name":"address","required":false,"transform":{"type":"scalar"},"locs":[{"a":92,"b":99}]}],"statement":"INSERT INTO customers (customer_code, name, phone, address)\nVALUES (:code!, :name!, :phone, :address)\nRETURNING id, customer_code, name, phone, address"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO customers (customer_code, name, phone, address)
 * VALUES (:code!, :name!, :phone, :address)
 * RETURNING id, customer_code, name, phone, address
 * ```
 */
export const insertCustomer = new PreparedQuery<IInsertCustomerParams,IInsertCustomerResult>(insertCustomerIR);


/** 'FindCustomerByRef' parameters type */
export interface IFindCustomerByRefParams {
  ref: string;
}

/** 'FindCustomerByRef' return type */
export interface IFindCustomerByRefResult {
  /** Customer address (the API calls it address). */
  address: string | null;
  /** Human code C0001, C0002, ... (at least four digits), allocated from runtime_counters. */
  customer_code: string;
  /** Internal key, also the customer_id the API shows. */
  id: string;
  /** Customer name as the arborist entered it. */
  name: string;
  /** Contact phone (the API calls it job_phone). */
  phone: string | null;
}

/** 'FindCustomerByRef' query type */
export interface IFindCustomerByRefQuery {
  params: IFindCustomerByRefParams;
  result: IFindCustomerByRefResult;
}

const findCustomerByRefIR: any = {"usedParamSet":{"ref":true},"params":[{"name":"ref","required":true,"transform":{"type":"scalar"},"locs":[{"a":141,"b":145},{"a":172,"b":176}]}],"statement":"-- A ref is the UUID or the code (codes case-insensitive).\nSELECT id, customer_code, name, phone, address\n  FROM customers\n WHERE id::text = :ref! OR customer_code = upper(:ref!)\n LIMIT 1"};

/**
 * Query generated from SQL:
 * ```
 * -- A ref is the UUID or the code (codes case-insensitive).
 * SELECT id, customer_code, name, phone, address
 *   FROM customers
 *  WHERE id::text = :ref! OR customer_code = upper(:ref!)
 *  LIMIT 1
 * ```
 */
export const findCustomerByRef = new PreparedQuery<IFindCustomerByRefParams,IFindCustomerByRefResult>(findCustomerByRefIR);


/** 'LockCustomer' parameters type */
export interface ILockCustomerParams {
  id: string;
}

/** 'LockCustomer' return type */
export interface ILockCustomerResult {
  /** Internal key, also the customer_id the API shows. */
  id: string;
}

/** 'LockCustomer' query type */
export interface ILockCustomerQuery {
  params: ILockCustomerParams;
  result: ILockCustomerResult;
}

const lockCustomerIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":36,"b":39}]}],"statement":"SELECT id FROM customers WHERE id = :id! FOR UPDATE"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id FROM customers WHERE id = :id! FOR UPDATE
 * ```
 */
export const lockCustomer = new PreparedQuery<ILockCustomerParams,ILockCustomerResult>(lockCustomerIR);


/** 'SearchCustomers' parameters type */
export interface ISearchCustomersParams {
  after?: string | null | void;
  limit?: number | null | void;
  search?: string | null | void;
}

/** 'SearchCustomers' return type */
export interface ISearchCustomersResult {
  /** Customer address (the API calls it address). */
  address: string | null;
  /** Human code C0001, C0002, ... (at least four digits), allocated from runtime_counters. */
  customer_code: string;
  /** Internal key, also the customer_id the API shows. */
  id: string;
  /** Customer name as the arborist entered it. */
  name: string;
  /** Contact phone (the API calls it job_phone). */
  phone: string | null;
}

/** 'SearchCustomers' query type */
export interface ISearchCustomersQuery {
  params: ISearchCustomersParams;
  result: ISearchCustomersResult;
}

const searchCustomersIR: any = {"usedParamSet":{"search":true,"after":true,"limit":true},"params":[{"name":"search","required":false,"transform":{"type":"scalar"},"locs":[{"a":214,"b":220},{"a":274,"b":280},{"a":318,"b":324},{"a":363,"b":369},{"a":410,"b":416}]},{"name":"after","required":false,"transform":{"type":"scalar"},"locs":[{"a":434,"b":439},{"a":474,"b":479}]},{"name":"limit","required":false,"transform":{"type":"scalar"},"locs":[{"a":513,"b":518}]}],"statement":"-- Substring match on any of four columns (trigram indexes), in code order, one\n-- page: codes after :after, at most :limit rows (NULL: all).\nSELECT id, customer_code, name, phone, address\n  FROM customers\n WHERE (:search::text IS NULL\n        OR customer_code ILIKE '%' || :search || '%'\n        OR name ILIKE '%' || :search || '%'\n        OR phone ILIKE '%' || :search || '%'\n        OR address ILIKE '%' || :search || '%')\n   AND (:after::text IS NULL OR customer_code > :after)\n ORDER BY customer_code\n LIMIT :limit::integer"};

/**
 * Query generated from SQL:
 * ```
 * -- Substring match on any of four columns (trigram indexes), in code order, one
 * -- page: codes after :after, at most :limit rows (NULL: all).
 * SELECT id, customer_code, name, phone, address
 *   FROM customers
 *  WHERE (:search::text IS NULL
 *         OR customer_code ILIKE '%' || :search || '%'
 *         OR name ILIKE '%' || :search || '%'
 *         OR phone ILIKE '%' || :search || '%'
 *         OR address ILIKE '%' || :search || '%')
 *    AND (:after::text IS NULL OR customer_code > :after)
 *  ORDER BY customer_code
 *  LIMIT :limit::integer
 * ```
 */
export const searchCustomers = new PreparedQuery<ISearchCustomersParams,ISearchCustomersResult>(searchCustomersIR);


/** 'ListDuplicateCustomers' parameters type */
export type IListDuplicateCustomersParams = void;

/** 'ListDuplicateCustomers' return type */
export interface IListDuplicateCustomersResult {
  /** Customer address (the API calls it address). */
  address: string | null;
  /** Human code C0001, C0002, ... (at least four digits), allocated from runtime_counters. */
  customer_code: string;
  /** Internal key, also the customer_id the API shows. */
  id: string;
  /** Customer name as the arborist entered it. */
  name: string;
  normalized_name: string;
  /** Contact phone (the API calls it job_phone). */
  phone: string | null;
}

/** 'ListDuplicateCustomers' query type */
export interface IListDuplicateCustomersQuery {
  params: IListDuplicateCustomersParams;
  result: IListDuplicateCustomersResult;
}

const listDuplicateCustomersIR: any = {"usedParamSet":{},"params":[],"statement":"-- Customers whose trimmed, lower-cased name is shared with another customer.\nSELECT lower(btrim(name)) AS \"normalized_name!\", id, customer_code, name, phone, address\n  FROM customers\n WHERE lower(btrim(name)) IN (SELECT lower(btrim(name)) FROM customers GROUP BY 1 HAVING count(*) > 1)\n ORDER BY 1, customer_code"};

/**
 * Query generated from SQL:
 * ```
 * -- Customers whose trimmed, lower-cased name is shared with another customer.
 * SELECT lower(btrim(name)) AS "normalized_name!", id, customer_code, name, phone, address
 *   FROM customers
 *  WHERE lower(btrim(name)) IN (SELECT lower(btrim(name)) FROM customers GROUP BY 1 HAVING count(*) > 1)
 *  ORDER BY 1, customer_code
 * ```
 */
export const listDuplicateCustomers = new PreparedQuery<IListDuplicateCustomersParams,IListDuplicateCustomersResult>(listDuplicateCustomersIR);


/** 'UpdateCustomer' parameters type */
export interface IUpdateCustomerParams {
  address?: string | null | void;
  id: string;
  name: string;
  phone?: string | null | void;
}

/** 'UpdateCustomer' return type */
export interface IUpdateCustomerResult {
  /** Customer address (the API calls it address). */
  address: string | null;
  /** Human code C0001, C0002, ... (at least four digits), allocated from runtime_counters. */
  customer_code: string;
  /** Internal key, also the customer_id the API shows. */
  id: string;
  /** Customer name as the arborist entered it. */
  name: string;
  /** Contact phone (the API calls it job_phone). */
  phone: string | null;
}

/** 'UpdateCustomer' query type */
export interface IUpdateCustomerQuery {
  params: IUpdateCustomerParams;
  result: IUpdateCustomerResult;
}

const updateCustomerIR: any = {"usedParamSet":{"name":true,"phone":true,"address":true,"id":true},"params":[{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":28,"b":33}]},{"name":"phone","required":false,"transform":{"type":"scalar"},"locs":[{"a":44,"b":49}]},{"name":"address","required":false,"transform":{"type":"scalar"},"locs":[{"a":62,"b":69}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":83,"b":86}]}],"statement":"UPDATE customers SET name = :name!, phone = :phone, address = :address\n WHERE id = :id!\nRETURNING id, customer_code, name, phone, address"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE customers SET name = :name!, phone = :phone, address = :address
 *  WHERE id = :id!
 * RETURNING id, customer_code, name, phone, address
 * ```
 */
export const updateCustomer = new PreparedQuery<IUpdateCustomerParams,IUpdateCustomerResult>(updateCustomerIR);


/** 'DeleteCustomer' parameters type */
export interface IDeleteCustomerParams {
  id: string;
}

/** 'DeleteCustomer' return type */
export type IDeleteCustomerResult = void;

/** 'DeleteCustomer' query type */
export interface IDeleteCustomerQuery {
  params: IDeleteCustomerParams;
  result: IDeleteCustomerResult;
}

const deleteCustomerIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":33,"b":36}]}],"statement":"DELETE FROM customers WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM customers WHERE id = :id!
 * ```
 */
export const deleteCustomer = new PreparedQuery<IDeleteCustomerParams,IDeleteCustomerResult>(deleteCustomerIR);


/** 'CustomerUsage' parameters type */
export interface ICustomerUsageParams {
  id: string;
}

/** 'CustomerUsage' return type */
export interface ICustomerUsageResult {
  job_count: number;
  tree_count: number;
}

/** 'CustomerUsage' query type */
export interface ICustomerUsageQuery {
  params: ICustomerUsageParams;
  result: ICustomerUsageResult;
}

const customerUsageIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":54,"b":57},{"a":132,"b":135}]}],"statement":"SELECT (SELECT count(*) FROM jobs WHERE customer_id = :id!) AS \"job_count!\",\n       (SELECT count(*) FROM trees WHERE customer_id = :id!) AS \"tree_count!\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT (SELECT count(*) FROM jobs WHERE customer_id = :id!) AS "job_count!",
 *        (SELECT count(*) FROM trees WHERE customer_id = :id!) AS "tree_count!"
 * ```
 */
export const customerUsage = new PreparedQuery<ICustomerUsageParams,ICustomerUsageResult>(customerUsageIR);


/** 'CustomerJobs' parameters type */
export interface ICustomerJobsParams {
  id: string;
}

/** 'CustomerJobs' return type */
export interface ICustomerJobsResult {
  /** Human code B0001, B0002, ... (at least four digits), allocated from runtime_counters. */
  billing_code: string | null;
  /** Name the invoice and the report letter are addressed to. */
  billing_name: string | null;
  /** Public id, job_<12 hex> when the server makes it; admins may choose their own. */
  job_id: string;
  /** Human number J0001, J0002, ... (J10000 after J9999), allocated from runtime_counters. */
  job_number: string;
  /** Workflow state of the job. */
  status: job_status;
  /** The tree's number within the customer, copied for fast reads; always equals trees.tree_number of tree_id. */
  tree_number: number | null;
}

/** 'CustomerJobs' query type */
export interface ICustomerJobsQuery {
  params: ICustomerJobsParams;
  result: ICustomerJobsResult;
}

const customerJobsIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":224,"b":227}]}],"statement":"SELECT j.job_number, j.job_id, b.billing_code AS \"billing_code?\", b.billing_name AS \"billing_name?\", j.tree_number, j.status\n  FROM jobs j\n  LEFT JOIN billing_profiles b ON b.id = j.billing_profile_id\n WHERE j.customer_id = :id!\n ORDER BY j.job_number"};

/**
 * Query generated from SQL:
 * ```
 * SELECT j.job_number, j.job_id, b.billing_code AS "billing_code?", b.billing_name AS "billing_name?", j.tree_number, j.status
 *   FROM jobs j
 *   LEFT JOIN billing_profiles b ON b.id = j.billing_profile_id
 *  WHERE j.customer_id = :id!
 *  ORDER BY j.job_number
 * ```
 */
export const customerJobs = new PreparedQuery<ICustomerJobsParams,ICustomerJobsResult>(customerJobsIR);


/** 'RepointJobsToTargetTrees' parameters type */
export interface IRepointJobsToTargetTreesParams {
  source: string;
  target: string;
}

/** 'RepointJobsToTargetTrees' return type */
export type IRepointJobsToTargetTreesResult = void;

/** 'RepointJobsToTargetTrees' query type */
export interface IRepointJobsToTargetTreesQuery {
  params: IRepointJobsToTargetTreesParams;
  result: IRepointJobsToTargetTreesResult;
}

const repointJobsToTargetTreesIR: any = {"usedParamSet":{"target":true,"source":true},"params":[{"name":"target","required":true,"transform":{"type":"scalar"},"locs":[{"a":211,"b":218}]},{"name":"source","required":true,"transform":{"type":"scalar"},"locs":[{"a":280,"b":287}]}],"statement":"-- Merge: jobs on a source tree whose number the target already has move to the target's tree.\nUPDATE jobs j SET tree_id = tt.id, tree_number = tt.tree_number\n  FROM trees st\n  JOIN trees tt ON tt.customer_id = :target! AND tt.tree_number = st.tree_number\n WHERE st.customer_id = :source! AND j.tree_id = st.id"};

/**
 * Query generated from SQL:
 * ```
 * -- Merge: jobs on a source tree whose number the target already has move to the target's tree.
 * UPDATE jobs j SET tree_id = tt.id, tree_number = tt.tree_number
 *   FROM trees st
 *   JOIN trees tt ON tt.customer_id = :target! AND tt.tree_number = st.tree_number
 *  WHERE st.customer_id = :source! AND j.tree_id = st.id
 * ```
 */
export const repointJobsToTargetTrees = new PreparedQuery<IRepointJobsToTargetTreesParams,IRepointJobsToTargetTreesResult>(repointJobsToTargetTreesIR);


/** 'DeleteClashingSourceTrees' parameters type */
export interface IDeleteClashingSourceTreesParams {
  source: string;
  target: string;
}

/** 'DeleteClashingSourceTrees' return type */
export interface IDeleteClashingSourceTreesResult {
  /** Internal key. */
  id: string;
}

/** 'DeleteClashingSourceTrees' query type */
export interface IDeleteClashingSourceTreesQuery {
  params: IDeleteClashingSourceTreesParams;
  result: IDeleteClashingSourceTreesResult;
}

const deleteClashingSourceTreesIR: any = {"usedParamSet":{"source":true,"target":true},"params":[{"name":"source","required":true,"transform":{"type":"scalar"},"locs":[{"a":60,"b":67}]},{"name":"target","required":true,"transform":{"type":"scalar"},"locs":[{"a":90,"b":97}]}],"statement":"DELETE FROM trees st USING trees tt\n WHERE st.customer_id = :source! AND tt.customer_id = :target! AND tt.tree_number = st.tree_number\nRETURNING st.id"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM trees st USING trees tt
 *  WHERE st.customer_id = :source! AND tt.customer_id = :target! AND tt.tree_number = st.tree_number
 * RETURNING st.id
 * ```
 */
export const deleteClashingSourceTrees = new PreparedQuery<IDeleteClashingSourceTreesParams,IDeleteClashingSourceTreesResult>(deleteClashingSourceTreesIR);


/** 'MoveTrees' parameters type */
export interface IMoveTreesParams {
  source: string;
  target: string;
}

/** 'MoveTrees' return type */
export interface IMoveTreesResult {
  /** Internal key. */
  id: string;
}

/** 'MoveTrees' query type */
export interface IMoveTreesQuery {
  params: IMoveTreesParams;
  result: IMoveTreesResult;
}

const moveTreesIR: any = {"usedParamSet":{"target":true,"source":true},"params":[{"name":"target","required":true,"transform":{"type":"scalar"},"locs":[{"a":31,"b":38}]},{"name":"source","required":true,"transform":{"type":"scalar"},"locs":[{"a":60,"b":67}]}],"statement":"UPDATE trees SET customer_id = :target! WHERE customer_id = :source! RETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE trees SET customer_id = :target! WHERE customer_id = :source! RETURNING id
 * ```
 */
export const moveTrees = new PreparedQuery<IMoveTreesParams,IMoveTreesResult>(moveTreesIR);


/** 'MoveCustomerJobs' parameters type */
export interface IMoveCustomerJobsParams {
  source: string;
  target: string;
}

/** 'MoveCustomerJobs' return type */
export interface IMoveCustomerJobsResult {
  /** Internal key. */
  id: string;
}

/** 'MoveCustomerJobs' query type */
export interface IMoveCustomerJobsQuery {
  params: IMoveCustomerJobsParams;
  result: IMoveCustomerJobsResult;
}

const moveCustomerJobsIR: any = {"usedParamSet":{"target":true,"source":true},"params":[{"name":"target","required":true,"transform":{"type":"scalar"},"locs":[{"a":30,"b":37}]},{"name":"source","required":true,"transform":{"type":"scalar"},"locs":[{"a":59,"b":66}]}],"statement":"UPDATE jobs SET customer_id = :target! WHERE customer_id = :source! RETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE jobs SET customer_id = :target! WHERE customer_id = :source! RETURNING id
 * ```
 */
export const moveCustomerJobs = new PreparedQuery<IMoveCustomerJobsParams,IMoveCustomerJobsResult>(moveCustomerJobsIR);


/** 'LockCustomerJobs' parameters type */
export interface ILockCustomerJobsParams {
  source: string;
}

/** 'LockCustomerJobs' return type */
export interface ILockCustomerJobsResult {
  /** Internal key. */
  id: string;
}

/** 'LockCustomerJobs' query type */
export interface ILockCustomerJobsQuery {
  params: ILockCustomerJobsParams;
  result: ILockCustomerJobsResult;
}

const lockCustomerJobsIR: any = {"usedParamSet":{"source":true},"params":[{"name":"source","required":true,"transform":{"type":"scalar"},"locs":[{"a":147,"b":154},{"a":212,"b":219}]}],"statement":"-- Merge locks the affected jobs before the customer rows, the same order an admin job update takes them.\nSELECT id FROM jobs\n WHERE customer_id = :source! OR tree_id IN (SELECT id FROM trees WHERE customer_id = :source!)\n ORDER BY id\n FOR UPDATE"};

/**
 * Query generated from SQL:
 * ```
 * -- Merge locks the affected jobs before the customer rows, the same order an admin job update takes them.
 * SELECT id FROM jobs
 *  WHERE customer_id = :source! OR tree_id IN (SELECT id FROM trees WHERE customer_id = :source!)
 *  ORDER BY id
 *  FOR UPDATE
 * ```
 */
export const lockCustomerJobs = new PreparedQuery<ILockCustomerJobsParams,ILockCustomerJobsResult>(lockCustomerJobsIR);


