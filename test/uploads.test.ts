import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import sharp from 'sharp';
import t from 'tap';
import { wavBytes } from './helpers/audio.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { approvedDevice, job, type TestDevice, type TestJob } from './helpers/factories.js';
import { testBackend } from './helpers/s3.js';
import { allKeys, stagedNames, watchPlacements } from './helpers/store.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function setRound(app: TestApp, j: TestJob, roundId: string, status: string, jobStatus = status) {
  await app.pool.query(
    `UPDATE job_rounds SET status = $3::text::round_status, failure_reason = CASE WHEN $3::text = 'FAILED' THEN 'boom' END
      WHERE job_id = $1 AND round_id = $2`,
    [j.jobPk, roundId, status],
  );
  await app.pool.query(`UPDATE jobs SET status = $3::text::job_status, latest_round_id = $2, latest_round_status = $4::text::round_status WHERE id = $1`, [
    j.jobPk,
    roundId,
    jobStatus,
    status,
  ]);
}

/** A job assigned to a new device, with round_1 open. */
async function setup(app: TestApp): Promise<{ dev: TestDevice; j: TestJob }> {
  const dev = await approvedDevice(app.pool);
  const j = await job(app.pool, { assignTo: dev });
  const r = await app.request('POST', `/v1/jobs/${j.jobId}/rounds`, { key: dev.token });
  if (r.status !== 200) throw new Error(`round create failed: ${r.text}`);
  return { dev, j };
}

type Bytes = Buffer | string | ReadableStream;

function putRecording(app: TestApp, key: string | null, jobId: string, section: string, rec: string, bytes: Bytes, contentType = 'audio/mp4', query = '') {
  const headers: Record<string, string> = {};
  if (contentType) headers['content-type'] = contentType;
  return app.request('PUT', `/v1/jobs/${jobId}/sections/${section}/recordings/${rec}${query}`, { key: key ?? undefined, raw: bytes as BodyInit, headers });
}

function putImage(app: TestApp, key: string, jobId: string, image: string, bytes: Buffer, contentType = 'image/jpeg', query = '', section = 'job_photos') {
  return app.request('PUT', `/v1/jobs/${jobId}/sections/${section}/images/${image}${query}`, { key, raw: bytes as BodyInit, headers: { 'content-type': contentType } });
}

/** Every file in the store, including anything left in the staging area. */
const allFiles = (app: TestApp) => allKeys(app.store);

const rows = async (app: TestApp, table: 'round_recordings' | 'round_images') => (await app.pool.query(`SELECT * FROM ${table} ORDER BY created_at`)).rows;

