/**
 * POST /v1/jobs throughput at c=10 against c=1 on the same server and
 * database: interleaved rounds, medians. Creates that queue on one lock for
 * the whole request do not speed up with concurrency; creates that hold it
 * for one statement do.
 *
 *   node --import tsx bench/create.ts [rounds=4] [seconds per round=3]
 */
import { atLeast, benchCluster, fmt, load, median, printTable, progress, seedDevice, startApp, type BenchCluster, type Row } from './lib/harness.js';
import { createJob } from './lib/jobs.js';

export async function createBench(cluster: BenchCluster, options: { rounds?: number; seconds?: number } = {}): Promise<Row[]> {
  const rounds = options.rounds ?? 4;
  const ms = (options.seconds ?? 3) * 1000;
  const { url, pool } = await cluster.database('create');
  const { token } = await seedDevice(pool, 'bench-create');
  const app = await startApp(url, { compiled: true });
  try {
    const req = createJob(token);
    await load(app, req, { concurrency: 10, ms: 1000 }); // warm
    const one: number[] = [];
    const ten: number[] = [];
    const p50: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const c of r % 2 === 0 ? [1, 10] : [10, 1]) {
        const res = await load(app, req, { concurrency: c, ms });
        if (res.errors) throw new Error(`c=${c}: ${res.errors} failed creates`);
        (c === 1 ? one : ten).push(res.perSecond);
        if (c === 1) p50.push(res.p50);
      }
      progress(`create round ${r + 1}/${rounds}: c=1 ${fmt(one.at(-1)!, 0)}/s, c=10 ${fmt(ten.at(-1)!, 0)}/s`);
    }
    const { rows } = await pool.query<{ n: number; max: string }>(`SELECT count(*)::int AS n, max(job_number) AS max FROM jobs`);
    if (rows[0]!.max !== `J${String(rows[0]!.n).padStart(4, '0')}`) throw new Error(`job numbers are not gap-free: ${rows[0]!.n} jobs, highest ${rows[0]!.max}`);
    return [atLeast('POST /v1/jobs throughput, c=10 / c=1', median(ten) / median(one), 3, `${fmt(median(ten), 0)} vs ${fmt(median(one), 0)} creates/s (c=1 p50 ${fmt(median(p50), 1)} ms)`)];
  } finally {
    await app.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cluster = await benchCluster();
  try {
    printTable(await createBench(cluster, { rounds: Number(process.argv[2] ?? 4), seconds: Number(process.argv[3] ?? 3) }));
  } finally {
    await cluster.dispose();
  }
}
