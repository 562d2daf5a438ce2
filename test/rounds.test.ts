import t from 'tap';
import { tinyWav } from './helpers/audio.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { approvedDevice, job, type TestDevice, type TestJob } from './helpers/factories.js';

async function setRound(app: TestApp, j: TestJob, roundId: string, status: string, extra: { review_payload?: unknown; jobStatus?: string } = {}) {
  await app.pool.query(
    `UPDATE job_rounds SET status = $3::text::round_status, failure_reason = CASE WHEN $3::text = 'FAILED' THEN 'boom' END, review_payload = $4
      WHERE job_id = $1 AND round_id = $2`,
    [j.jobPk, roundId, status, extra.review_payload === undefined ? null : JSON.stringify(extra.review_payload)],
  );
  await app.pool.query(`UPDATE jobs SET status = $3::text::job_status, latest_round_id = $2, latest_round_status = $4::text::round_status WHERE id = $1`, [
    j.jobPk,
    roundId,
    extra.jobStatus ?? (status === 'FAILED' ? 'FAILED' : status),
    status,
  ]);
}

const events = async (app: TestApp, j: TestJob, type: string) =>
  (await app.pool.query(`SELECT actor_identity, payload FROM job_events WHERE job_id = $1 AND event_type = $2 ORDER BY created_at, id`, [j.jobPk, type])).rows;

const jobRow = async (app: TestApp, j: TestJob) =>
  (await app.pool.query(`SELECT status, latest_round_id, latest_round_status, updated_at FROM jobs WHERE id = $1`, [j.jobPk])).rows[0];

t.test('round creation: numbering under a lock, idempotency, the processing lock, the archived policy', async (t) => {
  // A round is put in SUBMITTED_FOR_PROCESSING in SQL below: no worker may take it while the test looks.
  const app = await startTestApp(t, { TRAQ_WORKER: 'off' });
  const dev = await approvedDevice(app.pool);
  const j = await job(app.pool, { assignTo: dev });
  const post = (d: TestDevice | null, jobId = j.jobId, headers: Record<string, string> = {}) =>
    d ? app.request('POST', `/v1/jobs/${jobId}/rounds`, { key: d.token, headers }) : app.admin('POST', `/v1/jobs/${jobId}/rounds`);

  const first = await post(dev);
  t.equal(first.status, 200);
  t.same(first.body, { round_id: 'round_1', status: 'DRAFT' });
  t.match(await jobRow(app, j), { status: 'DRAFT', latest_round_id: 'round_1', latest_round_status: 'DRAFT' });

  const many = await Promise.all(Array.from({ length: 20 }, () => post(dev)));
  t.same(many.map((r) => r.status), Array(20).fill(200), '20 concurrent creates all succeed');
  const ids = many.map((r) => r.body.round_id as string).sort((a, b) => Number(a.slice(6)) - Number(b.slice(6)));
  t.same(ids, Array.from({ length: 20 }, (_, i) => `round_${i + 2}`), 'round_2..round_21, no duplicate, no gap');
  t.equal((await jobRow(app, j)).latest_round_id, 'round_21', 'the last allocated round is the latest');
  t.equal((await events(app, j, 'round_created')).length, 21, 'one round_created event per round');

  // 20 concurrent creates on a fresh job give exactly round_1..round_20.
  const j2 = await job(app.pool, { assignTo: dev });
  const burst = await Promise.all(Array.from({ length: 20 }, () => post(dev, j2.jobId)));
  t.same(new Set(burst.map((r) => r.body.round_id)), new Set(Array.from({ length: 20 }, (_, i) => `round_${i + 1}`)));

  const k1 = await post(dev, j.jobId, { 'Idempotency-Key': 'abc' });
  const k2 = await post(dev, j.jobId, { 'Idempotency-Key': 'abc' });
  t.same(k2.body, k1.body, 'a retried create with the same Idempotency-Key gets the first answer');
  t.equal(k1.body.round_id, 'round_22');
  t.equal((await app.pool.query(`SELECT count(*)::int AS n FROM job_rounds WHERE job_id = $1`, [j.jobPk])).rows[0].n, 22, 'and no extra round');

  await setRound(app, j, 'round_22', 'SUBMITTED_FOR_PROCESSING');
  const locked = await post(dev);
  t.equal(locked.status, 409);
  t.same(locked.body, { detail: 'Job is locked while processing. Wait for review.', code: 'job_processing' });
  t.equal((await post(null)).status, 200, 'an admin bypasses the lock');

  for (const status of ['REVIEW_RETURNED', 'FAILED', 'DRAFT']) {
    await setRound(app, j, 'round_23', status);
    t.equal((await post(dev)).status, 200, `a new round on top of a ${status} round`);
  }

  // Archived policy: a device may open a correction round on an archived job.
  const archived = await job(app.pool, { assignTo: dev });
  await post(dev, archived.jobId);
  await setRound(app, archived, 'round_1', 'REVIEW_RETURNED', { jobStatus: 'ARCHIVED' });
  const correction = await post(dev, archived.jobId);
  t.same(correction.body, { round_id: 'round_2', status: 'DRAFT' }, 'correction round opened');
  t.match(await jobRow(app, archived), { status: 'DRAFT', latest_round_id: 'round_2', latest_round_status: 'DRAFT' });
  t.match((await events(app, archived, 'round_created'))[1], {
    actor_identity: `device:${dev.deviceId}`,
    payload: { round_id: 'round_2', previous_round_id: 'round_1', job_status_from: 'ARCHIVED', correction: true },
  });

  const other = await approvedDevice(app.pool);
  t.match((await post(other)).body, { code: 'job_assigned_to_other_device' }, 'the guard runs');
  t.equal((await post(null, 'job_nope')).status, 404);
  t.equal((await app.request('POST', `/v1/jobs/${j.jobId}/rounds`)).status, 401);
});

