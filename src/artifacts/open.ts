/**
 * The artifact store the configuration names, checked before a process serves anything: the local folder is
 * created, the bucket must answer HeadBucket. The S3 SDK is loaded only when a bucket is configured.
 */
import type { Config } from '../config.js';
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

/** One line for the start-up banner: where the artifact bytes live. */
export function describeArtifacts(config: Pick<Config, 'storageRoot' | 'artifacts'>, rel: (p: string) => string = (p) => p): string {
  const a = config.artifacts;
  if (a.backend === 'local') return `local folder ${rel(config.storageRoot)}`;
  const via = a.gcs ? 'GCS S3-compatible API' : 'S3';
  return `${via} bucket ${a.bucket}${a.prefix ? ` prefix ${a.prefix}` : ''} at ${a.endpoint ?? `AWS (${a.region})`}${a.forcePathStyle ? ', path-style' : ''}`;
}
