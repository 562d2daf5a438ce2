import t from 'tap';
import { loadConfig } from '../src/config.js';
import { extractionJsonSchema } from '../src/form/index.js';
import { createProviders, NOT_CONFIGURED } from '../src/providers/index.js';
import { openAIProviders, type OpenAIOptions } from '../src/providers/openai.js';
import { answerReply, chatReply, startFakeOpenAI, transcriptReply } from './helpers/fake-openai.js';

const KEY = 'sk-test-0123456789abcdefghij';
const audio = (name = 'rec_1.m4a', size = 1000) => ({ bytes: new Uint8Array(size).fill(7), filename: name, contentType: 'audio/mp4' });

function options(url: string, over: Partial<OpenAIOptions> = {}): OpenAIOptions {
  return {
    baseUrl: url,
    apiKey: KEY,
    model: 'extract-model',
    summaryModel: 'summary-model',
    transcribeModel: 'transcribe-model',
    transcribeLanguage: 'en',
    transcribePrompt: 'arborist words: dripline, target one',
    chat: { timeoutMs: 1500, attempts: 3, backoffMs: 5 },
    transcribe: { timeoutMs: 1500, attempts: 3, backoffMs: 5 },
    ...over,
  };
}

t.test('request shapes: transcription, extraction, narrative, polish', async (t) => {
  const fake = await startFakeOpenAI({ t });
  const p = openAIProviders(options(fake.url));

  const tr = await p.transcriber.transcribe(audio());
  t.same(tr, { ok: true, value: 'transcript of rec_1.m4a', attempts: 1 });
  const [treq] = fake.transcriptions();
  t.equal(treq!.authorization, `Bearer ${KEY}`);
  t.same(treq!.fields, { model: 'transcribe-model', language: 'en', prompt: 'arborist words: dripline, target one', response_format: 'json' });
  t.same(treq!.file, { name: 'rec_1.m4a', type: 'audio/mp4', size: 1000 });

  fake.script((r) => (r.section === 'trunk' ? answerReply({ cracks: 'no', lean_degrees: 'fifteen', main_concerns: 'sap ooze from a crack on the north', load_on_defect: 'Moderate' }) : undefined));
  const ex = await p.extractor.extract('trunk', 'There is sap ooze from a crack on the north side.');
  t.ok(ex.ok);
  if (ex.ok) t.match(ex.value, { cracks: false, lean_degrees: 15, load_on_defect: 'moderate', main_concerns: 'sap ooze from a crack on the north', sap_ooze: null });
  const ereq = fake.chats().at(-1)!;
  t.equal(ereq.model, 'extract-model');
  t.equal(ereq.body!.temperature, 0);
  t.same(ereq.responseFormat, { type: 'json_schema', json_schema: { name: 'traq_trunk', strict: true, schema: extractionJsonSchema('trunk') } }, 'the strict schema of the section');
  t.equal(ereq.messages![0]!.role, 'system');
  t.match(ereq.messages![1]!.content, /^Section instructions:\nMemory aides: dead\/missing bark[\s\S]*\n\nTranscript:\nThere is sap ooze from a crack on the north side\.$/);

  fake.script(() => chatReply('  Paragraph one.\n\nParagraph two.  '));
  const nar = await p.writer.narrative({ form: { trunk: { cracks: true } }, transcript: '[trunk]\ncrack' });
  t.same(nar, { ok: true, value: 'Paragraph one.\n\nParagraph two.', attempts: 1 });
  const nreq = fake.chats().at(-1)!;
  t.equal(nreq.model, 'summary-model');
  t.equal(nreq.body!.temperature, 0.2);
  t.equal(nreq.responseFormat, undefined, 'the narrative is free text');
  t.match(nreq.messages![0]!.content, /professional arborist/);
  t.match(nreq.messages![1]!.content, /five short paragraphs[\s\S]*"cracks": true[\s\S]*\[trunk\]\ncrack/);

  fake.script(() => chatReply('Polished.'));
  t.same(await p.writer.polish('rough text'), { ok: true, value: 'Polished.', attempts: 1 });
  const preq = fake.chats().at(-1)!;
  t.equal(preq.model, 'summary-model');
  t.match(preq.messages![0]!.content, /add none/);
  t.equal(preq.messages![1]!.content, 'rough text');
  const before = fake.requests.length;
  t.same(await p.writer.polish('  '), { ok: true, value: '  ', attempts: 0 }, 'nothing to polish: no call');
  t.equal(fake.requests.length, before);
});

