/** Types generated for queries found in "queries/export.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type job_status = 'ARCHIVED' | 'DRAFT' | 'FAILED' | 'NOT_STARTED' | 'REVIEW_RETURNED' | 'SUBMITTED_FOR_PROCESSING';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'ListChangedJobs' parameters type */
export interface IListChangedJobsParams {
  afterSeq: number;
  afterXid: string;
  clientSeq: number;
  clientXid: string;
  limit: number;
  since?: DateOrString | null | void;
}

/** 'ListChangedJobs' return type */
export interface IListChangedJobsResult {
  /** When the job was last finalized (archived). */
  archived_at: Date | null;
  category_marker_before_cursor: string | null;
  change_seq: number;
  change_xid: string;
  /** When the job was created. */
  created_at: Date;
  /** final (the first, never changes) or correction (the latest re-finalization after an admin unlock). */
  final_kind: string | null;
  /** The final.json document: form, transcript, narrative, report images, profile, archived_at. */
  final_payload: Json | null;
  /** round_<n> of that round, as the payload names it. */
  final_round_id: string | null;
  /** When the row last changed (corrections only; maintained by trigger). */
  final_updated_at: Date | null;
  /** Internal key. */
  geojson_id: string | null;
  /** When it was last replaced (maintained by trigger). */
  geojson_updated_at: Date | null;
  /** Public id, job_<12 hex> when the server makes it; admins may choose their own. */
  job_id: string;
  /** Human number J0001, J0002, ... (J10000 after J9999), allocated from runtime_counters. */
  job_number: string;
  /** Internal key. */
  job_pk: string;
  /** The round the device works in now (round_<n>); NULL before the first round. */
  latest_round_id: string | null;
  /** Display name, unique (the API calls it project). */
  project: string | null;
  /** Public id, project_<12 hex> when the server makes it (imports may carry other project_<name> ids); shown by the API as project_id. */
  project_id: string | null;
  /** URL-safe lower-case name, unique (the API calls it project_slug). */
  project_slug: string | null;
  /** The review returned to the device: transcript, draft form, narrative, images, failures. */
  review_payload: Json | null;
  /** Public round id, always round_<round_number>. */
  round_id: string | null;
  /** Internal key; media and artifacts reference it as round_pk. */
  round_pk: string | null;
  /** Revision of the review the server returned (rev_<round_id>_<review_revision>); NULL before the first review. */
  round_server_revision_id: string | null;
  /** When the row last changed (maintained by trigger). */
  round_updated_at: Date | null;
  seen_before_cursor: boolean;
  /** Workflow state of the job. */
  status: job_status;
  /** When the row last changed (maintained by trigger). */
  updated_at: Date;
}

/** 'ListChangedJobs' query type */
export interface IListChangedJobsQuery {
  params: IListChangedJobsParams;
  result: IListChangedJobsResult;
}

