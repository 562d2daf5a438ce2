/**
 * The local-disk backend: a folder on one filesystem. Staged files sit in `<root>/.tmp` so the final
 * rename is atomic; writes are fsynced (file, then the folder after a rename) before they count.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ArtifactBackend, ByteRange } from './backend.js';
import { InvalidArtifactKey, STAGED_DIR } from './keys.js';

async function fsyncPath(p: string) {
  const fh = await fsp.open(p, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

export class LocalBackend implements ArtifactBackend {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  get where(): string {
    return this.root;
  }

  async check(): Promise<void> {
    await fsp.mkdir(this.root, { recursive: true });
  }

  /** Absolute path for a (checked) key; the resolve check is the last line of defence against escaping the root. */
  private pathOf(key: string): string {
    const abs = path.resolve(this.root, key);
    if (!abs.startsWith(this.root + path.sep)) throw new InvalidArtifactKey(key, 'escapes the storage root');
    return abs;
  }

  private stagedPath(name: string): string {
    return path.join(this.root, STAGED_DIR, name);
  }

  async putStaged(name: string, source: Readable | AsyncIterable<Buffer>, through: Transform): Promise<void> {
    await fsp.mkdir(path.join(this.root, STAGED_DIR), { recursive: true });
    const tmp = this.stagedPath(name);
    const file = fs.createWriteStream(tmp, { flags: 'wx', mode: 0o640 });
    try {
      await pipeline(source, through, file);
      await fsyncPath(tmp);
    } catch (err) {
      // A stream that fails early may still be opening the temp file: wait until it is closed, then remove it.
      if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
      await fsp.rm(tmp, { force: true });
      throw err;
    }
  }

  async openStaged(name: string): Promise<Readable> {
    return (await fsp.open(this.stagedPath(name), 'r')).createReadStream();
  }

  async placeStaged(name: string, key: string): Promise<'placed' | 'absent'> {
    const src = this.stagedPath(name);
    const dest = this.pathOf(key);
    await fsp.mkdir(path.dirname(dest), { recursive: true });
    try {
      await fsp.rename(src, dest);
    } catch (err) {
      if (isMissing(err) && !(await fsp.stat(src).then(() => true, () => false))) return 'absent';
      throw err;
    }
    await fsyncPath(path.dirname(dest));
    return 'placed';
  }

  async deleteStaged(name: string): Promise<void> {
    await fsp.rm(this.stagedPath(name), { force: true });
  }

  async listStaged(): Promise<{ name: string; modifiedMs: number }[]> {
    const dir = path.join(this.root, STAGED_DIR);
    let names: string[];
    try {
      names = await fsp.readdir(dir);
    } catch (err) {
      if (isMissing(err)) return [];
      throw err;
    }
    const out: { name: string; modifiedMs: number }[] = [];
    for (const name of names) {
      const st = await fsp.lstat(path.join(dir, name)).catch(() => undefined);
      if (st && !st.isDirectory()) out.push({ name, modifiedMs: st.mtimeMs });
    }
    return out;
  }

  async read(key: string, range?: ByteRange): Promise<Readable | undefined> {
    const abs = this.pathOf(key);
    try {
      const fh = await fsp.open(abs, 'r');
      return fh.createReadStream(range ? { start: range.start, end: range.end } : {});
    } catch (err) {
      if (isMissing(err) || (err as NodeJS.ErrnoException).code === 'EISDIR') return undefined;
      throw err;
    }
  }

  async stat(key: string): Promise<{ size: number } | undefined> {
    try {
      const s = await fsp.stat(this.pathOf(key));
      return s.isFile() ? { size: s.size } : undefined;
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  }

  async move(from: string, to: string): Promise<boolean> {
    const src = this.pathOf(from);
    const dest = this.pathOf(to);
    await fsp.mkdir(path.dirname(dest), { recursive: true });
    try {
      await fsp.rename(src, dest);
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      await fsp.unlink(this.pathOf(key));
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const base = prefix === '' ? this.root : this.pathOf(prefix);
    const out: string[] = [];
    const walk = async (dir: string) => {
      let entries: fs.Dirent[];
      try {
        entries = await fsp.readdir(dir, { withFileTypes: true });
      } catch (err) {
        if (isMissing(err) || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return;
        throw err;
      }
      for (const e of entries) {
        const abs = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (dir === this.root && e.name === STAGED_DIR) continue;
          await walk(abs);
        } else if (e.isFile()) {
          out.push(path.relative(this.root, abs).split(path.sep).join('/'));
        }
      }
    };
    await walk(base);
    return out;
  }
}
