import t from 'tap';
import { startTestApp, type TestApp } from './helpers/app.js';
import { refusedUnchanged, tableDigest } from './helpers/digest.js';
import { approvedDevice, job, jobBody as body, type TestDevice } from './helpers/factories.js';
import { setLatestRound } from './helpers/rounds.js';


const create = (app: TestApp, dev: TestDevice, over: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  app.request('POST', '/v1/jobs', { key: dev.token, body: body(over), headers });

const count = async (app: TestApp, sql: string, params: unknown[] = []) => (await app.pool.query(sql, params)).rows[0].n as number;


t.test('POST /v1/jobs creates, reuses customers and billing, numbers J0001…, auto-assigns', async (t) => {
  const app = await startTestApp(t);
  const dev = await approvedDevice(app.pool);

  const first = await create(app, dev, { tree_number: 7 });
  t.equal(first.status, 200);
  t.same(first.body, {
    job_id: first.body.job_id,
    job_number: 'J0001',
    status: 'DRAFT',
    project_id: null,
    project: null,
    project_slug: null,
    customer_name: 'Job A',
    tree_number: 7,
    address: '123 Oak St',
    tree_species: null,
    reason: null,
    job_name: 'Job A',
    job_address: '123 Oak St',
    job_phone: '555-0100',
    contact_preference: 'text',
    billing_name: 'Customer A',
    billing_address: '123 Oak St',
    billing_contact_name: null,
    location_notes: null,
  });
  t.match(first.body.job_id, /^job_[0-9a-f]{12}$/);

  const second = await create(app, dev, { job_address: ' 123 Oak St ', location_notes: '  ' });
  t.equal(second.body.job_number, 'J0002');
  t.equal(second.body.tree_number, 8, 'same customer (trimmed match): next tree number');
  t.equal(second.body.location_notes, null, 'blank notes stored as null');
  t.equal(await count(app, `SELECT count(*)::int AS n FROM customers`), 1, 'customer reused');
  t.equal(await count(app, `SELECT count(*)::int AS n FROM billing_profiles`), 1, 'billing reused');

  const third = await create(app, dev, { customer_name: 'Someone Else', job_phone: '', billing_contact_name: 'Pat' });
  t.equal(third.body.job_number, 'J0003');
  t.equal(third.body.customer_name, 'Someone Else');
  t.equal(third.body.job_phone, null, 'blank phone is null');
  t.equal(third.body.tree_number, 1, 'a new customer starts at tree 1');
  const codes = await app.pool.query(`SELECT customer_code FROM customers ORDER BY 1`);
  t.same(codes.rows.map((r) => r.customer_code), ['C0001', 'C0002']);
  const billing = await app.pool.query(`SELECT billing_code, billing_contact_name FROM billing_profiles ORDER BY 1`);
  t.same(billing.rows, [{ billing_code: 'B0001', billing_contact_name: null }, { billing_code: 'B0002', billing_contact_name: 'Pat' }]);

  const noBilling = await create(app, dev, { billing_name: ' ', billing_address: '', contact_preference: '' });
  t.equal(noBilling.status, 200);
  t.equal(noBilling.body.billing_name, null, 'all billing fields blank: no billing profile');
  t.equal(await count(app, `SELECT count(*)::int AS n FROM billing_profiles`), 2);

  const assigned = await app.request('GET', '/v1/jobs/assigned', { key: dev.token });
  t.same(assigned.body.map((j: any) => j.job_number), ['J0001', 'J0002', 'J0003', 'J0004'], 'every created job is assigned to its creator');
  t.equal(assigned.body[3].billing_name, '', 'assigned list shows "" for missing text');
  const by = await app.pool.query(`SELECT DISTINCT assigned_by FROM job_assignments`);
  t.same(by.rows, [{ assigned_by: 'auto' }]);
  const events = await app.pool.query(`SELECT event_type, actor_identity, payload FROM job_events ORDER BY created_at, event_type`);
  t.equal(events.rows.filter((e) => e.event_type === 'job_created').length, 4);
  t.equal(events.rows.filter((e) => e.event_type === 'job_assigned').length, 4);
  t.match(events.rows.find((e) => e.event_type === 'job_created'), {
    actor_identity: `device:${dev.deviceId}`,
    payload: { job_number: 'J0001', customer_code: 'C0001', billing_code: 'B0001', tree_number: 7, source: 'device' },
  });

  const byAdmin = await app.admin('POST', '/v1/jobs', body());
  t.equal(byAdmin.body.job_number, 'J0005');
  t.equal(await count(app, `SELECT count(*)::int AS n FROM job_assignments a JOIN jobs j ON j.id = a.job_id WHERE j.job_id = $1`, [byAdmin.body.job_id]), 0, 'an admin-created job is not assigned');
});

t.test('job numbers: counter and existing numbers decide; J10000 after J9999', async (t) => {
  const app = await startTestApp(t);
  const dev = await approvedDevice(app.pool);
  await app.admin('POST', '/v1/admin/jobs', { job_id: 'job_manual', job_number: 'J0500' });
  t.equal((await create(app, dev)).body.job_number, 'J0501', 'the largest existing number keeps the counter ahead');
  await app.pool.query(`UPDATE runtime_counters SET current_value = 9998 WHERE counter_key = 'job_number'`);
  t.equal((await create(app, dev)).body.job_number, 'J9999');
  t.equal((await create(app, dev)).body.job_number, 'J10000', 'five digits, no truncation');
  t.equal((await create(app, dev)).body.job_number, 'J10001');
});

t.test('tree numbers per customer: requested, reused, allocated, words, absent', async (t) => {
  const app = await startTestApp(t);
  const dev = await approvedDevice(app.pool);
  const tree = async (tree_number: unknown, over: Record<string, unknown> = {}) => (await create(app, dev, { tree_number, ...over })).body.tree_number;
  t.equal(await tree(7), 7, 'requested number created');
  t.equal(await tree(null), 8, 'no number: max + 1');
  t.equal(await tree('three'), 3, 'word');
  t.equal(await tree('ten'), 10, 'word ten');
  t.equal(await tree('4'), 4, 'digit string');
  t.equal(await tree(0), 11, 'zero counts as absent');
  t.equal(await tree(-2), 12, 'negative counts as absent');
  t.equal(await tree(7), 7, 'requested again');
  const trees = await app.pool.query(`SELECT tree_number, count(*)::int AS jobs FROM jobs GROUP BY 1 ORDER BY 1`);
  t.same(trees.rows.find((r) => r.tree_number === 7), { tree_number: 7, jobs: 2 });
  t.equal(await count(app, `SELECT count(*)::int AS n FROM trees WHERE tree_number = 7`), 1, 'the tree is reused, not duplicated');
  t.equal(await count(app, `SELECT count(*)::int AS n FROM jobs j JOIN trees tr ON tr.id = j.tree_id WHERE tr.tree_number <> j.tree_number`), 0, 'tree_id and tree_number agree');
  t.equal(await tree(7, { customer_name: 'Other Customer' }), 7, 'numbers are per customer');
  t.equal(await tree(null, { customer_name: 'Third Customer' }), 1);
});

t.test('create refusals leave the database unchanged', async (t) => {
  const app = await startTestApp(t);
  const dev = await approvedDevice(app.pool);
  await create(app, dev);
  await refusedUnchanged(t, app, () => create(app, dev, { job_name: '  ', customer_name: null }), 400, 'Customer name is required');
  await refusedUnchanged(t, app, () => create(app, dev, { project_id: 'nope' }), 404, 'Project not found: nope');
  const missing = await refusedUnchanged(t, app, () => app.request('POST', '/v1/jobs', { key: dev.token, body: { job_name: 'x' } }), 422);
  t.ok(Array.isArray(missing.body.detail), 'validation detail is a list');
  await refusedUnchanged(t, app, () => app.request('POST', '/v1/jobs', { body: body() }), 401, 'Invalid credentials');
  t.equal((await create(app, dev)).body.job_number, 'J0002', 'no number was burned by the refusals');
});

t.test('projects are resolved by project_id or slug', async (t) => {
  const app = await startTestApp(t);
  const dev = await approvedDevice(app.pool);
  const p = (await app.admin('POST', '/v1/admin/projects', { project: 'Briarwood' })).body.project;
  t.equal((await create(app, dev, { project_id: p.project_id })).body.project, 'Briarwood');
  t.match((await create(app, dev, { project_id: 'BRIARWOOD' })).body, { project_id: p.project_id, project_slug: 'briarwood' });
  t.same((await app.request('GET', '/v1/projects', { key: dev.token })).body, { ok: true, projects: [p] });
});

t.test('the assignment guard on GET /v1/jobs/:job_id', async (t) => {
  const app = await startTestApp(t);
  const owner = await approvedDevice(app.pool);
  const other = await approvedDevice(app.pool);
  const mine = (await create(app, owner, { tree_number: 2 })).body;
  const loose = await job(app.pool);

  const read = (id: string, key: string) => app.request('GET', `/v1/jobs/${id}`, { key });
  t.same((await read(mine.job_id, owner.token)).body, {
    status: 'DRAFT',
    latest_round_id: null,
    latest_round_status: null,
    project_id: null,
    project: null,
    project_slug: null,
    tree_number: 2,
    review_ready: false,
    server_revision_id: null,
  });
  t.match((await read(mine.job_id, other.token)), { status: 403, body: { detail: 'Job is assigned to another device', code: 'job_assigned_to_other_device' } });
  t.match((await read(loose.jobId, owner.token)), { status: 403, body: { detail: 'Job is not assigned to this device' } }, 'unassigned: no silent claiming');
  t.equal(await count(app, `SELECT count(*)::int AS n FROM job_assignments WHERE job_id = $1`, [loose.jobPk]), 0);
  t.match((await read('job_000000000000', owner.token)), { status: 403, body: { detail: 'Job is not assigned to this device' } }, 'unknown: 403 for a device');
  t.match((await read('job_000000000000', '')), { status: 401 });
  t.equal((await app.admin('GET', `/v1/jobs/${loose.jobId}`)).status, 200, 'admin reads any job');
  t.match((await app.admin('GET', '/v1/jobs/job_000000000000')), { status: 404, body: { detail: 'Job not found' } });
  const adminDevice = await approvedDevice(app.pool, { role: 'admin' });
  t.equal((await read(mine.job_id, adminDevice.token)).status, 200, 'an admin device reads any job');

  const jobPk = (await app.pool.query(`SELECT id FROM jobs WHERE job_id = $1`, [mine.job_id])).rows[0].id;
  await setLatestRound(app.pool, jobPk, { status: 'REVIEW_RETURNED', serverRevisionId: 'rev_round_1_1', reviewPayload: { transcript: 'hi' } });
  t.match((await read(mine.job_id, owner.token)).body, {
    status: 'REVIEW_RETURNED',
    latest_round_id: 'round_1',
    latest_round_status: 'REVIEW_RETURNED',
    review_ready: true,
    server_revision_id: 'rev_round_1_1',
  });
  const [assigned] = (await app.request('GET', '/v1/jobs/assigned', { key: owner.token })).body;
  t.match(assigned, { job_id: mine.job_id, server_revision_id: 'rev_round_1_1', review_payload: { transcript: 'hi' }, latest_round_status: 'REVIEW_RETURNED' });
  t.same((await app.request('GET', '/v1/jobs/assigned', { key: other.token })).body, [], 'other device sees nothing');
  t.same((await app.admin('GET', '/v1/jobs/assigned')).body.map((j: any) => j.job_id), [mine.job_id], 'admin sees every assignment row');
});

t.test('PATCH /v1/jobs/:job_id follows the lock matrix', async (t) => {
  // A round is put in SUBMITTED_FOR_PROCESSING in SQL below: no worker may take it while the test looks.
  const app = await startTestApp(t, { TRAQ_WORKER: 'off' });
  const dev = await approvedDevice(app.pool);
  const other = await approvedDevice(app.pool);
  const project = (await app.admin('POST', '/v1/admin/projects', { project: 'Campus' })).body.project;
  const j = (await create(app, dev, { location_notes: 'front yard' })).body;
  const jobPk = (await app.pool.query(`SELECT id FROM jobs WHERE job_id = $1`, [j.job_id])).rows[0].id;
  const patch = (b: unknown, key = dev.token) => app.request('PATCH', `/v1/jobs/${j.job_id}`, { key, body: b });

  let res = await patch({ job_name: '  New name ', project_id: 'campus' });
  t.equal(res.status, 200, 'no rounds: ok');
  t.match(res.body, { job_name: 'New name', project_id: project.project_id, location_notes: 'front yard', customer_name: 'Job A' }, 'customer name is the customer row, not the job name');
  res = await patch({ job_name: null, location_notes: '' });
  t.match(res.body, { job_name: 'New name', location_notes: null, project: 'Campus' }, 'null keeps, blank clears, absent project_id keeps');
  res = await patch({ project_id: null });
  t.equal(res.body.project_id, null, 'present null clears the project');

  for (const status of ['DRAFT', 'REVIEW_RETURNED', 'FAILED']) {
    await setLatestRound(app.pool, jobPk, { status });
    res = await patch({ job_address: `at ${status}` });
    t.equal(res.status, 200, `latest round ${status}: ok`);
    t.equal(res.body.status, status, 'status unchanged by the edit');
  }
  await setLatestRound(app.pool, jobPk, { status: 'SUBMITTED_FOR_PROCESSING' });
  await refusedUnchanged(t, app, () => patch({ job_name: 'x' }), 409, 'Job metadata is locked while processing. Wait for review return.');
  t.equal((await app.admin('PATCH', `/v1/jobs/${j.job_id}`, { job_name: 'by admin' })).status, 200, 'admins bypass the lock');
  await setLatestRound(app.pool, jobPk, { status: 'REVIEW_RETURNED', jobStatus: 'ARCHIVED' });
  await refusedUnchanged(t, app, () => patch({ job_name: 'x' }), 409, 'Archived jobs require admin reopen before metadata edits.');
  await refusedUnchanged(t, app, () => patch({ job_name: 'x' }, other.token), 403, 'Job is assigned to another device');
  await refusedUnchanged(t, app, () => app.admin('PATCH', `/v1/jobs/${j.job_id}`, { project_id: 'ghost' }), 404, 'Project not found: ghost');
  await refusedUnchanged(t, app, () => patch({ job_name: 5 }), 422);
  const updates = await count(app, `SELECT count(*)::int AS n FROM job_events WHERE job_id = $1 AND event_type = 'job_updated'`, [jobPk]);
  t.equal(updates, 7, 'one job_updated row per effective edit');
});

t.test('job reads join live customer and billing rows', async (t) => {
  const app = await startTestApp(t);
  const dev = await approvedDevice(app.pool);
  const j = (await create(app, dev)).body;
  await app.admin('PATCH', '/v1/admin/customers/c0001', { name: 'Renamed', phone: '555-9999', address: '1 New Rd' });
  await app.admin('PATCH', '/v1/admin/billing-profiles/B0001', { billing_name: 'New Payer' });
  const [assigned] = (await app.request('GET', '/v1/jobs/assigned', { key: dev.token })).body;
  t.match(assigned, { job_id: j.job_id, customer_name: 'Renamed', job_phone: '555-9999', address: '1 New Rd', billing_name: 'New Payer', job_address: '123 Oak St' });
  const patched = (await app.request('PATCH', `/v1/jobs/${j.job_id}`, { key: dev.token, body: {} })).body;
  t.match(patched, { customer_name: 'Renamed', billing_name: 'New Payer' });
});

t.test('200 concurrent creates: 200 distinct, gap-free numbers and 200 audit rows', async (t) => {
  const app = await startTestApp(t);
  const devs = [await approvedDevice(app.pool), await approvedDevice(app.pool)];
  const results = await Promise.all(
    Array.from({ length: 200 }, (_, i) => create(app, devs[i % 2]!, { customer_name: `Customer ${i % 7}`, billing_name: `Payer ${i % 5}` })),
  );
  t.same([...new Set(results.map((r) => r.status))], [200]);
  const numbers = results.map((r) => r.body.job_number).sort();
  t.same(numbers, Array.from({ length: 200 }, (_, i) => `J${String(i + 1).padStart(4, '0')}`), 'J0001…J0200, no gap, no duplicate');
  t.equal(await count(app, `SELECT count(*)::int AS n FROM job_events WHERE event_type = 'job_created'`), 200);
  t.equal(await count(app, `SELECT count(*)::int AS n FROM customers`), 7, 'concurrent creates reuse one customer per name');
  t.equal(await count(app, `SELECT count(*)::int AS n FROM billing_profiles`), 5);
  const perCustomer = await app.pool.query(`SELECT customer_id, count(*)::int AS n, max(tree_number) AS m FROM jobs GROUP BY 1`);
  t.ok(perCustomer.rows.every((r) => r.n === r.m), 'tree numbers per customer are 1..n');
});

t.test('an Idempotency-Key replay returns the first answer and creates nothing', async (t) => {
  const app = await startTestApp(t);
  const dev = await approvedDevice(app.pool);
  const first = await create(app, dev, {}, { 'Idempotency-Key': 'create-1' });
  const before = await tableDigest(app.pool);
  const replay = await create(app, dev, {}, { 'Idempotency-Key': 'create-1' });
  t.equal(replay.status, 200);
  t.same(replay.body, first.body, 'same job, same number');
  t.same(await tableDigest(app.pool), before, 'nothing allocated or written');
  const reused = await create(app, dev, { job_name: 'Other' }, { 'Idempotency-Key': 'create-1' });
  t.equal(reused.status, 422, 'the key with another body is refused');
  t.equal((await create(app, dev, {}, { 'Idempotency-Key': 'create-2' })).body.job_number, 'J0002');
  const otherDev = await approvedDevice(app.pool);
  t.equal((await create(app, otherDev, {}, { 'Idempotency-Key': 'create-1' })).body.job_number, 'J0003', 'keys are per caller');
});

t.test('lookups for job prefill', async (t) => {
  const app = await startTestApp(t);
  const dev = await approvedDevice(app.pool);
  await create(app, dev, { customer_name: 'Sacramento State Arboretum', job_address: 'Sacramento State University', job_phone: '916 278 6011' });
  await create(app, dev, { customer_name: 'Oak Lane HOA', billing_name: 'HOA Board', billing_contact_name: 'Kim' });
  const all = await app.request('GET', '/v1/customers', { key: dev.token });
  t.same(all.body[0], {
    customer_id: all.body[0].customer_id,
    customer_code: 'C0001',
    customer_name: 'Sacramento State Arboretum',
    job_name: 'Sacramento State Arboretum',
    job_address: 'Sacramento State University',
    job_phone: '916 278 6011',
  });
  t.same((await app.request('GET', '/v1/customers?query=ARBOR', { key: dev.token })).body.map((c: any) => c.customer_code), ['C0001']);
  t.same((await app.request('GET', '/v1/customers?query=6011', { key: dev.token })).body.map((c: any) => c.customer_code), ['C0001'], 'phone matches');
  t.same((await app.request('GET', '/v1/customers?query=c0002', { key: dev.token })).body.map((c: any) => c.customer_code), ['C0002'], 'code matches');
  const billing = await app.request('GET', '/v1/billing-profiles?query=kim', { key: dev.token });
  t.same(billing.body, [
    {
      billing_profile_id: billing.body[0].billing_profile_id,
      billing_code: 'B0002',
      billing_name: 'HOA Board',
      billing_contact_name: 'Kim',
      billing_address: '123 Oak St',
      contact_preference: 'text',
    },
  ]);
  t.equal((await app.request('GET', '/v1/customers', {})).status, 401);
});
