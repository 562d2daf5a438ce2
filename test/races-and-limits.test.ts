/**
 * Issue #11 items 8 and 10: PATCH racing DELETE on one customer or billing
 * profile is a 404 (it was a 500 TypeError); free-text fields have a length
 * limit in the API (422, nothing stored) and as named CHECKs in the schema.
 */
import t from 'tap';
import { startTestApp } from './helpers/app.js';
import { refusedUnchanged } from './helpers/digest.js';
import { approvedDevice } from './helpers/factories.js';

t.test('PATCH racing DELETE: 200 or 404, never a 5xx', async (t) => {
  const app = await startTestApp(t);
  const seen = new Set<string>();
  for (let i = 0; i < 15; i++) {
    const c = (await app.admin('POST', '/v1/admin/customers', { name: `Race ${i}` })).body.customer;
    const b = (await app.admin('POST', '/v1/admin/billing-profiles', { billing_name: `Race ${i}` })).body.billing_profile;
    const replies = await Promise.all([
      app.admin('DELETE', `/v1/admin/customers/${c.customer_code}`),
      app.admin('PATCH', `/v1/admin/customers/${c.customer_code}`, { phone: '555' }),
      app.admin('PATCH', `/v1/admin/customers/${c.customer_id}`, { address: 'x' }),
      app.admin('DELETE', `/v1/admin/billing-profiles/${b.billing_code}`),
      app.admin('PATCH', `/v1/admin/billing-profiles/${b.billing_code}`, { billing_address: 'y' }),
      app.admin('PATCH', `/v1/admin/billing-profiles/${b.billing_profile_id}`, { billing_name: 'z' }),
    ]);
    for (const r of replies) {
      seen.add(String(r.status));
      if (![200, 404].includes(r.status)) t.fail(`unexpected ${r.status}: ${r.text}`);
      if (r.status === 404) t.match(r.body, { detail: String, code: /_not_found$/ });
    }
  }
  t.ok(seen.has('200'), `statuses seen: ${[...seen].join(', ')}`);
  t.notOk([...seen].some((s) => s.startsWith('5')), 'no 5xx');
});

t.test('address and notes have a length limit: 422 in the API, named CHECKs in the schema', async (t) => {
  const app = await startTestApp(t);
  const device = await approvedDevice(app.pool);
  const long = 'a'.repeat(1001);
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/customers', { name: 'Long', address: long }), 422);
  await refusedUnchanged(t, app, () => app.admin('POST', '/v1/admin/billing-profiles', { billing_name: 'Long', billing_address: long }), 422);
  const job = {
    job_name: 'n', job_address: long, job_phone: '1', contact_preference: 'text', billing_name: 'b', billing_address: '1 St',
  };
  const res = await refusedUnchanged(t, app, () => app.request('POST', '/v1/jobs', { key: device.token, body: job }), 422);
  t.ok(res.body.detail.some((d: any) => d.loc.join('.') === 'body.job_address'), 'the issue names the field');
  await refusedUnchanged(t, app, () => app.request('POST', '/v1/jobs', { key: device.token, body: { ...job, job_address: '1 St', location_notes: 'n'.repeat(4001) } }), 422);
  t.equal((await app.request('POST', '/v1/jobs', { key: device.token, body: { ...job, job_address: 'a'.repeat(1000) } })).status, 200, 'at the limit is fine');

  const { rows } = await app.pool.query(
    `SELECT conname FROM pg_constraint WHERE contype = 'c' AND conname = ANY($1) ORDER BY conname`,
    [['customers_address_length', 'billing_profiles_billing_address_length', 'jobs_job_address_length', 'jobs_reason_length', 'jobs_location_notes_length', 'round_images_caption_length']],
  );
  t.equal(rows.length, 6, 'six named CHECK constraints');
  await t.rejects(app.pool.query(`INSERT INTO customers (customer_code, name, address) VALUES ('C9999', 'x', repeat('a', 1001))`), { code: '23514', constraint: 'customers_address_length' });
});
