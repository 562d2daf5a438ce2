/**
 * Typed fields of the job create and patch bodies are checked before anything runs: a
 * tree_number that is not a whole number, a number where text belongs, an unknown enum
 * value — 422 (or the old server's 400 for an admin status), nothing allocated or changed.
 */
import t from 'tap';
import { startTestApp } from './helpers/app.js';
import { refusedUnchanged } from './helpers/digest.js';
import { approvedDevice, jobBody as body } from './helpers/factories.js';


const app = await startTestApp(t);
const dev = await approvedDevice(app.pool);
const create = (over: Record<string, unknown>) => app.request('POST', '/v1/jobs', { key: dev.token, body: body(over) });
const first = await create({ tree_number: 2 });

t.test('job create: a tree_number that is not a whole number is 422 and allocates nothing', async (t) => {
  for (const bad of ['abc', '7.5', 7.5, 'eleven', '3 trees', true, {}, [3], 2_147_483_648, '99999999999', Number.MAX_SAFE_INTEGER]) {
    const res = await refusedUnchanged(t, app, () => create({ tree_number: bad }), 422);
    t.match(res.body.detail, [{ loc: ['body', 'tree_number'], msg: /^tree_number must be a whole number/ }], `${JSON.stringify(bad)}: the detail names tree_number`);
  }
  const next = await create({ tree_number: ' 4 ' });
  t.equal(next.status, 200);
  t.equal(next.body.job_number, 'J0002', 'no job number was burned by the refusals');
  t.equal(next.body.tree_number, 4, 'a digit string with spaces is read');
  for (const [value, expected] of [['', 5], [0, 6], ['-3', 7], ['two', 2], [null, 8]] as const) {
    t.equal((await create({ tree_number: value })).body.tree_number, expected, `${JSON.stringify(value)} is accepted (blank, zero and negative count as absent)`);
  }
});

t.test('job create and patch: wrong types and unknown fields values are 422, nothing changes', async (t) => {
  for (const [field, bad] of [['job_name', 5], ['job_phone', true], ['customer_name', 12], ['location_notes', { a: 1 }], ['project_id', 3]] as const) {
    await refusedUnchanged(t, app, () => create({ [field]: bad }), 422);
  }
  const patch = (b: unknown) => app.request('PATCH', `/v1/jobs/${first.body.job_id}`, { key: dev.token, body: b });
  for (const bad of [{ job_name: 5 }, { project_id: 3 }, { job_address: ['x'] }, { location_notes: false }]) {
    const res = await refusedUnchanged(t, app, () => patch(bad), 422);
    t.equal(res.body.detail[0].loc[1], Object.keys(bad)[0], `patch ${JSON.stringify(bad)}: the detail names the field`);
  }
});

t.test('admin job create and patch: tree_number and status are checked the same way', async (t) => {
  const base = { job_id: 'job_strict1', job_number: 'J9001', customer_id: 'C0001' };
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs', { ...base, tree_number: 'abc' }), 422);
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs', { ...base, tree_number: 1.5 }), 422);
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/jobs', { ...base, status: 'BOGUS' }), 400, 'BOGUS is not a valid JobStatus');
  t.equal((await app.admin('POST', '/v1/admin/jobs', { ...base, tree_number: '9' })).body.job.tree_number, 9);
  await refusedUnchanged(t, app, () => app.admin('PATCH', '/v1/admin/jobs/job_strict1', { tree_number: 'nine-ish' }), 422);
  await refusedUnchanged(t, app, () => app.admin('PATCH', '/v1/admin/jobs/job_strict1', { status: 'done' }), 400, 'done is not a valid JobStatus');
  await refusedUnchanged(t, app, () => app.admin('PATCH', '/v1/admin/jobs/job_strict1', { tree_species: 7 }), 422);
});
