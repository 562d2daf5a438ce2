import t from 'tap';
import { openAIProviders } from '../src/providers/openai.js';
import { noProviders } from '../src/providers/none.js';
import { processRound, serverRecordingList, supplementManifest, type ManifestItem, type ProcessRoundInput, type RoundRecording } from '../src/processing/pipeline.js';
import { buildReviewPayload, reviewForRead, ReviewPayloadSchema, reviewState, sameReview, type ImageRow } from '../src/processing/review.js';
import { submitResponse, SubmitResponseSchema } from '../src/processing/submit-response.js';
import { answerReply, chatReply, startFakeOpenAI, transcriptReply, type FakeOpenAI, type RecordedRequest } from './helpers/fake-openai.js';

const REVIEW_KEYS = [
  'round_id', 'server_revision_id', 'transcript', 'section_recordings', 'section_transcripts', 'issue_recordings', 'issue_transcripts',
  'draft_form', 'draft_narrative', 'form', 'narrative', 'tree_number', 'images', 'transcription_failures',
].sort();

const rec = (recordingId: string, sectionId: string, over: Partial<RoundRecording> = {}): RoundRecording => ({
  recordingId,
  sectionId,
  artifactPath: `jobs/job_1/rounds/round_1/sections/${sectionId}/recordings/${recordingId}.m4a`,
  contentType: 'audio/mp4',
  transcript: null,
  uploadedAt: new Date('2026-03-24T18:00:00Z'),
  ...over,
});
const item = (artifact_id: string, section_id: string, over: Partial<ManifestItem> = {}): ManifestItem => ({ kind: 'recording', artifact_id, section_id, ...over });

const providersFor = (fake: FakeOpenAI, timeoutMs = 2000) =>
  openAIProviders({
    baseUrl: fake.url,
    apiKey: 'sk-test',
    model: 'm',
    summaryModel: 's',
    transcribeModel: 'tm',
    transcribeLanguage: 'en',
    transcribePrompt: 'p',
    chat: { timeoutMs, attempts: 2, backoffMs: 5 },
    transcribe: { timeoutMs, attempts: 2, backoffMs: 5 },
  });

function input(over: Partial<ProcessRoundInput>): ProcessRoundInput {
  return {
    roundId: 'round_1',
    serverRevisionId: 'rev_round_1',
    treeNumber: 3,
    manifest: [],
    recordings: [],
    base: null,
    images: [],
    readAudio: async (r) => ({ bytes: new Uint8Array(10), filename: `${r.recordingId}.m4a`, contentType: r.contentType ?? 'audio/mp4' }),
    ...over,
  };
}

/** Answers transcriptions from `texts` by file name and extractions from `answers` by section. */
const scripted = (texts: Record<string, string>, answers: Record<string, unknown> = {}) => (r: RecordedRequest) => {
  if (r.file) return transcriptReply(texts[r.file.name.replace(/\.m4a$/, '')] ?? 'unscripted');
  if (r.section && answers[r.section]) return answerReply(answers[r.section]);
  return undefined;
};

const image = (imageId: string, over: Partial<ImageRow> = {}): ImageRow => ({
  imageId,
  sectionId: 'job_photos',
  uploadStatus: 'uploaded',
  caption: null,
  artifactPath: `jobs/job_1/rounds/round_1/sections/job_photos/images/${imageId}.jpg`,
  reportArtifactPath: `jobs/job_1/rounds/round_1/sections/job_photos/images/${imageId}.report.jpg`,
  uploadedAt: new Date('2026-03-19T10:00:00Z'),
  latitude: null,
  longitude: null,
  ...over,
});

