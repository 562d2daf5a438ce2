import t from 'tap';
import { startTestApp, type TestApp } from './helpers/app.js';
import { refusedUnchanged } from './helpers/digest.js';
import { approvedDevice } from './helpers/factories.js';
import { setLatestRound } from './helpers/rounds.js';


const jobPk = async (app: TestApp, jobId: string) => (await app.pool.query(`SELECT id FROM jobs WHERE job_id = $1`, [jobId])).rows[0].id as string;

async function pendingDevice(app: TestApp, deviceId: string) {
  await app.pool.query(`INSERT INTO devices (device_id) VALUES ($1)`, [deviceId]);
}

t.test('admin job create and update', async (t) => {
  const app = await startTestApp(t);
  const customer = (await app.admin('POST', '/v1/admin/customers', { name: 'Acme Parks', phone: '555', address: '1 Park Way' })).body.customer;
  const other = (await app.admin('POST', '/v1/admin/customers', { name: 'Birch Co', address: '2 Birch Rd' })).body.customer;
  const billing = (await app.admin('POST', '/v1/admin/billing-profiles', { billing_name: 'Acme Accounts' })).body.billing_profile;
  await app.admin('POST', '/v1/admin/projects', { project: 'North Side' });

  const res = await app.admin('POST', '/v1/admin/jobs', {
    job_id: 'job_custom1',
    job_number: 'j0042',
    customer_id: 'c0001',
    billing_profile_id: billing.billing_profile_id,
    project_id: 'north-side',
    tree_number: '3',
    status: 'review_returned',
  });
  t.equal(res.status, 200);
  t.same(res.body, {
    ok: true,
    job: {
      job_id: 'job_custom1',
      job_number: 'J0042',
      status: 'REVIEW_RETURNED',
      tree_number: 3,
      tree_id: res.body.job.tree_id,
      job_name: 'Acme Parks',
      job_address: '1 Park Way',
      reason: null,
      location_notes: null,
      tree_species: null,
      customer_id: customer.customer_id,
      customer_code: 'C0001',
      customer_name: 'Acme Parks',
      address: '1 Park Way',
      job_phone: '555',
      billing_profile_id: billing.billing_profile_id,
      billing_code: 'B0001',
      billing_name: 'Acme Accounts',
      billing_address: null,
      billing_contact_name: null,
      contact_preference: null,
      project_id: res.body.job.project_id,
      project: 'North Side',
      project_slug: 'north-side',
      latest_round_id: null,
      latest_round_status: null,
    },
  }, 'job_name/job_address default to the customer; refs by code; number upper-cased');
  t.equal((await app.pool.query(`SELECT count(*)::int AS n FROM job_assignments`)).rows[0].n, 0, 'not auto-assigned');
  t.match((await app.pool.query(`SELECT payload FROM job_events WHERE event_type = 'job_created'`)).rows[0].payload, { source: 'admin', job_number: 'J0042' });

  const base = { job_id: 'job_x', job_number: 'J0100' };
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs', { ...base, job_id: 'job_custom1' }), 400, 'Job already exists: job_custom1');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs', { ...base, job_number: 'J0042' }), 409, 'Job number already exists: J0042');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs', { ...base, job_number: '42' }), 400);
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs', { ...base, job_id: 'a/b' }), 400);
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs', { ...base, status: 'DONE' }), 400, 'DONE is not a valid JobStatus');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs', { ...base, tree_number: 2 }), 400, 'Customer is required before assigning a tree number');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs', { ...base, customer_id: 'C0999' }), 404, 'Customer not found: C0999');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs', { ...base, billing_profile_id: 'B0999' }), 404, 'Billing profile not found: B0999');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs', { ...base, project_id: 'nowhere' }), 404, 'Project not found: nowhere');
  const dev = await approvedDevice(app.pool);
  await refusedUnchanged(t, app, () => app.request('POST', '/v1/admin/jobs', { key: dev.token, body: base }), 403, 'Admin role required');

  // PATCH by job number (case-insensitive) and by id
  let p = await app.admin('PATCH', '/v1/admin/jobs/j0042', { customer_id: other.customer_id });
  t.match(p.body.job, { customer_code: 'C0002', job_name: 'Birch Co', job_address: '2 Birch Rd', tree_number: 1 }, 'relinked customer: its name/address, a new tree');
  p = await app.admin('PATCH', '/v1/admin/jobs/job_custom1', { tree_number: 'five', reason: ' leaning ', project_id: null, status: 'archived' });
  t.match(p.body.job, { tree_number: 5, reason: 'leaning', project_id: null, status: 'ARCHIVED', latest_round_status: null });
  p = await app.admin('PATCH', '/v1/admin/jobs/job_custom1', { customer_id: 'C0001', tree_number: 3, job_name: 'Kept name' });
  t.match(p.body.job, { customer_code: 'C0001', tree_number: 3, job_name: 'Kept name', job_address: '1 Park Way' }, 'explicit tree reused');
  t.equal((await app.pool.query(`SELECT count(*)::int AS n FROM trees WHERE tree_number = 3`)).rows[0].n, 1);
  await refusedUnchanged(t, app, () => app.admin('PATCH', '/v1/admin/jobs/J0999', { reason: 'x' }), 404, 'Job not found: J0999');
  await refusedUnchanged(t, app, () => app.admin('PATCH', '/v1/admin/jobs/J0042', { status: 'nope' }), 400);
  const bare = await app.admin('POST', '/v1/admin/jobs', { job_id: 'job_bare', job_number: 'J0043' });
  await refusedUnchanged(t, app, () => app.admin('PATCH', `/v1/admin/jobs/${bare.body.job.job_id}`, { tree_number: 1 }), 400, 'Customer is required before assigning a tree number');
  const types = await app.pool.query(`SELECT event_type, count(*)::int AS n FROM job_events WHERE job_id IS NOT NULL GROUP BY 1 ORDER BY 1`);
  t.same(types.rows, [
    { event_type: 'job_created', n: 2 },
    { event_type: 'job_updated', n: 3 },
    { event_type: 'status_changed', n: 1 },
  ]);
});

