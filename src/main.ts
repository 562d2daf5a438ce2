/**
 * `npm start`: configuration → database (embedded unless DATABASE_URL) →
 * migrations (checked through the runtime role's pool, run as the owner when
 * any are pending) → HTTP server (as the runtime role). Prints where
 * everything is; stops cleanly on SIGINT/SIGTERM (HTTP server, pool, then the
 * embedded cluster). LOG_LEVEL=debug logs a start-up timeline.
 */
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { devAdminKey } from './admin-key.js';
import { describeArtifacts, openArtifactStore } from './artifacts/open.js';
import { isLoopbackHost, loadConfigOrExit } from './config.js';
import type { Cluster } from './db/cluster.js';
import { startEmbeddedDatabase } from './db/embedded.js';
import { migrate, pendingMigrationsThrough, preloadMigrationRunner } from './db/migrate.js';
import { createLogger, lastResortNet } from './logger.js';
import { VERSION } from './version.js';

/**
 * The application's modules (HTTP, processing, documents, providers), imported while PostgreSQL
 * starts: the cluster is a child process, so loading them then costs no start-up time.
 */
function loadApplication() {
  return Promise.all([
    import('./db/pool.js'),
    import('./documents/traq-template.js'),
    import('./domain/placements.js'),
    import('./domain/retention.js'),
    import('./http/app.js'),
    import('./processing/runtime.js'),
    import('./providers/index.js'),
  ]);
}

/** Milliseconds since the process began (Node's own boot included), per start-up step. */
function startupTimeline() {
  const steps: Record<string, number> = {};
  return {
    steps,
    mark: (step: string) => {
      steps[step] = Math.round(performance.now());
    },
  };
}

function rel(p: string) {
  const r = path.relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
}

