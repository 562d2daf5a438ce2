/**
 * `npm start`: configuration → database (embedded unless DATABASE_URL) →
 * migrations → HTTP server. Prints where everything is; stops cleanly on
 * SIGINT/SIGTERM (HTTP server, pool, then the embedded cluster).
 */
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { devAdminKey } from './admin-key.js';
import { describeArtifacts, openArtifactStore } from './artifacts/open.js';
import { loadConfigOrExit } from './config.js';
import type { Cluster } from './db/cluster.js';
import { startEmbeddedDatabase } from './db/embedded.js';
import { migrate } from './db/migrate.js';
import { createPool } from './db/pool.js';
import { loadTraqTemplate } from './documents/traq-pdf.js';
import { startArtifactHousekeeping } from './domain/placements.js';
import { scheduleRetention } from './domain/retention.js';
import { createApp } from './http/app.js';
import { createLogger } from './logger.js';
import { startProcessing } from './processing/runtime.js';
import { createProviders, letterPolisher } from './providers/index.js';
import { VERSION } from './version.js';

function rel(p: string) {
  const r = path.relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
}

async function main() {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const say = (line: string) => process.stdout.write(`traq-server: ${line}\n`);
  // Checked first: a bucket that does not answer should stop the start before a database is started for nothing.
  const store = await openArtifactStore(config);

  const admin = config.apiKey ? undefined : devAdminKey(config.dataDir);
  const adminKey = config.apiKey ?? admin!.key;

  let cluster: Cluster | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const embedded = await startEmbeddedDatabase(config.dataDir, config.embeddedPgPort, (l) => say(`database: ${l}`));
    cluster = embedded.cluster;
    databaseUrl = embedded.url;
  }
  await migrate(databaseUrl, { log: (m) => logger.debug({ migration: m }, 'migrate') });

  const pool = createPool(databaseUrl, config.dbPoolSize, logger);
  // Finish file moves a killed process committed, and sweep its temp files, before serving (issue #12).
  const recovered = await startArtifactHousekeeping({ pool, store, logger }, config.tempMaxAgeSeconds);
  const processing = await startProcessing({ config, connectionString: databaseUrl, pool, store, logger, withWorker: config.inProcessWorker });
  const traqTemplate = await loadTraqTemplate({ templatePdf: config.traqTemplatePdf, fieldMap: config.traqFieldMap });
  const polish = letterPolisher(createProviders(config.openai));
  const app = createApp({ config, pool, store, logger, adminKey, version: VERSION, events: processing.events, traqTemplate, polish });
  scheduleRetention({ pool, store, logger }, config.retentionIntervalHours);
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`port ${config.port} on ${config.host} is already in use; set PORT to another port`) : err),
    );
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;

  say(`listening on http://${shownHost}:${port} (health: http://${shownHost}:${port}/health, API document: /openapi.json)`);
  if (cluster) {
    say(`database: embedded PostgreSQL in ${rel(cluster.dataDir)} on 127.0.0.1:${cluster.port}${cluster.owned ? '' : ' (shared with another running server)'}`);
    say(`  psql: PGPASSWORD="$(cat ${rel(cluster.dataDir)}.password)" psql -h 127.0.0.1 -p ${cluster.port} -U ${cluster.user} traq`);
  } else {
    say('database: external PostgreSQL from DATABASE_URL');
  }
  say(`artifacts: ${describeArtifacts(config, rel)}`);
  say(
    `round processing: ${config.inProcessWorker ? `worker in this process (${config.worker.concurrency} rounds at a time)` : 'no worker here (TRAQ_WORKER=off; run npm run worker)'}, ` +
      `AI provider ${config.openai.configured ? config.openai.baseUrl : 'none (set OPENAI_API_KEY or OPENAI_BASE_URL)'}`,
  );
  say(`TRAQ form: ${traqTemplate ? `template ${rel(config.traqTemplatePdf!)} with map ${rel(config.traqFieldMap!)}` : 'built-in summary form (no template configured)'}`);
  if (recovered.placed || recovered.swept) say(`recovery: ${recovered.placed} committed file moves finished, ${recovered.swept} stale temp files removed`);
  if (config.retentionIntervalHours > 0) say(`retention: pruning archived jobs every ${config.retentionIntervalHours} h`);
  if (admin) say(`admin API key: ${admin.created ? 'generated and ' : ''}stored in ${rel(admin.file)} (send it as x-api-key)`);
  else say('admin API key: from TRAQ_API_KEY');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received, stopping`);
    server.closeAllConnections?.();
    await new Promise<void>((r) => server.close(() => r()));
    await processing.stop();
    await pool.end();
    await cluster?.stop();
    process.exit(0);
  };
  // Last line of defence: every loop and connection handles its own errors, but a stray rejection must not end a
  // server that phones retry against all day (issue #12 item 3): log it and carry on.
  process.on('unhandledRejection', (err) => logger.error({ err: (err as Error)?.message, stack: (err as Error)?.stack }, 'unhandled rejection'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: Error) => {
  console.error(`traq-server failed to start: ${err.message}`);
  process.exit(1);
});
