/** Types generated for queries found in "queries/admin-artifacts.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type artifact_kind = 'audio' | 'final_json' | 'final_pdf' | 'geojson' | 'image' | 'image_report' | 'report_docx' | 'report_pdf' | 'review_json' | 'transcript_txt';

export type job_status = 'ARCHIVED' | 'DRAFT' | 'FAILED' | 'NOT_STARTED' | 'REVIEW_RETURNED' | 'SUBMITTED_FOR_PROCESSING';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'ResolveJobRef' parameters type */
export interface IResolveJobRefParams {
  ref: string;
}

/** 'ResolveJobRef' return type */
export interface IResolveJobRefResult {
  /** Public id, job_<12 hex> when the server makes it; admins may choose their own. */
  job_id: string;
  /** Human number J0001, J0002, ... (J10000 after J9999), allocated from runtime_counters. */
  job_number: string;
  /** Internal key. */
  job_pk: string;
  /** Workflow state of the job. */
  status: job_status;
}

/** 'ResolveJobRef' query type */
export interface IResolveJobRefQuery {
  params: IResolveJobRefParams;
  result: IResolveJobRefResult;
}

const resolveJobRefIR: any = {"usedParamSet":{"ref":true},"params":[{"name":"ref","required":true,"transform":{"type":"scalar"},"locs":[{"a":191,"b":195},{"a":221,"b":225},{"a":250,"b":254}]}],"statement":"-- a job named by its job_id or its job number (numbers are stored uppercase; the ref may be any case)\nSELECT j.id AS job_pk, j.job_id, j.job_number, j.status\n  FROM jobs j\n WHERE j.job_id = :ref! OR j.job_number = upper(:ref!)\n ORDER BY (j.job_id = :ref!) DESC\n LIMIT 1"};

/**
 * Query generated from SQL:
 * ```
 * -- a job named by its job_id or its job number (numbers are stored uppercase; the ref may be any case)
 * SELECT j.id AS job_pk, j.job_id, j.job_number, j.status
 *   FROM jobs j
 *  WHERE j.job_id = :ref! OR j.job_number = upper(:ref!)
 *  ORDER BY (j.job_id = :ref!) DESC
 *  LIMIT 1
 * ```
 */
export const resolveJobRef = new PreparedQuery<IResolveJobRefParams,IResolveJobRefResult>(resolveJobRefIR);


/** 'FindPreferredFinal' parameters type */
export interface IFindPreferredFinalParams {
  jobPk: string;
}

/** 'FindPreferredFinal' return type */
export interface IFindPreferredFinalResult {
  /** Internal key. */
  id: string;
  /** final (the first, never changes) or correction (the latest re-finalization after an admin unlock). */
  kind: string;
  /** The final.json document: form, transcript, narrative, report images, profile, archived_at. */
  payload: Json;
}

/** 'FindPreferredFinal' query type */
export interface IFindPreferredFinalQuery {
  params: IFindPreferredFinalParams;
  result: IFindPreferredFinalResult;
}

const findPreferredFinalIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":130,"b":136}]}],"statement":"-- the correction when there is one, else the original final\nSELECT f.id, f.kind, f.payload\n  FROM job_finals f\n WHERE f.job_id = :jobPk!\n ORDER BY (f.kind = 'correction') DESC\n LIMIT 1"};

/**
 * Query generated from SQL:
 * ```
 * -- the correction when there is one, else the original final
 * SELECT f.id, f.kind, f.payload
 *   FROM job_finals f
 *  WHERE f.job_id = :jobPk!
 *  ORDER BY (f.kind = 'correction') DESC
 *  LIMIT 1
 * ```
 */
export const findPreferredFinal = new PreparedQuery<IFindPreferredFinalParams,IFindPreferredFinalResult>(findPreferredFinalIR);


/** 'FindFinalArtifact' parameters type */
export interface IFindFinalArtifactParams {
  jobFinalId: string;
  kind: artifact_kind;
}

/** 'FindFinalArtifact' return type */
export interface IFindFinalArtifactResult {
  /** Size in bytes as written. */
  byte_size: number;
  /** MIME type the file is served with. */
  content_type: string | null;
  /** Artifact store key: a relative POSIX path under the storage root. */
  path: string;
}

/** 'FindFinalArtifact' query type */
export interface IFindFinalArtifactQuery {
  params: IFindFinalArtifactParams;
  result: IFindFinalArtifactResult;
}

const findFinalArtifactIR: any = {"usedParamSet":{"jobFinalId":true,"kind":true},"params":[{"name":"jobFinalId","required":true,"transform":{"type":"scalar"},"locs":[{"a":152,"b":163}]},{"name":"kind","required":true,"transform":{"type":"scalar"},"locs":[{"a":178,"b":183}]}],"statement":"-- the newest file of a kind produced for one final or correction\nSELECT a.path, a.content_type, a.byte_size\n  FROM artifacts a\n WHERE a.job_final_id = :jobFinalId! AND a.kind = :kind!\n ORDER BY a.created_at DESC\n LIMIT 1"};

/**
 * Query generated from SQL:
 * ```
 * -- the newest file of a kind produced for one final or correction
 * SELECT a.path, a.content_type, a.byte_size
 *   FROM artifacts a
 *  WHERE a.job_final_id = :jobFinalId! AND a.kind = :kind!
 *  ORDER BY a.created_at DESC
 *  LIMIT 1
 * ```
 */
export const findFinalArtifact = new PreparedQuery<IFindFinalArtifactParams,IFindFinalArtifactResult>(findFinalArtifactIR);


/** 'FindGeojsonOfFinal' parameters type */
export interface IFindGeojsonOfFinalParams {
  jobFinalId: string;
  jobPk: string;
}

/** 'FindGeojsonOfFinal' return type */
export interface IFindGeojsonOfFinalResult {
  /** final or correction, as the snapshot it was made from. */
  kind: string;
  /** The GeoJSON FeatureCollection as published. */
  payload: Json;
}

/** 'FindGeojsonOfFinal' query type */
export interface IFindGeojsonOfFinalQuery {
  params: IFindGeojsonOfFinalParams;
  result: IFindGeojsonOfFinalResult;
}

const findGeojsonOfFinalIR: any = {"usedParamSet":{"jobPk":true,"jobFinalId":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":149,"b":155}]},{"name":"jobFinalId","required":true,"transform":{"type":"scalar"},"locs":[{"a":185,"b":196}]}],"statement":"-- the GeoJSON made from that final or correction, else the job's newest one\nSELECT g.kind, g.payload\n  FROM job_geojson_exports g\n WHERE g.job_id = :jobPk!\n ORDER BY (g.job_final_id = :jobFinalId!) DESC, g.updated_at DESC\n LIMIT 1"};

/**
 * Query generated from SQL:
 * ```
 * -- the GeoJSON made from that final or correction, else the job's newest one
 * SELECT g.kind, g.payload
 *   FROM job_geojson_exports g
 *  WHERE g.job_id = :jobPk!
 *  ORDER BY (g.job_final_id = :jobFinalId!) DESC, g.updated_at DESC
 *  LIMIT 1
 * ```
 */
export const findGeojsonOfFinal = new PreparedQuery<IFindGeojsonOfFinalParams,IFindGeojsonOfFinalResult>(findGeojsonOfFinalIR);


