/**
 * `npm run worker`: a round worker process, for scaling processing out
 * (run the servers with TRAQ_WORKER=off). Needs DATABASE_URL: the embedded
 * development cluster belongs to `npm start`, which runs its own worker.
 */
import { describeArtifacts, openArtifactStore } from './artifacts/open.js';
import { loadConfigOrExit } from './config.js';
import { createPool } from './db/pool.js';
import { createLogger, lastResortNet } from './logger.js';
import { startProcessing } from './processing/runtime.js';

async function main() {
  const config = loadConfigOrExit();
  if (!config.databaseUrl) {
    console.error('npm run worker needs DATABASE_URL (the embedded development database runs its worker inside npm start)');
    process.exit(78);
  }
  const logger = createLogger(config.logLevel);
  lastResortNet(logger);
  const pool = createPool(config.databaseUrl, Math.max(4, config.worker.concurrency + 2), logger);
  const processing = await startProcessing({
    config,
    connectionString: config.databaseUrl,
    pool,
    store: await openArtifactStore(config),
    logger,
    withWorker: true,
  });
  logger.info({ worker: processing.worker!.id, concurrency: config.worker.concurrency, artifacts: describeArtifacts(config) }, 'round worker started');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'round worker stopping after the rounds in hand');
    await processing.stop();
    await pool.end();
    process.exit(0);
  };
  process.on('unhandledRejection', (err) => logger.error({ err: (err as Error)?.message, stack: (err as Error)?.stack }, 'unhandled rejection'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: Error) => {
  console.error(`traq-server worker failed to start: ${err.message}`);
  process.exit(1);
});