t.test('failures are typed values, retried when transient', async (t) => {
  const fake = await startFakeOpenAI({ t });
  const p = openAIProviders(options(fake.url));

  fake.script(() => ({ hang: true }));
  const hung = await p.transcriber.transcribe(audio('rec_hang.wav'));
  t.match(hung, { ok: false, kind: 'timeout', attempts: 3, message: 'Transcription failed after 3 attempts for rec_hang.wav: timed out after 1.5 s' });
  t.equal(fake.transcriptions().length, 3, 'three attempts reached the server');

  let calls = 0;
  fake.script(() => (++calls === 1 ? { status: 503, json: { error: { message: 'overloaded' } } } : transcriptReply('second time lucky')));
  t.same(await p.transcriber.transcribe(audio()), { ok: true, value: 'second time lucky', attempts: 2 }, 'a 503 then success');

  fake.script(() => ({ status: 500, raw: 'Internal Server Error' }));
  t.match(await p.transcriber.transcribe(audio()), { ok: false, kind: 'http', status: 500, attempts: 3, message: /after 3 attempts for rec_1\.m4a: HTTP 500: Internal Server Error$/ });

  fake.script(() => ({ status: 401, json: { error: { message: `Incorrect API key provided: ${KEY}. You can find your key at ...` } } }));
  const denied = await p.extractor.extract('trunk', 'text');
  t.match(denied, { ok: false, kind: 'http', status: 401, attempts: 1 }, 'a 401 is not retried');
  t.notMatch(denied.ok ? '' : denied.message, /0123456789/, 'the key never appears in a failure');
  t.match(denied.ok ? '' : denied.message, /^Extraction of trunk failed after 1 attempt: HTTP 401: Incorrect API key provided: sk-\*\*\*/);

  fake.script(() => ({ raw: '{"choices": [' }));
  t.match(await p.extractor.extract('trunk', 'text'), { ok: false, kind: 'malformed', attempts: 3, message: /invalid JSON/ }, 'a broken body, retried');

  fake.script(() => chatReply('this is not json'));
  t.match(await p.extractor.extract('work_priority', 'text'), { ok: false, kind: 'malformed', message: /not valid JSON/ });
  fake.script(() => chatReply('[1, 2]'));
  t.match(await p.extractor.extract('work_priority', 'text'), { ok: false, kind: 'malformed', message: /not a JSON object/ });
  fake.script(() => chatReply('{"priority": "1"', { finishReason: 'length' }));
  t.match(await p.extractor.extract('work_priority', 'text'), { ok: false, kind: 'malformed', message: /cut off/ });

  const n = fake.chats().length;
  fake.script(() => chatReply(null, { refusal: "I'm sorry, I can't help with that." }));
  t.match(await p.extractor.extract('trunk', 'text'), { ok: false, kind: 'refusal', attempts: 1, message: /refused: I'm sorry/ }, 'a refusal is final');
  t.equal(fake.chats().length, n + 1, 'not retried');
  t.match(await p.writer.narrative({ form: {}, transcript: '' }), { ok: false, kind: 'refusal' });

  fake.script(() => ({ json: { no_text: true } }));
  t.match(await p.transcriber.transcribe(audio()), { ok: false, kind: 'malformed', message: /has no text/ });

  const before = fake.requests.length;
  const big = await openAIProviders(options(fake.url, { maxAudioBytes: 500 })).transcriber.transcribe(audio('rec_big.wav', 501));
  t.match(big, { ok: false, kind: 'invalid_input', message: 'Recording exceeds 25MB limit: rec_big.wav' });
  t.equal(fake.requests.length, before, 'an oversized file is never sent');

  await fake.close();
  t.match(await p.transcriber.transcribe(audio()), { ok: false, kind: 'network', attempts: 3, message: /cannot reach the provider: ECONNREFUSED/ });
});

t.test('configuration: defaults, the no-provider mode, a keyless local server', async (t) => {
  const c = loadConfig({});
  t.match(c.openai, {
    configured: false,
    baseUrl: 'https://api.openai.com/v1',
    model: 'gpt-4o-mini',
    summaryModel: 'gpt-4o-mini',
    transcribeModel: 'gpt-4o-transcribe',
    transcribeLanguage: 'en',
    transcribe: { timeoutMs: 90_000, attempts: 3, backoffMs: 1500 },
    chat: { timeoutMs: 60_000, attempts: 3, backoffMs: 1500 },
  });
  t.equal(c.processingConcurrency, 10);

  const none = createProviders(c.openai);
  t.equal(none.name, 'none');
  t.same(await none.transcriber.transcribe(audio()), { ok: false, kind: 'not_configured', message: NOT_CONFIGURED, attempts: 0 });
  t.equal(NOT_CONFIGURED, 'OPENAI_API_KEY is not set');
  t.match(await none.extractor.extract('trunk', 'x'), { ok: false, kind: 'not_configured' });
  t.match(await none.writer.narrative({ form: {}, transcript: 'x' }), { ok: false, kind: 'not_configured' });
  t.same(await none.writer.polish('As written.'), { ok: true, value: 'As written.', attempts: 0 }, 'polish keeps the text');

  const fake = await startFakeOpenAI({ t });
  const local = loadConfig({ OPENAI_BASE_URL: fake.url, TRAQ_OPENAI_TRANSCRIBE_TIMEOUT: '2.5', TRAQ_OPENAI_ATTEMPTS: '1' });
  t.match(local.openai, { configured: true, apiKey: undefined, transcribe: { timeoutMs: 2500 }, chat: { attempts: 1 } });
  const p = createProviders(local.openai);
  t.equal(p.name, 'openai');
  t.match(await p.transcriber.transcribe(audio()), { ok: true });
  t.equal(fake.requests[0]!.authorization, undefined, 'no key: no Authorization header');
  t.match(fake.requests[0]!.fields!.prompt, /dripline/, 'the built-in arborist prompt by default');
  t.throws(() => loadConfig({ OPENAI_BASE_URL: 'ftp://x' }), /OPENAI_BASE_URL must be an http\(s\) URL/);
  t.throws(() => loadConfig({ TRAQ_PROCESSING_CONCURRENCY: '0' }), /TRAQ_PROCESSING_CONCURRENCY must be greater than 0/);
});
