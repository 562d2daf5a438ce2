import type { ArtifactStore } from '../artifacts/store.js';
import type { Config } from '../config.js';
import type { Pool } from '../db/pool.js';
import type { Logger } from '../logger.js';
import { createProviders, findFfmpeg } from '../providers/index.js';
import { RoundEvents } from './round-events.js';
import { roundTask } from './round-task.js';
import { RoundWorker } from './worker.js';

export interface Processing {
  events: RoundEvents;
  /** The in-process worker, when this process runs one. */
  worker: RoundWorker | undefined;
  stop(): Promise<void>;
}

/**
 * Round notifications for the HTTP side, and a round worker when `withWorker`
 * (the server by default; `npm run worker` always; TRAQ_WORKER=off turns the
 * server's own off when workers run as separate processes).
 */
export async function startProcessing(options: {
  config: Config;
  connectionString: string;
  pool: Pool;
  store: ArtifactStore;
  logger: Logger;
  withWorker: boolean;
  /** The worker starts only once this settled (the server's artifact recovery); notifications connect meanwhile. */
  workAfter?: Promise<unknown>;
}): Promise<Processing> {
  const { config, pool, store, logger } = options;
  const events = new RoundEvents(options.connectionString, logger);
  await Promise.all([events.start(), options.workAfter]);
  let worker: RoundWorker | undefined;
  if (options.withWorker) {
    worker = new RoundWorker({
      pool,
      events,
      logger,
      handler: roundTask({ pool, store, providers: createProviders(config.openai, { ffmpeg: findFfmpeg(config.ffmpegBin) }), concurrency: config.processingConcurrency, logger }),
      concurrency: config.worker.concurrency,
      leaseSeconds: config.worker.leaseSeconds,
      maxAttempts: config.worker.maxAttempts,
      retryBackoffSeconds: config.worker.retryBackoffSeconds,
      stuckSeconds: config.worker.stuckSeconds,
    });
    worker.start();
  }
  return {
    events,
    worker,
    stop: async () => {
      await worker?.stop();
      await events.stop();
    },
  };
}
