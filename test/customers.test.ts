import t from 'tap';
import { startTestApp, type TestApp } from './helpers/app.js';
import { refusedUnchanged, tableDigest } from './helpers/digest.js';
import { approvedDevice, type TestDevice } from './helpers/factories.js';


const newJob = (app: TestApp, dev: TestDevice, over: Record<string, unknown>) =>
  app.request('POST', '/v1/jobs', {
    key: dev.token,
    body: { job_name: 'Job', job_address: 'Addr', job_phone: '555', contact_preference: 'text', billing_name: 'Payer', billing_address: 'Bill St', ...over },
  });

t.test('customers: create, search, update, duplicates, usage', async (t) => {
  const app = await startTestApp(t);
  const c1 = (await app.admin('POST', '/v1/admin/customers', { name: ' Test ', phone: '', address: '1 Elm' })).body;
  t.same(c1, { ok: true, customer: { customer_id: c1.customer.customer_id, customer_code: 'C0001', name: 'Test', phone: null, address: '1 Elm' } });
  const c2 = (await app.admin('POST', '/v1/admin/customers', { name: 'test' })).body.customer;
  t.equal(c2.customer_code, 'C0002', 'admin create always makes a new customer');
  await app.admin('POST', '/v1/admin/customers', { name: 'Maple Estates', phone: '916-1' });
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/customers', { name: '  ' }), 400, 'Customer name is required');

  t.same((await app.admin('GET', '/v1/admin/customers?search=maple')).body.customers.map((c: any) => c.customer_code), ['C0003']);
  t.same((await app.admin('GET', '/v1/admin/customers?search=elm')).body.customers.map((c: any) => c.customer_code), ['C0001'], 'address matches');
  t.equal((await app.admin('GET', '/v1/admin/customers')).body.customers.length, 3);

  // Paged: limit rows, then after=next_after until next_after is null; the old fields keep their shape.
  const first = (await app.admin('GET', '/v1/admin/customers?limit=2')).body;
  t.same(first.customers.map((c: any) => c.customer_code), ['C0001', 'C0002']);
  t.same([first.ok, first.has_more, first.next_after], [true, true, 'C0002']);
  const last = (await app.admin('GET', `/v1/admin/customers?limit=2&after=${first.next_after}`)).body;
  t.same([last.customers.map((c: any) => c.customer_code), last.has_more, last.next_after], [['C0003'], false, null]);
  t.same((await app.admin('GET', '/v1/admin/customers?search=test&limit=1&after=C0001')).body.customers.map((c: any) => c.customer_code), ['C0002'], 'search and paging combine');
  t.equal((await app.admin('GET', '/v1/admin/customers?limit=0')).status, 422, 'limit below 1 is refused');
  t.equal((await app.admin('GET', '/v1/admin/billing-profiles?limit=1')).body.next_after, null, 'billing profiles page the same way (none yet)');

  const dups = (await app.admin('GET', '/v1/admin/customers/duplicates')).body;
  t.same(dups, { ok: true, duplicates: [{ match_type: 'customer_name', normalized_name: 'test', count: 2, records: [c1.customer, c2] }] });

  const up = await app.admin('PATCH', `/v1/admin/customers/${c1.customer.customer_id}`, { phone: '555-1', address: '' });
  t.same(up.body.customer, { ...c1.customer, phone: '555-1', address: null }, 'null keeps the name; blank address clears');
  await refusedUnchanged(t, app, () => app.admin('PATCH', '/v1/admin/customers/C0001', { name: ' ' }), 400, 'Customer name cannot be blank');
  await refusedUnchanged(t, app, () => app.admin('PATCH', '/v1/admin/customers/C0404', { name: 'x' }), 404, 'Customer not found: C0404');

  const dev = await approvedDevice(app.pool);
  await newJob(app, dev, { customer_name: 'Maple Estates', job_phone: '916-1', job_address: '', tree_number: 4 });
  const usage = (await app.admin('GET', '/v1/admin/customers/c0003/usage')).body;
  t.match(usage, { ok: true, customer: { customer_code: 'C0003' }, job_count: 1, tree_count: 1, job_numbers: ['J0001'] });
  t.same(usage.jobs, [{ job_number: 'J0001', job_id: usage.jobs[0].job_id, billing_code: 'B0001', billing_name: 'Payer', tree_number: 4, status: 'DRAFT' }]);
  t.equal((await app.admin('GET', '/v1/admin/customers/C0009/usage')).status, 404);
  t.equal((await app.request('GET', '/v1/admin/customers', { key: dev.token })).status, 403, 'arborists cannot use admin routes');
});

