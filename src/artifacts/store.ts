/**
 * The artifact store: the only code that touches artifact bytes.
 *
 * Keys are relative POSIX paths ("jobs/job_1/rounds/round_1/...") checked so they can never leave the
 * storage root. Writes stream into a staged object while counting bytes and hashing, enforce a byte cap,
 * and only once durable become visible under a key, so a reader never sees a partial artifact and an
 * aborted or over-cap stream leaves nothing behind.
 *
 * Crash safety: a staged artifact has a `stagedKey` that a caller records in its database transaction next
 * to the final key (artifact_placements), so the move can be finished after a kill (`place`). Staged bytes
 * nobody records are removed by `sweepStaged`. Where the bytes live is a backend (backend.ts): a local
 * folder (local.ts) or an S3-compatible bucket (s3.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { faultError } from '../faults.js';
import type { ArtifactBackend, ByteRange } from './backend.js';
import { ArtifactNotFound, ArtifactTooLarge, checkKey, checkStagedKey } from './keys.js';
import { LocalBackend } from './local.js';

export { ArtifactNotFound, ArtifactTooLarge, checkKey, InvalidArtifactKey, StorageUnavailable } from './keys.js';
export type { ByteRange } from './backend.js';

export interface WrittenArtifact {
  key: string;
  size: number;
  sha256: string;
}

/** Bytes streamed to a staged object, not yet visible under any key. */
export interface StagedArtifact {
  size: number;
  sha256: string;
  /** Names the staged bytes for `ArtifactStore.place` (to be recorded before a commit, finished after a crash). */
  stagedKey: string;
  /** Reads the staged bytes back (to inspect them before deciding to commit); fails after commit or discard. */
  open(): Promise<Readable>;
  /** Moves the bytes into place under `key` (replaces what was there). */
  commit(key: string): Promise<WrittenArtifact>;
  /** Throws the bytes away. Safe to call after commit (then it does nothing). */
  discard(): Promise<void>;
}

/** ENOSPC / EDQUOT: the store's filesystem is full (or the quota is used up). */
export function isStorageFull(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

function hashingCap(limit: number, onDone: (size: number, sha256: string) => void): Transform {
  const hash = createHash('sha256');
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      const injected = faultError('store.write');
      if (injected) return cb(injected);
      size += chunk.length;
      if (size > limit) return cb(new ArtifactTooLarge(limit));
      hash.update(chunk);
      cb(null, chunk);
    },
    flush(cb) {
      onDone(size, hash.digest('hex'));
      cb();
    },
  });
}

/** No request stages bytes for longer than this; see ArtifactStore.live. */
const LIVE_MAX_MS = 24 * 3600_000;

export class ArtifactStore {
  readonly backend: ArtifactBackend;
  /**
   * Staged objects this process is still writing or has not yet committed or discarded, with when each
   * began: the sweep leaves them alone however old their bytes look (a slow upload is not a killed one),
   * up to LIVE_MAX_MS, after which a name a failed request forgot is fair game again.
   */
  private readonly live = new Map<string, number>();

  /** A folder path means the local-disk backend. */
  constructor(rootOrBackend: string | ArtifactBackend) {
    this.backend = typeof rootOrBackend === 'string' ? new LocalBackend(rootOrBackend) : rootOrBackend;
  }

  /** Where the bytes live: the folder, or s3://bucket/prefix. */
  get root(): string {
    return this.backend.where;
  }

  /** Start-up check that the backend is usable (creates the folder, or HeadBucket). */
  async check(): Promise<void> {
    await this.backend.check();
  }