t.test('the review payload: every key, images, tree number, combined transcript', async (t) => {
  const empty = buildReviewPayload({ roundId: 'round_1', serverRevisionId: 'rev_round_1', treeNumber: null, state: reviewState(null), images: [], transcriptionFailures: [] });
  t.same(Object.keys(empty).sort(), REVIEW_KEYS, 'every key present on an empty review');
  t.same(empty, {
    round_id: 'round_1', server_revision_id: 'rev_round_1', transcript: '', section_recordings: {}, section_transcripts: {}, issue_recordings: {}, issue_transcripts: {},
    draft_form: { schema_name: 'demo', schema_version: '0.0', data: {} }, draft_narrative: '', form: {}, narrative: '', tree_number: null, images: [], transcription_failures: [],
  });

  const state = reviewState({ section_transcripts: { site_factors: 'DB TRANSCRIPT', trunk: 'crack' }, draft_form: { schema_name: 'traq', data: {} }, draft_narrative: 'Generated summary' });
  const review = buildReviewPayload({
    roundId: 'round_2',
    serverRevisionId: 'rev_round_2',
    treeNumber: 3,
    state,
    images: [image('img_2', { caption: '  ' }), image('img_1', { caption: 'Hydrated image', latitude: 38.5, longitude: -121 })],
    transcriptionFailures: [{ section_id: 'site_factors', recording_id: 'rec_2', error: 'x' }],
  });
  t.equal(review.transcript, '[site_factors]\nDB TRANSCRIPT\n\n[trunk]\ncrack');
  t.same(review.draft_form, { schema_name: 'traq', schema_version: '0.0', data: { client_tree_details: { section_id: 'client_tree_details', tree_number: '3' } } });
  t.equal(review.form, review.draft_form.data, 'form is draft_form.data');
  t.equal(review.narrative, 'Generated summary');
  t.equal(review.tree_number, 3);
  t.same(review.images, [
    {
      id: 'img_1', image_id: 'img_1', section_id: 'job_photos', upload_status: 'uploaded', caption: 'Hydrated image',
      stored_path: 'jobs/job_1/rounds/round_1/sections/job_photos/images/img_1.jpg',
      report_image_path: 'jobs/job_1/rounds/round_1/sections/job_photos/images/img_1.report.jpg',
      uploaded_at: '2026-03-19T10:00:00.000000Z', gps: { latitude: 38.5, longitude: -121 },
    },
    {
      id: 'img_2', image_id: 'img_2', section_id: 'job_photos', upload_status: 'uploaded', caption: '',
      stored_path: 'jobs/job_1/rounds/round_1/sections/job_photos/images/img_2.jpg',
      report_image_path: 'jobs/job_1/rounds/round_1/sections/job_photos/images/img_2.report.jpg',
      uploaded_at: '2026-03-19T10:00:00.000000Z',
    },
  ], 'sorted by id; gps only when set; blank caption ""');
});

const OLD_IMAGE = { id: 'old', image_id: 'old', section_id: 'job_photos', upload_status: 'uploaded', caption: '', stored_path: null, report_image_path: null, uploaded_at: null };

t.test('a stored review as GET review answers it', async (t) => {
  const stored = { round_id: 'round_1', draft_form: { data: { client_tree_details: { tree_number: '9', client: 'Arboretum' }, site_factors: { landscape_environment: 'Park' } } }, draft_narrative: 'N.', images: [OLD_IMAGE] };
  const frozen = JSON.stringify(stored);
  const read = reviewForRead(stored, { roundId: 'round_1', serverRevisionId: 'rev_round_1', treeNumber: 4, images: [] });
  t.same(Object.keys(read).sort(), REVIEW_KEYS, 'keys missing from an old payload are filled');
  t.ok(ReviewPayloadSchema.safeParse(read).success, 'matches its response schema');
  t.match(read.form, { client_tree_details: { tree_number: '4', client: 'Arboretum' }, site_factors: { site_changes: { landscape_environment: 'Park' } } }, 'normalised, the job tree number wins');
  t.equal(read.narrative, 'N.', 'narrative from draft_narrative');
  t.equal(read.tree_number, 4);
  t.same(read.images, [OLD_IMAGE], 'no image rows: the stored list');
  t.same(reviewForRead(stored, { roundId: 'round_1', serverRevisionId: 'rev_round_1', treeNumber: 4, images: [image('img_1')] }).images.map((i) => i.id), ['img_1'], 'image rows hydrate');
  t.equal(JSON.stringify(stored), frozen, 'the stored payload is not modified');
  t.ok(sameReview({ a: 1, b: { c: [1, { d: 2, e: 3 }] } }, { b: { c: [1, { e: 3, d: 2 }] }, a: 1 }), 'key order (jsonb) does not matter');
  t.notOk(sameReview({ a: [1, 2] }, { a: [2, 1] }), 'list order does');
});

