/** Files the CLI reads and writes; writes go to a temp file beside the target, then a rename, so no reader sees half a file. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { usageError } from './errors.js';

const tempBeside = (target: string) => path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);

/** Writes bytes, text or a stream to `target` atomically; returns the byte count. */
export async function writeAtomic(target: string, data: string | Buffer | Readable): Promise<number> {
  await fsp.mkdir(path.dirname(target), { recursive: true });
  const tmp = tempBeside(target);
  try {
    const source = typeof data === 'string' || Buffer.isBuffer(data) ? Readable.from([Buffer.from(data)]) : data;
    await pipeline(source, fs.createWriteStream(tmp, { flags: 'wx' }));
    await fsp.rename(tmp, target);
    return (await fsp.stat(target)).size;
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw err;
  }
}

export async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await fsp.readFile(file, 'utf8')) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${file} is not readable JSON: ${(err as Error).message}`);
  }
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks);
}

/** A JSON file named by an option (`--file`, `--from-json`): missing or unparsable is a usage error (exit 2). */
export async function readJsonArg(option: string, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (err) {
    throw usageError(`${option}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw usageError(`${option}: ${file} is not JSON (${(err as Error).message})`);
  }
}
