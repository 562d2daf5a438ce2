import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON lines on stdout; nothing here ever logs headers, bodies or secrets.
 * Written asynchronously (a request never waits on a write to a slow pipe);
 * pino flushes what is still buffered when the process exits.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'traq-server' }, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination({ dest: 1, sync: false }));
}

/**
 * The last-resort net under every owner (request handler, worker, timers,
 * listeners): a rejection or exception that still escapes is logged with its
 * cause and the process keeps serving, because one client's request or one
 * background step must never take the server (and its embedded cluster) down.
 * Each loop is still expected to catch and recover on its own; a line here is a bug to fix.
 */
export function lastResortNet(logger: Logger): void {
  const log = (kind: string) => (err: unknown) => {
    const e = err as Error | undefined;
    logger.error({ err: { message: e?.message ?? String(err), code: (e as { code?: string })?.code, stack: e?.stack } }, kind);
  };
  process.on('unhandledRejection', log('unhandled rejection (kept running)'));
  process.on('uncaughtException', log('uncaught exception (kept running)'));
}