t.test('manifest supplementation and the server recording list', async (t) => {
  const recordings = [rec('rec_2', 'trunk'), rec('rec_1', 'site_factors'), rec('rec_0', 'trunk', { artifactPath: null })];
  t.same(serverRecordingList(recordings, [item('rec_1', 'site_factors', { recorded_at: '2026-03-24T10:00:00-07:00' })]), [
    { artifact_id: 'rec_1', section_id: 'site_factors', client_order: 1, kind: 'recording', issue_id: null, recorded_at: '2026-03-24T10:00:00-07:00' },
    { artifact_id: 'rec_2', section_id: 'trunk', client_order: 2, kind: 'recording', issue_id: null, recorded_at: '2026-03-24T18:00:00.000Z' },
  ], 'sorted by section then id, recorded_at from the manifest else the upload, no audio left out');
  const point = { kind: 'point', section_id: 'job_photos', artifact_id: 'pt_1' };
  t.same(supplementManifest([point], [rec('rec_1', 'site_factors')]).map((m) => m.artifact_id), ['pt_1', 'rec_1'], 'an omitted upload is processed');
  t.same(supplementManifest([item('rec_1', 'risk_categorization', { issue_id: 'issue_1' })], [rec('rec_1', 'risk_categorization')]).length, 1, 'a listed recording with an issue id is not added again');
  t.same(supplementManifest([], recordings).map((m) => m.artifact_id), ['rec_1', 'rec_2'], 'an empty manifest becomes the server list');
});

