/**
 * The artifact store: the only code that touches artifact bytes on disk.
 *
 * Keys are relative POSIX paths ("jobs/job_1/rounds/round_1/...") checked so
 * they can never leave the storage root. Writes stream into a temp file in the
 * same filesystem while counting bytes and hashing, enforce a byte cap, fsync,
 * and only then rename into place, so a reader never sees a partial file and
 * an aborted or over-cap stream leaves nothing behind.
 *
 * Crash safety: a staged file has a `stagedKey` that a caller records in its
 * database transaction next to the final key (artifact_placements), so the
 * move can be finished after a kill (`place`). Temp files nobody records are
 * removed by `sweepStaged`. The interface is staged key → place → delete, so
 * a non-filesystem backend can sit behind it.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { faultError } from '../faults.js';

export class InvalidArtifactKey extends Error {
  constructor(key: unknown, why: string) {
    super(`Invalid artifact key ${JSON.stringify(key)}: ${why}`);
    this.name = 'InvalidArtifactKey';
  }
}

export class ArtifactTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`Artifact exceeds the limit of ${limit} bytes`);
    this.name = 'ArtifactTooLarge';
  }
}

export class ArtifactNotFound extends Error {
  constructor(readonly key: string) {
    super(`Artifact not found: ${key}`);
    this.name = 'ArtifactNotFound';
  }
}

export interface WrittenArtifact {
  key: string;
  size: number;
  sha256: string;
}

/** Bytes streamed to a temp file, not yet visible under any key. */
export interface StagedArtifact {
  size: number;
  sha256: string;
  /** Names the staged bytes for `ArtifactStore.place` (to be recorded before a commit, finished after a crash). */
  stagedKey: string;
  /** Reads the staged bytes back (to inspect them before deciding to commit); fails after commit or discard. */
  open(): Promise<Readable>;
  /** Moves the bytes into place under `key` (atomic rename; replaces what was there). */
  commit(key: string): Promise<WrittenArtifact>;
  /** Throws the bytes away. Safe to call after commit (then it does nothing). */
  discard(): Promise<void>;
}

const TMP_DIR = '.tmp';
const MAX_KEY_LENGTH = 1024;
const STAGED_KEY = /^[0-9a-f-]{36}\.part$/;

/** ENOSPC / EDQUOT: the store's filesystem is full (or the quota is used up). */
export function isStorageFull(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** Validates a key; returns its normalised form. Never touches the disk. */
export function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0) throw new InvalidArtifactKey(key, 'must be a non-empty string');
  if (key.length > MAX_KEY_LENGTH) throw new InvalidArtifactKey(key, `longer than ${MAX_KEY_LENGTH} characters`);
  if (key.includes('\0')) throw new InvalidArtifactKey(key, 'contains a NUL byte');
  if (key.includes('\\')) throw new InvalidArtifactKey(key, 'contains a backslash');
  if (key.startsWith('/') || /^[A-Za-z]:/.test(key)) throw new InvalidArtifactKey(key, 'must be relative');
  for (const part of key.split('/')) {
    if (part === '' || part === '.' || part === '..') throw new InvalidArtifactKey(key, 'has an empty, "." or ".." segment');
  }
  if (key.split('/')[0] === TMP_DIR) throw new InvalidArtifactKey(key, `${TMP_DIR}/ is reserved`);
  return key;
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

