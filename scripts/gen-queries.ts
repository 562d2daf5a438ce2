/**
 * Regenerates src/queries/*.queries.ts from queries/*.sql against a throwaway
 * cluster migrated from scratch. Fails on any pgtyped error (pgtyped itself
 * exits 0 when a query does not type, leaving a stale file behind).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from '../src/db/migrate.js';
import { throwawayCluster } from './throwaway-cluster.js';

const cluster = await throwawayCluster();
let failed = false;
try {
  await migrate(cluster.url('postgres'));
  // Generated files for queries that no longer exist must disappear too.
  for (const f of fs.readdirSync('src/queries')) if (f.endsWith('.queries.ts')) fs.rmSync(path.join('src/queries', f));
  const r = spawnSync('node_modules/.bin/pgtyped', ['-c', 'pgtyped.config.json'], {
    env: { ...process.env, DATABASE_URL: cluster.url('postgres') },
    encoding: 'utf8',
  });
  const output = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0 || /Error/.test(output)) {
    failed = true;
    process.stderr.write(output);
    console.error('db:gen failed: pgtyped reported errors (see above)');
  } else {
    console.log(`generated ${fs.readdirSync('src/queries').filter((f) => f.endsWith('.queries.ts')).length} query modules in src/queries/`);
  }
} finally {
  await cluster.dispose();
}
process.exit(failed ? 1 : 0);
