/* @name ResolveJobRef */
-- a job named by its job_id or its job number (numbers are stored uppercase; the ref may be any case)
SELECT j.id AS job_pk, j.job_id, j.job_number, j.status
  FROM jobs j
 WHERE j.job_id = :ref! OR j.job_number = upper(:ref!)
 ORDER BY (j.job_id = :ref!) DESC
 LIMIT 1;

/* @name FindPreferredFinal */
-- the correction when there is one, else the original final
SELECT f.id, f.kind, f.payload
  FROM job_finals f
 WHERE f.job_id = :jobPk!
 ORDER BY (f.kind = 'correction') DESC
 LIMIT 1;

/* @name FindFinalArtifact */
-- the newest file of a kind produced for one final or correction
SELECT a.path, a.content_type, a.byte_size
  FROM artifacts a
 WHERE a.job_final_id = :jobFinalId! AND a.kind = :kind!
 ORDER BY a.created_at DESC
 LIMIT 1;

/* @name FindGeojsonOfFinal */
-- the GeoJSON made from that final or correction, else the job's newest one
SELECT g.kind, g.payload
  FROM job_geojson_exports g
 WHERE g.job_id = :jobPk!
 ORDER BY (g.job_final_id = :jobFinalId!) DESC, g.updated_at DESC
 LIMIT 1;