/** A WAV file: `seconds` of 8 kHz mono 16-bit silence. */
function wav(seconds: number): Buffer {
  const data = 8000 * 2 * seconds;
  const b = Buffer.alloc(44 + data);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + data, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(16000, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(data, 40);
  return b;
}

/** A raw HTTP request with the path sent exactly as given (fetch would normalise "..", "%2e%2e"). */
function rawRequest(app: TestApp, method: string, p: string, headers: Record<string, string>, body?: Buffer): Promise<{ status: number; body: any }> {
  const { port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: p, headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

t.test('recordings: stored under the round, idempotent by id, replaced cleanly', async (t) => {
  const app = await startTestApp(t);
  const { dev, j } = await setup(app);
  const a = wavBytes(4000);
  const first = await putRecording(app, dev.token, j.jobId, 'site_factors', 'rec_1', a);
  t.equal(first.status, 200);
  t.same(first.body, { ok: true, job_id: j.jobId, section_id: 'site_factors', recording_id: 'rec_1', bytes: 4000 }, 'api.md response body');
  const m4a = `jobs/${j.jobId}/rounds/round_1/sections/site_factors/recordings/rec_1.m4a`;
  t.same(await allFiles(app), [m4a], 'one file, under a key that names the round');
  t.same(await app.store.readBuffer(m4a), a);
  await app.pool.query(`UPDATE round_recordings SET transcript_text = 'cached'`);
  const [row] = await rows(app, 'round_recordings');
  t.match(row, { section_id: 'site_factors', recording_id: 'rec_1', upload_status: 'uploaded', content_type: 'audio/mp4', byte_size: 4000, sha256: sha(a), artifact_path: m4a, duration_ms: Number });
  t.ok(row.uploaded_at instanceof Date);

  const placed = watchPlacements(app.store);
  const again = await putRecording(app, dev.token, j.jobId, 'site_factors', 'rec_1', a);
  t.same(again.body, first.body, 'same bytes: same answer');
  const [same] = await rows(app, 'round_recordings');
  t.same([same.updated_at, same.uploaded_at, same.transcript_text], [row.updated_at, row.uploaded_at, 'cached'], 'nothing rewritten in the row');
  t.same(placed, [], 'nor in the store');

  const b = wavBytes(3000);
  t.equal((await putRecording(app, dev.token, j.jobId, 'site_factors', 'rec_1', b)).body.bytes, 3000);
  const [replaced] = await rows(app, 'round_recordings');
  t.match(replaced, { sha256: sha(b), byte_size: 3000, transcript_text: null }, 'new bytes replace the row and drop the stale transcript');
  t.same(await app.store.readBuffer(m4a), b);

  t.equal((await putRecording(app, dev.token, j.jobId, 'site_factors', 'rec_1', b, 'audio/wav')).status, 200, 'other content type');
  const wavKey = m4a.replace(/\.m4a$/, '.wav');
  t.same(await allFiles(app), [wavKey], 'the .m4a copy is removed, no orphan');
  t.match((await rows(app, 'round_recordings'))[0], { content_type: 'audio/wav', artifact_path: wavKey });
  t.equal((await rows(app, 'round_recordings')).length, 1, 'still one row');

  const clash = await putRecording(app, dev.token, j.jobId, 'trunk', 'rec_1', a);
  t.equal(clash.status, 409);
  t.same(clash.body, { detail: 'recording_id rec_1 is already used in section site_factors of this round', code: 'recording_id_in_other_section' });
  t.same(await allFiles(app), [wavKey], 'nothing written for the clash');

  const tone = wav(1.5);
  await putRecording(app, dev.token, j.jobId, 'trunk', 'rec_wav', tone, 'audio/x-wav');
  t.equal((await app.pool.query(`SELECT duration_ms FROM round_recordings WHERE recording_id = 'rec_wav'`)).rows[0].duration_ms, 1500, 'duration read from the container');

  // A JSON-typed body meets the global JSON parser first (1 MB limit); valid JSON then gets the 415.
  t.equal((await putRecording(app, dev.token, j.jobId, 'trunk', 'rec_x', '{}', 'application/json')).status, 415, 'application/json refused');
  for (const ct of ['text/plain', 'application/octet-stream', 'image/jpeg', 'audio', '']) {
    const r = await putRecording(app, dev.token, j.jobId, 'trunk', 'rec_x', a, ct);
    t.equal(r.status, 415, `Content-Type ${JSON.stringify(ct)} refused`);
    t.equal(r.body.code, 'unsupported_media_type');
    t.match(r.body.detail, /audio\/\*/, 'the answer says what to send');
  }
  for (const ct of ['audio/m4a', 'audio/x-m4a', 'audio/aac', 'audio/mpeg', 'audio/ogg', 'audio/webm', 'audio/MP4; codecs=mp4a.40.2']) {
    t.equal((await putRecording(app, dev.token, j.jobId, 'types', `rec_${ct.replace(/[^a-z0-9]/gi, '')}`, a, ct)).status, 200, `${ct} accepted`);
  }
  t.same((await putRecording(app, dev.token, j.jobId, 'trunk', 'rec_empty', Buffer.alloc(0))).body, { detail: 'Empty recording payload', code: 'empty_payload' });
  t.notOk((await allFiles(app)).some((f) => f.includes('rec_x') || f.includes('rec_empty')), 'refused uploads left no file');

  const read = await app.request('GET', `/v1/jobs/${j.jobId}/rounds/round_1`, { key: dev.token });
  t.ok(read.body.accepted_recording_ids.includes('rec_1') && read.body.accepted_recording_ids.includes('rec_wav'), 'the reconciliation read lists them');
  t.equal((await putRecording(app, null, j.jobId, 'trunk', 'rec_1', a)).status, 401);
});

t.test('the lock matrix and ?round_id= targeting for uploads and photo edits', async (t) => {
  // A round is put in SUBMITTED_FOR_PROCESSING in SQL below: no worker may take it while the test looks.
  const app = await startTestApp(t, { TRAQ_WORKER: 'off' });
  const dev = await approvedDevice(app.pool);
  const j = await job(app.pool, { assignTo: dev });
  const bytes = wavBytes(100);
  const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } }).jpeg().toBuffer();
  const rec = (query = '', key = dev.token) => putRecording(app, key, j.jobId, 'trunk', 'rec_1', bytes, 'audio/mp4', query);
  const img = (query = '') => putImage(app, dev.token, j.jobId, 'img_1', photo, 'image/jpeg', query);
  const patch = (query = '') =>
    app.request('PATCH', `/v1/jobs/${j.jobId}/sections/job_photos/images/img_1${query}`, { key: dev.token, body: { caption: 'x' } });

  t.same((await rec()).body, { detail: 'No active round for recording upload', code: 'no_active_round' }, 'no rounds');
  t.same((await img()).body, { detail: 'No active round for image upload', code: 'no_active_round' });
  t.same((await patch()).body, { detail: 'No active round for image patch', code: 'no_active_round' });

  await app.request('POST', `/v1/jobs/${j.jobId}/rounds`, { key: dev.token });
  t.equal((await rec()).status, 200, 'DRAFT: upload ok');
  t.equal((await img()).status, 200, 'DRAFT: photo ok');
  t.equal((await patch()).status, 200, 'DRAFT: photo edit ok');
  for (const status of ['SUBMITTED_FOR_PROCESSING', 'REVIEW_RETURNED', 'FAILED']) {
    await setRound(app, j, 'round_1', status);
    const locked = { detail: 'Job is locked. Admin must reopen round to DRAFT.', code: 'job_locked' };
    t.same((await rec()).body, locked, `${status}: recording refused`);
    t.same((await img()).body, locked, `${status}: photo refused`);
    t.same((await patch()).body, locked, `${status}: photo edit refused`);
  }
  t.equal((await rec('', 'test-admin-key-0123456789abcdef')).status, 200, 'an admin bypasses the lock');

  await setRound(app, j, 'round_1', 'REVIEW_RETURNED', 'ARCHIVED');
  for (const r of [await rec(), await img(), await patch()]) t.match(r.body, { code: 'job_archived' }, 'archived: the finalized round is refused');

  // The correction round: allowed on the archived job, and writable.
  t.same((await app.request('POST', `/v1/jobs/${j.jobId}/rounds`, { key: dev.token })).body, { round_id: 'round_2', status: 'DRAFT' });
  t.equal((await rec()).status, 200, 'upload lands in the correction round');
  const keys = (await allFiles(app)).filter((f) => f.includes('rec_1'));
  t.same(keys, [`jobs/${j.jobId}/rounds/round_1/sections/trunk/recordings/rec_1.m4a`, `jobs/${j.jobId}/rounds/round_2/sections/trunk/recordings/rec_1.m4a`], 'rounds never overwrite each other');

  // A retry meant for round_1 does not land in round_2.
  t.match((await rec('?round_id=round_1')).body, { code: 'round_superseded', detail: "Round round_1 is not the job's latest round (round_2); only the latest round accepts changes." });
  t.equal((await rec('?round_id=round_2')).status, 200, 'naming the latest round is fine');
  t.same((await rec('?round_id=round_9')).body, { detail: 'Round not found', code: 'round_not_found' });
  t.equal((await rec('?round_id=round_x')).status, 422, 'a malformed round_id is a validation error');
  const adminBytes = wavBytes(50);
  const adminPut = await putRecording(app, 'test-admin-key-0123456789abcdef', j.jobId, 'trunk', 'rec_admin', adminBytes, 'audio/mp4', '?round_id=round_1');
  t.equal(adminPut.status, 200, 'an admin may target an older round');
  const r1 = await app.request('GET', `/v1/jobs/${j.jobId}/rounds/round_1`, { key: dev.token });
  const r2 = await app.request('GET', `/v1/jobs/${j.jobId}/rounds/round_2`, { key: dev.token });
  t.same(r1.body.accepted_recording_ids, ['rec_1', 'rec_admin'], 'round_1 got the targeted upload');
  t.same(r2.body.accepted_recording_ids, ['rec_1'], 'round_2 did not');

  const other = await approvedDevice(app.pool);
  t.equal((await rec('', other.token)).status, 403, 'the guard runs first');
});