t.test('a round: cached, seen and new recordings, extraction, merge, client patch, narrative', async (t) => {
  const fake = await startFakeOpenAI({ t });
  fake.script(
    scripted(
      { rec_new: 'The trunk has a crack, sap ooze on the north.', rec_photo: 'photo note', rec_site: 'Park, pavement over roots' },
      {
        trunk: { cracks: true, sap_ooze: true, main_concerns: 'crack with sap ooze' },
        site_factors: { site_changes: { landscape_environment: 'Large urban park' }, soil_conditions: { pavement_over_roots: true } },
        client_tree_details: { dbh: 'twenty', tree_species: 'Quercus lobata' },
      },
    ),
  );
  const base = {
    section_recordings: { trunk: ['rec_old'] },
    section_transcripts: { trunk: 'Earlier trunk note.' },
    draft_form: { schema_name: 'demo', schema_version: '0.0', data: { trunk: { section_id: 'trunk', cracks: false, main_concerns: 'earlier concern' } } },
    draft_narrative: 'Old narrative.',
  };
  const result = await processRound(
    input({
      manifest: [
        item('rec_old', 'trunk'),
        item('rec_new', 'trunk', { recorded_at: '2026-03-24T10:31:00-07:00' }),
        item('rec_cached', 'client_tree_details', { recorded_at: '2026-03-24T10:20:00-07:00' }),
        item('rec_site', 'site_factors'),
        item('rec_photo', 'job_photos'),
        item('rec_gone', 'site_factors'),
        { kind: 'image', section_id: 'job_photos', artifact_id: 'img_1' },
      ],
      recordings: [
        rec('rec_old', 'trunk', { transcript: 'Earlier trunk note.' }),
        rec('rec_new', 'trunk'),
        rec('rec_cached', 'client_tree_details', { transcript: 'DBH twenty inches, valley oak.' }),
        rec('rec_site', 'site_factors'),
        rec('rec_photo', 'job_photos'),
        rec('rec_gone', 'site_factors', { artifactPath: null }),
      ],
      base,
      clientPatch: { form: { data: { site_factors: { site_changes: { landscape_environment: 'Arboretum' } }, trunk: { main_concerns: '' } } }, narrative: { text: '' } },
      images: [image('img_1')],
    }),
    providersFor(fake),
    { concurrency: 4 },
  );
  t.ok(result.ok);
  if (!result.ok) return;
  t.same(fake.transcriptions().map((r) => r.file!.name).sort(), ['rec_new.m4a', 'rec_photo.m4a', 'rec_site.m4a'], 'only new, uncached recordings are transcribed');
  t.same(fake.chats().filter((r) => r.section).map((r) => r.section).sort(), ['client_tree_details', 'site_factors', 'trunk'], 'an extractor per section with new text; none for job_photos');
  t.equal(fake.chats().find((r) => r.section === 'trunk')!.messages![1]!.content.split('Transcript:\n')[1], 'The trunk has a crack, sap ooze on the north.', 'the delta only, not the seen recording');
  t.same(
    Object.fromEntries(result.recordings.map((o) => [o.recordingId, o.status])),
    { rec_old: 'seen', rec_new: 'transcribed', rec_cached: 'cached', rec_site: 'transcribed', rec_photo: 'transcribed', rec_gone: 'missing' },
  );
  t.equal(result.recordings.find((o) => o.recordingId === 'rec_new')!.transcript, 'The trunk has a crack, sap ooze on the north.', 'the new text to cache');

  const r = result.review;
  t.same(Object.keys(r).sort(), REVIEW_KEYS);
  t.ok(ReviewPayloadSchema.safeParse(r).success, 'matches its response schema');
  t.same(r.section_recordings, { trunk: ['rec_old', 'rec_new'], client_tree_details: ['rec_cached'], job_photos: ['rec_photo'], site_factors: ['rec_site'] });
  t.same(r.section_transcripts, {
    trunk: 'Earlier trunk note.\n\nThe trunk has a crack, sap ooze on the north.',
    client_tree_details: 'DBH twenty inches, valley oak.',
    job_photos: 'photo note',
    site_factors: 'Park, pavement over roots',
  });
  t.match(r.transcript, /^\[trunk\]\nEarlier trunk note\.\n\nThe trunk has a crack, sap ooze on the north\.\n\n\[client_tree_details\]\nDBH twenty/);
  const data = r.draft_form.data as any;
  t.match(data.trunk, { cracks: false, sap_ooze: true, main_concerns: 'earlier concern' }, 'first write wins over a later extraction');
  t.match(data.client_tree_details, { dbh: 20, tree_species: 'Quercus lobata', tree_number: '3', date: '2026-03-24', time: '10:20' }, 'date and time from the earliest recording');
  t.equal(data.site_factors.site_changes.landscape_environment, 'Arboretum', 'the client edit beats the extraction');
  t.equal(data.site_factors.soil_conditions.pavement_over_roots, true);
  t.equal(r.form, r.draft_form.data);
  t.equal(r.narrative, 'Narrative.', 'a new narrative (the empty client text is no override)');
  t.equal(r.draft_narrative, 'Narrative.');
  const narrativeCall = fake.chats().find((c) => !c.section)!;
  t.match(narrativeCall.messages![1]!.content, /"landscape_environment": "Arboretum"[\s\S]*Transcript:\n\[trunk\]/, 'the narrative is written from the final form and the combined transcript');
  t.equal(result.narrative, 'generated');
  t.same(r.images.map((i) => i.id), ['img_1']);
  t.same(r.transcription_failures, []);
  t.equal(JSON.stringify(base).includes('Arboretum'), false, 'the base is not modified');
});

