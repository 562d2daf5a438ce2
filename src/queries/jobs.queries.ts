/** Types generated for queries found in "queries/jobs.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type job_status = 'ARCHIVED' | 'DRAFT' | 'FAILED' | 'NOT_STARTED' | 'REVIEW_RETURNED' | 'SUBMITTED_FOR_PROCESSING';

export type round_status = 'DRAFT' | 'FAILED' | 'REVIEW_RETURNED' | 'SUBMITTED_FOR_PROCESSING';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'GetJobView' parameters type */
export interface IGetJobViewParams {
  jobPk: string;
}

/** 'GetJobView' return type */
export interface IGetJobViewResult {
  /** Customer address (the API calls it address). */
  address: string | null;
  /** Postal address for the letter; "street, city, state zip" by convention. */
  billing_address: string | null;
  /** Human code B0001, B0002, ... (at least four digits), allocated from runtime_counters. */
  billing_code: string | null;
  /** Person to contact about billing, if different. */
  billing_contact_name: string | null;
  /** Name the invoice and the report letter are addressed to. */
  billing_name: string | null;
  /** Internal key, also the billing_profile_id the API shows. */
  billing_profile_id: string | null;
  /** How the customer prefers to be contacted, free text (e.g. "text", "phone call"). */
  contact_preference: string | null;
  /** Human code C0001, C0002, ... (at least four digits), allocated from runtime_counters. */
  customer_code: string | null;
  /** Internal key, also the customer_id the API shows. */
  customer_id: string | null;
  /** Customer name as the arborist entered it. */
  customer_name: string | null;
  /** Internal key. */
  id: string;
  /** Job-site address. */
  job_address: string | null;
  /** Public id, job_<12 hex> when the server makes it; admins may choose their own. */
  job_id: string;
  /** Name of the job as the arborist entered it. */
  job_name: string | null;
  /** Human number J0001, J0002, ... (J10000 after J9999), allocated from runtime_counters. */
  job_number: string;
  /** Contact phone (the API calls it job_phone). */
  job_phone: string | null;
  /** The round the device works in now (round_<n>); NULL before the first round. */
  latest_round_id: string | null;
  /** Status of the latest round, mirrored here in the same transaction that changes the round. */
  latest_round_status: round_status | null;
  /** Where on the property the tree stands. */
  location_notes: string | null;
  /** Display name, unique (the API calls it project). */
  project: string | null;
  /** Public id, project_<12 hex> when the server makes it (imports may carry other project_<name> ids); shown by the API as project_id. */
  project_id: string | null;
  /** URL-safe lower-case name, unique (the API calls it project_slug). */
  project_slug: string | null;
  /** Why the assessment was requested. */
  reason: string | null;
  /** The review returned to the device: transcript, draft form, narrative, images, failures. */
  review_payload: Json | null;
  /** Revision of the review the server returned (rev_<round_id>_<review_revision>); NULL before the first review. */
  server_revision_id: string | null;
  /** Workflow state of the job. */
  status: job_status;
  /** The customer's tree this job assesses; kept in step with tree_number. */
  tree_id: string | null;
  /** The tree's number within the customer, copied for fast reads; always equals trees.tree_number of tree_id. */
  tree_number: number | null;
  /** Species as recorded for the job. */
  tree_species: string | null;
}

/** 'GetJobView' query type */
export interface IGetJobViewQuery {
  params: IGetJobViewParams;
  result: IGetJobViewResult;
}

const getJobViewIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":1209,"b":1215}]}],"statement":"-- The job read model: job columns joined with the live customer, billing,\n-- project and latest round rows (never a copy, so admin edits show at once).\nSELECT j.id, j.job_id, j.job_number, j.status, j.tree_number, j.tree_id,\n       j.job_name, j.job_address, j.reason, j.location_notes, j.tree_species,\n       j.latest_round_id, j.latest_round_status,\n       c.id AS \"customer_id?\", c.customer_code AS \"customer_code?\", c.name AS \"customer_name?\",\n       c.address AS \"address?\", c.phone AS \"job_phone?\",\n       b.id AS \"billing_profile_id?\", b.billing_code AS \"billing_code?\", b.billing_name AS \"billing_name?\",\n       b.billing_address AS \"billing_address?\", b.billing_contact_name AS \"billing_contact_name?\",\n       b.contact_preference AS \"contact_preference?\",\n       p.project_id AS \"project_id?\", p.name AS \"project?\", p.slug AS \"project_slug?\",\n       r.server_revision_id AS \"server_revision_id?\", r.review_payload AS \"review_payload?\"\n  FROM jobs j\n  LEFT JOIN customers c ON c.id = j.customer_id\n  LEFT JOIN billing_profiles b ON b.id = j.billing_profile_id\n  LEFT JOIN projects p ON p.id = j.project_id\n  LEFT JOIN job_rounds r ON r.job_id = j.id AND r.round_id = j.latest_round_id\n WHERE j.id = :jobPk!"};

/**
 * Query generated from SQL:
 * ```
 * -- The job read model: job columns joined with the live customer, billing,
 * -- project and latest round rows (never a copy, so admin edits show at once).
 * SELECT j.id, j.job_id, j.job_number, j.status, j.tree_number, j.tree_id,
 *        j.job_name, j.job_address, j.reason, j.location_notes, j.tree_species,
 *        j.latest_round_id, j.latest_round_status,
 *        c.id AS "customer_id?", c.customer_code AS "customer_code?", c.name AS "customer_name?",
 *        c.address AS "address?", c.phone AS "job_phone?",
 *        b.id AS "billing_profile_id?", b.billing_code AS "billing_code?", b.billing_name AS "billing_name?",
 *        b.billing_address AS "billing_address?", b.billing_contact_name AS "billing_contact_name?",
 *        b.contact_preference AS "contact_preference?",
 *        p.project_id AS "project_id?", p.name AS "project?", p.slug AS "project_slug?",
 *        r.server_revision_id AS "server_revision_id?", r.review_payload AS "review_payload?"
 *   FROM jobs j
 *   LEFT JOIN customers c ON c.id = j.customer_id
 *   LEFT JOIN billing_profiles b ON b.id = j.billing_profile_id
 *   LEFT JOIN projects p ON p.id = j.project_id
 *   LEFT JOIN job_rounds r ON r.job_id = j.id AND r.round_id = j.latest_round_id
 *  WHERE j.id = :jobPk!
 * ```
 */
