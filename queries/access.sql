/* @name FindJobForAccess */
SELECT j.id, j.job_id, j.job_number, j.status,
       a.device_id AS assigned_device_pk,
       EXISTS (SELECT 1 FROM job_finals f
                WHERE f.job_id = j.id AND f.finalized_by_device_id = :devicePk) AS "finalized_by_caller!"
  FROM jobs j
  LEFT JOIN job_assignments a ON a.job_id = j.id
 WHERE j.job_id = :jobId!;