t.test('customer merge moves jobs and trees, merging clashing tree numbers', async (t) => {
  const app = await startTestApp(t);
  const dev = await approvedDevice(app.pool);
  const src = { customer_name: 'Source', job_phone: '1', job_address: 'S' };
  const dst = { customer_name: 'Target', job_phone: '2', job_address: 'T' };
  const s1 = (await newJob(app, dev, { ...src, tree_number: 1 })).body; // clashes with target tree 1
  const s2 = (await newJob(app, dev, { ...src, tree_number: 2 })).body; // moves
  const s1b = (await newJob(app, dev, { ...src, tree_number: 1 })).body; // same source tree 1
  const t1 = (await newJob(app, dev, { ...dst, tree_number: 1 })).body;
  const before = await tableDigest(app.pool);
  t.match(await app.admin('POST', '/v1/admin/customers/C0001/merge', { into: 'c0001' }), { status: 400, body: { detail: 'Source and target customer must be different' } });
  t.match(await app.admin('POST', '/v1/admin/customers/C0001/merge', { into: 'C0077' }), { status: 404, body: { detail: 'Customer not found: C0077' } });
  t.same(await tableDigest(app.pool), before, 'refused merges change nothing');

  const res = await app.admin('POST', '/v1/admin/customers/C0001/merge', { into: 'C0002' });
  t.match(res.body, {
    ok: true,
    source_customer: { customer_code: 'C0001', name: 'Source' },
    target_customer: { customer_code: 'C0002', name: 'Target' },
    moved_job_count: 3,
    moved_tree_count: 1,
    merged_tree_count: 1,
  });
  const rows = await app.pool.query(
    `SELECT j.job_id, c.customer_code, j.tree_number, tr.tree_number AS tree_row_number, j.tree_id
       FROM jobs j JOIN customers c ON c.id = j.customer_id JOIN trees tr ON tr.id = j.tree_id`,
  );
  const byJob = Object.fromEntries(rows.rows.map((r) => [r.job_id, r]));
  t.ok(rows.rows.every((r) => r.customer_code === 'C0002' && r.tree_number === r.tree_row_number), 'every job on the target, tree ids and numbers agree');
  t.equal(byJob[s1.job_id].tree_id, byJob[t1.job_id].tree_id, 'the clashing tree merged into the target tree');
  t.equal(byJob[s1b.job_id].tree_id, byJob[t1.job_id].tree_id);
  t.equal(byJob[s2.job_id].tree_number, 2);
  t.same((await app.pool.query(`SELECT tree_number FROM trees ORDER BY 1`)).rows.map((r) => r.tree_number), [1, 2]);
  t.equal((await app.pool.query(`SELECT count(*)::int AS n FROM customers WHERE customer_code = 'C0001'`)).rows[0].n, 0, 'source deleted');
  t.match((await app.pool.query(`SELECT payload FROM job_events WHERE event_type = 'customer_merged'`)).rows, [
    { payload: { source_customer_code: 'C0001', target_customer_code: 'C0002', moved_job_count: 3 } },
  ]);
  const [assigned] = (await app.request('GET', '/v1/jobs/assigned', { key: dev.token })).body;
  t.match(assigned, { job_id: s1.job_id, customer_name: 'Target', job_phone: '2', address: 'T' }, 'job reads show the merge at once');
});

