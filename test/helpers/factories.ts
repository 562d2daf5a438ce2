/**
 * Test data made directly in the database, for tests that need a device or a
 * job without going through the endpoints that create them. Uniquely keyed,
 * so a test can make as many as it likes.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from '../../src/db/pool.js';

let seq = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++seq}-${randomBytes(3).toString('hex')}`;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface TestDevice {
  devicePk: string;
  deviceId: string;
  /** Plaintext bearer token (only its hash is in the database). */
  token: string;
}

/** An approved device with a live token. */
export async function approvedDevice(pool: Pool, options: { role?: 'arborist' | 'admin'; deviceId?: string } = {}): Promise<TestDevice> {
  const deviceId = options.deviceId ?? unique('dev');
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO devices (device_id, device_name, role, status, approved_at) VALUES ($1, 'Test phone', $2, 'approved', now()) RETURNING id`,
    [deviceId, options.role ?? 'arborist'],
  );
  const token = randomBytes(32).toString('base64url');
  await pool.query(`INSERT INTO device_tokens (token_hash, device_id, role, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')`, [
    sha256(token),
    rows[0]!.id,
    options.role ?? 'arborist',
  ]);
  return { devicePk: rows[0]!.id, deviceId, token };
}

export interface TestJob {
  jobPk: string;
  jobId: string;
  jobNumber: string;
}

/** A bare DRAFT job (no customer), optionally assigned to a device. */
export async function job(pool: Pool, options: { assignTo?: TestDevice; status?: string } = {}): Promise<TestJob> {
  const jobId = `job_${randomBytes(6).toString('hex')}`;
  const { rows } = await pool.query<{ id: string; job_number: string }>(
    `INSERT INTO jobs (job_id, job_number, status)
     VALUES ($1, 'J' || lpad((1000000 + floor(random() * 8000000))::int::text, 7, '0'), $2)
     RETURNING id, job_number`,
    [jobId, options.status ?? 'DRAFT'],
  );
  if (options.assignTo) {
    await pool.query(`INSERT INTO job_assignments (job_id, device_id, assigned_by) VALUES ($1, $2, 'admin')`, [rows[0]!.id, options.assignTo.devicePk]);
  }
  return { jobPk: rows[0]!.id, jobId, jobNumber: rows[0]!.job_number };
}

/** A device job-create body (POST /v1/jobs) with `over` applied: the fields the job tests build on. */
export const jobBody = (over: Record<string, unknown> = {}) => ({
  job_name: 'Job A',
  job_address: '123 Oak St',
  job_phone: '555-0100',
  contact_preference: 'text',
  billing_name: 'Customer A',
  billing_address: '123 Oak St',
  ...over,
});
