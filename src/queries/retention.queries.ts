/** Types generated for queries found in "queries/retention.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'ListArchivedJobs' parameters type */
export interface IListArchivedJobsParams {
  jobPk?: string | null | void;
}

/** 'ListArchivedJobs' return type */
export interface IListArchivedJobsResult {
  /** Internal key. */
  id: string;
  /** Public id, job_<12 hex> when the server makes it; admins may choose their own. */
  job_id: string;
  /** Human number J0001, J0002, ... (J10000 after J9999), allocated from runtime_counters. */
  job_number: string;
}

/** 'ListArchivedJobs' query type */
export interface IListArchivedJobsQuery {
  params: IListArchivedJobsParams;
  result: IListArchivedJobsResult;
}

const listArchivedJobsIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":false,"transform":{"type":"scalar"},"locs":[{"a":139,"b":144},{"a":168,"b":173}]}],"statement":"-- The jobs retention looks at: archived ones, or the one named.\nSELECT id, job_id, job_number\n  FROM jobs\n WHERE status = 'ARCHIVED' AND (:jobPk::uuid IS NULL OR id = :jobPk::uuid)\n ORDER BY job_number"};

/**
 * Query generated from SQL:
 * ```
 * -- The jobs retention looks at: archived ones, or the one named.
 * SELECT id, job_id, job_number
 *   FROM jobs
 *  WHERE status = 'ARCHIVED' AND (:jobPk::uuid IS NULL OR id = :jobPk::uuid)
 *  ORDER BY job_number
 * ```
 */
export const listArchivedJobs = new PreparedQuery<IListArchivedJobsParams,IListArchivedJobsResult>(listArchivedJobsIR);


/** 'LockArchivedJob' parameters type */
export interface ILockArchivedJobParams {
  jobPk: string;
}

/** 'LockArchivedJob' return type */
export interface ILockArchivedJobResult {
  /** Internal key. */
  id: string;
  /** Public id, job_<12 hex> when the server makes it; admins may choose their own. */
  job_id: string;
  /** Human number J0001, J0002, ... (J10000 after J9999), allocated from runtime_counters. */
  job_number: string;
  /** The round the device works in now (round_<n>); NULL before the first round. */
  latest_round_id: string | null;
}

/** 'LockArchivedJob' query type */
export interface ILockArchivedJobQuery {
  params: ILockArchivedJobParams;
  result: ILockArchivedJobResult;
}

const lockArchivedJobIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":153,"b":159}]}],"statement":"-- Locked and still archived (a correction round may have reopened it meanwhile).\nSELECT id, job_id, job_number, latest_round_id\n  FROM jobs\n WHERE id = :jobPk! AND status = 'ARCHIVED'\n   FOR UPDATE"};

/**
 * Query generated from SQL:
 * ```
 * -- Locked and still archived (a correction round may have reopened it meanwhile).
 * SELECT id, job_id, job_number, latest_round_id
 *   FROM jobs
 *  WHERE id = :jobPk! AND status = 'ARCHIVED'
 *    FOR UPDATE
 * ```
 */
export const lockArchivedJob = new PreparedQuery<ILockArchivedJobParams,ILockArchivedJobResult>(lockArchivedJobIR);


/** 'ListRetentionRounds' parameters type */
export interface IListRetentionRoundsParams {
  jobPk: string;
}

/** 'ListRetentionRounds' return type */
export interface IListRetentionRoundsResult {
  has_review: boolean;
  /** Internal key; media and artifacts reference it as round_pk. */
  id: string;
  referenced: boolean;
  /** Public round id, always round_<round_number>. */
  round_id: string;
}

/** 'ListRetentionRounds' query type */
export interface IListRetentionRoundsQuery {
  params: IListRetentionRoundsParams;
  result: IListRetentionRoundsResult;
}

const listRetentionRoundsIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":331,"b":337}]}],"statement":"-- The job's rounds and whether a final or correction names them.\nSELECT r.id, r.round_id, (r.review_payload IS NOT NULL) AS \"has_review!\",\n       EXISTS (SELECT 1 FROM job_finals f\n                WHERE f.job_id = r.job_id AND (f.round_pk = r.id OR f.round_id = r.round_id)) AS \"referenced!\"\n  FROM job_rounds r\n WHERE r.job_id = :jobPk!\n ORDER BY r.round_number"};

/**
 * Query generated from SQL:
 * ```
 * -- The job's rounds and whether a final or correction names them.
 * SELECT r.id, r.round_id, (r.review_payload IS NOT NULL) AS "has_review!",
 *        EXISTS (SELECT 1 FROM job_finals f
 *                 WHERE f.job_id = r.job_id AND (f.round_pk = r.id OR f.round_id = r.round_id)) AS "referenced!"
 *   FROM job_rounds r
 *  WHERE r.job_id = :jobPk!
 *  ORDER BY r.round_number
 * ```
 */
export const listRetentionRounds = new PreparedQuery<IListRetentionRoundsParams,IListRetentionRoundsResult>(listRetentionRoundsIR);


/** 'ListFinalImageKeys' parameters type */
export interface IListFinalImageKeysParams {
  jobPk: string;
}

