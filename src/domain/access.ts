import type { Pool, PoolClient } from '../db/pool.js';
import type { Principal } from './principal.js';
import { problems } from './problems.js';
import { findJobForAccess, type IFindJobForAccessResult } from '../queries/access.queries.js';

export type AccessibleJob = IFindJobForAccessResult;

/**
 * The assignment guard for every job-scoped route (api.md §1.7, decision 3):
 * admins reach any existing job (404 otherwise); a device reaches only jobs
 * assigned to it. There is no silent claiming: an unassigned or unknown job
 * is a 403 for a device. With `finalOutputs`, the device that finalized a job
 * keeps read access to that job's final outputs after it was unassigned.
 */
export async function requireJobAccess(
  db: Pool | PoolClient,
  principal: Principal,
  jobId: string,
  options: { finalOutputs?: boolean } = {},
): Promise<AccessibleJob> {
  const [job] = await findJobForAccess.run({ jobId, devicePk: principal.devicePk }, db);
  if (principal.isAdmin) {
    if (!job) throw problems.jobNotFound();
    return job;
  }
  if (job && job.assigned_device_pk === principal.devicePk) return job;
  if (job && options.finalOutputs && job.finalized_by_caller) return job;
  if (job && job.assigned_device_pk) throw problems.jobAssignedToOtherDevice();
  throw problems.jobNotAssigned();
}