t.test('the reconciliation read: every field, after each step, and it changes nothing', async (t) => {
  // A round is put in SUBMITTED_FOR_PROCESSING in SQL below: no worker may take it while the test looks.
  const app = await startTestApp(t, { TRAQ_WORKER: 'off' });
  const dev = await approvedDevice(app.pool);
  const j = await job(app.pool, { assignTo: dev });
  const read = (roundId = 'round_1', d: TestDevice = dev) => app.request('GET', `/v1/jobs/${j.jobId}/rounds/${roundId}`, { key: d.token });

  t.same((await read()).body, { detail: 'Round not found', code: 'round_not_found' }, 'before the round exists: 404 Round not found');
  await app.request('POST', `/v1/jobs/${j.jobId}/rounds`, { key: dev.token });
  const fresh = await read();
  t.equal(fresh.status, 200);
  t.same(fresh.body, {
    job_id: j.jobId,
    round_id: 'round_1',
    status: 'DRAFT',
    server_revision_id: null,
    client_revision_id: null,
    review_ready: false,
    processing_state: 'accepted',
    recordings: [],
    images: [],
    accepted_recording_ids: [],
    accepted_image_ids: [],
    transcription_failures: [],
  });

  const audio = tinyWav();
  for (const [section, rec] of [['trunk', 'rec_b'], ['site_factors', 'rec_a'], ['trunk', 'rec_a2']]) {
    const up = await app.request('PUT', `/v1/jobs/${j.jobId}/sections/${section}/recordings/${rec}`, {
      key: dev.token,
      raw: audio,
      headers: { 'content-type': 'audio/mp4' },
    });
    t.equal(up.status, 200, `upload ${rec}`);
  }
  const withMedia = await read();
  t.same(withMedia.body.recordings, [
    { section_id: 'site_factors', upload_status: 'uploaded', recording_id: 'rec_a', image_id: null },
    { section_id: 'trunk', upload_status: 'uploaded', recording_id: 'rec_a2', image_id: null },
    { section_id: 'trunk', upload_status: 'uploaded', recording_id: 'rec_b', image_id: null },
  ]);
  t.same(withMedia.body.accepted_recording_ids, ['rec_a', 'rec_a2', 'rec_b'], 'ordered by section, then id');
  t.same(withMedia.body.accepted_image_ids, []);

  const states: [string, string, boolean][] = [
    ['SUBMITTED_FOR_PROCESSING', 'processing', false],
    ['FAILED', 'failed', false],
    ['REVIEW_RETURNED', 'completed', true],
    ['DRAFT', 'accepted', false],
  ];
  const failures = [{ section_id: 'trunk', recording_id: 'rec_b', error: 'OPENAI_API_KEY is not set' }];
  for (const [status, processing, ready] of states) {
    await setRound(app, j, 'round_1', status, { review_payload: status === 'REVIEW_RETURNED' ? { transcription_failures: failures } : undefined });
    await app.pool.query(`UPDATE job_rounds SET client_revision_id = 'client-rev-1', server_revision_id = 'rev_round_1_1' WHERE job_id = $1`, [j.jobPk]);
    const r = await read();
    t.match(r.body, { status, processing_state: processing, review_ready: ready, client_revision_id: 'client-rev-1', server_revision_id: 'rev_round_1_1' }, status);
    t.same(r.body.transcription_failures, status === 'REVIEW_RETURNED' ? failures : [], `${status}: transcription_failures`);
  }

  const before = {
    job: await jobRow(app, j),
    rounds: (await app.pool.query(`SELECT status, updated_at FROM job_rounds WHERE job_id = $1`, [j.jobPk])).rows,
    events: (await app.pool.query(`SELECT count(*)::int AS n FROM job_events`)).rows[0].n,
  };
  await read();
  await app.request('GET', `/v1/jobs/${j.jobId}/rounds/round_1/manifest`, { key: dev.token });
  t.same(
    {
      job: await jobRow(app, j),
      rounds: (await app.pool.query(`SELECT status, updated_at FROM job_rounds WHERE job_id = $1`, [j.jobPk])).rows,
      events: (await app.pool.query(`SELECT count(*)::int AS n FROM job_events`)).rows[0].n,
    },
    before,
    'GETs change nothing',
  );

  t.equal((await read('round_9')).body.detail, 'Round not found');
  t.equal((await read('round_%2E%2E%2Fx')).body.code, 'round_not_found', 'a malformed round id is simply not found');
  const other = await approvedDevice(app.pool);
  t.equal((await read('round_1', other)).status, 403, 'the guard runs');
  t.same((await app.admin('GET', `/v1/jobs/job_nope/rounds/round_1`)).body, { detail: 'Job not found', code: 'job_not_found' });
  t.equal((await app.admin('GET', `/v1/jobs/${j.jobId}/rounds/round_1`)).status, 200, 'an admin reads any job');
});

