/**
 * The S3-compatible backend (AWS S3, GCS's S3 API with HMAC keys, Cloudflare R2, MinIO): one bucket, every
 * key under an optional prefix, staged objects under `<prefix>.tmp/`.
 *
 * Uploads stream through lib-storage's Upload (one PutObject for a small body, a multipart upload in 5 MiB
 * parts otherwise, at most two parts in memory), so a body is never buffered whole. An object appears only
 * when its upload completes, so a staged object is never partial; a failed upload is aborted and anything
 * under its name removed. Placing is CopyObject then DeleteObject of the staged object: a crash between
 * the two leaves the staged object, and replaying the placement copies it again (idempotent).
 */
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { PassThrough, Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { bucketWhere, type ArtifactBackend, type ByteRange } from './backend.js';
import { STAGED_DIR, StorageUnavailable } from './keys.js';

export interface S3Settings {
  bucket: string;
  /** '' or a folder ending in '/'. */
  prefix: string;
  /** undefined = the SDK's AWS endpoint for the region. */
  endpoint: string | undefined;
  region: string;
  forcePathStyle: boolean;
  /** undefined = the SDK's default credential chain. */
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
}

// This project runs on Node 20; the SDK would print a multi-line deprecation notice on stderr when the first
// client is made, breaking the CLI's one-line errors and the server's one-JSON-object-per-line log. An
// operator's own setting wins.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const PART_SIZE = 5 * 1024 * 1024; // S3's smallest part
const QUEUE_SIZE = 2;

/** NotFound / NoSuchKey / 404: the object is not there (a missing bucket is an outage, not a missing object). */
function isNotFound(err: unknown): boolean {
  if (!(err instanceof S3ServiceException) || err.name === 'NoSuchBucket') return false;
  return err.name === 'NotFound' || err.name === 'NoSuchKey' || err.$metadata?.httpStatusCode === 404;
}

const NETWORK_FAILURES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'TimeoutError', 'RequestTimeout']);

/** The endpoint did not answer, answered 5xx (after the SDK's retries), or the bucket is gone. */
function isUnavailable(err: unknown): boolean {
  if (err instanceof S3ServiceException) return err.name === 'NoSuchBucket' || (err.$metadata?.httpStatusCode ?? 0) >= 500;
  const e = err as { code?: string; name?: string } | undefined;
  return NETWORK_FAILURES.has(e?.code ?? '') || NETWORK_FAILURES.has(e?.name ?? '');
}