t.test('customer delete refused while in use', async (t) => {
  const app = await startTestApp(t);
  const dev = await approvedDevice(app.pool);
  await newJob(app, dev, { customer_name: 'Busy' });
  await refusedUnchanged(t, app, () => app.admin('DELETE', '/v1/admin/customers/C0001'), 400, 'Customer C0001 is still in use by 1 job(s)');
  await app.pool.query(`UPDATE jobs SET customer_id = NULL, tree_id = NULL, tree_number = NULL`);
  await refusedUnchanged(t, app, () => app.admin('DELETE', '/v1/admin/customers/C0001'), 400, 'Customer C0001 still has 1 tree record(s)');
  await app.pool.query(`DELETE FROM trees`);
  const res = await app.admin('DELETE', '/v1/admin/customers/c0001');
  t.match(res.body, { ok: true, deleted: true, customer: { customer_code: 'C0001', name: 'Busy' } });
  t.equal((await app.admin('DELETE', '/v1/admin/customers/C0001')).status, 404);
});

t.test('billing profiles: create, search, update, duplicates, usage, merge, delete', async (t) => {
  const app = await startTestApp(t);
  const dev = await approvedDevice(app.pool);
  const empty = (await app.admin('POST', '/v1/admin/billing-profiles', {})).body;
  t.same(empty, {
    ok: true,
    billing_profile: {
      billing_profile_id: empty.billing_profile.billing_profile_id,
      billing_code: 'B0001',
      billing_name: null,
      billing_contact_name: null,
      billing_address: null,
      contact_preference: null,
    },
  }, 'admin create always creates, even all-null');
  const b2 = (await app.admin('POST', '/v1/admin/billing-profiles', { billing_name: 'Acme', contact_preference: 'email' })).body.billing_profile;
  await newJob(app, dev, { billing_name: ' acme ', billing_address: 'X', contact_preference: 'text' });
  t.same((await app.admin('GET', '/v1/admin/billing-profiles?search=ACME')).body.billing_profiles.map((b: any) => b.billing_code), ['B0002', 'B0003']);
  const dups = (await app.admin('GET', '/v1/admin/billing-profiles/duplicates')).body.duplicates;
  t.match(dups, [{ match_type: 'billing_name', normalized_billing_name: 'acme', count: 2 }]);

  const up = await app.admin('PATCH', '/v1/admin/billing-profiles/b0002', { billing_contact_name: 'Lee', contact_preference: '' });
  t.same(up.body.billing_profile, { ...b2, billing_contact_name: 'Lee', contact_preference: null });
  await refusedUnchanged(t, app, () => app.admin('PATCH', '/v1/admin/billing-profiles/B0099', {}), 404, 'Billing profile not found: B0099');

  t.match((await app.admin('GET', '/v1/admin/billing-profiles/B0003/usage')).body, { ok: true, job_count: 1, job_numbers: ['J0001'], jobs: [{ customer_code: 'C0001', customer_name: 'Job' }] });
  await refusedUnchanged(t, app, () => app.admin('DELETE', '/v1/admin/billing-profiles/B0003'), 400, 'Billing profile B0003 is still in use by 1 job(s)');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/billing-profiles/B0003/merge', { into: 'b0003' }), 400, 'Source and target billing profiles must be different');

  const merged = await app.admin('POST', '/v1/admin/billing-profiles/B0003/merge', { into: 'B0002' });
  t.match(merged.body, { ok: true, source_billing_profile: { billing_code: 'B0003' }, target_billing_profile: { billing_code: 'B0002' }, moved_job_count: 1 });
  const [assigned] = (await app.request('GET', '/v1/jobs/assigned', { key: dev.token })).body;
  t.match(assigned, { billing_name: 'Acme', billing_contact_name: 'Lee', contact_preference: '' }, 'job reads show the merged profile');
  t.equal((await app.pool.query(`SELECT count(*)::int AS n FROM job_events WHERE event_type = 'billing_profile_merged'`)).rows[0].n, 1);
  const del = await app.admin('DELETE', '/v1/admin/billing-profiles/B0001');
  t.match(del.body, { ok: true, deleted: true, billing_profile: { billing_code: 'B0001' } });
});

