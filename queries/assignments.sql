/* @name FindDeviceForAssignment */
SELECT id, device_id, status FROM devices WHERE device_id = :deviceId!;

/* @name FindAssignment */
SELECT a.id, d.device_id, a.assigned_by, a.assigned_at
  FROM job_assignments a JOIN devices d ON d.id = a.device_id
 WHERE a.job_id = :jobPk!
 FOR UPDATE OF a;

/* @name UpsertAssignment */
INSERT INTO job_assignments (job_id, device_id, assigned_by) VALUES (:jobPk!, :devicePk!, :assignedBy!)
ON CONFLICT (job_id) DO UPDATE
   SET device_id = EXCLUDED.device_id, assigned_by = EXCLUDED.assigned_by, assigned_at = now()
RETURNING assigned_at, assigned_by;

/* @name DeleteAssignment */
DELETE FROM job_assignments a USING devices d
 WHERE a.job_id = :jobPk! AND d.id = a.device_id
RETURNING d.device_id, a.assigned_by, a.assigned_at;

/* @name ListAssignments */
SELECT j.job_id, d.device_id, a.assigned_at, a.assigned_by
  FROM job_assignments a
  JOIN jobs j ON j.id = a.job_id
  JOIN devices d ON d.id = a.device_id
 ORDER BY a.assigned_at, j.job_number;