t.test('per-recording failures: timeout, 5xx, malformed JSON, unreadable audio; refusals skip a section', async (t) => {
  const fake = await startFakeOpenAI({ t });
  fake.script((r) => {
    const name = r.file?.name;
    if (name === 'rec_hang.m4a') return { hang: true };
    if (name === 'rec_5xx.m4a') return { status: 502, raw: 'Bad Gateway' };
    if (name === 'rec_bad.m4a') return { raw: '{"text": ' };
    if (name) return transcriptReply(`ok ${name}`);
    if (r.section === 'trunk') return chatReply(null, { refusal: 'I cannot help with that.' });
    return undefined;
  });
  const result = await processRound(
    input({
      manifest: ['rec_hang', 'rec_5xx', 'rec_bad', 'rec_ok', 'rec_lost'].map((id) => item(id, id === 'rec_ok' ? 'trunk' : 'site_factors')),
      recordings: ['rec_hang', 'rec_5xx', 'rec_bad', 'rec_ok', 'rec_lost'].map((id) => rec(id, id === 'rec_ok' ? 'trunk' : 'site_factors')),
      readAudio: async (r) => {
        if (r.recordingId === 'rec_lost') throw new Error('ENOENT: no such file');
        return { bytes: new Uint8Array(10), filename: `${r.recordingId}.m4a`, contentType: 'audio/mp4' };
      },
    }),
    providersFor(fake, 1500),
    { concurrency: 10 },
  );
  t.ok(result.ok, 'the round still completes');
  if (!result.ok) return;
  const failures = Object.fromEntries(result.review.transcription_failures.map((f) => [f.recording_id, f]));
  t.match(failures.rec_hang, { section_id: 'site_factors', error: 'Transcription failed after 2 attempts for rec_hang.m4a: timed out after 1.5 s' });
  t.match(failures.rec_5xx, { error: 'Transcription failed after 2 attempts for rec_5xx.m4a: HTTP 502: Bad Gateway' });
  t.match(failures.rec_bad, { error: /rec_bad\.m4a: the provider answered with invalid JSON$/ });
  t.match(failures.rec_lost, { error: 'Recording audio unavailable: ENOENT: no such file' });
  t.equal(result.review.transcription_failures.length, 4);
  t.same(result.transcriptionFailures, result.review.transcription_failures);
  t.same(result.review.section_recordings, { trunk: ['rec_ok'] }, 'failed recordings are not consumed: a resubmit retries them');
  t.same(result.review.section_transcripts, { trunk: 'ok rec_ok.m4a' }, 'the transcript of a refused section is kept');
  t.same(result.extractionFailures, [{ section_id: 'trunk', kind: 'refusal', error: 'Extraction of trunk failed after 1 attempt: the model refused: I cannot help with that.' }]);
  t.equal(result.review.draft_form.data.trunk, undefined, 'the refused section is not filled');
});

t.test('a transient extraction failure fails the round but keeps the transcripts to cache', async (t) => {
  const fake = await startFakeOpenAI({ t });
  fake.script((r) => (r.section === 'trunk' ? { status: 503, raw: 'busy' } : r.section === 'risk_categorization' ? { status: 500, raw: 'x' } : undefined));
  const result = await processRound(
    input({ manifest: [item('rec_1', 'trunk'), item('rec_2', 'risk_categorization')], recordings: [rec('rec_1', 'trunk'), rec('rec_2', 'risk_categorization')] }),
    providersFor(fake),
    { concurrency: 10 },
  );
  t.match(result, { ok: false, error: 'Extraction of trunk failed after 2 attempts: HTTP 503: busy' });
  t.same(
    Object.fromEntries(result.recordings.map((o) => [o.recordingId, [o.status, o.transcript]])),
    { rec_1: ['transcribed', 'transcript of rec_1.m4a'], rec_2: ['transcribed', 'transcript of rec_2.m4a'] },
  );

  const riskOnly = await processRound(input({ manifest: [item('rec_2', 'risk_categorization')], recordings: [rec('rec_2', 'risk_categorization')] }), providersFor(fake), { concurrency: 10 });
  t.ok(riskOnly.ok, 'a risk categorization failure is swallowed');
  if (riskOnly.ok) t.match(riskOnly.extractionFailures, [{ section_id: 'risk_categorization', kind: 'http' }]);
});