t.test('resolve a job reference', async (t) => {
  const app = await startTestApp(t);
  const dev = await approvedDevice(app.pool);
  const j = (await app.request('POST', '/v1/jobs', {
    key: dev.token,
    body: { job_name: 'A', job_address: 'B', job_phone: 'C', contact_preference: 'D', billing_name: 'E', billing_address: 'F' },
  })).body;
  const want = { ok: true, job_id: j.job_id, job_number: 'J0001', status: 'DRAFT' };
  t.same((await app.admin('GET', '/v1/admin/jobs/resolve?job_ref=J0001')).body, want);
  t.same((await app.admin('GET', '/v1/admin/jobs/resolve?job_ref=j0001')).body, want, 'job numbers are case-insensitive');
  t.same((await app.admin('GET', `/v1/admin/jobs/resolve?job_ref=${j.job_id}`)).body, want);
  t.match(await app.admin('GET', '/v1/admin/jobs/resolve?job_ref=%20'), { status: 400, body: { detail: 'job_ref is required' } });
  t.match(await app.admin('GET', '/v1/admin/jobs/resolve?job_ref=J0002'), { status: 404, body: { detail: 'Job not found' } });
  t.equal((await app.admin('GET', '/v1/admin/jobs/resolve')).status, 422);
});

t.test('assign, reassign, unassign, list', async (t) => {
  const app = await startTestApp(t);
  const a = await approvedDevice(app.pool);
  const b = await approvedDevice(app.pool);
  await pendingDevice(app, 'dev-pending');
  const j = (await app.admin('POST', '/v1/admin/jobs', { job_id: 'job_a', job_number: 'J0001' })).body.job;

  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs/job_nope/assign', { device_id: a.deviceId }), 404, 'Job not found');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs/job_a/assign', { device_id: ' ' }), 400, 'device_id is required');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs/job_a/assign', { device_id: 'ghost' }), 404, 'Device not found: ghost');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs/job_a/assign', { device_id: 'dev-pending' }), 403, 'Device must be approved before job assignment');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs/job_a/unassign'), 404, 'Job assignment not found: job_a');

  const res = await app.admin('POST', '/v1/admin/jobs/job_a/assign', { device_id: a.deviceId });
  t.match(res.body, { ok: true, assignment: { job_id: 'job_a', device_id: a.deviceId, assigned_by: 'admin' } });
  t.match(res.body.assignment.assigned_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  t.equal((await app.request('GET', `/v1/jobs/${j.job_id}`, { key: a.token })).status, 200, 'a reaches it');

  await app.admin('POST', '/v1/admin/jobs/job_a/assign', { device_id: b.deviceId });
  t.match(await app.request('GET', `/v1/jobs/${j.job_id}`, { key: a.token }), { status: 403, body: { detail: 'Job is assigned to another device' } }, 'ownership moved at once');
  t.equal((await app.request('GET', `/v1/jobs/${j.job_id}`, { key: b.token })).status, 200);
  const list = await app.admin('GET', '/v1/admin/jobs/assignments');
  t.match(list.body, { ok: true, assignments: [{ job_id: 'job_a', device_id: b.deviceId, assigned_by: 'admin' }] });
  t.equal(list.body.assignments.length, 1, 'one device per job');

  const removed = await app.admin('POST', '/v1/admin/jobs/job_a/unassign');
  t.match(removed.body, { ok: true, removed: { job_id: 'job_a', device_id: b.deviceId } });
  t.match(await app.request('GET', `/v1/jobs/${j.job_id}`, { key: b.token }), { status: 403, body: { detail: 'Job is not assigned to this device' } });
  const events = await app.pool.query(`SELECT event_type, payload FROM job_events WHERE event_type IN ('job_assigned', 'job_unassigned') ORDER BY created_at, event_type`);
  t.match(events.rows, [
    { event_type: 'job_assigned', payload: { device_id: a.deviceId, previous_device_id: null, assigned_by: 'admin' } },
    { event_type: 'job_assigned', payload: { device_id: b.deviceId, previous_device_id: a.deviceId } },
    { event_type: 'job_unassigned', payload: { device_id: b.deviceId } },
  ]);
});