export const getJobView = new PreparedQuery<IGetJobViewParams,IGetJobViewResult>(getJobViewIR);


/** 'ListAssignedJobViews' parameters type */
export interface IListAssignedJobViewsParams {
  devicePk?: string | null | void;
}

/** 'ListAssignedJobViews' return type */
export interface IListAssignedJobViewsResult {
  /** Customer address (the API calls it address). */
  address: string | null;
  /** Postal address for the letter; "street, city, state zip" by convention. */
  billing_address: string | null;
  /** Human code B0001, B0002, ... (at least four digits), allocated from runtime_counters. */
  billing_code: string | null;
  /** Person to contact about billing, if different. */
  billing_contact_name: string | null;
  /** Name the invoice and the report letter are addressed to. */
  billing_name: string | null;
  /** Internal key, also the billing_profile_id the API shows. */
  billing_profile_id: string | null;
  /** How the customer prefers to be contacted, free text (e.g. "text", "phone call"). */
  contact_preference: string | null;
  /** Human code C0001, C0002, ... (at least four digits), allocated from runtime_counters. */
  customer_code: string | null;
  /** Internal key, also the customer_id the API shows. */
  customer_id: string | null;
  /** Customer name as the arborist entered it. */
  customer_name: string | null;
  /** Internal key. */
  id: string;
  /** Job-site address. */
  job_address: string | null;
  /** Public id, job_<12 hex> when the server makes it; admins may choose their own. */
  job_id: string;
  /** Name of the job as the arborist entered it. */
  job_name: string | null;
  /** Human number J0001, J0002, ... (J10000 after J9999), allocated from runtime_counters. */
  job_number: string;
  /** Contact phone (the API calls it job_phone). */
  job_phone: string | null;
  /** The round the device works in now (round_<n>); NULL before the first round. */
  latest_round_id: string | null;
  /** Status of the latest round, mirrored here in the same transaction that changes the round. */
  latest_round_status: round_status | null;
  /** Where on the property the tree stands. */
  location_notes: string | null;
  /** Display name, unique (the API calls it project). */
  project: string | null;
  /** Public id, project_<12 hex> when the server makes it (imports may carry other project_<name> ids); shown by the API as project_id. */
  project_id: string | null;
  /** URL-safe lower-case name, unique (the API calls it project_slug). */
  project_slug: string | null;
  /** Why the assessment was requested. */
  reason: string | null;
  /** The review returned to the device: transcript, draft form, narrative, images, failures. */
  review_payload: Json | null;
  /** Revision of the review the server returned (rev_<round_id>_<review_revision>); NULL before the first review. */
  server_revision_id: string | null;
  /** Workflow state of the job. */
  status: job_status;
  /** The customer's tree this job assesses; kept in step with tree_number. */
  tree_id: string | null;
  /** The tree's number within the customer, copied for fast reads; always equals trees.tree_number of tree_id. */
  tree_number: number | null;
  /** Species as recorded for the job. */
  tree_species: string | null;
}

/** 'ListAssignedJobViews' query type */
export interface IListAssignedJobViewsQuery {
  params: IListAssignedJobViewsParams;
  result: IListAssignedJobViewsResult;
}

const listAssignedJobViewsIR: any = {"usedParamSet":{"devicePk":true},"params":[{"name":"devicePk","required":false,"transform":{"type":"scalar"},"locs":[{"a":1192,"b":1200},{"a":1233,"b":1241}]}],"statement":"-- Jobs with an assignment row (of one device, or all when devicePk is NULL), in assignment order.\nSELECT j.id, j.job_id, j.job_number, j.status, j.tree_number, j.tree_id,\n       j.job_name, j.job_address, j.reason, j.location_notes, j.tree_species,\n       j.latest_round_id, j.latest_round_status,\n       c.id AS \"customer_id?\", c.customer_code AS \"customer_code?\", c.name AS \"customer_name?\",\n       c.address AS \"address?\", c.phone AS \"job_phone?\",\n       b.id AS \"billing_profile_id?\", b.billing_code AS \"billing_code?\", b.billing_name AS \"billing_name?\",\n       b.billing_address AS \"billing_address?\", b.billing_contact_name AS \"billing_contact_name?\",\n       b.contact_preference AS \"contact_preference?\",\n       p.project_id AS \"project_id?\", p.name AS \"project?\", p.slug AS \"project_slug?\",\n       r.server_revision_id AS \"server_revision_id?\", r.review_payload AS \"review_payload?\"\n  FROM job_assignments a\n  JOIN jobs j ON j.id = a.job_id\n  LEFT JOIN customers c ON c.id = j.customer_id\n  LEFT JOIN billing_profiles b ON b.id = j.billing_profile_id\n  LEFT JOIN projects p ON p.id = j.project_id\n  LEFT JOIN job_rounds r ON r.job_id = j.id AND r.round_id = j.latest_round_id\n WHERE :devicePk::uuid IS NULL OR a.device_id = :devicePk\n ORDER BY a.assigned_at, j.job_number"};