t.test('size caps, client aborts and traversal leave no file and no row', async (t) => {
  const app = await startTestApp(t, { TRAQ_MAX_AUDIO_BYTES: '1000', TRAQ_MAX_IMAGE_BYTES: '2000' });
  const { dev, j } = await setup(app);

  t.equal((await putRecording(app, dev.token, j.jobId, 'trunk', 'rec_cap', wavBytes(1000))).status, 200, 'exactly the cap is fine');
  const over = await putRecording(app, dev.token, j.jobId, 'trunk', 'rec_over', randomBytes(1001));
  t.equal(over.status, 413, 'cap + 1 byte (declared Content-Length)');
  t.same(over.body, { detail: 'Recording is larger than the limit of 1000 bytes', code: 'payload_too_large' });

  // Chunked: no Content-Length, so the cap is enforced while streaming.
  const chunked = new ReadableStream({
    start(c) {
      c.enqueue(randomBytes(600));
      c.enqueue(randomBytes(401));
      c.close();
    },
  });
  const streamed = await putRecording(app, dev.token, j.jobId, 'trunk', 'rec_stream', chunked);
  t.equal(streamed.status, 413, 'cap + 1 byte while streaming');
  t.equal(streamed.body.code, 'payload_too_large');
  let sent = 0;
  const flood = new ReadableStream({
    pull(c) {
      c.enqueue(randomBytes(64 * 1024));
      if (++sent >= 160) c.close();
    },
  });
  const drained = await putRecording(app, dev.token, j.jobId, 'trunk', 'rec_flood', flood);
  t.equal(drained.status, 413, 'a 10 MB body far over the cap still gets its 413 answer (the rest is drained, not stored)');
  const imgOver = await putImage(app, dev.token, j.jobId, 'img_big', randomBytes(2001));
  t.same(imgOver.body, { detail: 'Image is larger than the limit of 2000 bytes', code: 'payload_too_large' });
  t.same(await allFiles(app), [`jobs/${j.jobId}/rounds/round_1/sections/trunk/recordings/rec_cap.m4a`], 'nothing but the accepted file, nothing left in staging');
  t.same((await rows(app, 'round_recordings')).map((r) => r.recording_id), ['rec_cap']);
  t.equal((await putRecording(app, dev.token, j.jobId, 'trunk', 'rec_after', wavBytes(100))).status, 200, 'the server carries on');

  // A client that goes away halfway through its body. On local disk its first bytes are in a staged file
  // when it goes (checked first, so this is an abort in the middle of a write); in a bucket nothing is
  // uploaded before the body ends (the backend buffers up to a 5 MiB part), so there is nothing to see yet.
  const { port } = new URL(app.url);
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const stagedMidway = await new Promise<string[]>((resolve) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'PUT',
      path: `/v1/jobs/${j.jobId}/sections/trunk/recordings/rec_abort`,
      headers: { 'x-api-key': dev.token, 'x-request-id': 'upload-abort', 'content-type': 'audio/mp4', 'content-length': '900' },
    });
    req.on('error', () => {});
    req.write(randomBytes(450), async () => {
      let staged: string[] = [];
      for (let i = 0; i < 50 && staged.length === 0 && testBackend() === 'local'; i++) {
        await sleep(100);
        staged = await stagedNames(app.store);
      }
      req.destroy();
      resolve(staged);
    });
  });
  t.equal(stagedMidway.length, testBackend() === 'local' ? 1 : 0, 'the half-sent body was being staged when the client went');
  // The server's request log line says it is done with the request (cleanup included), whatever it answered.
  for (let i = 0; i < 100 && !app.logs.some((l) => l.req_id === 'upload-abort' && l.status); i++) await sleep(100);
  t.match(
    app.logs.find((l) => l.req_id === 'upload-abort' && l.status),
    { status: 400 },
    'the server logged the request as finished (400 upload_aborted, an answer nobody reads)',
  );
  t.same(await stagedNames(app.store), [], 'the aborted upload left no staged file');
  t.notOk((await allFiles(app)).some((f) => f.includes('rec_abort')), 'and no artifact');
  t.notOk((await rows(app, 'round_recordings')).some((r) => r.recording_id === 'rec_abort'), 'and no row');

  const before = await allFiles(app);
  const h = { 'x-api-key': dev.token, 'content-type': 'audio/mp4' };
  const attempts = [
    `/v1/jobs/${j.jobId}/sections/..%2F..%2Fetc/recordings/rec_t`,
    `/v1/jobs/${j.jobId}/sections/%2E%2E/recordings/rec_t`,
    `/v1/jobs/${j.jobId}/sections/trunk/recordings/..%2F..%2Fpasswd`,
    `/v1/jobs/${j.jobId}/sections/trunk/recordings/%2E%2E`,
    `/v1/jobs/${j.jobId}/sections/trunk/recordings/a%5Cb`,
    `/v1/jobs/${j.jobId}/sections/trunk/recordings/.hidden`,
    `/v1/jobs/..%2F${j.jobId}/sections/trunk/recordings/rec_t`,
    `/v1/jobs/%2E%2E/sections/trunk/recordings/rec_t`,
    `/v1/jobs/${j.jobId}/sections/trunk/recordings/rec_t?round_id=..%2Fround_1`,
    `/v1/jobs/${j.jobId}/sections/job_photos/images/..%2F..%2Fx`,
    `/v1/jobs/${j.jobId}/sections/job_photos/images/%2E%2E`,
    `/v1/jobs/${j.jobId}/sections/job_photos/images/img.report`,
  ];
  for (const p of attempts) {
    const r = await rawRequest(app, 'PUT', p, h, randomBytes(10));
    t.equal(r.status, 422, `refused: ${p.slice(p.indexOf('/sections') - 20)}`);
  }
  const patchTraversal = await rawRequest(app, 'PATCH', `/v1/jobs/${j.jobId}/sections/job_photos/images/..%2Fx`, { ...h, 'content-type': 'application/json' }, Buffer.from('{}'));
  t.equal(patchTraversal.status, 422, 'PATCH too');
  t.same(await allFiles(app), before, 'no traversal attempt wrote anything');
});

