/**
 * The artifact store the configuration names, checked before a process serves anything: the local folder is
 * created, the bucket must answer HeadBucket. The S3 SDK is loaded only when a bucket is configured.
 */
import type { Readable, Transform } from 'node:stream';
import type { Config } from '../config.js';
import { bucketWhere, type ArtifactBackend, type ByteRange } from './backend.js';
import { ArtifactStore } from './store.js';

export async function openArtifactStore(config: Pick<Config, 'storageRoot' | 'artifacts'>): Promise<ArtifactStore> {
  const a = config.artifacts;
  if (a.backend === 'local') return new ArtifactStore(config.storageRoot);
  const { S3Backend } = await import('./s3.js');
  const store = new ArtifactStore(new S3Backend(a));
  try {
    await store.check();
  } catch (err) {
    const e = err as Error & { $metadata?: { httpStatusCode?: number } };
    const status = e.$metadata?.httpStatusCode;
    // An S3 error names itself (NotFound, Forbidden) and may carry no message; a network error only has its message.
    const what = e.name === 'Error' ? e.message : `${e.name}${e.message && e.message !== e.name && e.message !== 'UnknownError' ? ` (${e.message})` : ''}`;
    throw new Error(`artifact bucket ${a.bucket} at ${a.endpoint ?? `AWS S3 (${a.region})`} is not usable: ${status ? `HTTP ${status} ` : ''}${what}`);
  }
  return store;
}

/**
 * A bucket opened on first use: the SDK loads and HeadBucket runs when a byte is first read or written, and
 * a failure there is openArtifactStore's. For traq-admin in local mode, where most commands (devices, jobs,
 * the export feed) touch no artifact and should neither wait for the SDK nor fail while the bucket is down.
 */
class BucketOnDemand implements ArtifactBackend {
  private opened: Promise<ArtifactBackend> | undefined;
  readonly where: string;

  constructor(private readonly config: Pick<Config, 'storageRoot' | 'artifacts'> & { artifacts: { backend: 's3'; bucket: string; prefix: string } }) {
    this.where = bucketWhere(config.artifacts);
  }

  private backend(): Promise<ArtifactBackend> {
    return (this.opened ??= openArtifactStore(this.config).then((store) => store.backend));
  }

  async check() {
    await this.backend();
  }
  async putStaged(name: string, source: Readable | AsyncIterable<Buffer>, through: Transform) {
    return (await this.backend()).putStaged(name, source, through);
  }
  async openStaged(name: string) {
    return (await this.backend()).openStaged(name);
  }
  async placeStaged(name: string, key: string) {
    return (await this.backend()).placeStaged(name, key);
  }
  async deleteStaged(name: string) {
    return (await this.backend()).deleteStaged(name);
  }
  async listStaged() {
    return (await this.backend()).listStaged();
  }
  async read(key: string, range?: ByteRange) {
    return (await this.backend()).read(key, range);
  }
  async stat(key: string) {
    return (await this.backend()).stat(key);
  }
  async move(from: string, to: string) {
    return (await this.backend()).move(from, to);
  }
  async delete(key: string) {
    return (await this.backend()).delete(key);
  }
  async list(prefix: string) {
    return (await this.backend()).list(prefix);
  }
}

/** The store the configuration names, its bucket opened on first use (see BucketOnDemand). */
export function artifactStoreOnDemand(config: Pick<Config, 'storageRoot' | 'artifacts'>): ArtifactStore {
  const a = config.artifacts;
  return a.backend === 'local' ? new ArtifactStore(config.storageRoot) : new ArtifactStore(new BucketOnDemand({ ...config, artifacts: a }));
}

/** One line for the start-up banner: where the artifact bytes live. */
export function describeArtifacts(config: Pick<Config, 'storageRoot' | 'artifacts'>, rel: (p: string) => string = (p) => p): string {
  const a = config.artifacts;
  if (a.backend === 'local') return `local folder ${rel(config.storageRoot)}`;
  const via = a.gcs ? 'GCS S3-compatible API' : 'S3';
  return `${via} bucket ${a.bucket}${a.prefix ? ` prefix ${a.prefix}` : ''} at ${a.endpoint ?? `AWS (${a.region})`}${a.forcePathStyle ? ', path-style' : ''}`;
}