t.test('risk categorization: issue transcripts and rows', async (t) => {
  const fake = await startFakeOpenAI({ t });
  fake.script(
    scripted(
      { rec_7: 'Issue one: extended branches over the lot, possible failure, low risk.', rec_8: 'Issue two: sap ooze.', rec_9: 'General remark.' },
      { risk_categorization: { rows: [{ condition_number: '1', tree_part: 'Crown', risk_rating: 'low' }, { condition_number: '2', condition: 'sap ooze' }] } },
    ),
  );
  const base = {
    issue_transcripts: { risk_categorization: { issue_1: 'Earlier issue one note.' } },
    issue_recordings: { risk_categorization: { issue_1: ['rec_5'] } },
    section_recordings: { risk_categorization: ['rec_5'] },
    draft_form: { data: { risk_categorization: [{ condition_number: '1', condition: 'extended branches' }, { condition_number: '3', condition: 'kept row' }, { condition_number: '4' }] } },
  };
  const result = await processRound(
    input({
      base,
      manifest: [item('rec_7', 'risk_categorization', { issue_id: 'issue_1' }), item('rec_8', 'risk_categorization', { issue_id: 'issue_2' }), item('rec_9', 'risk_categorization')],
      recordings: [rec('rec_7', 'risk_categorization'), rec('rec_8', 'risk_categorization'), rec('rec_9', 'risk_categorization')],
    }),
    providersFor(fake),
    { concurrency: 10 },
  );
  t.ok(result.ok);
  if (!result.ok) return;
  t.same(result.review.issue_transcripts, {
    risk_categorization: { issue_1: 'Earlier issue one note.\n\nIssue one: extended branches over the lot, possible failure, low risk.', issue_2: 'Issue two: sap ooze.' },
  });
  t.same(result.review.issue_recordings, { risk_categorization: { issue_1: ['rec_5', 'rec_7'], issue_2: ['rec_8'] } });
  const text = fake.chats().find((c) => c.section === 'risk_categorization')!.messages![1]!.content.split('Transcript:\n')[1];
  t.equal(text, 'Earlier issue one note.\n\nIssue one: extended branches over the lot, possible failure, low risk.\n\nIssue two: sap ooze.\n\nGeneral remark.', 'all issue transcripts plus the delta, each once');
  t.match(result.review.draft_form.data.risk_categorization, [
    { condition_number: '1', condition: 'extended branches', tree_part: 'Crown', risk_rating: 'low' },
    { condition_number: '3', condition: 'kept row' },
    { condition_number: '4' },
  ], 'rows merged by index, cells filled, no row lost');
});

t.test('no provider: recordings fail with the reason, the client edits carry the review', async (t) => {
  const result = await processRound(
    input({
      manifest: [item('rec_1', 'trunk'), item('rec_2', 'site_factors')],
      recordings: [rec('rec_1', 'trunk'), rec('rec_2', 'site_factors')],
      clientPatch: { form: { data: { trunk: { cracks: true } } }, narrative: null },
    }),
    noProviders(),
    { concurrency: 10 },
  );
  t.ok(result.ok);
  if (!result.ok) return;
  t.same(
    [...result.review.transcription_failures].sort((a, b) => a.recording_id.localeCompare(b.recording_id)),
    [
      { section_id: 'trunk', recording_id: 'rec_1', error: 'OPENAI_API_KEY is not set' },
      { section_id: 'site_factors', recording_id: 'rec_2', error: 'OPENAI_API_KEY is not set' },
    ],
  );
  t.equal(result.review.transcription_failures.length, 2);
  t.same(result.review.draft_form.data, { trunk: { section_id: 'trunk', cracks: true }, client_tree_details: { section_id: 'client_tree_details', tree_number: '3' } });
  t.equal(result.review.narrative, '');
  t.equal(result.narrative, 'failed');
  t.same(result.extractionFailures, []);

  const cached = await processRound(input({ manifest: [item('rec_1', 'trunk')], recordings: [rec('rec_1', 'trunk', { transcript: 'a crack' })] }), noProviders(), { concurrency: 10 });
  t.match(cached, { ok: true, extractionFailures: [{ section_id: 'trunk', kind: 'not_configured', error: 'OPENAI_API_KEY is not set' }] }, 'a cached transcript without a provider: the round still completes');
  if (cached.ok) t.same(cached.review.section_transcripts, { trunk: 'a crack' }, 'and keeps the transcript');
});