/** 'ListFinalImageKeys' return type */
export interface IListFinalImageKeysResult {
  key: string | null;
}

/** 'ListFinalImageKeys' query type */
export interface IListFinalImageKeysQuery {
  params: IListFinalImageKeysParams;
  result: IListFinalImageKeysResult;
}

const listFinalImageKeysIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":346,"b":352}]}],"statement":"-- Store keys of every photo a final or correction of the job uses in its report.\nSELECT DISTINCT e.value->>'stored_path' AS key\n  FROM job_finals f,\n       jsonb_array_elements(CASE WHEN jsonb_typeof(f.payload->'report_images') = 'array'\n                                 THEN f.payload->'report_images' ELSE '[]'::jsonb END) e\n WHERE f.job_id = :jobPk! AND jsonb_typeof(e.value) = 'object'"};

/**
 * Query generated from SQL:
 * ```
 * -- Store keys of every photo a final or correction of the job uses in its report.
 * SELECT DISTINCT e.value->>'stored_path' AS key
 *   FROM job_finals f,
 *        jsonb_array_elements(CASE WHEN jsonb_typeof(f.payload->'report_images') = 'array'
 *                                  THEN f.payload->'report_images' ELSE '[]'::jsonb END) e
 *  WHERE f.job_id = :jobPk! AND jsonb_typeof(e.value) = 'object'
 * ```
 */
export const listFinalImageKeys = new PreparedQuery<IListFinalImageKeysParams,IListFinalImageKeysResult>(listFinalImageKeysIR);


/** 'ListJobRecordingFiles' parameters type */
export interface IListJobRecordingFilesParams {
  jobPk: string;
}

/** 'ListJobRecordingFiles' return type */
export interface IListJobRecordingFilesResult {
  /** Artifact store key of the audio file. */
  artifact_path: string | null;
  /** Internal key. */
  id: string;
  /** The round the recording was uploaded into. */
  round_pk: string;
}

/** 'ListJobRecordingFiles' query type */
export interface IListJobRecordingFilesQuery {
  params: IListJobRecordingFilesParams;
  result: IListJobRecordingFilesResult;
}

const listJobRecordingFilesIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":136,"b":142}]}],"statement":"SELECT rec.id, rec.round_pk, rec.artifact_path\n  FROM round_recordings rec\n  JOIN job_rounds r ON r.id = rec.round_pk\n WHERE r.job_id = :jobPk! AND rec.artifact_path IS NOT NULL"};

/**
 * Query generated from SQL:
 * ```
 * SELECT rec.id, rec.round_pk, rec.artifact_path
 *   FROM round_recordings rec
 *   JOIN job_rounds r ON r.id = rec.round_pk
 *  WHERE r.job_id = :jobPk! AND rec.artifact_path IS NOT NULL
 * ```
 */
export const listJobRecordingFiles = new PreparedQuery<IListJobRecordingFilesParams,IListJobRecordingFilesResult>(listJobRecordingFilesIR);


/** 'ListJobImageFiles' parameters type */
export interface IListJobImageFilesParams {
  jobPk: string;
}

/** 'ListJobImageFiles' return type */
export interface IListJobImageFilesResult {
  /** Artifact store key of the original photo. */
  artifact_path: string | null;
  /** Artifact store key of the report variant (EXIF-rotated JPEG within 1600x1600). */
  report_artifact_path: string | null;
  /** The round the photo was uploaded into. */
  round_pk: string;
}

/** 'ListJobImageFiles' query type */
export interface IListJobImageFilesQuery {
  params: IListJobImageFilesParams;
  result: IListJobImageFilesResult;
}

const listJobImageFilesIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":140,"b":146}]}],"statement":"SELECT i.round_pk, i.artifact_path, i.report_artifact_path\n  FROM round_images i\n  JOIN job_rounds r ON r.id = i.round_pk\n WHERE r.job_id = :jobPk!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT i.round_pk, i.artifact_path, i.report_artifact_path
 *   FROM round_images i
 *   JOIN job_rounds r ON r.id = i.round_pk
 *  WHERE r.job_id = :jobPk!
 * ```
 */
export const listJobImageFiles = new PreparedQuery<IListJobImageFilesParams,IListJobImageFilesResult>(listJobImageFilesIR);


/** 'ListPrunableRoundArtifacts' parameters type */
export interface IListPrunableRoundArtifactsParams {
  jobPk: string;
}

/** 'ListPrunableRoundArtifacts' return type */
export interface IListPrunableRoundArtifactsResult {
  /** Internal key. */
  id: string;
  /** Artifact store key: a relative POSIX path under the storage root. */
  path: string;
  /** Owning round, for working files of a round. */
  round_pk: string | null;
}

/** 'ListPrunableRoundArtifacts' query type */
export interface IListPrunableRoundArtifactsQuery {
  params: IListPrunableRoundArtifactsParams;
  result: IListPrunableRoundArtifactsResult;
}

const listPrunableRoundArtifactsIR: any = {"usedParamSet":{"jobPk":true},"params":[{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":200,"b":206}]}],"statement":"-- Indexed working files of the job's rounds that the policy prunes (audio, review JSON).\nSELECT a.id, a.round_pk, a.path\n  FROM artifacts a\n  JOIN job_rounds r ON r.id = a.round_pk\n WHERE r.job_id = :jobPk! AND a.kind IN ('audio', 'review_json')"};

/**
 * Query generated from SQL:
 * ```
 * -- Indexed working files of the job's rounds that the policy prunes (audio, review JSON).
 * SELECT a.id, a.round_pk, a.path
 *   FROM artifacts a
 *   JOIN job_rounds r ON r.id = a.round_pk
 *  WHERE r.job_id = :jobPk! AND a.kind IN ('audio', 'review_json')
 * ```
 */
export const listPrunableRoundArtifacts = new PreparedQuery<IListPrunableRoundArtifactsParams,IListPrunableRoundArtifactsResult>(listPrunableRoundArtifactsIR);


/** 'ClearRecordingAudio' parameters type */
export interface IClearRecordingAudioParams {
  ids: readonly (string)[];
}

/** 'ClearRecordingAudio' return type */
export type IClearRecordingAudioResult = void;

/** 'ClearRecordingAudio' query type */
export interface IClearRecordingAudioQuery {
  params: IClearRecordingAudioParams;
  result: IClearRecordingAudioResult;
}

const clearRecordingAudioIR: any = {"usedParamSet":{"ids":true},"params":[{"name":"ids","required":true,"transform":{"type":"array_spread"},"locs":[{"a":146,"b":150}]}],"statement":"-- The audio goes; the transcript text stays (the final embeds it, and it is small).\nUPDATE round_recordings SET artifact_path = NULL WHERE id IN :ids!"};

/**
 * Query generated from SQL:
 * ```
 * -- The audio goes; the transcript text stays (the final embeds it, and it is small).
 * UPDATE round_recordings SET artifact_path = NULL WHERE id IN :ids!
 * ```
 */
export const clearRecordingAudio = new PreparedQuery<IClearRecordingAudioParams,IClearRecordingAudioResult>(clearRecordingAudioIR);


/** 'ClearReviewPayloads' parameters type */
export interface IClearReviewPayloadsParams {
  ids: readonly (string)[];
}

/** 'ClearReviewPayloads' return type */
export type IClearReviewPayloadsResult = void;

/** 'ClearReviewPayloads' query type */
export interface IClearReviewPayloadsQuery {
  params: IClearReviewPayloadsParams;
  result: IClearReviewPayloadsResult;
}

const clearReviewPayloadsIR: any = {"usedParamSet":{"ids":true},"params":[{"name":"ids","required":true,"transform":{"type":"array_spread"},"locs":[{"a":56,"b":60}]}],"statement":"UPDATE job_rounds SET review_payload = NULL WHERE id IN :ids!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE job_rounds SET review_payload = NULL WHERE id IN :ids!
 * ```
 */
export const clearReviewPayloads = new PreparedQuery<IClearReviewPayloadsParams,IClearReviewPayloadsResult>(clearReviewPayloadsIR);


/** 'DeleteArtifactRows' parameters type */
export interface IDeleteArtifactRowsParams {
  ids: readonly (string)[];
}

/** 'DeleteArtifactRows' return type */
export type IDeleteArtifactRowsResult = void;

/** 'DeleteArtifactRows' query type */
export interface IDeleteArtifactRowsQuery {
  params: IDeleteArtifactRowsParams;
  result: IDeleteArtifactRowsResult;
}

const deleteArtifactRowsIR: any = {"usedParamSet":{"ids":true},"params":[{"name":"ids","required":true,"transform":{"type":"array_spread"},"locs":[{"a":34,"b":38}]}],"statement":"DELETE FROM artifacts WHERE id IN :ids!"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM artifacts WHERE id IN :ids!
 * ```
 */
export const deleteArtifactRows = new PreparedQuery<IDeleteArtifactRowsParams,IDeleteArtifactRowsResult>(deleteArtifactRowsIR);


/** 'DeleteRounds' parameters type */
export interface IDeleteRoundsParams {
  ids: readonly (string)[];
}

/** 'DeleteRounds' return type */
export interface IDeleteRoundsResult {
  /** Public round id, always round_<round_number>. */
  round_id: string;
}

/** 'DeleteRounds' query type */
export interface IDeleteRoundsQuery {
  params: IDeleteRoundsParams;
  result: IDeleteRoundsResult;
}

const deleteRoundsIR: any = {"usedParamSet":{"ids":true},"params":[{"name":"ids","required":true,"transform":{"type":"array_spread"},"locs":[{"a":118,"b":122}]}],"statement":"-- Working rounds no final references; their media rows and artifact rows cascade.\nDELETE FROM job_rounds WHERE id IN :ids! RETURNING round_id"};

/**
 * Query generated from SQL:
 * ```
 * -- Working rounds no final references; their media rows and artifact rows cascade.
 * DELETE FROM job_rounds WHERE id IN :ids! RETURNING round_id
 * ```
 */
export const deleteRounds = new PreparedQuery<IDeleteRoundsParams,IDeleteRoundsResult>(deleteRoundsIR);


