/**
 * What every command gets: the chosen mode and, on demand, the local services
 * (database pool and artifact store, the embedded cluster started or joined
 * when DATABASE_URL is unset) or the remote API client. A command group asks
 * for its backend with `rt.backend({ local, remote })`, so each group states
 * its two implementations side by side.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ArtifactStore } from '../artifacts/store.js';
import type { Config } from '../config.js';
import type { Cluster } from '../db/cluster.js';
import type { Pool } from '../db/pool.js';
import { ADMIN_KEY_FILE } from '../admin-key.js';
import type { Principal } from '../domain/principal.js';
import type { Actor } from '../domain/events.js';
import { usageError } from './errors.js';
import { RemoteClient } from './http.js';
import { note } from './output.js';

export type Mode = 'local' | 'remote';

export interface GlobalOptions {
  mode?: Mode;
  host?: string;
  apiKey?: string;
  json?: boolean;
}

export interface LocalServices {
  pool: Pool;
  /** The database the pool connects to (DATABASE_URL, or the embedded cluster's). */
  databaseUrl: string;
  store: ArtifactStore;
  config: Config;
  /** Local changes are recorded in job_events as the admin, like the admin key over HTTP. */
  actor: Actor;
  /** The same admin, for domain functions that take a Principal (access checks, lifecycle). */
  principal: Principal;
}

export interface BackendImpl<T> {
  local(services: LocalServices): T;
  remote(client: RemoteClient): T;
}

export class Runtime {
  private services?: Promise<LocalServices>;
  private cluster?: Cluster;

  constructor(
    private readonly options: () => GlobalOptions,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  get json(): boolean {
    return Boolean(this.options().json);
  }

  private get host(): string | undefined {
    // TRAQ_CLOUD_ADMIN_BASE_URL / TRAQ_CLOUD_API_KEY: the old tool's names (data-model §9), still read.
    return this.options().host ?? (this.env.TRAQ_ADMIN_HOST?.trim() || this.env.TRAQ_CLOUD_ADMIN_BASE_URL?.trim() || undefined);
  }

  /** Explicit --mode (or the leading word local|remote), else remote when a host is configured, else local. */
  get mode(): Mode {
    return this.options().mode ?? (this.host ? 'remote' : 'local');
  }

  remote(): RemoteClient {
    const host = this.host;
    if (!host) throw usageError('Remote mode needs --host <url> or TRAQ_ADMIN_HOST');
    if (!/^https?:\/\//.test(host)) throw usageError(`--host must be an http:// or https:// URL (got ${host})`);
    const key =
      this.options().apiKey ?? (this.env.TRAQ_API_KEY?.trim() || this.env.TRAQ_CLOUD_API_KEY?.trim() || undefined) ?? this.devKey(host);
    if (!key) throw usageError('Remote mode needs --api-key <key> or TRAQ_API_KEY');
    return new RemoteClient(host, key);
  }

  /**
   * A development server's generated key (<TRAQ_DATA_DIR>/admin-api-key), for a server on this machine only:
   * the file is never sent anywhere else.
   */
  private devKey(host: string): string | undefined {
    if (!['localhost', '127.0.0.1', '[::1]'].includes(new URL(host).hostname)) return undefined;
    try {
      const dir = path.resolve(this.env.TRAQ_DATA_DIR?.trim() || 'files');
      return fs.readFileSync(path.join(dir, ADMIN_KEY_FILE), 'utf8').trim() || undefined;
    } catch {
      return undefined;
    }
  }

  local(): Promise<LocalServices> {
    this.services ??= this.openLocal(true);
    return this.services;
  }

  /** The local services on a database left as found: no migration even of the embedded one (restore needs it empty). */
  unmigrated(): Promise<LocalServices> {
    this.services ??= this.openLocal(false);
    return this.services;
  }

  private async openLocal(migrateEmbedded: boolean): Promise<LocalServices> {
    // Imported here: remote mode and --help need none of the configuration, database or store modules.
    const [{ loadConfig }, { startEmbeddedDatabase }, { createPool }, { artifactStoreOnDemand }, { ADMIN_KEY_PRINCIPAL }] = await Promise.all([
      import('../config.js'),
      import('../db/embedded.js'),
      import('../db/pool.js'),
      import('../artifacts/open.js'),
      import('../domain/principal.js'),
    ]);
    // The CLI never serves HTTP, so the production rule "no start without TRAQ_API_KEY" does not apply to it.
    const config = loadConfig({ ...this.env, TRAQ_ENV: 'development' });
    // A restore (the one caller that skips migrating) loads rows with triggers set aside: it needs the owner.
    let url = migrateEmbedded ? config.databaseUrl : config.migrationDatabaseUrl;
    if (!url) {
      const embedded = await startEmbeddedDatabase(config.dataDir, config.embeddedPgPort, (line) => note(`database: ${line}`));
      this.cluster = embedded.cluster;
      url = migrateEmbedded ? embedded.url : embedded.ownerUrl;
      // The development database may be brand new; the server would migrate it at start too (as the owner;
      // the commands then run as the runtime role, like the server). An external DATABASE_URL is left
      // alone: its schema is the deployed server's business.
      const { migrate } = await import('../db/migrate.js');
      if (migrateEmbedded) await migrate(embedded.ownerUrl, { pending: embedded.pendingMigrations });
    }
    const pool = createPool(url, 4);
    return { pool, databaseUrl: url, store: artifactStoreOnDemand(config), config, actor: ADMIN_KEY_PRINCIPAL, principal: ADMIN_KEY_PRINCIPAL };
  }

  async backend<T>(impl: BackendImpl<T>): Promise<T> {
    return this.mode === 'remote' ? impl.remote(this.remote()) : impl.local(await this.local());
  }

  /** Closes the pool and stops the embedded cluster if this process started it (a joined one keeps running). */
  async close(): Promise<void> {
    if (this.services) await (await this.services.catch(() => undefined))?.pool.end();
    await this.cluster?.stop();
  }
}
