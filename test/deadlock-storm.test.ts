/**
 * Issue #11 items 1 and 2: storms of parallel reprocess and submit on one
 * round (arborist and admin mixed) used to deadlock in PostgreSQL: 500s for
 * clients, and an unhandled rejection in the worker's retry step that ended
 * the process and the embedded cluster. Now: no 5xx, the worker keeps going,
 * the database and the server stay up.
 */
import t from 'tap';
import { startTestApp, TEST_ADMIN_KEY } from './helpers/app.js';
import { tinyWav } from './helpers/audio.js';
import { approvedDevice } from './helpers/factories.js';
import { startFakeOpenAI } from './helpers/fake-openai.js';

const JOB = {
  job_name: 'Storm oak',
  job_address: '1 Storm St',
  job_phone: '916 555 0100',
  contact_preference: 'text',
  billing_name: 'Ann Client',
  billing_address: '1 Storm St',
  customer_name: 'Ann Client',
};

let unhandled = 0;
const onUnhandled = () => void unhandled++;
process.on('unhandledRejection', onUnhandled);
t.teardown(() => void process.off('unhandledRejection', onUnhandled));

t.test('storms of parallel reprocess and submit: no 5xx, no unhandled rejection, server and database up', async (t) => {
  const fake = await startFakeOpenAI({ t, delayMs: 5 });
  const app = await startTestApp(t, {
    TRAQ_SUBMIT_WAIT_SECONDS: '0.2',
    TRAQ_WORKER_CONCURRENCY: '4',
    TRAQ_OPENAI_ATTEMPTS: '1',
    TRAQ_OPENAI_TRANSCRIBE_ATTEMPTS: '1',
    TRAQ_PROCESSING_RETRY_BACKOFF_SECONDS: '0',
    OPENAI_BASE_URL: fake.url,
    OPENAI_API_KEY: 'sk-test-key',
  });
  const device = await approvedDevice(app.pool);
  const job = await app.request('POST', '/v1/jobs', { key: device.token, body: JOB });
  t.equal(job.status, 200);
  const jobId = job.body.job_id as string;
  const round = await app.request('POST', `/v1/jobs/${jobId}/rounds`, { key: device.token });
  const roundId = round.body.round_id as string;
  for (const [section, rec] of [['site_factors', 'rec_1'], ['trunk', 'rec_2']]) {
    const up = await app.request('PUT', `/v1/jobs/${jobId}/sections/${section}/recordings/${rec}`, { key: device.token, raw: tinyWav(), headers: { 'content-type': 'audio/wav' } });
    t.equal(up.status, 200, 'recording uploaded');
  }
  const first = await app.request('POST', `/v1/jobs/${jobId}/rounds/${roundId}/submit`, { key: device.token, body: {} });
  t.equal(first.status, 200, 'first submit');

  const settle = async () => {
    for (let i = 0; i < 200; i++) {
      const r = await app.request('GET', `/v1/jobs/${jobId}/rounds/${roundId}`, { key: TEST_ADMIN_KEY });
      if (r.body.status !== 'SUBMITTED_FOR_PROCESSING') return r.body.status as string;
      await new Promise((r) => setTimeout(r, 100));
    }
    return 'still processing';
  };
  t.equal(await settle(), 'REVIEW_RETURNED', 'the first review is back');

  const statuses = new Map<number, number>();
  for (let storm = 0; storm < 3; storm++) {
    // 16 clients, each sending its requests back to back: new submits keep meeting the worker's completions.
    const replies = (
      await Promise.all(
        Array.from({ length: 16 }, async (_, client) => {
          const key = client % 2 === 0 ? device.token : TEST_ADMIN_KEY;
          const out = [];
          for (let n = 0; n < 6; n++) {
            const action = (client + n) % 5 === 4 ? 'submit' : 'reprocess';
            out.push(await app.request('POST', `/v1/jobs/${jobId}/rounds/${roundId}/${action}`, { key, body: action === 'submit' ? {} : undefined }));
          }
          return out;
        }),
      )
    ).flat();
    for (const r of replies) {
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (r.status >= 500) t.fail(`5xx: ${r.status} ${r.text}`);
      else if (r.status !== 200) t.match(r.body, { detail: String, code: String }, 'a refusal is a JSON problem');
    }
    t.not(await settle(), 'still processing', `storm ${storm + 1}: the round settles`);
  }
  t.ok((statuses.get(200) ?? 0) > 0, `some requests were accepted (${JSON.stringify([...statuses])})`);
  t.notOk(statuses.has(500), 'no 500');
  t.equal(unhandled, 0, 'no unhandled rejection');
  t.notOk(
    app.logs.some((l) => l.level === 50 && /deadlock/i.test(JSON.stringify(l))),
    'no deadlock reached a request or the worker',
  );
  t.equal((await app.request('GET', '/health')).status, 200, 'the server answers');
  t.equal((await app.pool.query('SELECT 1 AS one')).rows[0].one, 1, 'the database answers');
});
