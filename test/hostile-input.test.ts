/**
 * Issue #11 items 4-7 and 10: hostile text at the edge. Every refusal is a
 * 4xx JSON {detail, code} and changes nothing.
 */
import http from 'node:http';
import t, { type Test } from 'tap';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from './helpers/app.js';
import { tableDigest } from './helpers/digest.js';
import { approvedDevice } from './helpers/factories.js';

/** A request fetch() refuses to send (TRACE) or sends differently: straight over node:http. */
function raw(app: TestApp, method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any; text: string }>((resolve, reject) => {
    const req = http.request(app.url + path, { method, headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          /* not JSON: the assertions below say so */
        }
        resolve({ status: res.statusCode!, headers: res.headers, body: parsed, text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const shaped = (t: Test, res: { status: number; body: any; text: string }, status: number | number[], what: string) => {
  const wanted = Array.isArray(status) ? status : [status];
  t.ok(wanted.includes(res.status), `${what}: ${res.status} (${res.text.slice(0, 120)})`);
  t.match(res.body, { code: String }, `${what}: JSON {detail, code}`);
};

t.test('NUL characters in path, query and JSON strings: 422, nothing stored', async (t) => {
  const app = await startTestApp(t);
  const device = await approvedDevice(app.pool);
  const before = await tableDigest(app.pool);
  shaped(t, await app.request('GET', '/v1/auth/device/a%00b/status'), 422, 'NUL in a path parameter');
  shaped(t, await app.request('GET', '/v1/admin/devices?status=app%00roved', { key: TEST_ADMIN_KEY }), 422, 'NUL in the query');
  shaped(t, await app.request('POST', '/v1/auth/register-device', { body: { device_id: 'x\u0000y' } }), 422, 'NUL in a JSON string');
  shaped(t, await app.request('POST', '/v1/jobs', { key: device.token, body: { job_name: 'ok', ['k\u0000']: 1 } }), 422, 'NUL in a JSON key');
  t.same(await tableDigest(app.pool), before, 'nothing changed');
});

t.test('lone surrogates: 422 (unauthenticated route included)', async (t) => {
  const app = await startTestApp(t);
  const before = await tableDigest(app.pool);
  const res = await raw(app, 'POST', '/v1/auth/register-device', '{"device_id":"x\\ud800"}');
  shaped(t, res, 422, 'escaped lone surrogate');
  t.equal(res.body.detail[0].type, 'string_unpaired_surrogate');
  shaped(t, await raw(app, 'POST', '/v1/auth/register-device', '{"device_id":"\\udc00x"}'), 422, 'lone low surrogate');
  const pair = await raw(app, 'POST', '/v1/auth/register-device', '{"device_id":"tree-\\ud83c\\udf33"}');
  t.equal(pair.status, 200, 'a proper surrogate pair (an emoji) is fine');
  t.not(await tableDigest(app.pool), before);
});

t.test('deep nesting is refused before parsing: 422, no 500, nothing saved', async (t) => {
  const app = await startTestApp(t);
  const device = await approvedDevice(app.pool);
  const deep = '['.repeat(10_000) + ']'.repeat(10_000);
  const before = await tableDigest(app.pool);
  const reg = await raw(app, 'POST', '/v1/auth/register-device', `{"device_id":"d","profile_summary":{"x":${deep}}}`);
  shaped(t, reg, 422, 'register-device, unauthenticated');
  t.equal(reg.body.detail[0].type, 'json_too_deep');
  const job = await raw(app, 'POST', '/v1/jobs', `{"job_name":${deep}}`, { 'x-api-key': device.token });
  shaped(t, job, 422, 'create job');
  const unauth = await raw(app, 'POST', '/v1/jobs', `{"job_name":${deep}}`);
  t.equal(unauth.status, 401, 'without credentials the caller learns nothing about the body');
  const strings = await raw(app, 'POST', '/v1/auth/register-device', `{"device_id":"[[[[${'['.repeat(60)}"}`);
  t.equal(strings.status, 200, 'brackets inside a string are text, not nesting');
  t.not(await tableDigest(app.pool), before);
  const after = await tableDigest(app.pool);
  shaped(t, await raw(app, 'PATCH', '/v1/jobs/job_x', `{"a":${deep}}`, { 'x-api-key': device.token }), [404, 422], 'PATCH');
  t.same(await tableDigest(app.pool), after, 'nothing changed');
});

t.test('unknown methods: 405 with Allow, JSON bodies', async (t) => {
  const app = await startTestApp(t);
  for (const method of ['TRACE', 'PROPFIND', 'MKCOL', 'LOCK']) {
    const res = await raw(app, method, '/health');
    shaped(t, res, 405, `${method} /health`);
    t.match(res.headers.allow, /GET/, 'Allow header');
  }
  const del = await raw(app, 'DELETE', '/health');
  shaped(t, del, 405, 'DELETE /health');
  t.match(del.headers.allow, /GET/, 'Allow names GET');
  shaped(t, await raw(app, 'TRACE', '/v1/nothing'), [404, 405], 'TRACE on an unknown path');
});

t.test('error details quote at most a short prefix of the value', async (t) => {
  const app = await startTestApp(t);
  const huge = 'J'.padEnd(200_000, '9');
  const res = await app.request('GET', `/v1/admin/devices?status=${'x'.repeat(5_000)}`, { key: TEST_ADMIN_KEY });
  shaped(t, res, [400, 422], 'a long status');
  t.ok(res.text.length < 1000, `the answer is short (${res.text.length} bytes)`);
  const job = await app.request('POST', '/v1/jobs', { key: TEST_ADMIN_KEY, body: { job_number: huge, job_name: 'x' } });
  t.ok(job.status >= 400 && job.status < 500, `a huge job number is refused (${job.status})`);
  t.ok(job.text.length < 2000, `the answer is short (${job.text.length} bytes)`);
});
