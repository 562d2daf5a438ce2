/**
 * Job creation must cost the same at any size: on a generated data set, every
 * statement a device create sends (recorded from the real create path) is
 * planned without a sequential scan of a large table. Plans, not timings: a
 * missing index fails this test on any machine.
 */
import t from 'tap';
import { generateDataset } from '../bench/lib/dataset.js';
import type { PoolClient } from '../src/db/pool.js';
import { withTransaction } from '../src/db/tx.js';
import { createDeviceJob, type CreateJobInput } from '../src/domain/jobs.js';
import type { Principal } from '../src/domain/principal.js';
import { freshDatabase } from './helpers/db.js';
import { approvedDevice } from './helpers/factories.js';

const LARGE = new Set(['jobs', 'customers', 'billing_profiles', 'trees', 'job_events', 'job_changes', 'job_assignments', 'job_rounds']);

interface Plan {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: Plan[];
}

const seqScans = (plan: Plan): string[] => [
  ...(plan['Node Type'] === 'Seq Scan' && plan['Relation Name'] && LARGE.has(plan['Relation Name']) ? [plan['Relation Name']] : []),
  ...(plan.Plans ?? []).flatMap(seqScans),
];

/** Runs a create on a client that records every statement it is sent. */
async function recordCreate(pool: Parameters<typeof withTransaction>[0], actor: Principal, input: CreateJobInput) {
  const sent: { text: string; values: unknown[] }[] = [];
  await withTransaction(pool, (tx) => {
    const recording = new Proxy(tx, {
      get(target, prop) {
        if (prop === 'query') {
          return (text: string, values: unknown[]) => {
            sent.push({ text, values });
            return target.query(text, values);
          };
        }
        const v = Reflect.get(target, prop) as unknown;
        return typeof v === 'function' ? v.bind(target) : v;
      },
    }) as PoolClient;
    return createDeviceJob(recording, actor, input);
  });
  return sent;
}

t.test('every statement of a device job create uses indexes on a 5k-job data set', async (t) => {
  const { ownerUrl, pool } = await freshDatabase(t);
  await generateDataset(ownerUrl, 5000); // loads with triggers set aside: the owner's work, not the app's
  const device = await approvedDevice(pool);
  const actor: Principal = { kind: 'device', role: 'arborist', isAdmin: false, deviceId: device.deviceId, devicePk: device.devicePk, identity: `device:${device.deviceId}` };
  const { rows: [customer] } = await pool.query(`SELECT name, phone, address FROM customers ORDER BY customer_code OFFSET 123 LIMIT 1`);
  const { rows: [payer] } = await pool.query(`SELECT billing_name, billing_contact_name, billing_address, contact_preference FROM billing_profiles ORDER BY billing_code OFFSET 45 LIMIT 1`);

  const cases: [string, CreateJobInput][] = [
    ['new customer, new billing profile', { job_name: 'Fresh', job_address: '1 New St', job_phone: '555', contact_preference: 'text', billing_name: 'New payer', billing_address: 'Bill St' }],
    [
      'existing customer and billing profile, requested tree',
      { job_name: customer.name, job_address: customer.address, job_phone: customer.phone, tree_number: 3, ...payer },
    ],
    ['existing customer, next tree, no billing', { job_name: customer.name, job_address: customer.address, job_phone: customer.phone, contact_preference: '', billing_name: '', billing_address: '' }],
  ];
  for (const [label, input] of cases) {
    const before = (await pool.query(`SELECT count(*)::int AS n FROM customers`)).rows[0].n;
    const sent = await recordCreate(pool, actor, input);
    const after = (await pool.query(`SELECT count(*)::int AS n FROM customers`)).rows[0].n;
    t.equal(after - before, label.startsWith('new') ? 1 : 0, `${label}: customer ${label.startsWith('new') ? 'created' : 'reused'}`);
    const statements = sent.filter((s) => !/^\s*(BEGIN|COMMIT|ROLLBACK)/i.test(s.text));
    t.ok(statements.length >= 4, `${label}: ${statements.length} statements recorded`);
    for (const s of statements) {
      const { rows } = await pool.query(`EXPLAIN (FORMAT JSON) ${s.text}`, s.values);
      const plan = (rows[0]['QUERY PLAN'] as { Plan: Plan }[])[0]!.Plan;
      t.same(seqScans(plan), [], `${label}: no sequential scan in ${s.text.replace(/\s+/g, ' ').slice(0, 70)}…`);
    }
  }
});