async function fsyncPath(p: string) {
  const fh = await fsp.open(p, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export class ArtifactStore {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** Absolute path for a key; throws InvalidArtifactKey for anything that could escape the root. */
  private pathOf(key: string): string {
    const abs = path.resolve(this.root, checkKey(key));
    if (!abs.startsWith(this.root + path.sep)) throw new InvalidArtifactKey(key, 'escapes the storage root');
    return abs;
  }

  private stagedPath(stagedKey: string): string {
    if (!STAGED_KEY.test(stagedKey)) throw new InvalidArtifactKey(stagedKey, 'is not a staged key');
    return path.join(this.root, TMP_DIR, stagedKey);
  }

  /** Streams `source` into a temp file (size-capped, hashed, fsynced); nothing is visible until commit. */
  async stage(source: Readable | AsyncIterable<Buffer>, options: { maxBytes?: number } = {}): Promise<StagedArtifact> {
    const tmpDir = path.join(this.root, TMP_DIR);
    await fsp.mkdir(tmpDir, { recursive: true });
    const stagedKey = `${randomUUID()}.part`;
    const tmp = path.join(tmpDir, stagedKey);
    let size = 0;
    let sha256 = '';
    const file = fs.createWriteStream(tmp, { flags: 'wx', mode: 0o640 });
    try {
      await pipeline(
        source,
        hashingCap(options.maxBytes ?? Number.MAX_SAFE_INTEGER, (s, h) => {
          size = s;
          sha256 = h;
        }),
        file,
      );
      await fsyncPath(tmp);
    } catch (err) {
      // A stream that fails early may still be opening the temp file: wait until it is closed, then remove it.
      if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
      await fsp.rm(tmp, { force: true });
      throw err;
    }
    let done = false;
    return {
      size,
      sha256,
      stagedKey,
      open: async () => {
        if (done) throw new Error('staged artifact was already committed or discarded');
        return (await fsp.open(tmp, 'r')).createReadStream();
      },
      commit: async (key: string) => {
        const dest = this.pathOf(key);
        await fsp.mkdir(path.dirname(dest), { recursive: true });
        await fsp.rename(tmp, dest);
        done = true;
        await fsyncPath(path.dirname(dest));
        return { key, size, sha256 };
      },
      discard: async () => {
        if (!done) await fsp.rm(tmp, { force: true });
        done = true;
      },
    };
  }

  /**
   * Moves staged bytes into `key` (replacing what was there). Idempotent for recovery: 'absent' when the
   * staged file is gone (already placed by an earlier run, or discarded).
   */
  async place(stagedKey: string, key: string): Promise<'placed' | 'absent'> {
    const src = this.stagedPath(stagedKey);
    const dest = this.pathOf(key);
    const injected = faultError('store.place');
    if (injected) throw injected;
    await fsp.mkdir(path.dirname(dest), { recursive: true });
    try {
      await fsp.rename(src, dest);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !(await this.stagedExists(stagedKey))) return 'absent';
      throw err;
    }
    await fsyncPath(path.dirname(dest));
    return 'placed';
  }

  private async stagedExists(stagedKey: string): Promise<boolean> {
    return fsp.stat(this.stagedPath(stagedKey)).then(() => true, () => false);
  }

  /** Throws staged bytes away (nothing when already gone). */
  async discardStaged(stagedKey: string): Promise<void> {
    await fsp.rm(this.stagedPath(stagedKey), { force: true });
  }

  /**
   * Removes staged files older than `olderThanMs` that are not in `keep` (killed uploads and finals);
   * returns how many were removed.
   */
  async sweepStaged(olderThanMs: number, keep: ReadonlySet<string>): Promise<number> {
    const dir = path.join(this.root, TMP_DIR);
    let names: string[];
    try {
      names = await fsp.readdir(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw err;
    }
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    for (const name of names) {
      if (keep.has(name)) continue;
      const abs = path.join(dir, name);
      const st = await fsp.lstat(abs).catch(() => undefined);
      if (!st || st.mtimeMs > cutoff || st.isDirectory()) continue;
      await fsp.rm(abs, { force: true });
      removed++;
    }
    return removed;
  }

  /** stage + commit: the bytes appear under `key` only once fully written. */
  async write(key: string, source: Readable | AsyncIterable<Buffer>, options: { maxBytes?: number } = {}): Promise<WrittenArtifact> {
    this.pathOf(key); // refuse a bad key before reading a byte
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

  /** Opens the bytes under `key` as a stream; throws ArtifactNotFound when absent. */
  async read(key: string): Promise<Readable> {
    const abs = this.pathOf(key);
    const fh = await fsp.open(abs, 'r').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'EISDIR') throw new ArtifactNotFound(key);
      throw err;
    });
    return fh.createReadStream();
  }

  async readBuffer(key: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.read(key)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async stat(key: string): Promise<{ size: number } | undefined> {
    try {
      const s = await fsp.stat(this.pathOf(key));
      return s.isFile() ? { size: s.size } : undefined;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== undefined;
  }

  /** Moves an artifact to another key (atomic within the store). */
  async move(from: string, to: string): Promise<void> {
    const src = this.pathOf(from);
    const dest = this.pathOf(to);
    await fsp.mkdir(path.dirname(dest), { recursive: true });
    try {
      await fsp.rename(src, dest);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new ArtifactNotFound(from);
      throw err;
    }
  }

  /** Removes an artifact; returns false when there was nothing to remove. */
  async delete(key: string): Promise<boolean> {
    try {
      await fsp.unlink(this.pathOf(key));
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  /** Every key under `prefix` (a folder key, or '' for the whole store), sorted. */
  async list(prefix = ''): Promise<string[]> {
    const base = prefix === '' ? this.root : this.pathOf(prefix.replace(/\/+$/, ''));
    const out: string[] = [];
    const walk = async (dir: string) => {
      let entries: fs.Dirent[];
      try {
        entries = await fsp.readdir(dir, { withFileTypes: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return;
        throw err;
      }
      for (const e of entries) {
        const abs = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (dir === this.root && e.name === TMP_DIR) continue;
          await walk(abs);
        } else if (e.isFile()) {
          out.push(path.relative(this.root, abs).split(path.sep).join('/'));
        }
      }
    };
    await walk(base);
    return out.sort();
  }
}
