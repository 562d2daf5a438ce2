import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from '../logger.js';

/**
 * A dedicated connection that LISTENs on fixed channels and re-emits each
 * notification as an event named after its channel (payload as argument).
 * Reconnects after a lost connection; listeners must tolerate missed events
 * (poll as a fallback), as NOTIFY is not durable.
 */
export class NotificationListener extends EventEmitter {
  private client: pg.Client | undefined;
  private closed = false;

  constructor(
    private readonly connectionString: string,
    private readonly channels: readonly string[],
    private readonly logger?: Logger,
  ) {
    super();
    this.setMaxListeners(0);
  }

  async start(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'traq-server-listen' });
    client.on('notification', (n) => {
      if (n.payload !== undefined) this.emit(n.channel, n.payload);
    });
    client.on('error', (err) => {
      this.logger?.warn({ err: err.message }, 'notification connection lost; reconnecting');
      this.client = undefined;
      client.end().catch(() => {});
      if (!this.closed) setTimeout(() => void this.start().catch(() => {}), 1000).unref();
    });
    await client.connect();
    for (const channel of this.channels) await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    this.client = client;
  }

  async stop(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }
}