t.test('the manifest: validated, normalized, replaced whole, locked like the round', async (t) => {
  // A round is put in SUBMITTED_FOR_PROCESSING in SQL below: no worker may take it while the test looks.
  const app = await startTestApp(t, { TRAQ_WORKER: 'off' });
  const dev = await approvedDevice(app.pool);
  const j = await job(app.pool, { assignTo: dev });
  const put = (body: unknown, roundId = 'round_1') => app.request('PUT', `/v1/jobs/${j.jobId}/rounds/${roundId}/manifest`, { key: dev.token, body });
  const get = (roundId = 'round_1') => app.request('GET', `/v1/jobs/${j.jobId}/rounds/${roundId}/manifest`, { key: dev.token });

  t.equal((await put([])).status, 404, 'no round yet: 404');
  await app.request('POST', `/v1/jobs/${j.jobId}/rounds`, { key: dev.token });
  t.same((await get()).body, { ok: true, round_id: 'round_1', manifest: [], manifest_count: 0 });

  const smoke = [{ artifact_id: 'rec_1', section_id: 'site_factors', client_order: 0, kind: 'recording' }];
  t.same((await put(smoke)).body, { ok: true, round_id: 'round_1', manifest_count: 1 }, 'manifest_smoke.json shape');
  t.same((await get()).body.manifest, [
    { artifact_id: 'rec_1', section_id: 'site_factors', client_order: 0, kind: 'recording', issue_id: null, recorded_at: null },
  ]);

  const items = [
    { artifact_id: 'rec_2', section_id: 'risk_categorization', issue_id: 'issue_1', recorded_at: '2026-03-24T18:31:00+02:00', extra: 'dropped' },
    { artifact_id: 'img_1', section_id: 'job_photos', kind: 'image', client_order: 3, recorded_at: '2026-03-24T18:31:00' },
    { artifact_id: 'rec_3', section_id: 'trunk', recorded_at: '2026-03-24T10:00:00Z' },
  ];
  t.equal((await put(items)).body.manifest_count, 3);
  t.same((await get()).body.manifest, [
    { artifact_id: 'rec_2', section_id: 'risk_categorization', client_order: 0, kind: 'recording', issue_id: 'issue_1', recorded_at: '2026-03-24T18:31:00+02:00' },
    { artifact_id: 'img_1', section_id: 'job_photos', client_order: 3, kind: 'image', issue_id: null, recorded_at: '2026-03-24T18:31:00' },
    { artifact_id: 'rec_3', section_id: 'trunk', client_order: 0, kind: 'recording', issue_id: null, recorded_at: '2026-03-24T10:00:00Z' },
  ], 'replaced whole, all six keys, unknown keys dropped, times echoed exactly as the device sent them');

  for (const [bad, why] of [
    [{ artifact_id: 'x' }, 'not an array'],
    [[{ section_id: 's' }], 'artifact_id missing'],
    [[{ artifact_id: 'a', section_id: 7 }], 'section_id not a string'],
    [[{ artifact_id: 'a', section_id: 's', client_order: 1.5 }], 'client_order not an int'],
    [[{ artifact_id: 'a', section_id: 's', recorded_at: 'yesterday' }], 'recorded_at not ISO'],
  ] as const) {
    const r = await put(bad);
    t.equal(r.status, 422, why);
    t.ok(Array.isArray(r.body.detail), `${why}: FastAPI-style detail list`);
  }
  t.equal((await get()).body.manifest_count, 3, 'refused bodies changed nothing');
  t.equal((await app.request('PUT', `/v1/jobs/${j.jobId}/rounds/round_1/manifest`, { body: 'nope' })).status, 401, 'auth before validation');

  for (const status of ['SUBMITTED_FOR_PROCESSING', 'REVIEW_RETURNED', 'FAILED']) {
    await setRound(app, j, 'round_1', status);
    t.same((await put(smoke)).body, { detail: 'Round is locked. Admin must reopen to DRAFT.', code: 'round_locked' }, `round ${status}: locked`);
  }
  t.equal((await app.admin('PUT', `/v1/jobs/${j.jobId}/rounds/round_1/manifest`, smoke)).status, 200, 'an admin bypasses the lock');

  await app.request('POST', `/v1/jobs/${j.jobId}/rounds`, { key: dev.token });
  await setRound(app, j, 'round_1', 'DRAFT', { jobStatus: 'DRAFT' });
  await app.pool.query(`UPDATE jobs SET latest_round_id = 'round_2' WHERE id = $1`, [j.jobPk]);
  t.match((await put(smoke, 'round_1')).body, { code: 'round_superseded' }, 'a DRAFT round that is no longer the latest is refused');
  t.equal((await put(smoke, 'round_2')).status, 200, 'the latest DRAFT round takes it');

  await setRound(app, j, 'round_2', 'REVIEW_RETURNED', { jobStatus: 'ARCHIVED' });
  t.match((await put(smoke, 'round_2')).body, { code: 'job_archived' }, 'archived: the finalized round is never changed by a device');

  const ev = await events(app, j, 'manifest_updated');
  t.match(ev[0], { actor_identity: `device:${dev.deviceId}`, payload: { round_id: 'round_1', manifest_count: 1 } }, 'manifest_updated event');
  t.equal(ev.length, 4, 'one event per accepted PUT');
});