  /** Streams `source` into a staged object (size-capped, hashed, durable); nothing is visible until commit. */
  async stage(source: Readable | AsyncIterable<Buffer>, options: { maxBytes?: number } = {}): Promise<StagedArtifact> {
    const stagedKey = `${randomUUID()}.part`;
    let size = 0;
    let sha256 = '';
    this.live.set(stagedKey, Date.now());
    try {
      await this.backend.putStaged(
        stagedKey,
        source,
        hashingCap(options.maxBytes ?? Number.MAX_SAFE_INTEGER, (s, h) => {
          size = s;
          sha256 = h;
        }),
      );
    } catch (err) {
      this.live.delete(stagedKey); // the backend left nothing under the name
      throw err;
    }
    let done = false;
    return {
      size,
      sha256,
      stagedKey,
      open: async () => {
        if (done) throw new Error('staged artifact was already committed or discarded');
        return this.backend.openStaged(stagedKey);
      },
      commit: async (key: string) => {
        checkKey(key);
        if ((await this.backend.placeStaged(stagedKey, key)) === 'absent') throw new Error(`staged artifact ${stagedKey} is gone`);
        this.live.delete(stagedKey);
        done = true;
        return { key, size, sha256 };
      },
      discard: async () => {
        if (!done) await this.backend.deleteStaged(stagedKey);
        this.live.delete(stagedKey);
        done = true;
      },
    };
  }

  /**
   * Moves staged bytes into `key` (replacing what was there). Idempotent for recovery: 'absent' when the
   * staged object is gone (already placed by an earlier run, or discarded).
   */
  async place(stagedKey: string, key: string): Promise<'placed' | 'absent'> {
    checkStagedKey(stagedKey);
    checkKey(key);
    const injected = faultError('store.place');
    if (injected) throw injected;
    const placed = await this.backend.placeStaged(stagedKey, key);
    this.live.delete(stagedKey);
    return placed;
  }

  /** Throws staged bytes away (nothing when already gone). */
  async discardStaged(stagedKey: string): Promise<void> {
    await this.backend.deleteStaged(checkStagedKey(stagedKey));
    this.live.delete(stagedKey);
  }

  /**
   * Removes staged objects older than `olderThanMs` that are not in `keep` (killed uploads and finals);
   * returns how many were removed.
   */
  async sweepStaged(olderThanMs: number, keep: ReadonlySet<string>): Promise<number> {
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    for (const { name, modifiedMs } of await this.backend.listStaged()) {
      if (keep.has(name) || modifiedMs > cutoff || Date.now() - (this.live.get(name) ?? -Infinity) < LIVE_MAX_MS) continue;
      this.live.delete(name);
      await this.backend.deleteStaged(name);
      removed++;
    }
    return removed;
  }

  /** stage + commit: the bytes appear under `key` only once fully written. */
  async write(key: string, source: Readable | AsyncIterable<Buffer>, options: { maxBytes?: number } = {}): Promise<WrittenArtifact> {
    checkKey(key); // refuse a bad key before reading a byte
    const staged = await this.stage(source, options);
    try {
      return await staged.commit(key);
    } catch (err) {
      await staged.discard();
      throw err;
    }
  }

  async writeBuffer(key: string, bytes: Buffer | string): Promise<WrittenArtifact> {
    return this.write(key, Readable.from([Buffer.from(bytes)]));
  }

  /** Opens the bytes under `key` (or an inclusive byte range of them) as a stream; throws ArtifactNotFound when absent. */
  async read(key: string, range?: ByteRange): Promise<Readable> {
    const stream = await this.backend.read(checkKey(key), range);
    if (!stream) throw new ArtifactNotFound(key);
    return stream;
  }

  /** Opens bytes `start`..`end` (inclusive) under `key`, for HTTP range requests; throws ArtifactNotFound when absent. */
  async readRange(key: string, start: number, end: number): Promise<Readable> {
    return this.read(key, { start, end });
  }

  async readBuffer(key: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.read(key)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async stat(key: string): Promise<{ size: number } | undefined> {
    return this.backend.stat(checkKey(key));
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== undefined;
  }

  /** Moves an artifact to another key. */
  async move(from: string, to: string): Promise<void> {
    if (!(await this.backend.move(checkKey(from), checkKey(to)))) throw new ArtifactNotFound(from);
  }

  /** Removes an artifact; returns false when there was nothing to remove. */
  async delete(key: string): Promise<boolean> {
    return this.backend.delete(checkKey(key));
  }

  /** Every key under `prefix` (a folder key, or '' for the whole store), sorted. */
  async list(prefix = ''): Promise<string[]> {
    const folder = prefix === '' ? '' : checkKey(prefix.replace(/\/+$/, ''));
    return (await this.backend.list(folder)).sort();
  }
}