t.test('projects: slugs normalized, duplicates refused, resolved by id or slug', async (t) => {
  const app = await startTestApp(t);
  const p = (await app.admin('POST', '/v1/admin/projects', { project: 'Briarwood' })).body;
  t.match(p, { ok: true, project: { project: 'Briarwood', project_slug: 'briarwood' } });
  t.match(p.project.project_id, /^project_[0-9a-f]{12}$/);
  t.equal((await app.admin('POST', '/v1/admin/projects', { project: 'Oak Park', project_slug: '  Oak PARK / North ' })).body.project.project_slug, 'oak-park-north', 'explicit slugs are slugified');
  t.equal((await app.admin('POST', '/v1/admin/projects', { project: '!!!' })).body.project.project_slug, 'project', 'fallback slug');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/projects', { project: ' ' }), 400, 'Project name is required');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/projects', { project: 'Briarwood' }), 400, 'Project already exists: Briarwood');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/projects', { project: 'Briarwood 2', project_slug: 'BRIARWOOD' }), 400, 'Project slug already exists: briarwood');

  let up = await app.admin('PATCH', '/v1/admin/projects/BRIARWOOD', { project: 'Briarwood West' });
  t.same(up.body, { ok: true, project: { project_id: p.project.project_id, project: 'Briarwood West', project_slug: 'briarwood-west' } }, 'rename re-derives the slug');
  up = await app.admin('PATCH', `/v1/admin/projects/${p.project.project_id}`, { project_slug: 'BW' });
  t.equal(up.body.project.project_slug, 'bw');
  await refusedUnchanged(t, app, () => app.admin('PATCH', '/v1/admin/projects/bw', { project: 'Oak Park' }), 400, 'Project already exists: Oak Park');
  await refusedUnchanged(t, app, () => app.admin('PATCH', '/v1/admin/projects/nothing', { project: 'x' }), 404, 'Project not found: nothing');
  const list = (await app.admin('GET', '/v1/admin/projects')).body.projects.map((x: any) => x.project);
  t.same(list, ['!!!', 'Briarwood West', 'Oak Park'], 'ordered by name');
});

t.test('races and oversized fields end in 4xx, never 500', async (t) => {
  const app = await startTestApp(t);
  const results = await Promise.all(Array.from({ length: 8 }, () => app.admin('POST', '/v1/admin/projects', { project: 'Same Name' })));
  t.same(results.map((r) => r.status).sort(), [200, 400, 400, 400, 400, 400, 400, 400], 'one project, the rest refused');
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/customers', { name: 'x'.repeat(256) }), 422);
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/billing-profiles', { contact_preference: 'x'.repeat(65) }), 422);
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs', { job_id: 'j'.repeat(129), job_number: 'J0001' }), 422);
});

