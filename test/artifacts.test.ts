import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import t from 'tap';
import { ArtifactNotFound, ArtifactStore, ArtifactTooLarge, InvalidArtifactKey } from '../src/artifacts/store.js';

function tempStore(t: { teardown(fn: () => void): void }) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-store-'));
  t.teardown(() => fs.rmSync(root, { recursive: true, force: true }));
  return new ArtifactStore(root);
}

/** Every regular file under the root, temp folder included: nothing may be left behind. */
function filesOnDisk(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

t.test('keys that could leave the storage root are refused', async (t) => {
  const store = tempStore(t);
  const bad = ['../x', 'a/../../x', '/etc/passwd', 'a/./b', 'a//b', 'a\\b', '..\\x', 'a\0b', '', '.', '..', 'a/', 'C:/x', '.tmp/x', 'x'.repeat(2000)];
  for (const key of bad) {
    await t.rejects(store.write(key, Readable.from([Buffer.from('x')])), InvalidArtifactKey, `write refuses ${JSON.stringify(key).slice(0, 30)}`);
    await t.rejects(store.read(key), InvalidArtifactKey, `read refuses ${JSON.stringify(key).slice(0, 30)}`);
    await t.rejects(store.delete(key), InvalidArtifactKey, `delete refuses ${JSON.stringify(key).slice(0, 30)}`);
  }
  t.same(filesOnDisk(store.root), [], 'nothing was written');
});

t.test('write, read, stat, list, move, delete', async (t) => {
  const store = tempStore(t);
  const w = await store.writeBuffer('jobs/job_1/a.txt', 'hello');
  t.same(w, { key: 'jobs/job_1/a.txt', size: 5, sha256: createHash('sha256').update('hello').digest('hex') });
  t.equal((await store.readBuffer('jobs/job_1/a.txt')).toString(), 'hello');
  t.same(await store.stat('jobs/job_1/a.txt'), { size: 5 });
  t.equal(await store.exists('jobs/job_1/missing'), false);
  await store.writeBuffer('jobs/job_1/a.txt', 'replaced');
  t.equal((await store.readBuffer('jobs/job_1/a.txt')).toString(), 'replaced', 'a second write replaces');
  await store.writeBuffer('jobs/job_2/b.txt', 'b');
  t.same(await store.list('jobs/job_1'), ['jobs/job_1/a.txt']);
  t.same(await store.list(), ['jobs/job_1/a.txt', 'jobs/job_2/b.txt']);
  await store.move('jobs/job_1/a.txt', 'jobs/job_1/final/a.txt');
  t.same(await store.list('jobs/job_1'), ['jobs/job_1/final/a.txt']);
  await t.rejects(store.move('jobs/job_1/a.txt', 'x'), ArtifactNotFound);
  t.equal(await store.delete('jobs/job_1/final/a.txt'), true);
  t.equal(await store.delete('jobs/job_1/final/a.txt'), false, 'deleting twice is harmless');
  await t.rejects(store.read('jobs/job_1/final/a.txt'), ArtifactNotFound);
});

t.test('an aborted stream leaves nothing behind', async (t) => {
  const store = tempStore(t);
  async function* aborting() {
    yield randomBytes(64 * 1024);
    yield randomBytes(64 * 1024);
    throw new Error('client went away');
  }
  await t.rejects(store.write('jobs/j/rec.m4a', Readable.from(aborting())), /client went away/);
  t.equal(await store.exists('jobs/j/rec.m4a'), false, 'no file under the key');
  t.same(filesOnDisk(store.root), [], 'no temp file either');
});

t.test('a stream over the cap leaves nothing behind, and one at the cap is kept', async (t) => {
  const store = tempStore(t);
  const cap = 100_000;
  await t.rejects(store.write('big.bin', Readable.from([randomBytes(cap + 1)]), { maxBytes: cap }), ArtifactTooLarge);
  t.same(filesOnDisk(store.root), [], 'cap + 1 byte: nothing on disk');
  const ok = await store.write('exact.bin', Readable.from([randomBytes(cap)]), { maxBytes: cap });
  t.equal(ok.size, cap, 'exactly the cap is accepted');
});

t.test('a staged write is invisible until committed, and discard removes it', async (t) => {
  const store = tempStore(t);
  const staged = await store.stage(Readable.from([Buffer.from('abc')]));
  t.same(await store.list(), [], 'nothing visible before commit');
  await staged.commit('k/v.txt');
  t.same(await store.list(), ['k/v.txt']);
  const other = await store.stage(Readable.from([Buffer.from('zzz')]));
  await other.discard();
  t.same(filesOnDisk(store.root), ['k/v.txt'], 'discarded bytes are gone');
});

t.test('a large stream has the right size and sha256', async (t) => {
  const store = tempStore(t);
  const chunk = randomBytes(1024 * 1024);
  const count = 96; // 96 MiB, streamed chunk by chunk
  const hash = createHash('sha256');
  async function* source() {
    for (let i = 0; i < count; i++) {
      const c = Buffer.from(chunk);
      c.writeUInt32LE(i, 0);
      hash.update(c);
      yield c;
    }
  }
  const w = await store.write('jobs/j/large.bin', Readable.from(source()));
  t.equal(w.size, count * chunk.length, 'size');
  t.equal(w.sha256, hash.digest('hex'), 'sha256 computed while streaming');
  t.equal((await store.stat('jobs/j/large.bin'))!.size, count * chunk.length, 'size on disk');
});
