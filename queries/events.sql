/* @name InsertJobEvent */
INSERT INTO job_events (job_id, device_id, event_type, actor_identity, payload)
VALUES (:jobPk, :devicePk, :eventType!, :actor!, :payload!)
RETURNING id, created_at;

/* @name ListJobEvents */
SELECT e.id, e.event_type, e.actor_identity, e.payload, e.created_at, j.job_id, d.device_id
  FROM job_events e
  LEFT JOIN jobs j ON j.id = e.job_id
  LEFT JOIN devices d ON d.id = e.device_id
 WHERE (:jobPk::uuid IS NULL OR e.job_id = :jobPk)
   AND (:devicePk::uuid IS NULL OR e.device_id = :devicePk)
 ORDER BY e.created_at, e.id;
