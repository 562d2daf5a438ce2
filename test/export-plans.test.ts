/**
 * The export feed's first page must cost the same at any size: on a generated
 * data set (several logged changes per job), the statements of a page read
 * about one change-log row per job on the page, not every superseded change
 * from the cursor on. Row counts from EXPLAIN ANALYZE, not timings: a query
 * that walks the log fails this on any machine.
 */
import t from 'tap';
import { generateDataset } from '../bench/lib/dataset.js';
import type { Pool, PoolClient } from '../src/db/pool.js';
import { exportChanges } from '../src/domain/export.js';
import { feedSettled, freshDatabase } from './helpers/db.js';

interface Plan {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  Plans?: Plan[];
}

const LOG = new Set(['job_changes', 'job_latest_changes']);

/** Rows the plan's scans of the change log (and its per-job copy) produced, over all their loops. */
const logRows = (plan: Plan): number =>
  (plan['Relation Name'] && LOG.has(plan['Relation Name']) ? (plan['Actual Rows'] ?? 0) * (plan['Actual Loops'] ?? 1) : 0) +
  (plan.Plans ?? []).reduce((sum, p) => sum + logRows(p), 0);

const seqScans = (plan: Plan): string[] => [
  ...(plan['Node Type'] === 'Seq Scan' && plan['Relation Name'] && LOG.has(plan['Relation Name']) ? [plan['Relation Name']] : []),
  ...(plan.Plans ?? []).flatMap(seqScans),
];

/** A pool whose connections record every parameterised statement they are sent. */
function recordingPool(pool: Pool, sent: { text: string; values: unknown[] }[]): Pool {
  return new Proxy(pool, {
    get(target, prop) {
      if (prop === 'connect') {
        return async () => {
          const client = await target.connect();
          return new Proxy(client, {
            get(c, p) {
              if (p === 'query') {
                return (text: string, values?: unknown[]) => {
                  if (Array.isArray(values)) sent.push({ text, values });
                  return c.query(text, values);
                };
              }
              const v = Reflect.get(c, p) as unknown;
              return typeof v === 'function' ? v.bind(c) : v;
            },
          }) as PoolClient;
        };
      }
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

t.test('the first page of the feed reads one log row per listed job on a 5k-job data set', async (t) => {
  const { ownerUrl, pool } = await freshDatabase(t);
  await generateDataset(ownerUrl, 5000); // about four logged changes per job
  const { rows: [log] } = await pool.query(`SELECT count(*)::int AS n FROM job_changes`);
  t.ok(log.n > 15_000, `the log holds superseded changes (${log.n} rows for 5000 jobs)`);
  await feedSettled(pool);

  for (const cursor of [undefined, '2000-01-01T00:00:00Z']) {
    const sent: { text: string; values: unknown[] }[] = [];
    const page = await exportChanges(recordingPool(pool, sent), { limit: 100, ...(cursor ? { cursor } : {}) });
    t.equal(page.in_process.length, 100, `${cursor ?? 'no cursor'}: a full page`);
    t.ok(page.has_more);
    const list = sent.find((s) => /FROM latest l/.test(s.text));
    t.ok(list, 'the page query was sent');
    const { rows } = await pool.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${list!.text}`, list!.values);
    const plan = (rows[0]['QUERY PLAN'] as { Plan: Plan }[])[0]!.Plan;
    t.same(seqScans(plan), [], `${cursor ?? 'no cursor'}: no sequential scan of the log`);
    const read = logRows(plan);
    t.ok(read <= 3 * 101, `${cursor ?? 'no cursor'}: ${read} log rows read for a page of 101 (not the ${log.n}-row log)`);
  }
});
