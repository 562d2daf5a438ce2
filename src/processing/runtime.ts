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

interface ProcessingOptions {
  config: Config;
  connectionString: string;
  pool: Pool;
  store: ArtifactStore;
  logger: Logger;
  withWorker: boolean;
}

/**
 * Round notifications for the HTTP side, and a round worker when `withWorker`
 * (the server by default; `npm run worker` always; TRAQ_WORKER=off turns the
 * server's own off when workers run as separate processes). Nothing connects
 * until start(): the server builds its app on `events` while its database
 * connections open.
 */
export function createProcessing(options: ProcessingOptions): Processing & {
  /** Connects the notifications; the worker starts once they are and `workAfter` (the server's artifact recovery) settled. */
  start(workAfter?: Promise<unknown>): Promise<void>;
} {
  const { config, pool, store, logger } = options;
  const events = new RoundEvents(options.connectionString, logger);
  let worker: RoundWorker | undefined;
  return {
    events,
    get worker() {
      return worker;
    },
    start: async (workAfter) => {
      await Promise.all([events.start(), workAfter]);
      if (!options.withWorker) return;
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
    },
    stop: async () => {
      await worker?.stop();
      await events.stop();
    },
  };
}

/** createProcessing, started. */
export async function startProcessing(options: ProcessingOptions): Promise<Processing> {
  const processing = createProcessing(options);
  await processing.start();
  return processing;
}
