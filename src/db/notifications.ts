import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from '../logger.js';

const BACKOFF_MIN_MS = 250;
const BACKOFF_MAX_MS = 5000;

/**
 * A dedicated connection that LISTENs on fixed channels and re-emits each
 * notification as an event named after its channel (payload as argument).
 * When the connection is lost (a PostgreSQL restart) it reconnects with
 * back-off, for as long as it takes, and LISTENs again; it emits 'listening'
 * after every (re)subscription. Listeners must tolerate missed events (poll as
 * a fallback), as NOTIFY is not durable and an outage drops them.
 */
export class NotificationListener extends EventEmitter {
  private client: pg.Client | undefined;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  /** (Re)subscriptions so far: 1 after start, +1 per reconnect. */
  subscriptions = 0;

  constructor(
    private readonly connectionString: string,
    private readonly channels: readonly string[],
    private readonly logger?: Logger,
  ) {
    super();
    this.setMaxListeners(0);
  }

  get connected(): boolean {
    return this.client !== undefined;
  }

  /** Connects and LISTENs; throws when the first attempt fails (start-up), reconnects on its own after that. */
  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'traq-server-listen' });
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = undefined;
      client.end().catch(() => {});
      if (this.closed) return;
      this.logger?.warn({ err: err?.message ?? 'connection ended' }, 'notification connection lost; reconnecting');
      this.reconnect(BACKOFF_MIN_MS);
    };
    client.on('notification', (n) => {
      if (n.payload !== undefined) this.emit(n.channel, n.payload);
    });
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      for (const channel of this.channels) await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    } catch (err) {
      lost = true; // the caller decides what happens next
      client.end().catch(() => {});
      throw err;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.subscriptions++;
    if (this.subscriptions > 1) this.logger?.info({ channels: this.channels }, 'notification connection re-established');
    this.emit('listening');
  }

  private reconnect(delayMs: number): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.connect().catch((err: Error) => {
        this.logger?.debug({ err: err.message, retry_ms: delayMs }, 'notification reconnect failed');
        this.reconnect(Math.min(delayMs * 2, BACKOFF_MAX_MS));
      });
    }, delayMs);
    this.retry.unref();
  }

  async stop(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }
}