async function main() {
  const timeline = startupTimeline();
  timeline.mark('entry');
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  lastResortNet(logger);
  const say = (line: string) => process.stdout.write(`traq-server: ${line}\n`);
  // The application's modules load while the start waits on something else: PostgreSQL's child process
  // (after it was launched, so loading does not delay it), or the bucket check, or (external database) nothing.
  let loading: ReturnType<typeof loadApplication> | undefined;
  const load = () => {
    if (!loading) {
      timeline.mark('loading');
      loading = loadApplication();
      // Awaited below; a failed start before that must not also report it as unhandled.
      loading.then(() => timeline.mark('modules'), () => {});
    }
    return loading;
  };
  if (config.databaseUrl || config.artifacts.backend !== 'local') load();
  // Checked first: a bucket that does not answer should stop the start before a database is started for nothing.
  const store = await openArtifactStore(config);

  const admin = config.apiKey ? undefined : devAdminKey(config.dataDir);
  const adminKey = config.apiKey ?? admin!.key;

  let cluster: Cluster | undefined;
  let databaseUrl = config.databaseUrl;
  let migrationUrl = config.migrationDatabaseUrl;
  let pending: string[] | undefined;
  let prepareDatabase: (() => Promise<string[]>) | undefined;
  if (!databaseUrl) {
    const embedded = await startEmbeddedDatabase(
      config.dataDir,
      config.embeddedPgPort,
      (l) => say(`database: ${l}`),
      {
        onWaiting: (on) => {
          void load();
          if (on === 'initdb') preloadMigrationRunner(); // a new cluster: its database needs every migration
        },
        ownProcessGroup: true, // stopped below on SIGINT/SIGTERM, after the pool
        ownerCheck: 'when-needed', // a warm start checks through the pool below: one connection, not two
      },
    );
    cluster = embedded.cluster;
    databaseUrl = embedded.url;
    migrationUrl = embedded.ownerUrl;
    pending = embedded.pendingMigrations;
    prepareDatabase = embedded.prepare;
  }
  timeline.mark('database');
  const [
    { createPool },
    { loadTraqTemplate },
    { startArtifactHousekeeping },
    { scheduleRetention },
    { createApp },
    { createProcessing },
    { createProviders, findFfmpeg, letterPolisher },
  ] = await load();

  const pool = createPool(databaseUrl, config.dbPoolSize, logger);
  // Two connections open together, as each is a backend PostgreSQL starts (~25 ms here, more for the first after a
  // restart): the pool's first (the migrations check, then the artifact recovery) and a spare one (else the first
  // request opens it, while the round worker's first claim holds the other). The notification listener's waits for
  // the check, whose fallback may first have to set the runtime login's password.
  const spare = pool.connect().then((c) => c.release(), () => {}); // a refused login shows in the check below
  const migrated = (async () => {
    // Through the runtime login when the database start did not look (a warm embedded start, an external
    // database): no owner connection unless there is something to run.
    pending ??= await pendingMigrationsThrough(pool, prepareDatabase);
    await migrate(migrationUrl!, { pending, log: (m) => logger.debug({ migration: m }, 'migrate') });
    timeline.mark('migrations');
  })();
  migrated.catch(() => {}); // awaited below; a failed start before that must not also report it as unhandled
  // The HTTP app is built while those connections open: the main thread would only wait for them.
  const processing = createProcessing({ config, connectionString: databaseUrl, pool, store, logger, withWorker: config.inProcessWorker });
  const traqTemplate = await loadTraqTemplate({ templatePdf: config.traqTemplatePdf, fieldMap: config.traqFieldMap });
  const polish = letterPolisher(createProviders(config.openai));
  const app = createApp({ config, pool, store, logger, adminKey, version: VERSION, events: processing.events, traqTemplate, polish });
  // Finish file moves a killed process committed, and sweep its temp files, before serving (issue #12) and before
  // the round worker starts; the notification connection opens meanwhile.
  const recovering = migrated.then(() => startArtifactHousekeeping({ pool, store, logger }, config.tempMaxAgeSeconds));
  const [recovered] = await Promise.all([recovering, migrated.then(() => processing.start(recovering)), spare]);
  timeline.mark('ready');
  scheduleRetention({ pool, store, logger }, config.retentionIntervalHours);
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`port ${config.port} on ${config.host} is already in use; set PORT to another port`) : err),
    );
  });
  timeline.mark('listening');
  logger.debug({ timeline_ms: timeline.steps }, 'start-up timeline');
  const { port } = server.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;

  say(`listening on http://${shownHost}:${port} (health: http://${shownHost}:${port}/health, API document: /openapi.json)`);
  if (cluster) {
    say(`database: embedded PostgreSQL in ${rel(cluster.dataDir)} on 127.0.0.1:${cluster.port}${cluster.owned ? '' : ' (shared with another running server)'}, the server connected as traq_app`);
    say(`  psql: PGPASSWORD="$(cat ${rel(cluster.dataDir)}.password)" psql -h 127.0.0.1 -p ${cluster.port} -U ${cluster.user} traq`);
  } else {
    say(`database: external PostgreSQL from DATABASE_URL${migrationUrl === databaseUrl ? '' : ', migrated through TRAQ_MIGRATION_DATABASE_URL'}`);
  }
  say(`artifacts: ${describeArtifacts(config, rel)}`);
  say(
    `round processing: ${config.inProcessWorker ? `worker in this process (${config.worker.concurrency} rounds at a time)` : 'no worker here (TRAQ_WORKER=off; run npm run worker)'}, ` +
      `AI provider ${config.openai.configured ? config.openai.baseUrl : 'none (set OPENAI_API_KEY or OPENAI_BASE_URL)'}`,
  );
  const ffmpeg = findFfmpeg(config.ffmpegBin);
  say(
    ffmpeg
      ? `audio: recordings normalised to 16 kHz mono WAV with ${ffmpeg} before transcription (long ones split to fit the provider's upload limit)`
      : `audio: ffmpeg not found (${config.ffmpegBin ? `TRAQ_FFMPEG_BIN=${config.ffmpegBin}` : 'not on PATH'}): recordings go to the provider as uploaded`,
  );
  say(`TRAQ form: ${traqTemplate ? `template ${rel(config.traqTemplatePdf!)} with map ${rel(config.traqFieldMap!)}` : 'built-in summary form (no template configured)'}`);
  if (recovered.placed || recovered.swept) say(`recovery: ${recovered.placed} committed file moves finished, ${recovered.swept} stale temp files removed`);
  if (config.retentionIntervalHours > 0) say(`retention: pruning archived jobs every ${config.retentionIntervalHours} h`);
  if (admin) say(`admin API key: ${admin.created ? 'generated and ' : ''}stored in ${rel(admin.file)} (send it as x-api-key)`);
  else say('admin API key: from TRAQ_API_KEY');

  const { discovery } = config;
  const advertised = discovery.enabled ? (await import('./net/discovery.js')).advertise({ name: discovery.name, port: discovery.port || port, version: VERSION }, logger) : null;
  say(
    advertised
      ? `discovery: advertising "${discovery.name}" as _traq._tcp on port ${discovery.port || port} over mDNS (TRAQ_ENABLE_DISCOVERY=false turns it off)`
      : `discovery: off (${isLoopbackHost(config.host) ? 'HOST is loopback; ' : ''}TRAQ_ENABLE_DISCOVERY=true turns it on)`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received, stopping`);
    server.closeAllConnections?.();
    await advertised?.stop();
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