t.test('admin status writes job and round rows together', async (t) => {
  // The round is set to SUBMITTED_FOR_PROCESSING in SQL below: no worker may take it before the admin does.
  const app = await startTestApp(t, { TRAQ_WORKER: 'off' });
  await app.admin('POST', '/v1/admin/jobs', { job_id: 'job_s', job_number: 'J0001' });
  const pk = await jobPk(app, 'job_s');
  const round = async (id: string) => (await app.pool.query(`SELECT status, failure_reason FROM job_rounds WHERE job_id = $1 AND round_id = $2`, [pk, id])).rows[0];

  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs/job_s/status', { status: 'DRAFT', round_status: 'DRAFT' }), 400, 'round_id is required');
  await setLatestRound(app.pool, pk, { n: 1, status: 'REVIEW_RETURNED' });
  await setLatestRound(app.pool, pk, { n: 2, status: 'SUBMITTED_FOR_PROCESSING' });

  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs/job_none/status', { status: 'DRAFT' }), 404, 'Job not found');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs/job_s/status', { status: 'done' }), 400, 'Invalid job status: DONE');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs/job_s/status', { status: 'DRAFT', round_status: 'ARCHIVED' }), 400, 'Invalid round status: ARCHIVED');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs/job_s/status', { status: 'DRAFT', round_id: 'round_9' }), 404, 'Round not found');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs/job_s/status', {}), 422);

  let res = await app.admin('POST', '/v1/admin/jobs/job_s/status', { status: 'failed', round_status: 'failed' });
  t.same(res.body, { ok: true, job_id: 'job_s', status: 'FAILED', latest_round_id: 'round_2', latest_round_status: 'FAILED' });
  t.match(await round('round_2'), { status: 'FAILED', failure_reason: 'Set to FAILED by an admin' }, 'the round row is persisted');
  res = await app.admin('POST', '/v1/admin/jobs/job_s/status', { status: 'REVIEW_RETURNED', round_id: 'round_1' });
  t.same(res.body, { ok: true, job_id: 'job_s', status: 'REVIEW_RETURNED', latest_round_id: 'round_1', latest_round_status: 'REVIEW_RETURNED' }, 'round_1 becomes latest with its own status');
  res = await app.admin('POST', '/v1/admin/jobs/job_s/status', { status: 'ARCHIVED' });
  t.equal(res.body.latest_round_id, 'round_1', 'status alone keeps the latest round');
  const events = await app.pool.query(`SELECT payload FROM job_events WHERE event_type = 'status_changed' ORDER BY created_at`);
  t.equal(events.rows.length, 3);
  t.match(events.rows[0].payload, { from: 'SUBMITTED_FOR_PROCESSING', to: 'FAILED', round_id: 'round_2', round_from: 'SUBMITTED_FOR_PROCESSING', round_to: 'FAILED' });
});