t.test('photos: job_photos only, five per job, a real report variant, caption and GPS', async (t) => {
  const app = await startTestApp(t);
  const { dev, j } = await setup(app);
  const landscape = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 200, g: 40, b: 40 } } }).jpeg({ quality: 90 }).toBuffer();
  const rotated = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 40, g: 200, b: 40 } } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
  const png = await sharp({ create: { width: 400, height: 300, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } }).png().toBuffer();

  const up = await putImage(app, dev.token, j.jobId, 'img_1', landscape);
  t.same(up.body, { ok: true, job_id: j.jobId, section_id: 'job_photos', image_id: 'img_1', bytes: landscape.length }, 'api.md response body');
  const folder = `jobs/${j.jobId}/rounds/round_1/sections/job_photos/images`;
  t.same(await allFiles(app), [`${folder}/img_1.jpg`, `${folder}/img_1.report.jpg`], 'original and report variant side by side');
  const report = await sharp(await app.store.readBuffer(`${folder}/img_1.report.jpg`)).metadata();
  t.match(report, { format: 'jpeg', width: 1600, height: 1067, channels: 3 }, '3000×2000 fits in 1600×1600 as 1600×1067');
  const [row] = await rows(app, 'round_images');
  t.match(row, { image_id: 'img_1', section_id: 'job_photos', sha256: sha(landscape), byte_size: landscape.length, report_artifact_path: `${folder}/img_1.report.jpg` });
  t.equal(Number(row.report_byte_size), (await app.store.stat(`${folder}/img_1.report.jpg`))?.size);

  await putImage(app, dev.token, j.jobId, 'img_rot', rotated);
  const rot = await sharp(await app.store.readBuffer(`${folder}/img_rot.report.jpg`)).metadata();
  t.match(rot, { width: 1067, height: 1600 }, 'EXIF orientation 6 is applied: portrait');
  t.notOk(rot.orientation && rot.orientation !== 1, 'and no orientation tag is left to apply twice');

  await putImage(app, dev.token, j.jobId, 'img_png', png, 'image/png');
  const pngReport = await sharp(await app.store.readBuffer(`${folder}/img_png.report.jpg`)).metadata();
  t.match(pngReport, { format: 'jpeg', width: 400, height: 300, channels: 3 }, 'PNG with alpha: RGB JPEG, not enlarged');
  t.ok((await allFiles(app)).includes(`${folder}/img_png.png`), 'the PNG original keeps its extension');

  const garbage = await putImage(app, dev.token, j.jobId, 'img_bad', Buffer.from('definitely not a jpeg'));
  t.equal(garbage.status, 415);
  t.same(garbage.body, { detail: 'Image bytes are not a decodable JPEG or PNG', code: 'image_not_decodable' });
  t.equal((await putImage(app, dev.token, j.jobId, 'img_gif', Buffer.from('GIF89a'), 'image/gif')).status, 415, 'image/gif refused');
  t.same((await putImage(app, dev.token, j.jobId, 'img_x', landscape, 'image/jpeg', '', 'trunk')).body, {
    detail: "Images must use section_id='job_photos'",
    code: 'images_only_in_job_photos',
  });
  t.notOk((await allFiles(app)).some((f) => /img_(bad|gif|x)/.test(f)), 'refused photos left no file');

  // Caption and GPS.
  const patch = (body: unknown, image = 'img_1') => app.request('PATCH', `/v1/jobs/${j.jobId}/sections/job_photos/images/${image}`, { key: dev.token, body });
  const details = async (image = 'img_1') =>
    (await app.pool.query(`SELECT caption, latitude, longitude FROM round_images WHERE image_id = $1`, [image])).rows[0];
  const p1 = await patch({ caption: ' Trunk cavity ', gps: { latitude: '38.5', longitude: -121.25 }, note: 'kept in the echo' });
  t.same(p1.body, {
    ok: true,
    job_id: j.jobId,
    section_id: 'job_photos',
    image_id: 'img_1',
    payload: { caption: ' Trunk cavity ', gps: { latitude: '38.5', longitude: -121.25 }, note: 'kept in the echo' },
  });
  t.same(await details(), { caption: 'Trunk cavity', latitude: 38.5, longitude: -121.25 });
  await patch({ latitude: 10, longitude: '20.5' });
  t.same(await details(), { caption: 'Trunk cavity', latitude: 10, longitude: 20.5 }, 'top-level coordinates; absent caption kept');
  await patch({ gps: { latitude: 1 }, latitude: 2 });
  t.same(await details(), { caption: 'Trunk cavity', latitude: 1, longitude: 20.5 }, 'gps wins over top-level; absent longitude kept');
  for (const [body, why] of [
    [{ gps: 'north' }, 'gps not an object'],
    [{ gps: [1, 2] }, 'gps an array'],
    [{ latitude: 91 }, 'latitude out of range'],
    [{ longitude: '-180.5' }, 'longitude out of range'],
    [{ latitude: 'abc' }, 'not numeric'],
    [{ gps: { latitude: true } }, 'not a number'],
    [{ caption: 5 }, 'caption not a string'],
    [[1, 2], 'body not an object'],
  ] as const) {
    const r = await patch(body);
    t.equal(r.status, 422, why);
  }
  t.same(await details(), { caption: 'Trunk cavity', latitude: 1, longitude: 20.5 }, 'refused edits changed nothing');

  t.equal((await putImage(app, dev.token, j.jobId, 'img_1', rotated)).status, 200, 're-upload with new bytes');
  t.same(await details(), { caption: 'Trunk cavity', latitude: 1, longitude: 20.5 }, 'a re-upload keeps caption and GPS');
  t.match(await sharp(await app.store.readBuffer(`${folder}/img_1.report.jpg`)).metadata(), { width: 1067, height: 1600 }, 'and remakes the report variant');

  await patch({ caption: null, gps: null });
  t.same(await details(), { caption: null, latitude: null, longitude: null }, 'explicit null clears');
  await patch({ latitude: 5, longitude: 6, caption: 'x' });
  await patch({ latitude: null, caption: '  ' });
  t.same(await details(), { caption: null, latitude: null, longitude: 6 }, 'null clears one coordinate; a blank caption clears it');
  t.same((await patch({}, 'img_none')).body, { detail: 'Image not found', code: 'image_not_found' });

  // Five distinct photos per job, across rounds; re-uploads do not count.
  await putImage(app, dev.token, j.jobId, 'img_4', landscape);
  await putImage(app, dev.token, j.jobId, 'img_5', landscape);
  const sixth = await putImage(app, dev.token, j.jobId, 'img_6', landscape);
  t.equal(sixth.status, 400);
  t.same(sixth.body, { detail: 'Maximum 5 images per job', code: 'image_limit_reached' });
  t.equal((await putImage(app, dev.token, j.jobId, 'img_5', rotated)).status, 200, 'a re-upload of one of the five is fine');
  await app.request('POST', `/v1/jobs/${j.jobId}/rounds`, { key: dev.token });
  t.equal((await putImage(app, dev.token, j.jobId, 'img_7', landscape)).status, 400, 'the limit is per job: a new round does not reset it');
  t.equal((await putImage(app, dev.token, j.jobId, 'img_1', landscape)).status, 200, 'a known id re-sent into the new round is fine');
  t.notOk((await allFiles(app)).some((f) => /img_[67]/.test(f)), 'refused photos left no file');
  const read = await app.request('GET', `/v1/jobs/${j.jobId}/rounds/round_2`, { key: dev.token });
  t.same(read.body.images, [{ section_id: 'job_photos', upload_status: 'uploaded', recording_id: null, image_id: 'img_1' }]);
  t.same(read.body.accepted_image_ids, ['img_1']);
});

t.test('/openapi.json documents the round and media routes', async (t) => {
  const app = await startTestApp(t);
  const doc = (await app.request('GET', '/openapi.json')).body;
  for (const [p, m] of [
    ['/v1/jobs/{job_id}/rounds', 'post'],
    ['/v1/jobs/{job_id}/rounds/{round_id}', 'get'],
    ['/v1/jobs/{job_id}/rounds/{round_id}/manifest', 'put'],
    ['/v1/admin/jobs/{job_id}/rounds/{round_id}/reopen', 'post'],
    ['/v1/jobs/{job_id}/sections/{section_id}/recordings/{recording_id}', 'put'],
    ['/v1/jobs/{job_id}/sections/{section_id}/images/{image_id}', 'put'],
    ['/v1/jobs/{job_id}/sections/{section_id}/images/{image_id}', 'patch'],
  ] as const) {
    t.ok(doc.paths[p]?.[m]?.responses?.['200']?.content?.['application/json'], `${m.toUpperCase()} ${p}`);
  }
  t.ok(
    doc.paths['/v1/jobs/{job_id}/sections/{section_id}/recordings/{recording_id}'].put.parameters.some((x: { name: string }) => x.name === 'round_id'),
    'the round_id query parameter is documented',
  );
});
