import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON lines on stdout; nothing here ever logs headers, bodies or secrets. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'traq-server' }, timestamp: pino.stdTimeFunctions.isoTime });
}