t.test('unlock reopens the round and checks the device before writing', async (t) => {
  const app = await startTestApp(t);
  const dev = await approvedDevice(app.pool);
  await pendingDevice(app, 'dev-pending');
  await app.admin('POST', '/v1/admin/jobs', { job_id: 'job_u', job_number: 'J0001' });
  const pk = await jobPk(app, 'job_u');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs/job_u/unlock'), 400, 'round_id is required');
  await setLatestRound(app.pool, pk, { n: 1, status: 'REVIEW_RETURNED', jobStatus: 'ARCHIVED' });

  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs/job_zz/unlock', {}), 404, 'Job not found');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs/job_u/unlock', { round_id: 'round_7' }), 404, 'Round not found');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs/job_u/unlock', { device_id: 'dev-pending' }), 403, 'Device must be approved before job assignment');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs/job_u/unlock', { device_id: 'ghost' }), 404, 'Device not found: ghost');

  const plain = await app.admin('POST', '/v1/admin/jobs/job_u/unlock');
  t.same(plain.body, { ok: true, job_id: 'job_u', round_id: 'round_1', status: 'DRAFT', assignment: null });
  const state = await app.pool.query(
    `SELECT j.status, j.latest_round_status, r.status AS round_status FROM jobs j JOIN job_rounds r ON r.job_id = j.id AND r.round_id = j.latest_round_id WHERE j.id = $1`,
    [pk],
  );
  t.same(state.rows[0], { status: 'DRAFT', latest_round_status: 'DRAFT', round_status: 'DRAFT' }, 'job and round row both DRAFT');

  await setLatestRound(app.pool, pk, { n: 1, status: 'REVIEW_RETURNED', jobStatus: 'ARCHIVED' });
  const res = await app.admin('POST', '/v1/admin/jobs/job_u/unlock', { round_id: 'round_1', device_id: dev.deviceId });
  t.match(res.body, { ok: true, round_id: 'round_1', status: 'DRAFT', assignment: { job_id: 'job_u', device_id: dev.deviceId, assigned_by: 'admin_unlock' } });
  t.equal((await app.request('PATCH', '/v1/jobs/job_u', { key: dev.token, body: { job_name: 'editable again' } })).status, 200, 'the device may edit again');
  const types = await app.pool.query(`SELECT event_type FROM job_events WHERE job_id = $1 ORDER BY created_at, event_type`, [pk]);
  t.same(types.rows.map((r) => r.event_type), ['job_created', 'job_unlocked', 'job_assigned', 'job_unlocked', 'job_updated'], 'one audit row per change');
});
