import t, { type Test } from 'tap';
import { tinyWav } from './helpers/audio.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { approvedDevice, type TestDevice } from './helpers/factories.js';
import { answerReply, blankInstance, startFakeOpenAI, type FakeOpenAI, type Script } from './helpers/fake-openai.js';

const WAV = tinyWav();

const JOB = {
  job_name: 'Valley oak',
  job_address: '12 Oak St, Sacramento, CA 95811',
  job_phone: '916 555 0100',
  contact_preference: 'text',
  billing_name: 'Ann Client',
  billing_address: '12 Oak St, Sacramento, CA 95811',
  customer_name: 'Ann Client',
};

/** Extraction answers: site factors and trunk get one value each, everything else all-null. */
const extractor: Script = (req) => {
  const schema = req.responseFormat?.json_schema?.schema;
  if (!schema) return undefined;
  if (req.section === 'site_factors') return answerReply({ ...(blankInstance(schema) as object), history_of_failures: 'Limb failure in 2019' });
  if (req.section === 'trunk') return answerReply({ ...(blankInstance(schema) as object), codominant_stems: true });
  return undefined;
};

interface World {
  app: TestApp;
  fake: FakeOpenAI | undefined;
  device: TestDevice;
  jobId: string;
  treeNumber: number;
}

