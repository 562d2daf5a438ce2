/** Types generated for queries found in "queries/processing.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type job_status = 'ARCHIVED' | 'DRAFT' | 'FAILED' | 'NOT_STARTED' | 'REVIEW_RETURNED' | 'SUBMITTED_FOR_PROCESSING';

export type round_status = 'DRAFT' | 'FAILED' | 'REVIEW_RETURNED' | 'SUBMITTED_FOR_PROCESSING';

/** 'ClaimSubmittedRound' parameters type */
export interface IClaimSubmittedRoundParams {
  leaseSeconds: number;
  workerId: string;
}

/** 'ClaimSubmittedRound' return type */
export interface IClaimSubmittedRoundResult {
  /** Internal key; media and artifacts reference it as round_pk. */
  id: string;
  /** The job the round belongs to. */
  job_pk: string;
  /** How many times a worker has claimed the round since it was last submitted. */
  processing_attempts: number;
  /** Public round id, always round_<round_number>. */
  round_id: string;
}

/** 'ClaimSubmittedRound' query type */
export interface IClaimSubmittedRoundQuery {
  params: IClaimSubmittedRoundParams;
  result: IClaimSubmittedRoundResult;
}

const claimSubmittedRoundIR: any = {"usedParamSet":{"leaseSeconds":true,"workerId":true},"params":[{"name":"leaseSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":232,"b":245}]},{"name":"workerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":276,"b":285}]}],"statement":"-- the oldest submitted round nobody holds a live lease on, claimed for :workerId\nUPDATE job_rounds r\n   SET processing_attempts = r.processing_attempts + 1,\n       processing_lease_until = clock_timestamp() + make_interval(secs => :leaseSeconds!),\n       processing_worker = :workerId!,\n       processing_started_at = clock_timestamp()\n WHERE r.id = (\n   SELECT c.id FROM job_rounds c\n    WHERE c.status = 'SUBMITTED_FOR_PROCESSING'\n      AND (c.processing_lease_until IS NULL OR c.processing_lease_until < clock_timestamp())\n      AND (c.processing_run_after IS NULL OR c.processing_run_after <= clock_timestamp())\n    ORDER BY c.submitted_at NULLS FIRST, c.id\n    FOR UPDATE SKIP LOCKED\n    LIMIT 1)\nRETURNING r.id, r.job_id AS job_pk, r.round_id, r.processing_attempts"};

/**
 * Query generated from SQL:
 * ```
 * -- the oldest submitted round nobody holds a live lease on, claimed for :workerId
 * UPDATE job_rounds r
 *    SET processing_attempts = r.processing_attempts + 1,
 *        processing_lease_until = clock_timestamp() + make_interval(secs => :leaseSeconds!),
 *        processing_worker = :workerId!,
 *        processing_started_at = clock_timestamp()
 *  WHERE r.id = (
 *    SELECT c.id FROM job_rounds c
 *     WHERE c.status = 'SUBMITTED_FOR_PROCESSING'
 *       AND (c.processing_lease_until IS NULL OR c.processing_lease_until < clock_timestamp())
 *       AND (c.processing_run_after IS NULL OR c.processing_run_after <= clock_timestamp())
 *     ORDER BY c.submitted_at NULLS FIRST, c.id
 *     FOR UPDATE SKIP LOCKED
 *     LIMIT 1)
 * RETURNING r.id, r.job_id AS job_pk, r.round_id, r.processing_attempts
 * ```
 */
export const claimSubmittedRound = new PreparedQuery<IClaimSubmittedRoundParams,IClaimSubmittedRoundResult>(claimSubmittedRoundIR);


/** 'RenewRoundLease' parameters type */
export interface IRenewRoundLeaseParams {
  leaseSeconds: number;
  roundPk: string;
  workerId: string;
}

/** 'RenewRoundLease' return type */
export interface IRenewRoundLeaseResult {
  /** Internal key; media and artifacts reference it as round_pk. */
  id: string;
}

/** 'RenewRoundLease' query type */
export interface IRenewRoundLeaseQuery {
  params: IRenewRoundLeaseParams;
  result: IRenewRoundLeaseResult;
}