t.test('admin reopen persists the round row and moves the job', async (t) => {
  const app = await startTestApp(t);
  const dev = await approvedDevice(app.pool);
  const j = await job(app.pool, { assignTo: dev });
  await app.request('POST', `/v1/jobs/${j.jobId}/rounds`, { key: dev.token });
  await app.request('POST', `/v1/jobs/${j.jobId}/rounds`, { key: dev.token });
  await setRound(app, j, 'round_1', 'FAILED');
  await setRound(app, j, 'round_2', 'REVIEW_RETURNED', { jobStatus: 'ARCHIVED' });

  t.same((await app.request('POST', `/v1/admin/jobs/${j.jobId}/rounds/round_1/reopen`, { key: dev.token })).body, {
    detail: 'Admin role required',
    code: 'admin_required',
  });
  const r = await app.admin('POST', `/v1/admin/jobs/${j.jobId}/rounds/round_1/reopen`);
  t.same(r.body, { ok: true, job_id: j.jobId, round_id: 'round_1', status: 'DRAFT' });
  const round = (await app.pool.query(`SELECT status, failure_reason FROM job_rounds WHERE job_id = $1 AND round_id = 'round_1'`, [j.jobPk])).rows[0];
  t.same(round, { status: 'DRAFT', failure_reason: null }, 'the round row itself is DRAFT (the old server forgot this)');
  t.match(await jobRow(app, j), { status: 'DRAFT', latest_round_id: 'round_1', latest_round_status: 'DRAFT' });
  t.match((await events(app, j, 'round_reopened'))[0], {
    actor_identity: 'admin',
    payload: { round_id: 'round_1', round_from: 'FAILED', round_to: 'DRAFT', from: 'ARCHIVED', to: 'DRAFT', previous_latest_round_id: 'round_2' },
  });
  const read = await app.request('GET', `/v1/jobs/${j.jobId}/rounds/round_1`, { key: dev.token });
  t.match(read.body, { status: 'DRAFT', processing_state: 'accepted', review_ready: false }, 'the reconciliation read agrees');
  t.equal((await app.request('PUT', `/v1/jobs/${j.jobId}/rounds/round_1/manifest`, { key: dev.token, body: [] })).status, 200, 'and the device can write again');

  t.same((await app.admin('POST', `/v1/admin/jobs/${j.jobId}/rounds/round_7/reopen`)).body, { detail: 'Round not found', code: 'round_not_found' });
  t.equal((await app.admin('POST', `/v1/admin/jobs/job_nope/rounds/round_1/reopen`)).status, 404);
});