async function world(t: Test, options: { provider?: boolean; script?: Script; released?: Promise<unknown>; env?: Record<string, string> } = {}): Promise<World> {
  const fake = options.provider === false ? undefined : await startFakeOpenAI({ t, script: options.script ?? extractor, released: options.released });
  const app = await startTestApp(t, {
    TRAQ_SUBMIT_WAIT_SECONDS: '20',
    TRAQ_OPENAI_ATTEMPTS: '1',
    TRAQ_OPENAI_TRANSCRIBE_ATTEMPTS: '1',
    TRAQ_PROCESSING_RETRY_BACKOFF_SECONDS: '0',
    ...(fake ? { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-test-key' } : {}),
    ...options.env,
  });
  const device = await approvedDevice(app.pool);
  const job = await app.request('POST', '/v1/jobs', { key: device.token, body: JOB });
  t.equal(job.status, 200, 'job created');
  return { app, fake, device, jobId: job.body.job_id, treeNumber: job.body.tree_number };
}

/** A round with two recordings (site factors, trunk) and their manifest. */
async function roundWithRecordings(w: World) {
  const round = await w.app.request('POST', `/v1/jobs/${w.jobId}/rounds`, { key: w.device.token });
  const roundId = round.body.round_id as string;
  for (const [section, rec] of [['site_factors', 'rec_1'], ['trunk', 'rec_2']]) {
    const up = await w.app.request('PUT', `/v1/jobs/${w.jobId}/sections/${section}/recordings/${rec}`, {
      key: w.device.token,
      raw: WAV,
      headers: { 'content-type': 'audio/wav' },
    });
    if (up.status !== 200) throw new Error(`upload failed: ${up.status} ${up.text}`);
  }
  await w.app.request('PUT', `/v1/jobs/${w.jobId}/rounds/${roundId}/manifest`, {
    key: w.device.token,
    body: [
      { artifact_id: 'rec_1', section_id: 'site_factors', client_order: 1 },
      { artifact_id: 'rec_2', section_id: 'trunk', client_order: 2 },
    ],
  });
  return roundId;
}

async function state(app: TestApp, jobId: string) {
  const { rows } = await app.pool.query(
    `SELECT j.status AS job_status, j.latest_round_status, r.round_id, r.status, r.server_revision_id, r.client_revision_id, r.review_revision, r.updated_at,
            (SELECT count(*)::int FROM job_events e WHERE e.job_id = j.id) AS events
       FROM jobs j JOIN job_rounds r ON r.job_id = j.id WHERE j.job_id = $1 ORDER BY r.round_number`,
    [jobId],
  );
  return rows;
}

async function until(check: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

t.test('a round goes from submit to review through the queue, with the client edits on top', async (t) => {
  const w = await world(t);
  const roundId = await roundWithRecordings(w);
  const key = w.device.token;
  t.equal((await w.app.request('GET', `/v1/jobs/${w.jobId}/rounds/${roundId}/review`, { key })).body.code, 'review_not_found', 'no review before processing');

  const submit = await w.app.request('POST', `/v1/jobs/${w.jobId}/rounds/${roundId}/submit`, {
    key,
    body: { server_revision_id: null, client_revision_id: 'client-rev-1', form: { data: { client_tree_details: { client: 'Ann Client', dbh: 31 } } }, narrative: { text: '' } },
  });
  t.equal(submit.status, 200);
  t.same(submit.body, {
    ok: true,
    accepted: true,
    round_id: roundId,
    status: 'REVIEW_RETURNED',
    tree_number: w.treeNumber,
    lock_editing: false,
    message: 'Round processed successfully.',
    transcription_failures: [],
    processed_count: 2,
    failed_count: 0,
    failed_artifacts: [],
    can_resubmit_failed: false,
    error_code: null,
    error_detail: null,
  });

  const read = await w.app.request('GET', `/v1/jobs/${w.jobId}/rounds/${roundId}`, { key });
  t.match(read.body, { status: 'REVIEW_RETURNED', review_ready: true, processing_state: 'completed', client_revision_id: 'client-rev-1', server_revision_id: `rev_${roundId}` });

  const review = await w.app.request('GET', `/v1/jobs/${w.jobId}/rounds/${roundId}/review`, { key });
  t.equal(review.status, 200);
  t.equal(review.body.form.site_factors.history_of_failures, 'Limb failure in 2019', 'extracted from the site factors note');
  t.equal(review.body.form.client_tree_details.client, 'Ann Client', 'the client edit is kept');
  t.equal(review.body.form.client_tree_details.dbh, 31);
  t.equal(review.body.form.client_tree_details.tree_number, String(w.treeNumber), 'tree number as a string in the form');
  t.equal(review.body.tree_number, w.treeNumber, 'and an int at the top level');
  t.match(review.body.transcript, /\[site_factors\]\ntranscript of rec_1\.wav/);
  t.equal(review.body.narrative, 'Narrative.');

  const fake = w.fake!;
  t.equal(fake.transcriptions().length, 2, 'each recording transcribed once');
  t.match(fake.transcriptions()[0]!.fields, { model: 'gpt-4o-transcribe', language: 'en' });
  t.match(fake.transcriptions()[0]!.fields!.prompt, /arborist|tree/i, 'with the domain prompt');
  const extraction = fake.chats().find((c) => c.section === 'site_factors')!;
  t.equal(extraction.model, 'gpt-4o-mini');
  t.equal(extraction.responseFormat.json_schema.strict, true, 'a strict JSON schema');
  t.equal(extraction.authorization, 'Bearer sk-test-key');

  const assigned = await w.app.request('GET', '/v1/jobs/assigned', { key });
  t.match(assigned.body[0].review_payload, { round_id: roundId, tree_number: w.treeNumber, form: { site_factors: { history_of_failures: 'Limb failure in 2019' } } }, 'the assigned list carries the normalized review');

  // GET review is pure
  const before = await state(w.app, w.jobId);
  await w.app.request('GET', `/v1/jobs/${w.jobId}/rounds/${roundId}/review`, { key });
  t.same(await state(w.app, w.jobId), before, 'reading the review changed nothing');

  const events = await w.app.pool.query(`SELECT event_type, actor_identity FROM job_events e JOIN jobs j ON j.id = e.job_id WHERE j.job_id = $1 ORDER BY e.created_at, e.event_type`, [w.jobId]);
  t.match(
    events.rows.map((e) => e.event_type),
    ['job_created', 'job_assigned', 'round_created', 'manifest_updated', 'round_submitted', 'review_returned'].filter((x) => events.rows.some((e) => e.event_type === x)),
  );
  t.ok(events.rows.some((e) => e.event_type === 'round_submitted' && e.actor_identity === `device:${w.device.deviceId}`), 'the submit is audited as the device');
  t.ok(events.rows.some((e) => e.event_type === 'review_returned' && e.actor_identity === 'system'), 'the review as the system');

  const again = await w.app.request('POST', `/v1/jobs/${w.jobId}/rounds/${roundId}/submit`, { key, body: {} });
  t.equal(again.status, 409, 'a returned review without failures is not resubmitted');
  t.equal(again.body.code, 'round_locked');

  // reprocess: every recording again, the round's client edits kept
  const reprocess = await w.app.request('POST', `/v1/jobs/${w.jobId}/rounds/${roundId}/reprocess`, { key });
  t.match(reprocess.body, { ok: true, status: 'REVIEW_RETURNED', manifest_count: 2, transcription_failures: [], tree_number: w.treeNumber });
  t.equal(fake.transcriptions().length, 4, 'both recordings transcribed again');
  const after = await w.app.request('GET', `/v1/jobs/${w.jobId}/rounds/${roundId}/review`, { key });
  t.equal(after.body.form.client_tree_details.client, 'Ann Client', 'client edits survive a reprocess');
});

t.test('a slow round: submit answers SUBMITTED_FOR_PROCESSING, the round read follows it to the review', async (t) => {
  // The provider answers nothing until the test has looked at the round in processing.
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const w = await world(t, { released, env: { TRAQ_SUBMIT_WAIT_SECONDS: '0.3' } });
  const roundId = await roundWithRecordings(w);
  const key = w.device.token;
  const [first, second] = await Promise.all([
    w.app.request('POST', `/v1/jobs/${w.jobId}/rounds/${roundId}/submit`, { key, body: { client_revision_id: 'r1' } }),
    w.app.request('POST', `/v1/jobs/${w.jobId}/rounds/${roundId}/submit`, { key, body: { client_revision_id: 'r1' } }),
  ]);
  const statuses = [first.status, second.status].sort();
  t.same(statuses, [200, 409], 'a concurrent second submit gets 409');
  const winner = first.status === 200 ? first : second;
  t.match(winner.body, { ok: true, accepted: true, status: 'SUBMITTED_FOR_PROCESSING', transcription_failures: [], error_code: null, tree_number: w.treeNumber });
  t.equal(Object.keys(winner.body).length, 14, 'every key present');

  const during = await w.app.request('GET', `/v1/jobs/${w.jobId}/rounds/${roundId}`, { key });
  t.match(during.body, { status: 'SUBMITTED_FOR_PROCESSING', processing_state: 'processing', review_ready: false, client_revision_id: 'r1' }, 'client_revision_id stored with the transition');
  t.equal((await w.app.request('POST', `/v1/jobs/${w.jobId}/rounds`, { key })).status, 409, 'no new round while processing');
  release();
  t.ok(
    await until(async () => (await w.app.request('GET', `/v1/jobs/${w.jobId}/rounds/${roundId}`, { key })).body.status === 'REVIEW_RETURNED'),
    'the review arrives',
  );
  t.equal(w.fake!.transcriptions().length, 2, 'processed once');
});

t.test('without a provider the round completes: each recording fails with a clear reason, the edits carry the review', async (t) => {
  const w = await world(t, { provider: false });
  const roundId = await roundWithRecordings(w);
  const key = w.device.token;
  const submit = await w.app.request('POST', `/v1/jobs/${w.jobId}/rounds/${roundId}/submit`, {
    key,
    body: { form: { client_tree_details: { tree_species: 'Quercus lobata' } }, narrative: { text: 'Written by the arborist.' } },
  });
  t.match(submit.body, {
    ok: true,
    status: 'REVIEW_RETURNED',
    message: 'Round processed with transcription failures.',
    processed_count: 0,
    failed_count: 2,
    can_resubmit_failed: true,
    failed_artifacts: [
      { section_id: 'site_factors', artifact_id: 'rec_1', reason: /OPENAI_API_KEY is not set/ },
      { section_id: 'trunk', artifact_id: 'rec_2', reason: /OPENAI_API_KEY is not set/ },
    ],
  });
  const review = await w.app.request('GET', `/v1/jobs/${w.jobId}/rounds/${roundId}/review`, { key });
  t.equal(review.body.form.client_tree_details.tree_species, 'Quercus lobata');
  t.equal(review.body.narrative, 'Written by the arborist.');
  const resubmit = await w.app.request('POST', `/v1/jobs/${w.jobId}/rounds/${roundId}/submit`, { key, body: {} });
  t.equal(resubmit.status, 200, 'a review with failed recordings may be resubmitted (retrying them)');
  const { rows } = await w.app.pool.query(`SELECT transcription_error FROM round_recordings ORDER BY recording_id`);
  t.match(rows, [{ transcription_error: /OPENAI_API_KEY is not set/ }, { transcription_error: /OPENAI_API_KEY is not set/ }], 'failures stored per recording');
});

t.test('a failing round answers ok:false and FAILED, and its device may resubmit it', async (t) => {
  let broken = true;
  const w = await world(t, {
    script: (req) => (broken && req.responseFormat?.json_schema ? { status: 503, json: { error: { message: 'overloaded' } } } : extractor(req)),
    env: { TRAQ_PROCESSING_MAX_ATTEMPTS: '1' },
  });
  const roundId = await roundWithRecordings(w);
  const key = w.device.token;
  const failed = await w.app.request('POST', `/v1/jobs/${w.jobId}/rounds/${roundId}/submit`, { key, body: { client_revision_id: 'r1' } });
  t.match(failed.body, {
    ok: false,
    accepted: false,
    status: 'FAILED',
    message: 'Round processing failed.',
    error_code: 'PROCESSING_FAILED',
    error_detail: /Processing failed after 1 attempts/,
    can_resubmit_failed: true,
  });
  t.match((await state(w.app, w.jobId))[0], { job_status: 'FAILED', latest_round_status: 'FAILED', status: 'FAILED' });
  const read = await w.app.request('GET', `/v1/jobs/${w.jobId}/rounds/${roundId}`, { key });
  t.match(read.body, { processing_state: 'failed', review_ready: false });
  const transcribed = w.fake!.transcriptions().length;

  broken = false;
  const retry = await w.app.request('POST', `/v1/jobs/${w.jobId}/rounds/${roundId}/submit`, { key, body: { client_revision_id: 'r2' } });
  t.match(retry.body, { ok: true, status: 'REVIEW_RETURNED', processed_count: 2 }, 'the resubmitted round succeeds');
  t.equal(w.fake!.transcriptions().length, transcribed, 'transcripts cached by the failed attempt are reused');
});

t.test('submit refusals change nothing', async (t) => {
  const w = await world(t, { provider: false });
  const key = w.device.token;
  // a job without billing or phone
  const bare = await w.app.admin('POST', '/v1/admin/jobs', { job_id: 'job_bare', job_number: 'J0500' });
  t.equal(bare.status, 200);
  await w.app.admin('POST', '/v1/admin/jobs/job_bare/assign', { device_id: w.device.deviceId });
  const round = await w.app.request('POST', '/v1/jobs/job_bare/rounds', { key });
  const before = await state(w.app, 'job_bare');
  const missing = await w.app.request('POST', `/v1/jobs/job_bare/rounds/${round.body.round_id}/submit`, { key, body: {} });
  t.equal(missing.status, 400);
  t.same(missing.body.detail, {
    error: 'Missing required job metadata.',
    fields: ['job_name', 'job_address', 'job_phone', 'contact_preference', 'billing_name', 'billing_address'],
  });
  t.equal(missing.body.code, 'missing_job_metadata');
  t.same(await state(w.app, 'job_bare'), before, 'nothing changed');
  t.equal((await w.app.request('POST', `/v1/jobs/${w.jobId}/rounds/round_9/submit`, { key, body: {} })).body.detail, 'Round not found');
  t.equal((await w.app.request('POST', `/v1/jobs/${w.jobId}/rounds/round_9/submit`, { body: { form: 'not an object' } })).status, 401, '401 beats 422');
  const other = await approvedDevice(w.app.pool);
  t.equal((await w.app.request('POST', `/v1/jobs/${w.jobId}/rounds/round_1/submit`, { key: other.token, body: {} })).status, 403, 'another device is refused');
  const roundId = (await w.app.request('POST', `/v1/jobs/${w.jobId}/rounds`, { key })).body.round_id;
  t.equal((await w.app.request('POST', `/v1/jobs/${w.jobId}/rounds/${roundId}/submit`, { key, body: { narrative: 'a string' } })).status, 422);
  t.equal((await w.app.request('POST', `/v1/jobs/${w.jobId}/rounds/${roundId}/reprocess`, { key })).body.code, 'review_not_found');
});
