import type { Pool, PoolClient } from '../db/pool.js';
import type { Actor } from './events.js';
import { problems } from './problems.js';
import {
  deleteAssignment,
  findAssignment,
  findDeviceForAssignment,
  listAssignments,
  upsertAssignment,
} from '../queries/assignments.queries.js';
import { recordEvent } from './events.js';
import { isoSeconds } from './time.js';

export type AssignedBy = 'auto' | 'admin' | 'admin_unlock';

export interface AssignableDevice {
  id: string;
  device_id: string;
}

/** An existing, approved device (api.md §1.7): 404 `Device not found: <id>`, 403 when not approved. */
export async function requireAssignableDevice(tx: PoolClient, deviceId: string | null | undefined): Promise<AssignableDevice> {
  const id = deviceId?.trim();
  if (!id) throw problems.assignDeviceIdRequired();
  const [device] = await findDeviceForAssignment.run({ deviceId: id }, tx);
  if (!device) throw problems.assignDeviceNotFound(id);
  if (device.status !== 'approved') throw problems.assignDeviceNotApproved();
  return device;
}

export const assignmentView = (jobId: string, deviceId: string, assignedAt: Date, assignedBy: string) => ({
  job_id: jobId,
  device_id: deviceId,
  assigned_at: isoSeconds(assignedAt)!,
  assigned_by: assignedBy,
});

/** Gives the job to the device at once (overwriting any earlier owner) and records job_assigned. */
export async function assignJob(
  tx: PoolClient,
  actor: Actor,
  job: { id: string; job_id: string },
  device: AssignableDevice,
  assignedBy: AssignedBy,
) {
  const [previous] = await findAssignment.run({ jobPk: job.id }, tx);
  const [row] = await upsertAssignment.run({ jobPk: job.id, devicePk: device.id, assignedBy }, tx);
  await recordEvent(tx, {
    type: 'job_assigned',
    actor,
    jobPk: job.id,
    devicePk: device.id,
    payload: { device_id: device.device_id, previous_device_id: previous?.device_id ?? null, assigned_by: assignedBy },
  });
  return assignmentView(job.job_id, device.device_id, row!.assigned_at, row!.assigned_by);
}

export async function unassignJob(tx: PoolClient, actor: Actor, job: { id: string; job_id: string }) {
  const [removed] = await deleteAssignment.run({ jobPk: job.id }, tx);
  if (!removed) throw problems.assignmentNotFound(job.job_id);
  await recordEvent(tx, {
    type: 'job_unassigned',
    actor,
    jobPk: job.id,
    payload: { device_id: removed.device_id, assigned_by: removed.assigned_by },
  });
  return assignmentView(job.job_id, removed.device_id, removed.assigned_at, removed.assigned_by);
}

export async function listAllAssignments(db: Pool) {
  const rows = await listAssignments.run(undefined, db);
  return rows.map((r) => assignmentView(r.job_id, r.device_id, r.assigned_at, r.assigned_by));
}
