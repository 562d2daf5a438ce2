/**
 * The final letter's narrative goes through the configured provider's polish
 * (data-model §7.4) — and the stored final keeps the text as the arborist sent it.
 */
import t from 'tap';
import { startTestApp } from './helpers/app.js';
import { chatReply, startFakeOpenAI } from './helpers/fake-openai.js';
import { fetchBytes, finalBody, readyJob } from './helpers/finals.js';
import { pdfText } from './helpers/pdf-text.js';
import { sampleJob } from './helpers/samples.js';

t.test('the letter shows the provider-polished narrative', async (t) => {
  const fake = await startFakeOpenAI({
    t,
    script: (req) => (req.path === '/v1/chat/completions' && !req.responseFormat ? chatReply('Polished by the provider: the oak is sound.') : undefined),
  });
  const app = await startTestApp(t, { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-test' });
  const ready = await readyJob(app);
  const sample = sampleJob('J0001');
  const res = await fetchBytes(app, 'POST', `/v1/jobs/${ready.jobId}/final`, { key: ready.dev.token, body: finalBody(sample.final, ready.roundId, 'rev-polish') });
  t.equal(res.status, 200);
  const polishCall = fake.chats().find((c) => !c.responseFormat);
  t.ok(polishCall, 'the polish was asked for');
  t.equal(polishCall!.model, 'gpt-4o-mini', 'with the summary model');
  t.match(JSON.stringify(polishCall!.messages), sample.final.narrative.text.slice(0, 40), 'on the narrative the arborist sent');
  const letter = await pdfText(await app.store.readBuffer(`jobs/${ready.jobId}/final_report_letter.pdf`));
  t.match(letter.text.join(' '), 'Polished by the provider: the oak is sound.');
  const { rows } = await app.pool.query(`SELECT payload FROM job_finals WHERE kind = 'final'`);
  t.same(rows[0].payload.narrative, sample.final.narrative, 'final.json keeps the narrative as sent');
  t.equal((await fetchBytes(app, 'GET', `/v1/jobs/${ready.jobId}/final/report`, { key: ready.dev.token })).status, 200, 'the finalizing device reads the letter');
});