/** CopySource is "bucket/key", URL-encoded per segment. */
const copySource = (bucket: string, key: string) => `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;

export class S3Backend implements ArtifactBackend {
  readonly client: S3Client;

  constructor(readonly settings: S3Settings, client?: S3Client) {
    this.client =
      client ??
      new S3Client({
        region: settings.region,
        endpoint: settings.endpoint,
        forcePathStyle: settings.forcePathStyle,
        credentials: settings.credentials,
        // An endpoint that does not answer fails a request (then the SDK's retries) instead of hanging it.
        requestHandler: { connectionTimeout: 5_000, requestTimeout: 120_000 },
        // Checksums only where the protocol requires them: GCS and other S3-compatible servers reject the
        // newer default trailing checksums.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
  }

  get where(): string {
    return bucketWhere(this.settings);
  }

  private objectKey(key: string): string {
    return this.settings.prefix + key;
  }

  private stagedObject(name: string): string {
    return `${this.settings.prefix}${STAGED_DIR}/${name}`;
  }

  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.settings.bucket }));
  }

  /** An outage becomes StorageUnavailable (the HTTP layer's 503 storage_unavailable); other errors stay as they are. */
  private unavailable(err: unknown): unknown {
    return isUnavailable(err) ? new StorageUnavailable(this.where, err) : err;
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (err) {
      throw this.unavailable(err);
    }
  }

  async putStaged(name: string, source: Readable | AsyncIterable<Buffer>, through: Transform): Promise<void> {
    const Key = this.stagedObject(name);
    const body = new PassThrough();
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.settings.bucket, Key, Body: body },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
      leavePartsOnError: false,
    });
    // A failed upload stops reading `body`: fail the pipeline too, or it would wait on back-pressure forever.
    const uploaded = upload.done().catch((err: unknown) => {
      body.destroy(err as Error);
      throw err;
    });
    try {
      await pipeline(source, through, body);
      await uploaded;
    } catch (err) {
      await upload.abort().catch(() => undefined);
      await uploaded.catch(() => undefined);
      // During an outage the delete fails too; the sweep of staged objects removes anything left later.
      await this.deleteObject(Key).catch(() => undefined);
      throw this.unavailable(err);
    }
  }

  async openStaged(name: string): Promise<Readable> {
    const stream = await this.getObject(this.stagedObject(name));
    if (!stream) throw Object.assign(new Error(`staged artifact ${name} is gone`), { code: 'ENOENT' });
    return stream;
  }

  async placeStaged(name: string, key: string): Promise<'placed' | 'absent'> {
    return (await this.copyThenDelete(this.stagedObject(name), this.objectKey(key))) ? 'placed' : 'absent';
  }

  async deleteStaged(name: string): Promise<void> {
    await this.deleteObject(this.stagedObject(name));
  }

  async listStaged(): Promise<{ name: string; modifiedMs: number }[]> {
    const folder = `${this.settings.prefix}${STAGED_DIR}/`;
    const out: { name: string; modifiedMs: number }[] = [];
    for await (const o of this.listObjects(folder)) {
      const name = o.Key.slice(folder.length);
      if (name && !name.includes('/')) out.push({ name, modifiedMs: o.LastModified?.getTime() ?? 0 });
    }
    return out;
  }

  async read(key: string, range?: ByteRange): Promise<Readable | undefined> {
    return this.getObject(this.objectKey(key), range);
  }

  async stat(key: string): Promise<{ size: number } | undefined> {
    try {
      const head = await this.call(() => this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) })));
      return { size: head.ContentLength ?? 0 };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async move(from: string, to: string): Promise<boolean> {
    return this.copyThenDelete(this.objectKey(from), this.objectKey(to));
  }

  async delete(key: string): Promise<boolean> {
    // DeleteObject answers the same whether or not the object was there; callers want to know.
    if (!(await this.stat(key))) return false;
    await this.deleteObject(this.objectKey(key));
    return true;
  }

  async list(prefix: string): Promise<string[]> {
    const base = this.settings.prefix;
    const staged = `${base}${STAGED_DIR}/`;
    const out: string[] = [];
    for await (const o of this.listObjects(prefix === '' ? base : `${base}${prefix}/`)) {
      if (!o.Key.startsWith(staged)) out.push(o.Key.slice(base.length));
    }
    return out;
  }

  private async getObject(Key: string, range?: ByteRange): Promise<Readable | undefined> {
    const Range = range ? `bytes=${range.start}-${range.end ?? ''}` : undefined;
    try {
      const got = await this.call(() => this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key, Range })));
      return got.Body as Readable;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  private async deleteObject(Key: string): Promise<void> {
    try {
      await this.call(() => this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key })));
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  /** false when `from` is absent. */
  private async copyThenDelete(from: string, to: string): Promise<boolean> {
    try {
      await this.call(() => this.client.send(new CopyObjectCommand({ Bucket: this.settings.bucket, Key: to, CopySource: copySource(this.settings.bucket, from) })));
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
    await this.deleteObject(from);
    return true;
  }

  private async *listObjects(Prefix: string): AsyncGenerator<{ Key: string; LastModified?: Date }> {
    let ContinuationToken: string | undefined;
    do {
      const page = await this.call(() => this.client.send(new ListObjectsV2Command({ Bucket: this.settings.bucket, Prefix, ContinuationToken })));
      for (const o of page.Contents ?? []) if (o.Key) yield { Key: o.Key, LastModified: o.LastModified };
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }
}
