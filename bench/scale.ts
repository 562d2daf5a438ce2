/**
 * Each hot endpoint at 100k jobs (1M audit rows) against the same endpoint at
 * 1k jobs: two databases generated in SQL (bench/lib/dataset.ts), one server
 * on each, interleaved rounds, medians, ratios 100k / 1k.
 *
 * Each round measures every endpoint on both sizes back to back (order
 * alternating), so both see the same background load; on a shared machine the
 * ratios of short, many rounds are steadier than those of a few long ones.
 *
 *   node --import tsx bench/scale.ts [big=100000] [rounds=7] [seconds per measurement=1.5]
 */
import { generateDataset } from './lib/dataset.js';
import { ADMIN_KEY, atLeast, atMost, benchCluster, call, fmt, load, median, printTable, progress, seedDevice, startApp, type BenchCluster, type LoadResult, type Request, type Row, type Server } from './lib/harness.js';
import { createJob } from './lib/jobs.js';

const admin = { 'x-api-key': ADMIN_KEY };
const exportFirstPage: Request = { method: 'GET', path: '/v1/export/changes?limit=100', headers: admin };
const customerSearch: Request = { method: 'GET', path: '/v1/admin/customers?search=oak&limit=20', headers: admin };

export async function scaleBench(cluster: BenchCluster, options: { big?: number; rounds?: number; seconds?: number } = {}): Promise<Row[]> {
  const big = options.big ?? 100_000;
  const rounds = options.rounds ?? 7;
  const ms = (options.seconds ?? 1.5) * 1000;
  const sizes = [1000, big] as const;
  const subjects: { jobs: number; server: Server; token: string }[] = [];
  try {
    for (const jobs of sizes) {
      const { url, pool } = await cluster.database(`scale_${jobs}`);
      await generateDataset(url, jobs, (l) => progress(`${jobs} jobs: ${l}`));
      const { token } = await seedDevice(pool, `bench-scale-${jobs}`);
      subjects.push({ jobs, server: await startApp(url, { compiled: true, name: `app-${jobs}` }), token });
    }
    const searchSizes = await Promise.all(subjects.map(async (s) => (await call(s.server.url, customerSearch)).text.length));
    const measurements = [
      { key: 'create', req: (t: string) => createJob(t), concurrency: 1 },
      { key: 'create10', req: (t: string) => createJob(t), concurrency: 10 },
      { key: 'export', req: () => exportFirstPage, concurrency: 1 },
      { key: 'search', req: () => customerSearch, concurrency: 1 },
    ] as const;
    const results = new Map<string, LoadResult[]>();
    // Warm every statement past the plan cache's first executions and the JIT, on both servers.
    for (const s of subjects) for (const m of measurements) await load(s.server, m.req(s.token), { concurrency: m.concurrency, ms: 1500 });
    for (let r = 0; r < rounds; r++) {
      for (const m of measurements) {
        for (const s of r % 2 === 0 ? subjects : [...subjects].reverse()) {
          const res = await load(s.server, m.req(s.token), { concurrency: m.concurrency, ms });
          if (res.errors) throw new Error(`${m.key} at ${s.jobs}: ${res.errors} failed requests`);
          const k = `${m.key}@${s.jobs}`;
          results.set(k, [...(results.get(k) ?? []), res]);
        }
      }
      progress(`scale round ${r + 1}/${rounds} done`);
    }
    const med = (key: string, jobs: number, f: (r: LoadResult) => number) => median(results.get(`${key}@${jobs}`)!.map(f));
    const ratio = (key: string, f: (r: LoadResult) => number) => med(key, big, f) / med(key, 1000, f);
    const both = (key: string, f: (r: LoadResult) => number, unit: string, digits = 1) => `${fmt(med(key, big, f), digits)} vs ${fmt(med(key, 1000, f), digits)} ${unit}`;
    const p50 = (r: LoadResult) => r.p50;
    const rps = (r: LoadResult) => r.perSecond;
    const label = `${big / 1000}k`;
    return [
      atMost(`POST /v1/jobs p50 latency, ${label} / 1k jobs`, ratio('create', p50), 1.2, both('create', p50, 'ms')),
      atLeast(`POST /v1/jobs c=10 throughput, ${label} / 1k jobs`, ratio('create10', rps), 0.83, both('create10', rps, '/s', 0)),
      atMost(`export feed first page p50, ${label} / 1k jobs`, ratio('export', p50), 1.3, both('export', p50, 'ms')),
      atMost(`admin customer search "oak" (a 20-row page) p50, ${label} / 1k jobs`, ratio('search', p50), 1.5, `${both('search', p50, 'ms')}; ${searchSizes[1]} vs ${searchSizes[0]} bytes`),
    ];
  } finally {
    for (const s of subjects) await s.server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cluster = await benchCluster();
  try {
    printTable(await scaleBench(cluster, { big: Number(process.argv[2] ?? 100_000), rounds: Number(process.argv[3] ?? 7), seconds: Number(process.argv[4] ?? 1.5) }));
  } finally {
    await cluster.dispose();
  }
}