t.test('narrative: the client text wins, nothing changed keeps it, a failure keeps the previous one', async (t) => {
  const fake = await startFakeOpenAI({ t });
  const base = { draft_form: { data: { trunk: { cracks: true, section_id: 'trunk' } } }, draft_narrative: 'Previous narrative.', section_transcripts: { trunk: 'crack' } };

  const same = await processRound(input({ base, treeNumber: null }), providersFor(fake), { concurrency: 2 });
  t.match(same, { ok: true, narrative: 'unchanged', review: { narrative: 'Previous narrative.' } }, 'nothing new: no regeneration');
  t.equal(fake.requests.length, 0, 'and no call');

  const mine = await processRound(input({ base, clientPatch: { form: { trunk: { conks_mushrooms: true } }, narrative: { text: 'My own words.' } } }), providersFor(fake), { concurrency: 2 });
  t.match(mine, { ok: true, narrative: 'client', review: { narrative: 'My own words.', draft_narrative: 'My own words.' } });
  t.equal(fake.requests.length, 0, 'the client text is not sent for generation');

  fake.script(() => ({ status: 500, raw: 'down' }));
  const edited = await processRound(input({ base, clientPatch: { form: { trunk: { conks_mushrooms: true } } } }), providersFor(fake), { concurrency: 2 });
  t.match(edited, { ok: true, narrative: 'failed', review: { narrative: 'Previous narrative.' } }, 'form changed, generation failed: the previous narrative stays');
  t.equal(fake.chats().length, 2, 'generation was tried (with its retry)');
});

t.test('force (reprocess): cached text and seen recordings are transcribed again', async (t) => {
  const fake = await startFakeOpenAI({ t });
  const base = { section_recordings: { trunk: ['rec_1'] }, section_transcripts: { trunk: 'old text' } };
  const result = await processRound(
    input({ base, force: true, manifest: [item('rec_1', 'trunk'), item('rec_2', 'trunk')], recordings: [rec('rec_1', 'trunk', { transcript: 'old text' }), rec('rec_2', 'trunk', { transcript: 'cached' })] }),
    providersFor(fake),
    { concurrency: 2 },
  );
  t.same(fake.transcriptions().map((r) => r.file!.name).sort(), ['rec_1.m4a', 'rec_2.m4a']);
  t.ok(result.ok);
  if (result.ok) t.equal(result.review.section_transcripts.trunk, 'old text\n\ntranscript of rec_1.m4a\n\ntranscript of rec_2.m4a');
});

