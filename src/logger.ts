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
