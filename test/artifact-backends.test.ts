/**
 * The artifact store's behaviours on both backends: the local folder and an S3-compatible bucket (s3rver on
 * 127.0.0.1). Each subtest runs once per backend; on S3 each gets its own key prefix in one bucket.
 */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import t, { type Test } from 'tap';
import { openArtifactStore } from '../src/artifacts/open.js';
import { S3Backend } from '../src/artifacts/s3.js';
import { ArtifactNotFound, ArtifactStore, ArtifactTooLarge, InvalidArtifactKey } from '../src/artifacts/store.js';
import { loadConfig } from '../src/config.js';
import { startLocalS3, TEST_BUCKET } from './helpers/s3.js';

const s3 = await startLocalS3(t);
let n = 0;

async function storeFor(t: Test, backend: 'local' | 's3'): Promise<ArtifactStore> {
  if (backend === 'local') {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-store-'));
    t.teardown(() => fs.rmSync(root, { recursive: true, force: true }));
    return new ArtifactStore(root);
  }
  return openArtifactStore(loadConfig({ TRAQ_ENV: 'test', ...s3.env(`case-${++n}/artifacts`) }));
}

/** Everything the backend holds, staged objects included: nothing may be left behind. */
async function everything(store: ArtifactStore): Promise<string[]> {
  const b = store.backend;
  if (b instanceof S3Backend) {
    const page = await b.client.send(new ListObjectsV2Command({ Bucket: TEST_BUCKET, Prefix: b.settings.prefix }));
    return (page.Contents ?? []).map((o) => o.Key!.slice(b.settings.prefix.length)).sort();
  }
  return (fs.readdirSync(store.root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(store.root, path.join(e.parentPath, e.name)))
    .sort();
}

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

async function* chunks(total: number, failAfter?: number) {
  let sent = 0;
  while (sent < total) {
    if (failAfter !== undefined && sent >= failAfter) throw new Error('client went away');
    const c = randomBytes(Math.min(256 * 1024, total - sent));
    sent += c.length;
    yield c;
  }
}

function both(name: string, fn: (t: Test, store: ArtifactStore) => Promise<void>) {
  for (const backend of ['local', 's3'] as const) t.test(`${name} (${backend})`, async (t) => fn(t, await storeFor(t, backend)));
}

both('write, read, stat, list, move, delete', async (t, store) => {
  const w = await store.writeBuffer('jobs/job_1/a.txt', 'hello');
  t.same(w, { key: 'jobs/job_1/a.txt', size: 5, sha256: sha('hello') });
  t.equal((await store.readBuffer('jobs/job_1/a.txt')).toString(), 'hello');
  t.same(await store.stat('jobs/job_1/a.txt'), { size: 5 });
  t.equal(await store.exists('jobs/job_1/missing'), false);
  await store.writeBuffer('jobs/job_1/a.txt', 'replaced');
  t.equal((await store.readBuffer('jobs/job_1/a.txt')).toString(), 'replaced', 'a second write replaces');
  await store.writeBuffer('jobs/job_2/b.txt', 'b');
  await store.writeBuffer('jobs/job_10/c.txt', 'c');
  t.same(await store.list('jobs/job_1'), ['jobs/job_1/a.txt'], 'a folder prefix does not match job_10');
  t.same(await store.list('jobs/job_1/a.txt'), [], 'a file is not a folder');
  t.same(await store.list(), ['jobs/job_1/a.txt', 'jobs/job_10/c.txt', 'jobs/job_2/b.txt']);
  await store.move('jobs/job_1/a.txt', 'jobs/job_1/final/a.txt');
  t.same(await store.list('jobs/job_1'), ['jobs/job_1/final/a.txt']);
  await t.rejects(store.move('jobs/job_1/a.txt', 'x'), ArtifactNotFound);
  t.equal(await store.delete('jobs/job_1/final/a.txt'), true);
  t.equal(await store.delete('jobs/job_1/final/a.txt'), false, 'deleting twice is harmless');
  await t.rejects(store.read('jobs/job_1/final/a.txt'), ArtifactNotFound);
  t.same(await everything(store), ['jobs/job_10/c.txt', 'jobs/job_2/b.txt'], 'nothing else is kept');
});

both('keys that could leave the root are refused before any byte moves', async (t, store) => {
  for (const key of ['../x', 'a/../../x', '/etc/passwd', 'a//b', 'a\\b', '', '.tmp/x', 'x'.repeat(2000)]) {
    await t.rejects(store.write(key, Readable.from([Buffer.from('x')])), InvalidArtifactKey, `write refuses ${JSON.stringify(key).slice(0, 20)}`);
    await t.rejects(store.read(key), InvalidArtifactKey);
    await t.rejects(store.delete(key), InvalidArtifactKey);
  }
  t.same(await everything(store), []);
});

both('range reads', async (t, store) => {
  await store.writeBuffer('jobs/j/rec.m4a', '0123456789');
  t.equal((await Buffer.concat(await (await store.read('jobs/j/rec.m4a', { start: 2, end: 5 })).toArray())).toString(), '2345');
  t.equal((await Buffer.concat(await (await store.read('jobs/j/rec.m4a', { start: 7 })).toArray())).toString(), '789', 'open-ended');
  await t.rejects(store.read('jobs/j/none.m4a', { start: 0, end: 1 }), ArtifactNotFound);
});

both('a large body streams (multipart on S3) with its size and sha256', async (t, store) => {
  const body = Buffer.concat(await Readable.from(chunks(11 * 1024 * 1024 + 17)).toArray());
  const w = await store.write('jobs/j/big.m4a', Readable.from([body.subarray(0, 3_000_000), body.subarray(3_000_000)]));
  t.same(w, { key: 'jobs/j/big.m4a', size: body.length, sha256: sha(body) });
  t.same(await store.stat('jobs/j/big.m4a'), { size: body.length });
  t.equal(sha(await store.readBuffer('jobs/j/big.m4a')), sha(body), 'read back intact');
});

both('over the size cap or aborted: an error, and nothing left behind', async (t, store) => {
  await t.rejects(store.write('jobs/j/a.jpg', Readable.from([Buffer.alloc(11)]), { maxBytes: 10 }), ArtifactTooLarge);
  await t.rejects(store.write('jobs/j/b.m4a', Readable.from(chunks(20 * 1024 * 1024)), { maxBytes: 7 * 1024 * 1024 }), ArtifactTooLarge, 'cap hit after a multipart part');
  await t.rejects(store.write('jobs/j/c.m4a', Readable.from(chunks(20 * 1024 * 1024, 6 * 1024 * 1024))), /client went away/, 'aborted mid-body');
  await t.rejects(store.stage(Readable.from(chunks(1024, 0))), /client went away/, 'aborted before a byte');
  await store.writeBuffer('jobs/j/ok.txt', 'ok');
  await t.rejects(store.write('jobs/j/ok.txt', Readable.from(chunks(1024 * 1024, 300 * 1024))), /client went away/);
  t.equal((await store.readBuffer('jobs/j/ok.txt')).toString(), 'ok', 'a failed replace keeps the old bytes');
  t.same(await everything(store), ['jobs/j/ok.txt']);
});

both('stage, inspect, commit or discard; place after a crash; sweep', async (t, store) => {
  const staged = await store.stage(Readable.from([Buffer.from('photo')]));
  t.same({ size: staged.size, sha256: staged.sha256 }, { size: 5, sha256: sha('photo') });
  t.equal(Buffer.concat(await (await staged.open()).toArray()).toString(), 'photo', 'staged bytes can be read back');
  t.same(await store.list(), [], 'staged bytes are under no key');
  await staged.commit('jobs/j/p.jpg');
  await staged.discard(); // after commit: nothing
  t.equal((await store.readBuffer('jobs/j/p.jpg')).toString(), 'photo');

  const dropped = await store.stage(Readable.from([Buffer.from('gone')]));
  await dropped.discard();
  t.same(await everything(store), ['jobs/j/p.jpg'], 'discard removes the staged bytes');

  // What recovery does with a recorded placement: place it, and a replay finds it already placed.
  const recorded = await store.stage(Readable.from([Buffer.from('final pdf')]));
  t.equal(await store.place(recorded.stagedKey, 'jobs/j/final/report.pdf'), 'placed');
  t.equal(await store.place(recorded.stagedKey, 'jobs/j/final/report.pdf'), 'absent', 'a replay is harmless');
  t.equal((await store.readBuffer('jobs/j/final/report.pdf')).toString(), 'final pdf');
  await t.rejects(store.place('../x.part', 'jobs/j/x'), InvalidArtifactKey, 'only staged names are placed');

  // A killed process's uploads: staged by another store on the same backend, never committed.
  const killed = new ArtifactStore(store.backend);
  const kept = await killed.stage(Readable.from([Buffer.from('recorded')]));
  const orphan = await killed.stage(Readable.from([Buffer.from('killed upload')]));
  // A slow upload of this process, still between its bytes and its commit.
  const slow = await store.stage(Readable.from([Buffer.from('slow upload')]));
  t.equal(await store.sweepStaged(3_600_000, new Set()), 0, 'young staged bytes stay');
  t.equal(await store.sweepStaged(-60_000, new Set([kept.stagedKey])), 1, 'the orphan is swept');
  t.same((await everything(store)).filter((k) => k.startsWith('.tmp/')).sort(), [`.tmp/${kept.stagedKey}`, `.tmp/${slow.stagedKey}`].sort(), 'a staged object this process has not finished with is not swept, however old');
  t.same((await slow.commit('jobs/j/slow.bin')).size, 11, 'and commits');
  await store.delete('jobs/j/slow.bin');
  await store.discardStaged(kept.stagedKey);
  await store.discardStaged(orphan.stagedKey); // already gone: nothing
  t.same(await everything(store), ['jobs/j/final/report.pdf', 'jobs/j/p.jpg']);
});

t.test('configuration: s3 and gcs settings, and one-line errors', async (t) => {
  const c = loadConfig({ TRAQ_ARTIFACT_BACKEND: 'gcs', TRAQ_GCS_BUCKET: 'old-bucket', TRAQ_GCS_PREFIX: '/traq/' });
  t.match(c.artifacts, { backend: 's3', gcs: true, bucket: 'old-bucket', prefix: 'traq/', endpoint: 'https://storage.googleapis.com', region: 'auto', forcePathStyle: true });
  const aws = loadConfig({ TRAQ_ARTIFACT_BACKEND: 's3', TRAQ_S3_BUCKET: 'bk1', AWS_REGION: 'eu-west-1' });
  t.match(aws.artifacts, { backend: 's3', bucket: 'bk1', prefix: '', endpoint: undefined, region: 'eu-west-1', forcePathStyle: false, credentials: undefined });
  t.match(loadConfig({ TRAQ_ARTIFACT_BACKEND: 's3', TRAQ_S3_BUCKET: 'bk1', AWS_ENDPOINT_URL: 'http://127.0.0.1:9', TRAQ_S3_FORCE_PATH_STYLE: 'false' }).artifacts, {
    endpoint: 'http://127.0.0.1:9',
    forcePathStyle: false,
  });
  t.same(loadConfig({}).artifacts, { backend: 'local' }, 'local by default');
  t.throws(() => loadConfig({ TRAQ_ARTIFACT_BACKEND: 'ftp' }), /^Invalid configuration: TRAQ_ARTIFACT_BACKEND must be local, s3 or gcs/);
  t.throws(() => loadConfig({ TRAQ_ARTIFACT_BACKEND: 's3' }), /needs TRAQ_S3_BUCKET/);
  t.throws(() => loadConfig({ TRAQ_ARTIFACT_BACKEND: 's3', TRAQ_S3_BUCKET: 'Bad_Bucket!' }), /TRAQ_S3_BUCKET must be a bucket name/);
  t.throws(() => loadConfig({ TRAQ_ARTIFACT_BACKEND: 's3', TRAQ_S3_BUCKET: 'bk1', TRAQ_S3_PREFIX: 'a/../b' }), /TRAQ_S3_PREFIX must be a folder/);
  t.throws(() => loadConfig({ TRAQ_ARTIFACT_BACKEND: 's3', TRAQ_S3_BUCKET: 'bk1', AWS_ACCESS_KEY_ID: 'x' }), /must be set together/);
  t.throws(() => loadConfig({ AWS_ENDPOINT_URL_S3: 'localhost:9000' }), /AWS_ENDPOINT_URL_S3 must be an http\(s\) URL/);
  await t.rejects(openArtifactStore(loadConfig({ ...s3.env('x'), TRAQ_S3_BUCKET: 'no-such-bucket' })), /^artifact bucket no-such-bucket at http:\/\/127\.0\.0\.1:\d+ is not usable: HTTP 404/, 'start-up checks the bucket');
});