/**
 * Query generated from SQL:
 * ```
 * -- Jobs with an assignment row (of one device, or all when devicePk is NULL), in assignment order.
 * SELECT j.id, j.job_id, j.job_number, j.status, j.tree_number, j.tree_id,
 *        j.job_name, j.job_address, j.reason, j.location_notes, j.tree_species,
 *        j.latest_round_id, j.latest_round_status,
 *        c.id AS "customer_id?", c.customer_code AS "customer_code?", c.name AS "customer_name?",
 *        c.address AS "address?", c.phone AS "job_phone?",
 *        b.id AS "billing_profile_id?", b.billing_code AS "billing_code?", b.billing_name AS "billing_name?",
 *        b.billing_address AS "billing_address?", b.billing_contact_name AS "billing_contact_name?",
 *        b.contact_preference AS "contact_preference?",
 *        p.project_id AS "project_id?", p.name AS "project?", p.slug AS "project_slug?",
 *        r.server_revision_id AS "server_revision_id?", r.review_payload AS "review_payload?"
 *   FROM job_assignments a
 *   JOIN jobs j ON j.id = a.job_id
 *   LEFT JOIN customers c ON c.id = j.customer_id
 *   LEFT JOIN billing_profiles b ON b.id = j.billing_profile_id
 *   LEFT JOIN projects p ON p.id = j.project_id
 *   LEFT JOIN job_rounds r ON r.job_id = j.id AND r.round_id = j.latest_round_id
 *  WHERE :devicePk::uuid IS NULL OR a.device_id = :devicePk
 *  ORDER BY a.assigned_at, j.job_number
 * ```
 */
export const listAssignedJobViews = new PreparedQuery<IListAssignedJobViewsParams,IListAssignedJobViewsResult>(listAssignedJobViewsIR);


/** 'FindJobByRef' parameters type */
export interface IFindJobByRefParams {
  ref: string;
}

/** 'FindJobByRef' return type */
export interface IFindJobByRefResult {
  /** Internal key. */
  id: string;
  /** Public id, job_<12 hex> when the server makes it; admins may choose their own. */
  job_id: string;
  /** Human number J0001, J0002, ... (J10000 after J9999), allocated from runtime_counters. */
  job_number: string;
  /** Workflow state of the job. */
  status: job_status;
}

/** 'FindJobByRef' query type */
export interface IFindJobByRefQuery {
  params: IFindJobByRefParams;
  result: IFindJobByRefResult;
}

