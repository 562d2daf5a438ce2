/**
 * `npm run bench`: every side-by-side bench in one run on one throwaway
 * cluster, then one table of ratios against the goals of issue 16. Progress
 * goes to stderr; the table to stdout. Bounded: about 10 minutes on a busy
 * 2-core machine, most of it generating the 100k-job data set.
 *
 *   npm run bench [-- --quick]   (--quick: 20k jobs, fewer rounds)
 */
import { assignedBench } from './assigned.js';
import { createBench } from './create.js';
import { benchCluster, printTable, progress, type Row } from './lib/harness.js';
import { scaleBench } from './scale.js';

const quick = process.argv.includes('--quick');
const cluster = await benchCluster();
const rows: Row[] = [];
try {
  progress('assigned list vs the bare server, and idle RSS');
  rows.push(...(await assignedBench(cluster, { rounds: quick ? 3 : 5, seconds: 3 })));
  progress('create throughput, c=10 vs c=1');
  rows.push(...(await createBench(cluster, { rounds: quick ? 3 : 4, seconds: 3 })));
  progress(`hot endpoints at ${quick ? '20k' : '100k'} jobs vs 1k`);
  rows.push(...(await scaleBench(cluster, { big: quick ? 20_000 : 100_000, rounds: quick ? 5 : 7, seconds: 1.5 })));
} finally {
  await cluster.dispose();
}
printTable(rows);
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