t.test('every job-area route is in the OpenAPI document with a response schema', async (t) => {
  const app = await startTestApp(t);
  const doc = (await app.request('GET', '/openapi.json')).body;
  const want: [string, string][] = [
    ['/v1/jobs', 'post'],
    ['/v1/jobs/assigned', 'get'],
    ['/v1/jobs/{job_id}', 'get'],
    ['/v1/jobs/{job_id}', 'patch'],
    ['/v1/customers', 'get'],
    ['/v1/billing-profiles', 'get'],
    ['/v1/projects', 'get'],
    ['/v1/admin/jobs', 'post'],
    ['/v1/admin/jobs/{job_ref}', 'patch'],
    ['/v1/admin/jobs/resolve', 'get'],
    ['/v1/admin/jobs/assignments', 'get'],
    ['/v1/admin/jobs/{job_id}/assign', 'post'],
    ['/v1/admin/jobs/{job_id}/unassign', 'post'],
    ['/v1/admin/jobs/{job_id}/status', 'post'],
    ['/v1/admin/jobs/{job_id}/unlock', 'post'],
    ['/v1/admin/customers', 'get'],
    ['/v1/admin/customers', 'post'],
    ['/v1/admin/customers/duplicates', 'get'],
    ['/v1/admin/customers/{ref}', 'patch'],
    ['/v1/admin/customers/{ref}', 'delete'],
    ['/v1/admin/customers/{ref}/usage', 'get'],
    ['/v1/admin/customers/{ref}/merge', 'post'],
    ['/v1/admin/billing-profiles', 'get'],
    ['/v1/admin/billing-profiles', 'post'],
    ['/v1/admin/billing-profiles/duplicates', 'get'],
    ['/v1/admin/billing-profiles/{ref}', 'patch'],
    ['/v1/admin/billing-profiles/{ref}', 'delete'],
    ['/v1/admin/billing-profiles/{ref}/usage', 'get'],
    ['/v1/admin/billing-profiles/{ref}/merge', 'post'],
    ['/v1/admin/projects', 'get'],
    ['/v1/admin/projects', 'post'],
    ['/v1/admin/projects/{project_ref}', 'patch'],
  ];
  for (const [path, method] of want) {
    const op = doc.paths[path]?.[method];
    t.ok(op?.responses?.['200']?.content?.['application/json']?.schema, `${method.toUpperCase()} ${path}`);
  }
  t.ok(doc.paths['/v1/jobs'].post.requestBody.content['application/json'].schema.properties.job_name, 'request bodies are documented');
});

t.test('admin edits of customers, billing profiles and projects are audited (codes and changed fields, not personal values)', async (t) => {
  const app = await startTestApp(t);
  const c = await app.admin('POST', '/v1/admin/customers', { name: 'Audit Person', phone: '555-0101' });
  await app.admin('PATCH', `/v1/admin/customers/${c.body.customer.customer_code}`, { phone: '555-0202' });
  await app.admin('DELETE', `/v1/admin/customers/${c.body.customer.customer_code}`);
  const b = await app.admin('POST', '/v1/admin/billing-profiles', { billing_name: 'Payer' });
  await app.admin('PATCH', `/v1/admin/billing-profiles/${b.body.billing_profile.billing_code}`, { billing_address: '1 Pay St' });
  await app.admin('DELETE', `/v1/admin/billing-profiles/${b.body.billing_profile.billing_code}`);
  const p = await app.admin('POST', '/v1/admin/projects', { project: 'Audit Park' });
  await app.admin('PATCH', `/v1/admin/projects/${p.body.project.project_id}`, { project: 'Audit Park West' });
  const { rows } = await app.pool.query(`SELECT event_type, actor_identity, payload FROM job_events ORDER BY created_at, id`);
  t.match(
    rows.map((r) => [r.event_type, r.actor_identity]),
    [
      ['customer_created', 'admin'],
      ['customer_updated', 'admin'],
      ['customer_deleted', 'admin'],
      ['billing_profile_created', 'admin'],
      ['billing_profile_updated', 'admin'],
      ['billing_profile_deleted', 'admin'],
      ['project_created', 'admin'],
      ['project_updated', 'admin'],
    ],
  );
  t.same(rows[1].payload, { customer_code: c.body.customer.customer_code, changed: ['phone'] });
  t.notOk(JSON.stringify(rows.slice(0, 6)).includes('555-0'), 'no phone number in the audit trail');
  t.match(rows[7].payload, { from: { project: 'Audit Park', project_slug: 'audit-park' }, to: { project: 'Audit Park West', project_slug: 'audit-park-west' } });
});