const renewRoundLeaseIR: any = {"usedParamSet":{"leaseSeconds":true,"roundPk":true,"workerId":true},"params":[{"name":"leaseSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":92,"b":105}]},{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":120,"b":128}]},{"name":"workerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":154,"b":163}]}],"statement":"UPDATE job_rounds\n   SET processing_lease_until = clock_timestamp() + make_interval(secs => :leaseSeconds!)\n WHERE id = :roundPk! AND processing_worker = :workerId! AND status = 'SUBMITTED_FOR_PROCESSING'\nRETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE job_rounds
 *    SET processing_lease_until = clock_timestamp() + make_interval(secs => :leaseSeconds!)
 *  WHERE id = :roundPk! AND processing_worker = :workerId! AND status = 'SUBMITTED_FOR_PROCESSING'
 * RETURNING id
 * ```
 */
export const renewRoundLease = new PreparedQuery<IRenewRoundLeaseParams,IRenewRoundLeaseResult>(renewRoundLeaseIR);


/** 'ReleaseRoundForRetry' parameters type */
export interface IReleaseRoundForRetryParams {
  backoffSeconds: number;
  reason: string;
  roundPk: string;
  workerId: string;
}

/** 'ReleaseRoundForRetry' return type */
export interface IReleaseRoundForRetryResult {
  /** Internal key; media and artifacts reference it as round_pk. */
  id: string;
}

/** 'ReleaseRoundForRetry' query type */
export interface IReleaseRoundForRetryQuery {
  params: IReleaseRoundForRetryParams;
  result: IReleaseRoundForRetryResult;
}

const releaseRoundForRetryIR: any = {"usedParamSet":{"backoffSeconds":true,"reason":true,"roundPk":true,"workerId":true},"params":[{"name":"backoffSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":205,"b":220}]},{"name":"reason","required":true,"transform":{"type":"scalar"},"locs":[{"a":248,"b":255}]},{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":269,"b":277}]},{"name":"workerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":303,"b":312}]}],"statement":"-- give a failed attempt back to the queue, claimable again after a back-off\nUPDATE job_rounds\n   SET processing_lease_until = NULL,\n       processing_run_after = clock_timestamp() + make_interval(secs => :backoffSeconds!),\n       failure_reason = :reason!\n WHERE id = :roundPk! AND processing_worker = :workerId! AND status = 'SUBMITTED_FOR_PROCESSING'\nRETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * -- give a failed attempt back to the queue, claimable again after a back-off
 * UPDATE job_rounds
 *    SET processing_lease_until = NULL,
 *        processing_run_after = clock_timestamp() + make_interval(secs => :backoffSeconds!),
 *        failure_reason = :reason!
 *  WHERE id = :roundPk! AND processing_worker = :workerId! AND status = 'SUBMITTED_FOR_PROCESSING'
 * RETURNING id
 * ```
 */
export const releaseRoundForRetry = new PreparedQuery<IReleaseRoundForRetryParams,IReleaseRoundForRetryResult>(releaseRoundForRetryIR);


/** 'FindStuckRounds' parameters type */
export interface IFindStuckRoundsParams {
  stuckSeconds: number;
}

/** 'FindStuckRounds' return type */
export interface IFindStuckRoundsResult {
  /** Internal key; media and artifacts reference it as round_pk. */
  id: string;
  /** The job the round belongs to. */
  job_pk: string;
  /** How many times a worker has claimed the round since it was last submitted. */
  processing_attempts: number;
  /** Public round id, always round_<round_number>. */
  round_id: string;
  /** When the round was last submitted (or reprocessed). */
  submitted_at: Date | null;
}

/** 'FindStuckRounds' query type */
export interface IFindStuckRoundsQuery {
  params: IFindStuckRoundsParams;
  result: IFindStuckRoundsResult;
}

const findStuckRoundsIR: any = {"usedParamSet":{"stuckSeconds":true},"params":[{"name":"stuckSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":371,"b":384}]}],"statement":"-- rounds submitted longer ago than the deadline and still not finished (unlocked: each is failed in a\n-- transaction of its own that locks its job first, see src/db/tx.ts)\nSELECT id, job_id AS job_pk, round_id, submitted_at, processing_attempts\n  FROM job_rounds\n WHERE status = 'SUBMITTED_FOR_PROCESSING'\n   AND submitted_at < clock_timestamp() - make_interval(secs => :stuckSeconds!)\n ORDER BY submitted_at"};