const listChangedJobsIR: any = {"usedParamSet":{"afterXid":true,"afterSeq":true,"since":true,"limit":true,"clientXid":true,"clientSeq":true},"params":[{"name":"afterXid","required":true,"transform":{"type":"scalar"},"locs":[{"a":492,"b":501},{"a":1267,"b":1276}]},{"name":"afterSeq","required":true,"transform":{"type":"scalar"},"locs":[{"a":516,"b":525},{"a":1291,"b":1300}]},{"name":"since","required":false,"transform":{"type":"scalar"},"locs":[{"a":549,"b":554},{"a":595,"b":600},{"a":1324,"b":1329},{"a":1370,"b":1375},{"a":2218,"b":2223},{"a":2270,"b":2275},{"a":2415,"b":2420},{"a":2603,"b":2608},{"a":2796,"b":2801},{"a":2962,"b":2967}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":663,"b":669},{"a":1437,"b":1443}]},{"name":"clientXid","required":true,"transform":{"type":"scalar"},"locs":[{"a":2505,"b":2515},{"a":2875,"b":2885}]},{"name":"clientSeq","required":true,"transform":{"type":"scalar"},"locs":[{"a":2530,"b":2540},{"a":2900,"b":2910}]}],"statement":"-- one page of jobs in change order: each job at its latest change that is\n-- after the cursor and was made by a transaction older than every running one\nWITH latest AS (\n  SELECT u.job_id, u.change_xid, u.seq FROM (\n    -- jobs whose newest change is settled: an index walk of job_latest_changes from the cursor\n    (SELECT l.job_id, l.change_xid, l.seq\n       FROM job_latest_changes l\n      WHERE l.change_xid < pg_snapshot_xmin(pg_current_snapshot())\n        AND (l.change_xid, l.seq) > (:afterXid!::text::xid8, :afterSeq!::bigint)\n        AND (:since::timestamptz IS NULL OR l.created_at > :since::timestamptz)\n      ORDER BY l.change_xid, l.seq\n      LIMIT :limit!)\n    UNION ALL\n    -- the few jobs changed again by a transaction that may still be running: their newest settled change, from the log\n    (SELECT c.job_id, c.change_xid, c.seq\n       FROM job_latest_changes l\n       CROSS JOIN LATERAL (\n         SELECT c0.job_id, c0.change_xid, c0.seq, c0.created_at FROM job_changes c0\n          WHERE c0.job_id = l.job_id AND c0.change_xid < pg_snapshot_xmin(pg_current_snapshot())\n          ORDER BY c0.change_xid DESC, c0.seq DESC\n          LIMIT 1) c\n      WHERE l.change_xid >= pg_snapshot_xmin(pg_current_snapshot())\n        AND (c.change_xid, c.seq) > (:afterXid!::text::xid8, :afterSeq!::bigint)\n        AND (:since::timestamptz IS NULL OR c.created_at > :since::timestamptz))\n  ) u\n  ORDER BY u.change_xid, u.seq\n  LIMIT :limit!\n)\nSELECT l.change_xid::text AS \"change_xid!\", l.seq AS \"change_seq!\",\n       j.id AS job_pk, j.job_id, j.job_number, j.status, j.created_at, j.updated_at, j.archived_at,\n       j.latest_round_id,\n       p.project_id AS \"project_id?\", p.name AS \"project?\", p.slug AS \"project_slug?\",\n       r.id AS \"round_pk?\", r.round_id AS \"round_id?\", r.server_revision_id AS \"round_server_revision_id?\",\n       r.review_payload AS \"review_payload?\", r.updated_at AS \"round_updated_at?\",\n       f.kind AS \"final_kind?\", f.round_id AS \"final_round_id?\", f.payload AS \"final_payload?\", f.updated_at AS \"final_updated_at?\",\n       g.id AS \"geojson_id?\", g.updated_at AS \"geojson_updated_at?\",\n       -- \"before the client's cursor\": a log position, or for an ISO-8601 cursor a time\n       (:since::timestamptz IS NOT NULL AND j.created_at <= :since::timestamptz\n        OR EXISTS (SELECT 1 FROM job_changes c\n                    WHERE c.job_id = j.id\n                      AND CASE WHEN :since::timestamptz IS NULL\n                               THEN (c.change_xid, c.seq) <= (:clientXid!::text::xid8, :clientSeq!::bigint)\n                               ELSE c.created_at <= :since::timestamptz END)) AS \"seen_before_cursor!\",\n       (SELECT c.source FROM job_changes c\n         WHERE c.job_id = j.id AND c.source IN ('completed', 'reopened')\n           AND CASE WHEN :since::timestamptz IS NULL\n                    THEN (c.change_xid, c.seq) <= (:clientXid!::text::xid8, :clientSeq!::bigint)\n                    ELSE c.created_at <= :since::timestamptz END\n         ORDER BY c.change_xid DESC, c.seq DESC LIMIT 1) AS \"category_marker_before_cursor?\"\n  FROM latest l\n  JOIN jobs j ON j.id = l.job_id\n  LEFT JOIN projects p ON p.id = j.project_id\n  LEFT JOIN LATERAL (\n    SELECT * FROM job_rounds r0 WHERE r0.job_id = j.id\n     ORDER BY (r0.round_id = j.latest_round_id) DESC, r0.updated_at DESC LIMIT 1\n  ) r ON true\n  LEFT JOIN LATERAL (\n    SELECT * FROM job_finals f0 WHERE f0.job_id = j.id\n     ORDER BY (f0.kind = 'correction') DESC LIMIT 1\n  ) f ON true\n  LEFT JOIN LATERAL (\n    SELECT * FROM job_geojson_exports g0 WHERE g0.job_id = j.id\n     ORDER BY (g0.kind = f.kind) DESC, g0.updated_at DESC LIMIT 1\n  ) g ON true\n ORDER BY l.change_xid, l.seq"};

/**
 * Query generated from SQL:
 * ```
 * -- one page of jobs in change order: each job at its latest change that is
 * -- after the cursor and was made by a transaction older than every running one
 * WITH latest AS (
 *   SELECT u.job_id, u.change_xid, u.seq FROM (
 *     -- jobs whose newest change is settled: an index walk of job_latest_changes from the cursor
 *     (SELECT l.job_id, l.change_xid, l.seq
 *        FROM job_latest_changes l
 *       WHERE l.change_xid < pg_snapshot_xmin(pg_current_snapshot())
 *         AND (l.change_xid, l.seq) > (:afterXid!::text::xid8, :afterSeq!::bigint)
 *         AND (:since::timestamptz IS NULL OR l.created_at > :since::timestamptz)
 *       ORDER BY l.change_xid, l.seq
 *       LIMIT :limit!)
 *     UNION ALL
 *     -- the few jobs changed again by a transaction that may still be running: their newest settled change, from the log
 *     (SELECT c.job_id, c.change_xid, c.seq
 *        FROM job_latest_changes l
 *        CROSS JOIN LATERAL (
 *          SELECT c0.job_id, c0.change_xid, c0.seq, c0.created_at FROM job_changes c0
 *           WHERE c0.job_id = l.job_id AND c0.change_xid < pg_snapshot_xmin(pg_current_snapshot())
 *           ORDER BY c0.change_xid DESC, c0.seq DESC
 *           LIMIT 1) c
 *       WHERE l.change_xid >= pg_snapshot_xmin(pg_current_snapshot())
 *         AND (c.change_xid, c.seq) > (:afterXid!::text::xid8, :afterSeq!::bigint)
 *         AND (:since::timestamptz IS NULL OR c.created_at > :since::timestamptz))
 *   ) u
 *   ORDER BY u.change_xid, u.seq
 *   LIMIT :limit!
 * )
 * SELECT l.change_xid::text AS "change_xid!", l.seq AS "change_seq!",
 *        j.id AS job_pk, j.job_id, j.job_number, j.status, j.created_at, j.updated_at, j.archived_at,
 *        j.latest_round_id,
 *        p.project_id AS "project_id?", p.name AS "project?", p.slug AS "project_slug?",
 *        r.id AS "round_pk?", r.round_id AS "round_id?", r.server_revision_id AS "round_server_revision_id?",
 *        r.review_payload AS "review_payload?", r.updated_at AS "round_updated_at?",
 *        f.kind AS "final_kind?", f.round_id AS "final_round_id?", f.payload AS "final_payload?", f.updated_at AS "final_updated_at?",
 *        g.id AS "geojson_id?", g.updated_at AS "geojson_updated_at?",
 *        -- "before the client's cursor": a log position, or for an ISO-8601 cursor a time
 *        (:since::timestamptz IS NOT NULL AND j.created_at <= :since::timestamptz
 *         OR EXISTS (SELECT 1 FROM job_changes c
 *                     WHERE c.job_id = j.id
 *                       AND CASE WHEN :since::timestamptz IS NULL
 *                                THEN (c.change_xid, c.seq) <= (:clientXid!::text::xid8, :clientSeq!::bigint)
 *                                ELSE c.created_at <= :since::timestamptz END)) AS "seen_before_cursor!",
 *        (SELECT c.source FROM job_changes c
 *          WHERE c.job_id = j.id AND c.source IN ('completed', 'reopened')
 *            AND CASE WHEN :since::timestamptz IS NULL
 *                     THEN (c.change_xid, c.seq) <= (:clientXid!::text::xid8, :clientSeq!::bigint)
 *                     ELSE c.created_at <= :since::timestamptz END
 *          ORDER BY c.change_xid DESC, c.seq DESC LIMIT 1) AS "category_marker_before_cursor?"
 *   FROM latest l
 *   JOIN jobs j ON j.id = l.job_id
 *   LEFT JOIN projects p ON p.id = j.project_id
 *   LEFT JOIN LATERAL (
 *     SELECT * FROM job_rounds r0 WHERE r0.job_id = j.id
 *      ORDER BY (r0.round_id = j.latest_round_id) DESC, r0.updated_at DESC LIMIT 1
 *   ) r ON true
 *   LEFT JOIN LATERAL (
 *     SELECT * FROM job_finals f0 WHERE f0.job_id = j.id
 *      ORDER BY (f0.kind = 'correction') DESC LIMIT 1
 *   ) f ON true
 *   LEFT JOIN LATERAL (
 *     SELECT * FROM job_geojson_exports g0 WHERE g0.job_id = j.id
 *      ORDER BY (g0.kind = f.kind) DESC, g0.updated_at DESC LIMIT 1
 *   ) g ON true
 *  ORDER BY l.change_xid, l.seq
 * ```
 */
export const listChangedJobs = new PreparedQuery<IListChangedJobsParams,IListChangedJobsResult>(listChangedJobsIR);


/** 'LatestChangePosition' parameters type */
export type ILatestChangePositionParams = void;

/** 'LatestChangePosition' return type */
export interface ILatestChangePositionResult {
  /** Order of the change within its transaction's xid (and globally unique). */
  change_seq: number;
  change_xid: string;
}

/** 'LatestChangePosition' query type */
export interface ILatestChangePositionQuery {
  params: ILatestChangePositionParams;
  result: ILatestChangePositionResult;
}

const latestChangePositionIR: any = {"usedParamSet":{},"params":[],"statement":"-- the newest change any future page could start after, when the feed is caught up\nSELECT c.change_xid::text AS \"change_xid!\", c.seq AS \"change_seq!\"\n  FROM job_changes c\n WHERE c.change_xid < pg_snapshot_xmin(pg_current_snapshot())\n ORDER BY c.change_xid DESC, c.seq DESC\n LIMIT 1"};

/**
 * Query generated from SQL:
 * ```
 * -- the newest change any future page could start after, when the feed is caught up
 * SELECT c.change_xid::text AS "change_xid!", c.seq AS "change_seq!"
 *   FROM job_changes c
 *  WHERE c.change_xid < pg_snapshot_xmin(pg_current_snapshot())
 *  ORDER BY c.change_xid DESC, c.seq DESC
 *  LIMIT 1
 * ```
 */
export const latestChangePosition = new PreparedQuery<ILatestChangePositionParams,ILatestChangePositionResult>(latestChangePositionIR);


/** 'ListImagesOfRounds' parameters type */
export interface IListImagesOfRoundsParams {
  roundPks: stringArray;
}

/** 'ListImagesOfRounds' return type */
export interface IListImagesOfRoundsResult {
  /** Artifact store key of the original photo. */
  artifact_path: string | null;
  /** Caption shown under the photo in the report letter. */
  caption: string | null;
  /** When the photo was first uploaded. */
  created_at: Date;
  /** Id the device chose; re-uploading the same id replaces the bytes and keeps caption and GPS. */
  image_id: string;
  /** WGS84 latitude in degrees where the photo was taken. */
  latitude: number | null;
  /** WGS84 longitude in degrees where the photo was taken. */
  longitude: number | null;
  /** Extra facts about the photo, informational only. */
  metadata_json: Json | null;
  /** Artifact store key of the report variant (EXIF-rotated JPEG within 1600x1600). */
  report_artifact_path: string | null;
  /** The round the photo was uploaded into. */
  round_pk: string;
  /** When the row last changed (maintained by trigger). */
  updated_at: Date;
  /** When the current bytes were uploaded. */
  uploaded_at: Date | null;
  uploaded_at_text: string;
}

/** 'ListImagesOfRounds' query type */
export interface IListImagesOfRoundsQuery {
  params: IListImagesOfRoundsParams;
  result: IListImagesOfRoundsResult;
}

const listImagesOfRoundsIR: any = {"usedParamSet":{"roundPks":true},"params":[{"name":"roundPks","required":true,"transform":{"type":"scalar"},"locs":[{"a":440,"b":449}]}],"statement":"SELECT i.round_pk, i.image_id, i.caption, i.latitude, i.longitude, i.artifact_path, i.report_artifact_path, i.updated_at,\n       i.uploaded_at, i.created_at, i.metadata_json,\n       -- full stored precision (microseconds), which a JS Date would cut to milliseconds\n       to_char(coalesce(i.uploaded_at, i.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS \"uploaded_at_text!\"\n  FROM round_images i\n WHERE i.round_pk = ANY(:roundPks!::uuid[])\n ORDER BY i.round_pk, i.created_at, i.image_id"};

/**
 * Query generated from SQL:
 * ```
 * SELECT i.round_pk, i.image_id, i.caption, i.latitude, i.longitude, i.artifact_path, i.report_artifact_path, i.updated_at,
 *        i.uploaded_at, i.created_at, i.metadata_json,
 *        -- full stored precision (microseconds), which a JS Date would cut to milliseconds
 *        to_char(coalesce(i.uploaded_at, i.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "uploaded_at_text!"
 *   FROM round_images i
 *  WHERE i.round_pk = ANY(:roundPks!::uuid[])
 *  ORDER BY i.round_pk, i.created_at, i.image_id
 * ```
 */
export const listImagesOfRounds = new PreparedQuery<IListImagesOfRoundsParams,IListImagesOfRoundsResult>(listImagesOfRoundsIR);


/** 'FindExportJob' parameters type */
export interface IFindExportJobParams {
  jobId: string;
}

/** 'FindExportJob' return type */
export interface IFindExportJobResult {
  /** final (the first, never changes) or correction (the latest re-finalization after an admin unlock). */
  final_kind: string | null;
  /** The final.json document: form, transcript, narrative, report images, profile, archived_at. */
  final_payload: Json | null;
  /** The GeoJSON FeatureCollection as published. */
  geojson: Json | null;
  /** Public id, job_<12 hex> when the server makes it; admins may choose their own. */
  job_id: string;
  /** Human number J0001, J0002, ... (J10000 after J9999), allocated from runtime_counters. */
  job_number: string;
  /** Internal key. */
  job_pk: string;
  /** The round the device works in now (round_<n>); NULL before the first round. */
  latest_round_id: string | null;
  /** Internal key; media and artifacts reference it as round_pk. */
  round_pk: string | null;
  /** Workflow state of the job. */
  status: job_status;
}

/** 'FindExportJob' query type */
export interface IFindExportJobQuery {
  params: IFindExportJobParams;
  result: IFindExportJobResult;
}

const findExportJobIR: any = {"usedParamSet":{"jobId":true},"params":[{"name":"jobId","required":true,"transform":{"type":"scalar"},"locs":[{"a":742,"b":748}]}],"statement":"SELECT j.id AS job_pk, j.job_id, j.job_number, j.status, j.latest_round_id,\n       r.id AS \"round_pk?\",\n       f.kind AS \"final_kind?\", f.payload AS \"final_payload?\",\n       g.payload AS \"geojson?\"\n  FROM jobs j\n  LEFT JOIN LATERAL (\n    SELECT r0.id FROM job_rounds r0 WHERE r0.job_id = j.id\n     ORDER BY (r0.round_id = j.latest_round_id) DESC, r0.updated_at DESC LIMIT 1\n  ) r ON true\n  LEFT JOIN LATERAL (\n    SELECT f0.kind, f0.payload FROM job_finals f0 WHERE f0.job_id = j.id\n     ORDER BY (f0.kind = 'correction') DESC LIMIT 1\n  ) f ON true\n  LEFT JOIN LATERAL (\n    SELECT g0.payload FROM job_geojson_exports g0 WHERE g0.job_id = j.id\n     ORDER BY (g0.kind = f.kind) DESC, g0.updated_at DESC LIMIT 1\n  ) g ON true\n WHERE j.job_id = :jobId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT j.id AS job_pk, j.job_id, j.job_number, j.status, j.latest_round_id,
 *        r.id AS "round_pk?",
 *        f.kind AS "final_kind?", f.payload AS "final_payload?",
 *        g.payload AS "geojson?"
 *   FROM jobs j
 *   LEFT JOIN LATERAL (
 *     SELECT r0.id FROM job_rounds r0 WHERE r0.job_id = j.id
 *      ORDER BY (r0.round_id = j.latest_round_id) DESC, r0.updated_at DESC LIMIT 1
 *   ) r ON true
 *   LEFT JOIN LATERAL (
 *     SELECT f0.kind, f0.payload FROM job_finals f0 WHERE f0.job_id = j.id
 *      ORDER BY (f0.kind = 'correction') DESC LIMIT 1
 *   ) f ON true
 *   LEFT JOIN LATERAL (
 *     SELECT g0.payload FROM job_geojson_exports g0 WHERE g0.job_id = j.id
 *      ORDER BY (g0.kind = f.kind) DESC, g0.updated_at DESC LIMIT 1
 *   ) g ON true
 *  WHERE j.job_id = :jobId!
 * ```
 */
export const findExportJob = new PreparedQuery<IFindExportJobParams,IFindExportJobResult>(findExportJobIR);


/** 'FindRoundImage' parameters type */
export interface IFindRoundImageParams {
  imageId: string;
  roundPk: string;
}

/** 'FindRoundImage' return type */
export interface IFindRoundImageResult {
  /** Artifact store key of the original photo. */
  artifact_path: string | null;
  /** Content-Type the device sent (image/jpeg, image/png). */
  content_type: string | null;
  /** Id the device chose; re-uploading the same id replaces the bytes and keeps caption and GPS. */
  image_id: string;
  /** Artifact store key of the report variant (EXIF-rotated JPEG within 1600x1600). */
  report_artifact_path: string | null;
}

/** 'FindRoundImage' query type */
export interface IFindRoundImageQuery {
  params: IFindRoundImageParams;
  result: IFindRoundImageResult;
}

const findRoundImageIR: any = {"usedParamSet":{"roundPk":true,"imageId":true},"params":[{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":105,"b":113}]},{"name":"imageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":130,"b":138}]}],"statement":"SELECT image_id, artifact_path, report_artifact_path, content_type\n  FROM round_images\n WHERE round_pk = :roundPk! AND image_id = :imageId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT image_id, artifact_path, report_artifact_path, content_type
 *   FROM round_images
 *  WHERE round_pk = :roundPk! AND image_id = :imageId!
 * ```
 */
export const findRoundImage = new PreparedQuery<IFindRoundImageParams,IFindRoundImageResult>(findRoundImageIR);


