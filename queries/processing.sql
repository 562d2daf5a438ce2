/* @name ClaimSubmittedRound */
-- the oldest submitted round nobody holds a live lease on, claimed for :workerId
UPDATE job_rounds r
   SET processing_attempts = r.processing_attempts + 1,
       processing_lease_until = clock_timestamp() + make_interval(secs => :leaseSeconds!),
       processing_worker = :workerId!,
       processing_started_at = clock_timestamp()
 WHERE r.id = (
   SELECT c.id FROM job_rounds c
    WHERE c.status = 'SUBMITTED_FOR_PROCESSING'
      AND (c.processing_lease_until IS NULL OR c.processing_lease_until < clock_timestamp())
      AND (c.processing_run_after IS NULL OR c.processing_run_after <= clock_timestamp())
    ORDER BY c.submitted_at NULLS FIRST, c.id
    FOR UPDATE SKIP LOCKED
    LIMIT 1)
RETURNING r.id, r.job_id AS job_pk, r.round_id, r.processing_attempts;

/* @name RenewRoundLease */
UPDATE job_rounds
   SET processing_lease_until = clock_timestamp() + make_interval(secs => :leaseSeconds!)
 WHERE id = :roundPk! AND processing_worker = :workerId! AND status = 'SUBMITTED_FOR_PROCESSING'
RETURNING id;

/* @name ReleaseRoundForRetry */
-- give a failed attempt back to the queue, claimable again after a back-off
UPDATE job_rounds
   SET processing_lease_until = NULL,
       processing_run_after = clock_timestamp() + make_interval(secs => :backoffSeconds!),
       failure_reason = :reason!
 WHERE id = :roundPk! AND processing_worker = :workerId! AND status = 'SUBMITTED_FOR_PROCESSING'
RETURNING id;

/* @name FindStuckRounds */
-- rounds submitted longer ago than the deadline and still not finished (unlocked: each is failed in a
-- transaction of its own that locks its job first, see src/db/tx.ts)
SELECT id, job_id AS job_pk, round_id, submitted_at, processing_attempts
  FROM job_rounds
 WHERE status = 'SUBMITTED_FOR_PROCESSING'
   AND submitted_at < clock_timestamp() - make_interval(secs => :stuckSeconds!)
 ORDER BY submitted_at;

/* @name LockJobOfRound */
-- the round's job row, locked first (lock order: job, then round, then the rest)
SELECT j.id
  FROM jobs j
 WHERE j.id = (SELECT r.job_id FROM job_rounds r WHERE r.id = :roundPk!)
   FOR UPDATE;

/* @name FailSubmittedRound */
UPDATE job_rounds
   SET status = 'FAILED',
       failure_reason = :reason!,
       processing_lease_until = NULL,
       processing_finished_at = clock_timestamp()
 WHERE id = :roundPk! AND status = 'SUBMITTED_FOR_PROCESSING'
RETURNING id, job_id AS job_pk, round_id;

/* @name MirrorLatestRoundStatus */
-- the job follows its latest round (jobs.status and jobs.latest_round_status together)
UPDATE jobs
   SET status = :jobStatus!, latest_round_status = :roundStatus!
 WHERE id = :jobPk! AND latest_round_id = :roundId!
RETURNING id;

/* @name GetRoundProcessingState */
SELECT status, failure_reason, processing_attempts, processing_worker FROM job_rounds WHERE id = :roundPk!;

/* @name NotifyRoundSubmitted */
SELECT pg_notify('traq_round_submitted', :roundPk!) AS "notified";

/* @name NotifyRoundFinished */
SELECT pg_notify('traq_round_finished', :roundPk!) AS "notified";
