/* @name ListChangedJobs */
-- one page of jobs in change order: each job at its latest change that is
-- after the cursor and was made by a transaction older than every running one
WITH latest AS (
  SELECT u.job_id, u.change_xid, u.seq FROM (
    -- jobs whose newest change is settled: an index walk of job_latest_changes from the cursor
    (SELECT l.job_id, l.change_xid, l.seq
       FROM job_latest_changes l
      WHERE l.change_xid < pg_snapshot_xmin(pg_current_snapshot())
        AND (l.change_xid, l.seq) > (:afterXid!::text::xid8, :afterSeq!::bigint)
        AND (:since::timestamptz IS NULL OR l.created_at > :since::timestamptz)
      ORDER BY l.change_xid, l.seq
      LIMIT :limit!)
    UNION ALL
    -- the few jobs changed again by a transaction that may still be running: their newest settled change, from the log
    (SELECT c.job_id, c.change_xid, c.seq
       FROM job_latest_changes l
       CROSS JOIN LATERAL (
         SELECT c0.job_id, c0.change_xid, c0.seq, c0.created_at FROM job_changes c0
          WHERE c0.job_id = l.job_id AND c0.change_xid < pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY c0.change_xid DESC, c0.seq DESC
          LIMIT 1) c
      WHERE l.change_xid >= pg_snapshot_xmin(pg_current_snapshot())
        AND (c.change_xid, c.seq) > (:afterXid!::text::xid8, :afterSeq!::bigint)
        AND (:since::timestamptz IS NULL OR c.created_at > :since::timestamptz))
  ) u
  ORDER BY u.change_xid, u.seq
  LIMIT :limit!
)
SELECT l.change_xid::text AS "change_xid!", l.seq AS "change_seq!",
       j.id AS job_pk, j.job_id, j.job_number, j.status, j.created_at, j.updated_at, j.archived_at,
       j.latest_round_id,
       p.project_id AS "project_id?", p.name AS "project?", p.slug AS "project_slug?",
       r.id AS "round_pk?", r.round_id AS "round_id?", r.server_revision_id AS "round_server_revision_id?",
       r.review_payload AS "review_payload?", r.updated_at AS "round_updated_at?",
       f.kind AS "final_kind?", f.round_id AS "final_round_id?", f.payload AS "final_payload?", f.updated_at AS "final_updated_at?",
       g.id AS "geojson_id?", g.updated_at AS "geojson_updated_at?",
       -- "before the client's cursor": a log position, or for an ISO-8601 cursor a time
       (:since::timestamptz IS NOT NULL AND j.created_at <= :since::timestamptz
        OR EXISTS (SELECT 1 FROM job_changes c
                    WHERE c.job_id = j.id
                      AND CASE WHEN :since::timestamptz IS NULL
                               THEN (c.change_xid, c.seq) <= (:clientXid!::text::xid8, :clientSeq!::bigint)
                               ELSE c.created_at <= :since::timestamptz END)) AS "seen_before_cursor!",
       (SELECT c.source FROM job_changes c
         WHERE c.job_id = j.id AND c.source IN ('completed', 'reopened')
           AND CASE WHEN :since::timestamptz IS NULL
                    THEN (c.change_xid, c.seq) <= (:clientXid!::text::xid8, :clientSeq!::bigint)
                    ELSE c.created_at <= :since::timestamptz END
         ORDER BY c.change_xid DESC, c.seq DESC LIMIT 1) AS "category_marker_before_cursor?"
  FROM latest l
  JOIN jobs j ON j.id = l.job_id
  LEFT JOIN projects p ON p.id = j.project_id
  LEFT JOIN LATERAL (
    SELECT * FROM job_rounds r0 WHERE r0.job_id = j.id
     ORDER BY (r0.round_id = j.latest_round_id) DESC, r0.updated_at DESC LIMIT 1
  ) r ON true
  LEFT JOIN LATERAL (
    SELECT * FROM job_finals f0 WHERE f0.job_id = j.id
     ORDER BY (f0.kind = 'correction') DESC LIMIT 1
  ) f ON true
  LEFT JOIN LATERAL (
    SELECT * FROM job_geojson_exports g0 WHERE g0.job_id = j.id
     ORDER BY (g0.kind = f.kind) DESC, g0.updated_at DESC LIMIT 1
  ) g ON true
 ORDER BY l.change_xid, l.seq;

/* @name LatestChangePosition */
-- the newest change any future page could start after, when the feed is caught up
SELECT c.change_xid::text AS "change_xid!", c.seq AS "change_seq!"
  FROM job_changes c
 WHERE c.change_xid < pg_snapshot_xmin(pg_current_snapshot())
 ORDER BY c.change_xid DESC, c.seq DESC
 LIMIT 1;

/* @name ListImagesOfRounds */
SELECT i.round_pk, i.image_id, i.caption, i.latitude, i.longitude, i.artifact_path, i.report_artifact_path, i.updated_at,
       i.uploaded_at, i.created_at, i.metadata_json,
       -- full stored precision (microseconds), which a JS Date would cut to milliseconds
       to_char(coalesce(i.uploaded_at, i.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "uploaded_at_text!"
  FROM round_images i
 WHERE i.round_pk = ANY(:roundPks!::uuid[])
 ORDER BY i.round_pk, i.created_at, i.image_id;

/* @name FindExportJob */
SELECT j.id AS job_pk, j.job_id, j.job_number, j.status, j.latest_round_id,
       r.id AS "round_pk?",
       f.kind AS "final_kind?", f.payload AS "final_payload?",
       g.payload AS "geojson?"
  FROM jobs j
  LEFT JOIN LATERAL (
    SELECT r0.id FROM job_rounds r0 WHERE r0.job_id = j.id
     ORDER BY (r0.round_id = j.latest_round_id) DESC, r0.updated_at DESC LIMIT 1
  ) r ON true
  LEFT JOIN LATERAL (
    SELECT f0.kind, f0.payload FROM job_finals f0 WHERE f0.job_id = j.id
     ORDER BY (f0.kind = 'correction') DESC LIMIT 1
  ) f ON true
  LEFT JOIN LATERAL (
    SELECT g0.payload FROM job_geojson_exports g0 WHERE g0.job_id = j.id
     ORDER BY (g0.kind = f.kind) DESC, g0.updated_at DESC LIMIT 1
  ) g ON true
 WHERE j.job_id = :jobId!;

/* @name FindRoundImage */
SELECT image_id, artifact_path, report_artifact_path, content_type
  FROM round_images
 WHERE round_pk = :roundPk! AND image_id = :imageId!;
