import t from 'tap';
import { requireJobAccess } from '../src/domain/access.js';
import { recordEvent } from '../src/domain/events.js';
import { withTransaction } from '../src/db/tx.js';
import { ADMIN_KEY_PRINCIPAL, authenticate, type Principal } from '../src/domain/principal.js';
import { listJobEvents } from '../src/queries/events.queries.js';
import { rejectsWith } from './helpers/assert.js';
import { freshDatabase } from './helpers/db.js';
import { approvedDevice, job } from './helpers/factories.js';

const ADMIN_KEY = 'admin-key-for-access-tests';

t.test('the assignment guard: owner, other device, unassigned, unknown, admin, finalizer', async (t) => {
  const { pool } = await freshDatabase(t);
  const owner = await approvedDevice(pool);
  const other = await approvedDevice(pool);
  const asOwner = await authenticate(pool, ADMIN_KEY, owner.token);
  const asOther = await authenticate(pool, ADMIN_KEY, other.token);
  const assigned = await job(pool, { assignTo: owner });
  const unassigned = await job(pool);

  t.equal((await requireJobAccess(pool, asOwner, assigned.jobId)).job_id, assigned.jobId, 'owner reaches its job');
  await rejectsWith(t, requireJobAccess(pool, asOther, assigned.jobId), { status: 403, detail: 'Job is assigned to another device' });
  await rejectsWith(t, requireJobAccess(pool, asOwner, unassigned.jobId), { status: 403, detail: 'Job is not assigned to this device' }, 'no silent claiming');
  await rejectsWith(t, requireJobAccess(pool, asOwner, 'job_unknown'), { status: 403, detail: 'Job is not assigned to this device' }, 'a device never learns a job is unknown');
  t.equal((await requireJobAccess(pool, ADMIN_KEY_PRINCIPAL, unassigned.jobId)).job_id, unassigned.jobId, 'admin reaches any job');
  await rejectsWith(t, requireJobAccess(pool, ADMIN_KEY_PRINCIPAL, 'job_unknown'), { status: 404, detail: 'Job not found' });
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM job_assignments WHERE job_id = $1`, [unassigned.jobPk]);
  t.equal(rows[0].n, 0, 'a refused device did not claim the job');

  await pool.query(`INSERT INTO job_finals (job_id, kind, actor_identity, payload, finalized_by_device_id) VALUES ($1, 'final', $2, '{}', $3)`, [
    unassigned.jobPk,
    asOwner.identity,
    owner.devicePk,
  ]);
  t.equal((await requireJobAccess(pool, asOwner, unassigned.jobId, { finalOutputs: true })).job_id, unassigned.jobId, 'the finalizer still reads final outputs');
  await rejectsWith(t, requireJobAccess(pool, asOwner, unassigned.jobId), { status: 403 }, 'but nothing else of the job');
  await rejectsWith(t, requireJobAccess(pool, asOther, unassigned.jobId, { finalOutputs: true }), { status: 403 }, 'another device does not');
});

t.test('authentication follows the device row live', async (t) => {
  const { pool } = await freshDatabase(t);
  const dev = await approvedDevice(pool, { role: 'admin' });
  t.match(await authenticate(pool, ADMIN_KEY, dev.token), { kind: 'device', isAdmin: true, identity: `device:${dev.deviceId}` });
  await pool.query(`UPDATE devices SET role = 'arborist' WHERE id = $1`, [dev.devicePk]);
  t.match(await authenticate(pool, ADMIN_KEY, dev.token), { isAdmin: false, role: 'arborist' }, 'a demotion applies to the next request');
  await pool.query(`UPDATE devices SET status = 'revoked', revoked_at = now() WHERE id = $1`, [dev.devicePk]);
  await rejectsWith(t, authenticate(pool, ADMIN_KEY, dev.token), { status: 401, detail: 'Invalid credentials' }, 'a revoked device is refused at once');
  await rejectsWith(t, authenticate(pool, ADMIN_KEY, undefined), { status: 401 });
  await rejectsWith(t, authenticate(pool, ADMIN_KEY, 'not-a-token'), { status: 401 });
  t.equal((await authenticate(pool, ADMIN_KEY, ADMIN_KEY)).identity, 'admin', 'the admin key never appears in the identity');
});

t.test('recordEvent appends with the actor and nothing else', async (t) => {
  const { pool } = await freshDatabase(t);
  const dev = await approvedDevice(pool);
  const principal: Principal = await authenticate(pool, ADMIN_KEY, dev.token);
  const j = await job(pool);
  await withTransaction(pool, (tx) => recordEvent(tx, { type: 'job_created', actor: principal, jobPk: j.jobPk, payload: { job_number: j.jobNumber } }));
  await t.rejects(
    withTransaction(pool, async (tx) => {
      await recordEvent(tx, { type: 'job_updated', actor: 'system', jobPk: j.jobPk });
      throw new Error('the change failed');
    }),
    /the change failed/,
  );
  const events = await listJobEvents.run({ jobPk: j.jobPk, devicePk: null }, pool);
  t.equal(events.length, 1, 'the rolled-back change left no audit row');
  t.match(events[0], { event_type: 'job_created', actor_identity: `device:${dev.deviceId}`, device_id: dev.deviceId, payload: { job_number: j.jobNumber } });
});
