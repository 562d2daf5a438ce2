/**
 * POST /v1/extract/{section} and /v1/summary (api.md §2.10) against the fake OpenAI server:
 * the old routes' request and answer fields, the provider's failures as 502, the no-provider
 * mode as 503, bad bodies as 422, and no state change.
 */
import t from 'tap';
import { SECTIONS } from '../src/form/sections.js';
import { DIRECT_SECTIONS } from '../src/http/routes/extraction.js';
import { startTestApp } from './helpers/app.js';
import { tableDigest } from './helpers/digest.js';
import { answerReply, chatReply, startFakeOpenAI } from './helpers/fake-openai.js';
import { approvedDevice } from './helpers/factories.js';

const fake = await startFakeOpenAI({ t });
const app = await startTestApp(t, { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-test-extract', TRAQ_OPENAI_ATTEMPTS: '1', TRAQ_OPENAI_TIMEOUT: '2' });
const dev = await approvedDevice(app.pool);

t.test('every section the old server exposes: the transcript goes to the provider, the section comes back', async (t) => {
  const before = await tableDigest(app.pool);
  fake.script((req) => (req.section === 'client_tree_details' ? answerReply({ ...blank('client_tree_details'), client: 'Briarwood HOA', dbh: '27 inches', tree_number: 4 }) : undefined));
  for (const section of DIRECT_SECTIONS) {
    const res = await app.request('POST', `/v1/extract/${section}`, { key: dev.token, body: { transcript: `notes about ${section}` } });
    t.equal(res.status, 200, `${section}: 200`);
    t.equal(res.body.section_id, section, `${section}: section_id`);
    t.same(Object.keys(res.body).sort(), ['section_id', ...Object.keys(SECTIONS[section].fields)].sort(), `${section}: every field of the section`);
    const call = fake.chats().at(-1)!;
    t.equal(call.section, section, `${section}: the strict schema of the section was sent`);
    t.match(call.messages!.at(-1)!.content, `notes about ${section}`, `${section}: with the transcript`);
    t.equal(call.authorization, 'Bearer sk-test-extract');
  }
  const ctd = await app.request('POST', '/v1/extract/client_tree_details', { key: dev.token, body: { transcript: 'Briarwood, tree four, dbh 27' } });
  t.match(ctd.body, { section_id: 'client_tree_details', client: 'Briarwood HOA', dbh: 27, tree_number: 4, height: null }, 'coerced like the round pipeline');
  t.same(await tableDigest(app.pool), before, 'no state change');
});

t.test('summary: form and transcript in, the narrative out', async (t) => {
  fake.script((req) => (req.path === '/v1/chat/completions' && !req.responseFormat ? chatReply('  Paragraph one.\n\nParagraph two.  ') : undefined));
  const form = { client_tree_details: { client: 'Briarwood HOA', tree_species: 'Quercus agrifolia' } };
  const res = await app.request('POST', '/v1/summary', { key: dev.token, body: { form, transcript: 'leaning oak by the lot' } });
  t.equal(res.status, 200);
  t.same(res.body, { summary: 'Paragraph one.\n\nParagraph two.' });
  const prompt = fake.chats().at(-1)!.messages!.map((m) => m.content).join('\n');
  t.match(prompt, 'Quercus agrifolia', 'the form went to the provider');
  t.match(prompt, 'leaning oak by the lot', 'and the transcript');
});

t.test('bad input: 422 naming the field; no credential: 401; unknown section: 404', async (t) => {
  const calls = fake.chats().length;
  for (const body of [{}, { transcript: '' }, { transcript: '   ' }, { transcript: 5 }, null]) {
    const res = await app.request('POST', '/v1/extract/trunk', { key: dev.token, body });
    t.equal(res.status, 422, `${JSON.stringify(body)}: 422`);
    t.equal(res.body.code, 'validation_failed');
  }
  for (const body of [{ transcript: 'x' }, { form: {} }, { form: 'x', transcript: 'y' }, { form: [], transcript: 'y' }]) {
    t.equal((await app.request('POST', '/v1/summary', { key: dev.token, body })).status, 422, `summary ${JSON.stringify(body)}: 422`);
  }
  t.equal((await app.request('POST', '/v1/extract/trunk', { body: { transcript: 'x' } })).status, 401);
  t.equal((await app.request('POST', '/v1/summary', { key: 'nope', body: { form: {}, transcript: 'x' } })).status, 401);
  t.equal((await app.request('POST', '/v1/extract/job_photos', { key: dev.token, body: { transcript: 'x' } })).status, 404, 'a section without a direct route');
  t.equal(fake.chats().length, calls, 'the provider was never called');
});

t.test('the provider failing is a 502 with its reason; a timeout too', async (t) => {
  fake.script(() => ({ status: 500, json: { error: { message: 'model overloaded' } } }));
  let res = await app.request('POST', '/v1/extract/trunk', { key: dev.token, body: { transcript: 'cracks' } });
  t.equal(res.status, 502);
  t.equal(res.body.code, 'provider_failed');
  t.match(res.body.detail, /trunk.*HTTP 500: model overloaded/);
  t.notMatch(res.body.detail, /sk-test-extract/, 'never the key');
  res = await app.request('POST', '/v1/summary', { key: dev.token, body: { form: {}, transcript: 'x' } });
  t.equal(res.status, 502);
  fake.script(() => ({ hang: true }));
  res = await app.request('POST', '/v1/extract/site_factors', { key: dev.token, body: { transcript: 'slope' } });
  t.equal(res.status, 502);
  t.match(res.body.detail, /timed out/);
  fake.script(() => chatReply(null, { refusal: 'I cannot help with that' }));
  res = await app.request('POST', '/v1/extract/site_factors', { key: dev.token, body: { transcript: 'slope' } });
  t.match(res.body, { code: 'provider_failed', detail: /refused/ });
  fake.script(() => undefined);
});

t.test('no provider configured: 503 provider_not_configured', async (t) => {
  const bare = await startTestApp(t);
  const admin = await bare.admin('POST', '/v1/extract/load_factors', { transcript: 'full wind exposure' });
  t.equal(admin.status, 503);
  t.match(admin.body, { code: 'provider_not_configured', detail: /OPENAI_API_KEY is not set/ });
  const summary = await bare.admin('POST', '/v1/summary', { form: {}, transcript: 'x' });
  t.match(summary, { status: 503, body: { code: 'provider_not_configured' } });
});

t.test('the API document lists the routes', async (t) => {
  const doc = (await app.request('GET', '/openapi.json')).body;
  for (const section of DIRECT_SECTIONS) t.ok(doc.paths[`/v1/extract/${section}`]?.post, section);
  t.ok(doc.paths['/v1/summary']?.post, 'summary');
});

function blank(section: keyof typeof SECTIONS) {
  return Object.fromEntries(Object.keys(SECTIONS[section].fields).map((k) => [k, null]));
}