/**
 * Query generated from SQL:
 * ```
 * -- rounds submitted longer ago than the deadline and still not finished (unlocked: each is failed in a
 * -- transaction of its own that locks its job first, see src/db/tx.ts)
 * SELECT id, job_id AS job_pk, round_id, submitted_at, processing_attempts
 *   FROM job_rounds
 *  WHERE status = 'SUBMITTED_FOR_PROCESSING'
 *    AND submitted_at < clock_timestamp() - make_interval(secs => :stuckSeconds!)
 *  ORDER BY submitted_at
 * ```
 */
export const findStuckRounds = new PreparedQuery<IFindStuckRoundsParams,IFindStuckRoundsResult>(findStuckRoundsIR);


/** 'LockJobOfRound' parameters type */
export interface ILockJobOfRoundParams {
  roundPk: string;
}

/** 'LockJobOfRound' return type */
export interface ILockJobOfRoundResult {
  /** Internal key. */
  id: string;
}

/** 'LockJobOfRound' query type */
export interface ILockJobOfRoundQuery {
  params: ILockJobOfRoundParams;
  result: ILockJobOfRoundResult;
}

const lockJobOfRoundIR: any = {"usedParamSet":{"roundPk":true},"params":[{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":170,"b":178}]}],"statement":"-- the round's job row, locked first (lock order: job, then round, then the rest)\nSELECT j.id\n  FROM jobs j\n WHERE j.id = (SELECT r.job_id FROM job_rounds r WHERE r.id = :roundPk!)\n   FOR UPDATE"};

/**
 * Query generated from SQL:
 * ```
 * -- the round's job row, locked first (lock order: job, then round, then the rest)
 * SELECT j.id
 *   FROM jobs j
 *  WHERE j.id = (SELECT r.job_id FROM job_rounds r WHERE r.id = :roundPk!)
 *    FOR UPDATE
 * ```
 */
export const lockJobOfRound = new PreparedQuery<ILockJobOfRoundParams,ILockJobOfRoundResult>(lockJobOfRoundIR);


/** 'FailSubmittedRound' parameters type */
export interface IFailSubmittedRoundParams {
  reason: string;
  roundPk: string;
}

/** 'FailSubmittedRound' return type */
export interface IFailSubmittedRoundResult {
  /** Internal key; media and artifacts reference it as round_pk. */
  id: string;
  /** The job the round belongs to. */
  job_pk: string;
  /** Public round id, always round_<round_number>. */
  round_id: string;
}

/** 'FailSubmittedRound' query type */
export interface IFailSubmittedRoundQuery {
  params: IFailSubmittedRoundParams;
  result: IFailSubmittedRoundResult;
}

const failSubmittedRoundIR: any = {"usedParamSet":{"reason":true,"roundPk":true},"params":[{"name":"reason","required":true,"transform":{"type":"scalar"},"locs":[{"a":68,"b":75}]},{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":178,"b":186}]}],"statement":"UPDATE job_rounds\n   SET status = 'FAILED',\n       failure_reason = :reason!,\n       processing_lease_until = NULL,\n       processing_finished_at = clock_timestamp()\n WHERE id = :roundPk! AND status = 'SUBMITTED_FOR_PROCESSING'\nRETURNING id, job_id AS job_pk, round_id"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE job_rounds
 *    SET status = 'FAILED',
 *        failure_reason = :reason!,
 *        processing_lease_until = NULL,
 *        processing_finished_at = clock_timestamp()
 *  WHERE id = :roundPk! AND status = 'SUBMITTED_FOR_PROCESSING'
 * RETURNING id, job_id AS job_pk, round_id
 * ```
 */
export const failSubmittedRound = new PreparedQuery<IFailSubmittedRoundParams,IFailSubmittedRoundResult>(failSubmittedRoundIR);


/** 'MirrorLatestRoundStatus' parameters type */
export interface IMirrorLatestRoundStatusParams {
  jobPk: string;
  jobStatus: job_status;
  roundId: string;
  roundStatus: round_status;
}

/** 'MirrorLatestRoundStatus' return type */
export interface IMirrorLatestRoundStatusResult {
  /** Internal key. */
  id: string;
}

/** 'MirrorLatestRoundStatus' query type */
export interface IMirrorLatestRoundStatusQuery {
  params: IMirrorLatestRoundStatusParams;
  result: IMirrorLatestRoundStatusResult;
}

const mirrorLatestRoundStatusIR: any = {"usedParamSet":{"jobStatus":true,"roundStatus":true,"jobPk":true,"roundId":true},"params":[{"name":"jobStatus","required":true,"transform":{"type":"scalar"},"locs":[{"a":116,"b":126}]},{"name":"roundStatus","required":true,"transform":{"type":"scalar"},"locs":[{"a":151,"b":163}]},{"name":"jobPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":177,"b":183}]},{"name":"roundId","required":true,"transform":{"type":"scalar"},"locs":[{"a":207,"b":215}]}],"statement":"-- the job follows its latest round (jobs.status and jobs.latest_round_status together)\nUPDATE jobs\n   SET status = :jobStatus!, latest_round_status = :roundStatus!\n WHERE id = :jobPk! AND latest_round_id = :roundId!\nRETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * -- the job follows its latest round (jobs.status and jobs.latest_round_status together)
 * UPDATE jobs
 *    SET status = :jobStatus!, latest_round_status = :roundStatus!
 *  WHERE id = :jobPk! AND latest_round_id = :roundId!
 * RETURNING id
 * ```
 */
export const mirrorLatestRoundStatus = new PreparedQuery<IMirrorLatestRoundStatusParams,IMirrorLatestRoundStatusResult>(mirrorLatestRoundStatusIR);


/** 'GetRoundProcessingState' parameters type */
export interface IGetRoundProcessingStateParams {
  roundPk: string;
}

/** 'GetRoundProcessingState' return type */
export interface IGetRoundProcessingStateResult {
  /** Why the round is FAILED (processing error or the stuck-round watchdog). */
  failure_reason: string | null;
  /** How many times a worker has claimed the round since it was last submitted. */
  processing_attempts: number;
  /** Id of the worker that holds (or last held) the lease, for operators. */
  processing_worker: string | null;
  /** Workflow state of the round. */
  status: round_status;
}

/** 'GetRoundProcessingState' query type */
export interface IGetRoundProcessingStateQuery {
  params: IGetRoundProcessingStateParams;
  result: IGetRoundProcessingStateResult;
}

const getRoundProcessingStateIR: any = {"usedParamSet":{"roundPk":true},"params":[{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":97,"b":105}]}],"statement":"SELECT status, failure_reason, processing_attempts, processing_worker FROM job_rounds WHERE id = :roundPk!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT status, failure_reason, processing_attempts, processing_worker FROM job_rounds WHERE id = :roundPk!
 * ```
 */
export const getRoundProcessingState = new PreparedQuery<IGetRoundProcessingStateParams,IGetRoundProcessingStateResult>(getRoundProcessingStateIR);


/** 'NotifyRoundSubmitted' parameters type */
export interface INotifyRoundSubmittedParams {
  roundPk: string;
}

/** 'NotifyRoundSubmitted' return type */
export interface INotifyRoundSubmittedResult {
  notified: undefined | null;
}

/** 'NotifyRoundSubmitted' query type */
export interface INotifyRoundSubmittedQuery {
  params: INotifyRoundSubmittedParams;
  result: INotifyRoundSubmittedResult;
}

const notifyRoundSubmittedIR: any = {"usedParamSet":{"roundPk":true},"params":[{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":41,"b":49}]}],"statement":"SELECT pg_notify('traq_round_submitted', :roundPk!) AS \"notified\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT pg_notify('traq_round_submitted', :roundPk!) AS "notified"
 * ```
 */
export const notifyRoundSubmitted = new PreparedQuery<INotifyRoundSubmittedParams,INotifyRoundSubmittedResult>(notifyRoundSubmittedIR);


/** 'NotifyRoundFinished' parameters type */
export interface INotifyRoundFinishedParams {
  roundPk: string;
}

/** 'NotifyRoundFinished' return type */
export interface INotifyRoundFinishedResult {
  notified: undefined | null;
}

/** 'NotifyRoundFinished' query type */
export interface INotifyRoundFinishedQuery {
  params: INotifyRoundFinishedParams;
  result: INotifyRoundFinishedResult;
}

const notifyRoundFinishedIR: any = {"usedParamSet":{"roundPk":true},"params":[{"name":"roundPk","required":true,"transform":{"type":"scalar"},"locs":[{"a":40,"b":48}]}],"statement":"SELECT pg_notify('traq_round_finished', :roundPk!) AS \"notified\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT pg_notify('traq_round_finished', :roundPk!) AS "notified"
 * ```
 */
export const notifyRoundFinished = new PreparedQuery<INotifyRoundFinishedParams,INotifyRoundFinishedResult>(notifyRoundFinishedIR);