const findJobByRefIR: any = {"usedParamSet":{"ref":true},"params":[{"name":"ref","required":true,"transform":{"type":"scalar"},"locs":[{"a":66,"b":70},{"a":94,"b":98},{"a":121,"b":125}]}],"statement":"SELECT id, job_id, job_number, status\n  FROM jobs\n WHERE job_id = :ref! OR job_number = upper(:ref!)\n ORDER BY (job_id = :ref!) DESC\n LIMIT 1"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, job_id, job_number, status
 *   FROM jobs
 *  WHERE job_id = :ref! OR job_number = upper(:ref!)
 *  ORDER BY (job_id = :ref!) DESC
 *  LIMIT 1
 * ```
 */
export const findJobByRef = new PreparedQuery<IFindJobByRefParams,IFindJobByRefResult>(findJobByRefIR);


/** 'JobIdOrNumberTaken' parameters type */
export interface IJobIdOrNumberTakenParams {
  jobId: string;
  jobNumber: string;
}

/** 'JobIdOrNumberTaken' return type */
export interface IJobIdOrNumberTakenResult {
  id_taken: boolean;
  number_taken: boolean;
}

/** 'JobIdOrNumberTaken' query type */
export interface IJobIdOrNumberTakenQuery {
  params: IJobIdOrNumberTakenParams;
  result: IJobIdOrNumberTakenResult;
}

const jobIdOrNumberTakenIR: any = {"usedParamSet":{"jobId":true,"jobNumber":true},"params":[{"name":"jobId","required":true,"transform":{"type":"scalar"},"locs":[{"a":16,"b":22},{"a":111,"b":117}]},{"name":"jobNumber","required":true,"transform":{"type":"scalar"},"locs":[{"a":53,"b":63},{"a":135,"b":145}]}],"statement":"SELECT job_id = :jobId! AS \"id_taken!\", job_number = :jobNumber! AS \"number_taken!\"\n  FROM jobs WHERE job_id = :jobId! OR job_number = :jobNumber!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT job_id = :jobId! AS "id_taken!", job_number = :jobNumber! AS "number_taken!"
 *   FROM jobs WHERE job_id = :jobId! OR job_number = :jobNumber!
 * ```
 */
export const jobIdOrNumberTaken = new PreparedQuery<IJobIdOrNumberTakenParams,IJobIdOrNumberTakenResult>(jobIdOrNumberTakenIR);


/** 'InsertJob' parameters type */
export interface IInsertJobParams {
  billingProfileId?: string | null | void;
  customerId?: string | null | void;
  jobAddress?: string | null | void;
  jobId: string;
  jobName?: string | null | void;
  jobNumber: string;
  locationNotes?: string | null | void;
  projectId?: string | null | void;
  reason?: string | null | void;
  status: job_status;
  treeId?: string | null | void;
  treeNumber?: number | null | void;
  treeSpecies?: string | null | void;
}

/** 'InsertJob' return type */
export interface IInsertJobResult {
  /** Internal key. */
  id: string;
}

/** 'InsertJob' query type */
export interface IInsertJobQuery {
  params: IInsertJobParams;
  result: IInsertJobResult;
}

const insertJobIR: any = {"usedParamSet":{"jobId":true,"jobNumber":true,"status":true,"customerId":true,"billingProfileId":true,"projectId":true,"treeId":true,"treeNumber":true,"jobName":true,"jobAddress":true,"reason":true,"locationNotes":true,"treeSpecies":true},"params":[{"name":"jobId","required":true,"transform":{"type":"scalar"},"locs":[{"a":200,"b":206}]},{"name":"jobNumber","required":true,"transform":{"type":"scalar"},"locs":[{"a":209,"b":219}]},{"name":"status","required":true,"transform":{"type":"scalar"},"locs":[{"a":222,"b":229}]},{"name":"customerId","required":false,"transform":{"type":"scalar"},"locs":[{"a":232,"b":242}]},{"name":"billingProfileId","required":false,"transform":{"type":"scalar"},"locs":[{"a":245,"b":261}]},{"name":"projectId","required":false,"transform":{"type":"scalar"},"locs":[{"a":264,"b":273}]},{"name":"treeId","required":false,"transform":{"type":"scalar"},"locs":[{"a":276,"b":282}]},{"name":"treeNumber","required":false,"transform":{"type":"scalar"},"locs":[{"a":285,"b":295}]},{"name":"jobName","required":false,"transform":{"type":"scalar"},"locs":[{"a":306,"b":313}]},{"name":"jobAddress","required":false,"transform":{"type":"scalar"},"locs":[{"a":316,"b":326}]},{"name":"reason","required":false,"transform":{"type":"scalar"},"locs":[{"a":329,"b":335}]},{"name":"locationNotes","required":false,"transform":{"type":"scalar"},"locs":[{"a":338,"b":351}]},{"name":"treeSpecies","required":false,"transform":{"type":"scalar"},"locs":[{"a":354,"b":365}]}],"statement":"INSERT INTO jobs (job_id, job_number, status, customer_id, billing_profile_id, project_id, tree_id, tree_number,\n                  job_name, job_address, reason, location_notes, tree_species)\nVALUES (:jobId!, :jobNumber!, :status!, :customerId, :billingProfileId, :projectId, :treeId, :treeNumber,\n        :jobName, :jobAddress, :reason, :locationNotes, :treeSpecies)\nRETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO jobs (job_id, job_number, status, customer_id, billing_profile_id, project_id, tree_id, tree_number,
 *                   job_name, job_address, reason, location_notes, tree_species)
 * VALUES (:jobId!, :jobNumber!, :status!, :customerId, :billingProfileId, :projectId, :treeId, :treeNumber,
 *         :jobName, :jobAddress, :reason, :locationNotes, :treeSpecies)
 * RETURNING id
 * ```
 */
export const insertJob = new PreparedQuery<IInsertJobParams,IInsertJobResult>(insertJobIR);


/** 'UpdateJobFields' parameters type */
export interface IUpdateJobFieldsParams {
  billingProfileId?: string | null | void;
  customerId?: string | null | void;
  id: string;
  jobAddress?: string | null | void;
  jobName?: string | null | void;
  locationNotes?: string | null | void;
  projectId?: string | null | void;
  reason?: string | null | void;
  status: job_status;
  treeId?: string | null | void;
  treeNumber?: number | null | void;
  treeSpecies?: string | null | void;
}

/** 'UpdateJobFields' return type */
export type IUpdateJobFieldsResult = void;

/** 'UpdateJobFields' query type */
export interface IUpdateJobFieldsQuery {
  params: IUpdateJobFieldsParams;
  result: IUpdateJobFieldsResult;
}

const updateJobFieldsIR: any = {"usedParamSet":{"status":true,"customerId":true,"billingProfileId":true,"projectId":true,"treeId":true,"treeNumber":true,"jobName":true,"jobAddress":true,"reason":true,"locationNotes":true,"treeSpecies":true,"id":true},"params":[{"name":"status","required":true,"transform":{"type":"scalar"},"locs":[{"a":117,"b":124}]},{"name":"customerId","required":false,"transform":{"type":"scalar"},"locs":[{"a":141,"b":151}]},{"name":"billingProfileId","required":false,"transform":{"type":"scalar"},"locs":[{"a":175,"b":191}]},{"name":"projectId","required":false,"transform":{"type":"scalar"},"locs":[{"a":207,"b":216}]},{"name":"treeId","required":false,"transform":{"type":"scalar"},"locs":[{"a":236,"b":242}]},{"name":"treeNumber","required":false,"transform":{"type":"scalar"},"locs":[{"a":259,"b":269}]},{"name":"jobName","required":false,"transform":{"type":"scalar"},"locs":[{"a":283,"b":290}]},{"name":"jobAddress","required":false,"transform":{"type":"scalar"},"locs":[{"a":307,"b":317}]},{"name":"reason","required":false,"transform":{"type":"scalar"},"locs":[{"a":336,"b":342}]},{"name":"locationNotes","required":false,"transform":{"type":"scalar"},"locs":[{"a":362,"b":375}]},{"name":"treeSpecies","required":false,"transform":{"type":"scalar"},"locs":[{"a":393,"b":404}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":418,"b":421}]}],"statement":"-- Writes the whole editable set; callers pass the current value for anything unchanged.\nUPDATE jobs\n   SET status = :status!, customer_id = :customerId, billing_profile_id = :billingProfileId, project_id = :projectId,\n       tree_id = :treeId, tree_number = :treeNumber, job_name = :jobName, job_address = :jobAddress,\n       reason = :reason, location_notes = :locationNotes, tree_species = :treeSpecies\n WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * -- Writes the whole editable set; callers pass the current value for anything unchanged.
 * UPDATE jobs
 *    SET status = :status!, customer_id = :customerId, billing_profile_id = :billingProfileId, project_id = :projectId,
 *        tree_id = :treeId, tree_number = :treeNumber, job_name = :jobName, job_address = :jobAddress,
 *        reason = :reason, location_notes = :locationNotes, tree_species = :treeSpecies
 *  WHERE id = :id!
 * ```
 */
export const updateJobFields = new PreparedQuery<IUpdateJobFieldsParams,IUpdateJobFieldsResult>(updateJobFieldsIR);


/** 'LockJobFields' parameters type */
export interface ILockJobFieldsParams {
  id: string;
}

/** 'LockJobFields' return type */
export interface ILockJobFieldsResult {
  /** Who pays; NULL when the job was created without billing details. */
  billing_profile_id: string | null;
  /** Customer whose tree is assessed. */
  customer_id: string | null;
  /** Internal key. */
  id: string;
  /** Job-site address. */
  job_address: string | null;
  /** Public id, job_<12 hex> when the server makes it; admins may choose their own. */
  job_id: string;
  /** Name of the job as the arborist entered it. */
  job_name: string | null;
  /** Human number J0001, J0002, ... (J10000 after J9999), allocated from runtime_counters. */
  job_number: string;
  /** The round the device works in now (round_<n>); NULL before the first round. */
  latest_round_id: string | null;
  /** Status of the latest round, mirrored here in the same transaction that changes the round. */
  latest_round_status: round_status | null;
  /** Where on the property the tree stands. */
  location_notes: string | null;
  /** Optional project grouping. */
  project_id: string | null;
  /** Why the assessment was requested. */
  reason: string | null;
  /** Workflow state of the job. */
  status: job_status;
  /** The customer's tree this job assesses; kept in step with tree_number. */
  tree_id: string | null;
  /** The tree's number within the customer, copied for fast reads; always equals trees.tree_number of tree_id. */
  tree_number: number | null;
  /** Species as recorded for the job. */
  tree_species: string | null;
}

/** 'LockJobFields' query type */
export interface ILockJobFieldsQuery {
  params: ILockJobFieldsParams;
  result: ILockJobFieldsResult;
}

const lockJobFieldsIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":234,"b":237}]}],"statement":"SELECT id, job_id, job_number, status, customer_id, billing_profile_id, project_id, tree_id, tree_number,\n       job_name, job_address, reason, location_notes, tree_species, latest_round_id, latest_round_status\n  FROM jobs WHERE id = :id! FOR UPDATE"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, job_id, job_number, status, customer_id, billing_profile_id, project_id, tree_id, tree_number,
 *        job_name, job_address, reason, location_notes, tree_species, latest_round_id, latest_round_status
 *   FROM jobs WHERE id = :id! FOR UPDATE
 * ```
 */
export const lockJobFields = new PreparedQuery<ILockJobFieldsParams,ILockJobFieldsResult>(lockJobFieldsIR);


/** 'SetJobState' parameters type */
export interface ISetJobStateParams {
  id: string;
  latestRoundId?: string | null | void;
  latestRoundStatus?: round_status | null | void;
  status: job_status;
}

/** 'SetJobState' return type */
export type ISetJobStateResult = void;

/** 'SetJobState' query type */
export interface ISetJobStateQuery {
  params: ISetJobStateParams;
  result: ISetJobStateResult;
}

const setJobStateIR: any = {"usedParamSet":{"status":true,"latestRoundId":true,"latestRoundStatus":true,"id":true},"params":[{"name":"status","required":true,"transform":{"type":"scalar"},"locs":[{"a":25,"b":32}]},{"name":"latestRoundId","required":false,"transform":{"type":"scalar"},"locs":[{"a":53,"b":66}]},{"name":"latestRoundStatus","required":false,"transform":{"type":"scalar"},"locs":[{"a":91,"b":108}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":122,"b":125}]}],"statement":"UPDATE jobs SET status = :status!, latest_round_id = :latestRoundId, latest_round_status = :latestRoundStatus\n WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE jobs SET status = :status!, latest_round_id = :latestRoundId, latest_round_status = :latestRoundStatus
 *  WHERE id = :id!
 * ```
 */
export const setJobState = new PreparedQuery<ISetJobStateParams,ISetJobStateResult>(setJobStateIR);


/** 'FindRound' parameters type */
export interface IFindRoundParams {
  jobPk: string;
  roundId: string;
}

/** 'FindRound' return type */
export interface IFindRoundResult {
  /** Internal key; media and artifacts reference it as round_pk. */
  id: string;
  /** Public round id, always round_<round_number>. */
  round_id: string;
  /** Workflow state of the round. */
  status: round_status;
}

/** 'FindRound' query type */
export interface IFindRoundQuery {
  params: IFindRoundParams;
  result: IFindRoundResult;
}

const findRoundIR: any = {"usedParamSet":{"jobPk":true,"roundId":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":59,"b":65}]},{"name":"roundId","required":true,"transform":{"type":"scalar"},"locs":[{"a":82,"b":90}]}],"statement":"SELECT id, round_id, status FROM job_rounds WHERE job_id = :jobPk! AND round_id = :roundId! FOR UPDATE"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, round_id, status FROM job_rounds WHERE job_id = :jobPk! AND round_id = :roundId! FOR UPDATE
 * ```
 */
export const findRound = new PreparedQuery<IFindRoundParams,IFindRoundResult>(findRoundIR);


/** 'SetRoundStatus' parameters type */
export interface ISetRoundStatusParams {
  id: string;
  reason: string;
  status: round_status;
}

/** 'SetRoundStatus' return type */
export type ISetRoundStatusResult = void;

/** 'SetRoundStatus' query type */
export interface ISetRoundStatusQuery {
  params: ISetRoundStatusParams;
  result: ISetRoundStatusResult;
}

const setRoundStatusIR: any = {"usedParamSet":{"status":true,"reason":true,"id":true},"params":[{"name":"status","required":true,"transform":{"type":"scalar"},"locs":[{"a":107,"b":114},{"a":165,"b":172}]},{"name":"reason","required":true,"transform":{"type":"scalar"},"locs":[{"a":229,"b":236}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":275,"b":278}]}],"statement":"-- A FAILED round must carry a reason (ck_job_rounds_failed_has_reason).\nUPDATE job_rounds\n   SET status = :status!::round_status,\n       failure_reason = CASE WHEN :status!::round_status = 'FAILED' THEN COALESCE(failure_reason, :reason!) ELSE failure_reason END\n WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * -- A FAILED round must carry a reason (ck_job_rounds_failed_has_reason).
 * UPDATE job_rounds
 *    SET status = :status!::round_status,
 *        failure_reason = CASE WHEN :status!::round_status = 'FAILED' THEN COALESCE(failure_reason, :reason!) ELSE failure_reason END
 *  WHERE id = :id!
 * ```
 */
export const setRoundStatus = new PreparedQuery<ISetRoundStatusParams,ISetRoundStatusResult>(setRoundStatusIR);


/** 'InsertDeviceJob' parameters type */
export interface IInsertDeviceJobParams {
  actor: string;
  actorDevicePk?: string | null | void;
  assignDeviceId?: string | null | void;
  assignDevicePk?: string | null | void;
  billingAddress?: string | null | void;
  billingContactName?: string | null | void;
  billingId?: string | null | void;
  billingName?: string | null | void;
  contactPreference?: string | null | void;
  customerAddress?: string | null | void;
  customerId?: string | null | void;
  customerName: string;
  customerPhone?: string | null | void;
  jobAddress?: string | null | void;
  jobId: string;
  jobName?: string | null | void;
  locationNotes?: string | null | void;
  newBilling: boolean;
  projectId?: string | null | void;
  projectPk?: string | null | void;
  treeId?: string | null | void;
  treeNumber: number;
}

/** 'InsertDeviceJob' return type */
export interface IInsertDeviceJobResult {
  address: string | null;
  billing_address: string | null;
  billing_code: string | null;
  billing_contact_name: string | null;
  billing_name: string | null;
  contact_preference: string | null;
  customer_code: string | null;
  customer_name: string | null;
  events: number;
  /** Internal key. */
  id: string;
  /** Job-site address. */
  job_address: string | null;
  /** Public id, job_<12 hex> when the server makes it; admins may choose their own. */
  job_id: string;
  /** Name of the job as the arborist entered it. */
  job_name: string | null;
  /** Human number J0001, J0002, ... (J10000 after J9999), allocated from runtime_counters. */
  job_number: string;
  job_phone: string | null;
  /** Where on the property the tree stands. */
  location_notes: string | null;
  /** Workflow state of the job. */
  status: job_status;
  /** The tree's number within the customer, copied for fast reads; always equals trees.tree_number of tree_id. */
  tree_number: number | null;
}

/** 'InsertDeviceJob' query type */
export interface IInsertDeviceJobQuery {
  params: IInsertDeviceJobParams;
  result: IInsertDeviceJobResult;
}

const insertDeviceJobIR: any = {"usedParamSet":{"customerId":true,"newBilling":true,"customerName":true,"customerPhone":true,"customerAddress":true,"treeNumber":true,"treeId":true,"billingName":true,"billingContactName":true,"billingAddress":true,"contactPreference":true,"billingId":true,"jobId":true,"projectPk":true,"jobName":true,"jobAddress":true,"locationNotes":true,"actorDevicePk":true,"actor":true,"projectId":true,"assignDevicePk":true,"assignDeviceId":true},"params":[{"name":"customerId","required":false,"transform":{"type":"scalar"},"locs":[{"a":652,"b":662},{"a":1827,"b":1837}]},{"name":"newBilling","required":true,"transform":{"type":"scalar"},"locs":[{"a":722,"b":733}]},{"name":"customerName","required":true,"transform":{"type":"scalar"},"locs":[{"a":1507,"b":1520}]},{"name":"customerPhone","required":false,"transform":{"type":"scalar"},"locs":[{"a":1523,"b":1536}]},{"name":"customerAddress","required":false,"transform":{"type":"scalar"},"locs":[{"a":1539,"b":1554}]},{"name":"treeNumber","required":true,"transform":{"type":"scalar"},"locs":[{"a":1920,"b":1931}]},{"name":"treeId","required":false,"transform":{"type":"scalar"},"locs":[{"a":2099,"b":2105}]},{"name":"billingName","required":false,"transform":{"type":"scalar"},"locs":[{"a":2276,"b":2287}]},{"name":"billingContactName","required":false,"transform":{"type":"scalar"},"locs":[{"a":2290,"b":2308}]},{"name":"billingAddress","required":false,"transform":{"type":"scalar"},"locs":[{"a":2311,"b":2325}]},{"name":"contactPreference","required":false,"transform":{"type":"scalar"},"locs":[{"a":2328,"b":2345}]},{"name":"billingId","required":false,"transform":{"type":"scalar"},"locs":[{"a":2772,"b":2781}]},{"name":"jobId","required":true,"transform":{"type":"scalar"},"locs":[{"a":2964,"b":2970}]},{"name":"projectPk","required":false,"transform":{"type":"scalar"},"locs":[{"a":3011,"b":3020}]},{"name":"jobName","required":false,"transform":{"type":"scalar"},"locs":[{"a":3050,"b":3057}]},{"name":"jobAddress","required":false,"transform":{"type":"scalar"},"locs":[{"a":3060,"b":3070}]},{"name":"locationNotes","required":false,"transform":{"type":"scalar"},"locs":[{"a":3073,"b":3086}]},{"name":"actorDevicePk","required":false,"transform":{"type":"scalar"},"locs":[{"a":3442,"b":3455}]},{"name":"actor","required":true,"transform":{"type":"scalar"},"locs":[{"a":3479,"b":3485},{"a":4163,"b":4169}]},{"name":"projectId","required":false,"transform":{"type":"scalar"},"locs":[{"a":3652,"b":3661}]},{"name":"assignDevicePk","required":false,"transform":{"type":"scalar"},"locs":[{"a":3899,"b":3913},{"a":3946,"b":3960}]},{"name":"assignDeviceId","required":false,"transform":{"type":"scalar"},"locs":[{"a":4213,"b":4227}]}],"statement":"-- The last statement of a device job create (api.md §2.5.1): every code it\n-- needs (a new customer's C, a new billing profile's B, the job's J) is\n-- allocated here, with the rows that carry them, the job_created and\n-- job_assigned audit rows and the auto-assignment. The counter rows are locked\n-- in key order (no deadlock between two creates) and stay locked only from\n-- this statement to COMMIT. Everything else (reuse lookups, the tree of an\n-- existing customer) was done before, under no global lock.\nWITH locked AS (\n  SELECT counter_key FROM runtime_counters\n   WHERE counter_key = 'job_number'\n      OR (counter_key = 'customer_code' AND :customerId::uuid IS NULL)\n      OR (counter_key = 'billing_code' AND :newBilling!::boolean)\n   ORDER BY counter_key\n   FOR UPDATE\n), bumped AS (\n  UPDATE runtime_counters r\n     SET current_value = GREATEST(r.current_value, CASE r.counter_key\n           WHEN 'job_number' THEN (SELECT max(substring(job_number FROM 2)::numeric) FROM jobs)\n           WHEN 'customer_code' THEN (SELECT max(substring(customer_code FROM 2)::numeric) FROM customers)\n           WHEN 'billing_code' THEN (SELECT max(substring(billing_code FROM 2)::numeric) FROM billing_profiles)\n         END) + 1\n    FROM locked l\n   WHERE r.counter_key = l.counter_key\n  RETURNING r.counter_key, lpad(r.current_value::text, greatest(4, length(r.current_value::text)), '0') AS digits\n), new_customer AS (\n  INSERT INTO customers (customer_code, name, phone, address)\n  SELECT 'C' || digits, :customerName!, :customerPhone, :customerAddress FROM bumped WHERE counter_key = 'customer_code'\n  RETURNING id, customer_code, name, phone, address\n), customer AS (\n  SELECT id, customer_code, name, phone, address FROM new_customer\n  UNION ALL\n  SELECT id, customer_code, name, phone, address FROM customers WHERE id = :customerId::uuid\n), new_tree AS (\n  INSERT INTO trees (customer_id, tree_number) SELECT id, :treeNumber!::integer FROM new_customer\n  RETURNING id, tree_number\n), tree AS (\n  SELECT id, tree_number FROM new_tree\n  UNION ALL\n  SELECT id, tree_number FROM trees WHERE id = :treeId::uuid\n), new_billing AS (\n  INSERT INTO billing_profiles (billing_code, billing_name, billing_contact_name, billing_address, contact_preference)\n  SELECT 'B' || digits, :billingName, :billingContactName, :billingAddress, :contactPreference FROM bumped WHERE counter_key = 'billing_code'\n  RETURNING id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference\n), billing AS (\n  SELECT id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference FROM new_billing\n  UNION ALL\n  SELECT id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference FROM billing_profiles WHERE id = :billingId::uuid\n), job AS (\n  INSERT INTO jobs (job_id, job_number, status, customer_id, billing_profile_id, project_id, tree_id, tree_number, job_name, job_address, location_notes)\n  SELECT :jobId!, 'J' || n.digits, 'DRAFT', c.id, b.id, :projectPk::uuid, t.id, t.tree_number, :jobName, :jobAddress, :locationNotes\n    FROM bumped n\n    JOIN customer c ON true\n    JOIN tree t ON true\n    LEFT JOIN billing b ON true\n   WHERE n.counter_key = 'job_number'\n  RETURNING id, job_id, job_number, status, tree_number, job_name, job_address, location_notes\n), created_event AS (\n  INSERT INTO job_events (job_id, device_id, event_type, actor_identity, payload)\n  SELECT j.id, :actorDevicePk::uuid, 'job_created', :actor!,\n         jsonb_build_object('job_number', j.job_number, 'customer_code', c.customer_code, 'billing_code', b.billing_code,\n                            'project_id', :projectId::text, 'tree_number', j.tree_number, 'source', 'device')\n    FROM job j JOIN customer c ON true LEFT JOIN billing b ON true\n  RETURNING id\n), assignment AS (\n  INSERT INTO job_assignments (job_id, device_id, assigned_by)\n  SELECT j.id, :assignDevicePk::uuid, 'auto' FROM job j WHERE :assignDevicePk::uuid IS NOT NULL\n  RETURNING job_id, device_id\n), assigned_event AS (\n  INSERT INTO job_events (job_id, device_id, event_type, actor_identity, payload)\n  SELECT a.job_id, a.device_id, 'job_assigned', :actor!,\n         jsonb_build_object('device_id', :assignDeviceId::text, 'previous_device_id', NULL, 'assigned_by', 'auto')\n    FROM assignment a\n  RETURNING id\n)\nSELECT j.id, j.job_id, j.job_number, j.status, j.tree_number, j.job_name, j.job_address, j.location_notes,\n       c.customer_code, c.name AS customer_name, c.address, c.phone AS job_phone,\n       b.billing_code AS \"billing_code?\", b.billing_name AS \"billing_name?\", b.billing_address AS \"billing_address?\",\n       b.billing_contact_name AS \"billing_contact_name?\", b.contact_preference AS \"contact_preference?\",\n       (SELECT count(*) FROM created_event) + (SELECT count(*) FROM assigned_event) AS \"events!\"\n  FROM job j JOIN customer c ON true LEFT JOIN billing b ON true"};

/**
 * Query generated from SQL:
 * ```
 * -- The last statement of a device job create (api.md §2.5.1): every code it
 * -- needs (a new customer's C, a new billing profile's B, the job's J) is
 * -- allocated here, with the rows that carry them, the job_created and
 * -- job_assigned audit rows and the auto-assignment. The counter rows are locked
 * -- in key order (no deadlock between two creates) and stay locked only from
 * -- this statement to COMMIT. Everything else (reuse lookups, the tree of an
 * -- existing customer) was done before, under no global lock.
 * WITH locked AS (
 *   SELECT counter_key FROM runtime_counters
 *    WHERE counter_key = 'job_number'
 *       OR (counter_key = 'customer_code' AND :customerId::uuid IS NULL)
 *       OR (counter_key = 'billing_code' AND :newBilling!::boolean)
 *    ORDER BY counter_key
 *    FOR UPDATE
 * ), bumped AS (
 *   UPDATE runtime_counters r
 *      SET current_value = GREATEST(r.current_value, CASE r.counter_key
 *            WHEN 'job_number' THEN (SELECT max(substring(job_number FROM 2)::numeric) FROM jobs)
 *            WHEN 'customer_code' THEN (SELECT max(substring(customer_code FROM 2)::numeric) FROM customers)
 *            WHEN 'billing_code' THEN (SELECT max(substring(billing_code FROM 2)::numeric) FROM billing_profiles)
 *          END) + 1
 *     FROM locked l
 *    WHERE r.counter_key = l.counter_key
 *   RETURNING r.counter_key, lpad(r.current_value::text, greatest(4, length(r.current_value::text)), '0') AS digits
 * ), new_customer AS (
 *   INSERT INTO customers (customer_code, name, phone, address)
 *   SELECT 'C' || digits, :customerName!, :customerPhone, :customerAddress FROM bumped WHERE counter_key = 'customer_code'
 *   RETURNING id, customer_code, name, phone, address
 * ), customer AS (
 *   SELECT id, customer_code, name, phone, address FROM new_customer
 *   UNION ALL
 *   SELECT id, customer_code, name, phone, address FROM customers WHERE id = :customerId::uuid
 * ), new_tree AS (
 *   INSERT INTO trees (customer_id, tree_number) SELECT id, :treeNumber!::integer FROM new_customer
 *   RETURNING id, tree_number
 * ), tree AS (
 *   SELECT id, tree_number FROM new_tree
 *   UNION ALL
 *   SELECT id, tree_number FROM trees WHERE id = :treeId::uuid
 * ), new_billing AS (
 *   INSERT INTO billing_profiles (billing_code, billing_name, billing_contact_name, billing_address, contact_preference)
 *   SELECT 'B' || digits, :billingName, :billingContactName, :billingAddress, :contactPreference FROM bumped WHERE counter_key = 'billing_code'
 *   RETURNING id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference
 * ), billing AS (
 *   SELECT id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference FROM new_billing
 *   UNION ALL
 *   SELECT id, billing_code, billing_name, billing_contact_name, billing_address, contact_preference FROM billing_profiles WHERE id = :billingId::uuid
 * ), job AS (
 *   INSERT INTO jobs (job_id, job_number, status, customer_id, billing_profile_id, project_id, tree_id, tree_number, job_name, job_address, location_notes)
 *   SELECT :jobId!, 'J' || n.digits, 'DRAFT', c.id, b.id, :projectPk::uuid, t.id, t.tree_number, :jobName, :jobAddress, :locationNotes
 *     FROM bumped n
 *     JOIN customer c ON true
 *     JOIN tree t ON true
 *     LEFT JOIN billing b ON true
 *    WHERE n.counter_key = 'job_number'
 *   RETURNING id, job_id, job_number, status, tree_number, job_name, job_address, location_notes
 * ), created_event AS (
 *   INSERT INTO job_events (job_id, device_id, event_type, actor_identity, payload)
 *   SELECT j.id, :actorDevicePk::uuid, 'job_created', :actor!,
 *          jsonb_build_object('job_number', j.job_number, 'customer_code', c.customer_code, 'billing_code', b.billing_code,
 *                             'project_id', :projectId::text, 'tree_number', j.tree_number, 'source', 'device')
 *     FROM job j JOIN customer c ON true LEFT JOIN billing b ON true
 *   RETURNING id
 * ), assignment AS (
 *   INSERT INTO job_assignments (job_id, device_id, assigned_by)
 *   SELECT j.id, :assignDevicePk::uuid, 'auto' FROM job j WHERE :assignDevicePk::uuid IS NOT NULL
 *   RETURNING job_id, device_id
 * ), assigned_event AS (
 *   INSERT INTO job_events (job_id, device_id, event_type, actor_identity, payload)
 *   SELECT a.job_id, a.device_id, 'job_assigned', :actor!,
 *          jsonb_build_object('device_id', :assignDeviceId::text, 'previous_device_id', NULL, 'assigned_by', 'auto')
 *     FROM assignment a
 *   RETURNING id
 * )
 * SELECT j.id, j.job_id, j.job_number, j.status, j.tree_number, j.job_name, j.job_address, j.location_notes,
 *        c.customer_code, c.name AS customer_name, c.address, c.phone AS job_phone,
 *        b.billing_code AS "billing_code?", b.billing_name AS "billing_name?", b.billing_address AS "billing_address?",
 *        b.billing_contact_name AS "billing_contact_name?", b.contact_preference AS "contact_preference?",
 *        (SELECT count(*) FROM created_event) + (SELECT count(*) FROM assigned_event) AS "events!"
 *   FROM job j JOIN customer c ON true LEFT JOIN billing b ON true
 * ```
 */
export const insertDeviceJob = new PreparedQuery<IInsertDeviceJobParams,IInsertDeviceJobResult>(insertDeviceJobIR);