/** The most requests in flight at one moment. */
function maxInFlight(reqs: RecordedRequest[]): number {
  const events = reqs.flatMap((r) => [[r.startedAt, 1] as const, [r.finishedAt!, -1] as const]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let n = 0;
  let max = 0;
  for (const [, d] of events) max = Math.max(max, (n += d));
  return max;
}

t.test('ten recordings are transcribed and their sections extracted in parallel, within the bound', async (t) => {
  const sections = ['client_tree_details', 'site_factors', 'trunk', 'crown_and_branches', 'roots_and_root_collar'];
  const ids = Array.from({ length: 10 }, (_, i) => `rec_${i}`);
  const round = input({ manifest: ids.map((id, i) => item(id, sections[i % 5]!)), recordings: ids.map((id, i) => rec(id, sections[i % 5]!)) });

  const fake = await startFakeOpenAI({ t, delayMs: 1000 });
  const result = await processRound(round, providersFor(fake), { concurrency: 10 });
  t.ok(result.ok);
  const tr = fake.transcriptions();
  t.equal(tr.length, 10);
  const firstDone = Math.min(...tr.map((r) => r.finishedAt!));
  t.ok(tr.every((r) => r.startedAt < firstDone), 'all ten transcriptions started before the first one finished');
  const ex = fake.chats().filter((r) => r.section);
  t.equal(ex.length, 5);
  t.ok(ex.every((r) => r.startedAt < Math.min(...ex.map((e) => e.finishedAt!))), 'the five extractions overlap');
  for (const e of ex) {
    const own = tr.filter((r) => round.manifest.find((m) => `${m.artifact_id}.m4a` === r.file!.name)!.section_id === e.section);
    t.ok(own.every((r) => r.finishedAt! <= e.startedAt), `${e.section} is extracted after its own recordings`);
  }
  const narrative = fake.chats().find((r) => !r.section)!;
  t.ok(ex.every((e) => e.finishedAt! <= narrative.startedAt), 'the narrative comes last');

  const bounded = await startFakeOpenAI({ t, delayMs: 250 });
  const r2 = await processRound(round, providersFor(bounded), { concurrency: 3 });
  t.ok(r2.ok);
  t.equal(maxInFlight(bounded.requests), 3, 'never more than the configured concurrency in flight');
});

t.test('the submit answer: every key in every variant', async (t) => {
  const keys = [
    'ok', 'accepted', 'round_id', 'status', 'tree_number', 'lock_editing', 'message', 'transcription_failures', 'processed_count', 'failed_count',
    'failed_artifacts', 'can_resubmit_failed', 'error_code', 'error_detail',
  ].sort();
  const failures = [{ section_id: 'trunk', recording_id: 'rec_2', error: 'OPENAI_API_KEY is not set' }];
  const manifest = [item('rec_1', 'trunk'), item('rec_2', 'trunk'), { kind: 'point', section_id: 'job_photos', artifact_id: 'p' }];
  const processed = submitResponse('round_1', 3, { kind: 'processed', manifest, transcriptionFailures: failures });
  t.same(processed, {
    ok: true, accepted: true, round_id: 'round_1', status: 'REVIEW_RETURNED', tree_number: 3, lock_editing: false,
    message: 'Round processed with transcription failures.', transcription_failures: failures, processed_count: 1, failed_count: 1,
    failed_artifacts: [{ section_id: 'trunk', artifact_id: 'rec_2', reason: 'OPENAI_API_KEY is not set' }], can_resubmit_failed: true, error_code: null, error_detail: null,
  });
  t.match(submitResponse('round_1', 3, { kind: 'processed', manifest, transcriptionFailures: [] }), { message: 'Round processed successfully.', processed_count: 2, can_resubmit_failed: false });
  const noop = submitResponse('round_1', 3, { kind: 'noop' });
  t.match(noop, { status: 'REVIEW_RETURNED', message: 'No new artifacts or edits; existing review retained.', transcription_failures: [] });
  const failed = submitResponse('round_1', 3, { kind: 'failed', error: 'Extraction of trunk failed after 3 attempts: HTTP 503: busy' });
  t.match(failed, { ok: false, accepted: false, status: 'FAILED', tree_number: 3, message: 'Round processing failed.', error_code: 'PROCESSING_FAILED', can_resubmit_failed: true });
  const queued = submitResponse('round_1', null, { kind: 'queued' });
  t.match(queued, { ok: true, status: 'SUBMITTED_FOR_PROCESSING', tree_number: null });
  for (const r of [processed, noop, failed, queued]) {
    t.same(Object.keys(r).sort(), keys, `${r.status} ${r.message}: every key`);
    t.ok(SubmitResponseSchema.safeParse(r).success, 'matches its response schema');
  }
});
