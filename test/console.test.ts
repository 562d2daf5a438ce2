/**
 * The operator console over plain HTTP: who may sign in, what a session is,
 * the CSRF rule for every POST, and ranged recordings. The browser test
 * (console-browser.test.ts) walks the pages themselves.
 */
import { createHash } from 'node:crypto';
import t from 'tap';
import { TEST_ADMIN_KEY, startTestApp } from './helpers/app.js';
import { ConsoleClient } from './helpers/console.js';
import { approvedDevice, job as bareJob } from './helpers/factories.js';
import { readyJob } from './helpers/finals.js';
import { parseRange } from '../src/console/files.js';
import { contentSecurityPolicy } from '../src/console/routes.js';
import { JOBS_PER_PAGE } from '../src/console/pages/jobs.js';
import { escapeHtml, html } from '../src/console/html.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const app = await startTestApp(t, { TRAQ_AUTH_RATE_LIMIT_PER_MINUTE: '100000' });

t.test('the admin key signs in: an HttpOnly SameSite=Strict cookie whose token is stored only as its hash', async (t) => {
  const c = new ConsoleClient(app);
  const form = await c.request('GET', '/console/sign-in');
  t.equal(form.status, 200);
  t.match(form.text, /<input type="password" id="key" name="key"/);
  t.match(form.headers.get('content-security-policy') ?? '', /script-src 'self'/);

  const res = await c.signIn(TEST_ADMIN_KEY);
  t.equal(res.status, 303);
  t.equal(res.headers.get('location'), '/console/jobs');
  const setCookie = res.headers.getSetCookie().join('\n');
  t.match(setCookie, /traq_console=[0-9a-f]{64}; path=\/console; expires=[^;]+; samesite=strict; httponly/i);
  const token = c.cookie!.split('=')[1]!;

  const { rows } = await app.pool.query('SELECT token_hash, key_fingerprint, expires_at - created_at AS life FROM console_sessions');
  t.equal(rows.length, 1);
  t.equal(rows[0].token_hash, sha256(token), 'the hash is stored');
  t.equal(rows[0].key_fingerprint, sha256(TEST_ADMIN_KEY));
  t.equal(rows[0].life.hours, 8, 'eight hours');
  const dump = JSON.stringify((await app.pool.query('SELECT * FROM console_sessions')).rows);
  t.notOk(dump.includes(token), 'not the token itself');
  t.notOk(dump.includes(TEST_ADMIN_KEY), 'nor the key');

  const page = await c.request('GET', '/console/devices');
  t.equal(page.status, 200);
  t.equal(page.headers.get('cache-control'), 'no-store');
  t.notOk(page.text.includes(TEST_ADMIN_KEY), 'the page holds nothing of the key');
  t.notOk(page.text.includes(token), 'nor the session token');
});

t.test('device tokens, a wrong key and a missing or stale session are refused', async (t) => {
  const arborist = await approvedDevice(app.pool);
  const adminDevice = await approvedDevice(app.pool, { role: 'admin' });
  const before = (await app.pool.query('SELECT count(*)::int AS n FROM console_sessions')).rows[0].n;
  for (const [name, key] of [['arborist token', arborist.token], ['admin-role device token', adminDevice.token], ['wrong key', 'x'.repeat(40)]]) {
    const c = new ConsoleClient(app);
    const res = await c.signIn(key!);
    t.equal(res.status, 401, `${name}: 401`);
    t.match(res.text, /not the server admin key/);
    t.equal(c.cookie, null, `${name}: no cookie`);
  }
  t.equal((await app.pool.query('SELECT count(*)::int AS n FROM console_sessions')).rows[0].n, before, 'no session was made');

  const anonymous = new ConsoleClient(app);
  for (const path of ['/console/jobs', '/console/devices', '/console/map.json']) {
    const res = await anonymous.request('GET', path, undefined, { 'x-api-key': arborist.token });
    t.equal(res.status, 302, `${path}: an API key is no session`);
    t.equal(res.headers.get('location'), '/console/sign-in');
  }
  const post = await anonymous.request('POST', `/console/devices/${arborist.deviceId}/revoke`, { csrf: 'a'.repeat(64) });
  t.equal(post.status, 401, 'a POST without a session');
  t.match(post.text, /Sign in to the console first/);

  const forged = new ConsoleClient(app);
  forged.cookie = `traq_console=${'0'.repeat(64)}`;
  t.equal((await forged.request('GET', '/console/jobs')).status, 302, 'an unknown session token');

  // An expired session, and one opened with an earlier admin key, are no sessions.
  const old = new ConsoleClient(app);
  await old.signIn(TEST_ADMIN_KEY);
  await app.pool.query(`UPDATE console_sessions SET created_at = now() - interval '9 hours', expires_at = now() - interval '1 hour' WHERE token_hash = $1`, [sha256(old.cookie!.split('=')[1]!)]);
  t.equal((await old.request('GET', '/console/jobs')).status, 302, 'expired');
  const rotated = new ConsoleClient(app);
  await rotated.signIn(TEST_ADMIN_KEY);
  await app.pool.query(`UPDATE console_sessions SET key_fingerprint = $2 WHERE token_hash = $1`, [sha256(rotated.cookie!.split('=')[1]!), sha256('an-earlier-admin-key')]);
  t.equal((await rotated.request('GET', '/console/jobs')).status, 302, 'made with another key');

  const status = await app.request('GET', `/v1/auth/device/${arborist.deviceId}/status`);
  t.equal(status.body.status, 'approved', 'the refused POST changed nothing');
});

t.test('every POST needs the session CSRF token (and a same-origin Origin when one is sent)', async (t) => {
  const c = new ConsoleClient(app);
  await c.signIn(TEST_ADMIN_KEY);
  const dev = await approvedDevice(app.pool);
  const events = async () => (await app.pool.query('SELECT count(*)::int AS n FROM job_events')).rows[0].n;
  const eventsBefore = await events();

  const missing = await c.request('POST', `/console/devices/${dev.deviceId}/revoke`, {});
  t.equal(missing.status, 403, 'no token');
  t.match(missing.text, /not sent from a current console page/);
  t.equal((await c.request('POST', `/console/devices/${dev.deviceId}/revoke`, { csrf: 'f'.repeat(64) })).status, 403, 'a wrong token');
  const other = new ConsoleClient(app);
  await other.signIn(TEST_ADMIN_KEY);
  t.equal((await c.request('POST', `/console/devices/${dev.deviceId}/revoke`, { csrf: await other.csrf() })).status, 403, "another session's token");
  const csrf = await c.csrf();
  t.equal((await c.request('POST', `/console/devices/${dev.deviceId}/revoke`, { csrf }, { origin: 'http://evil.example' })).status, 403, 'a foreign Origin');
  t.equal((await c.request('POST', '/console/sign-out', {})).status, 403, 'sign-out too');
  t.equal((await app.request('GET', `/v1/auth/device/${dev.deviceId}/status`)).body.status, 'approved', 'nothing was revoked');
  t.equal(await events(), eventsBefore, 'no audit row');

  const ok = await c.request('POST', `/console/devices/${dev.deviceId}/revoke`, { csrf }, { origin: app.url });
  t.equal(ok.status, 303);
  t.equal(ok.headers.get('location'), '/console/devices?done=revoked');
  t.equal((await app.request('GET', `/v1/auth/device/${dev.deviceId}/status`)).body.status, 'revoked', 'the same domain rule as the API');
  t.equal(await events(), eventsBefore + 1, 'with its audit row');

  const out = await c.request('POST', '/console/sign-out', { csrf });
  t.equal(out.status, 303);
  t.equal(c.cookie, null, 'the cookie is cleared');
  t.equal((await app.pool.query('SELECT count(*)::int AS n FROM console_sessions WHERE token_hash = $1', [sha256(csrf)])).rows[0].n, 0);
  c.cookie = ok.headers.get('set-cookie') ?? null; // nothing was set on the revoke: keep it null
  t.equal((await c.request('GET', '/console/jobs')).status, 302, 'signed out');
});

t.test('domain errors come back as a page with the API detail; nothing half-done', async (t) => {
  const c = new ConsoleClient(app);
  await c.signIn(TEST_ADMIN_KEY);
  const csrf = await c.csrf();
  const res = await c.request('POST', '/console/devices/no-such-device/approve', { csrf, role: 'arborist' });
  t.equal(res.status, 404);
  t.match(res.text, /Device not found: no-such-device/);
  const bad = await c.request('POST', '/console/devices/x/approve', { csrf, role: '<script>' });
  t.equal(bad.status, 400, 'the role is checked as the API checks it');
  t.match(bad.text, /&#39;&lt;script&gt;&#39; is not a valid DeviceRole/, 'and the detail is escaped');
  const job = await c.request('GET', '/console/jobs/J999999');
  t.equal(job.status, 404);
  t.match(job.text, /Job not found/);
  t.equal((await c.request('GET', '/console/nowhere')).status, 404);
});

t.test('forms and URLs get the API edge checks: a NUL is refused before any query runs', async (t) => {
  const c = new ConsoleClient(app);
  await c.signIn(TEST_ADMIN_KEY);
  const csrf = await c.csrf();
  const form = await c.request('POST', '/console/devices/no-such-device/approve', { csrf, role: 'arbor\u0000ist' });
  t.equal(form.status, 422, 'refused as invalid input, before the device is even looked up (that would be 404)');
  t.match(form.text, /must not contain NUL characters/);
  const query = await c.request('GET', '/console/jobs?q=a%00b');
  t.equal(query.status, 422);
  t.match(query.text, /must not contain NUL characters/);
  t.equal((await c.request('GET', '/console/jobs?q=ab')).status, 200, 'the same search without the NUL answers');
});

t.test('recordings answer HTTP ranges; photos and outputs need a session', async (t) => {
  const ready = await readyJob(app, { recordings: ['rec-1'], photos: [{ id: 'img-1', caption: 'Trunk <base>' }] });
  const c = new ConsoleClient(app);
  const path = `/console/jobs/${ready.jobId}/rounds/${ready.roundId}/recordings/rec-1`;
  t.equal((await c.request('GET', path)).status, 302, 'no session, no audio');
  await c.signIn(TEST_ADMIN_KEY);
  const whole = await c.request('GET', path);
  t.equal(whole.status, 200);
  t.equal(whole.headers.get('accept-ranges'), 'bytes');
  t.equal(whole.headers.get('content-length'), '4096');
  const part = await c.request('GET', path, undefined, { range: 'bytes=100-199' });
  t.equal(part.status, 206);
  t.equal(part.headers.get('content-range'), 'bytes 100-199/4096');
  t.equal(part.text.length, 100);
  const tail = await c.request('GET', path, undefined, { range: 'bytes=-10' });
  t.equal(tail.headers.get('content-range'), 'bytes 4086-4095/4096');
  const beyond = await c.request('GET', path, undefined, { range: 'bytes=5000-' });
  t.equal(beyond.status, 416);
  t.equal(beyond.headers.get('content-range'), 'bytes */4096');

  const page = await c.request('GET', `/console/jobs/${ready.jobId}`);
  t.match(page.text, /Trunk &lt;base&gt;/, 'captions are escaped');
  const img = await c.request('GET', `/console/jobs/${ready.jobId}/rounds/${ready.roundId}/images/img-1`);
  t.equal(img.status, 200);
  t.match(img.headers.get('content-type') ?? '', /^image\//);
  t.equal((await c.request('GET', `/console/jobs/${ready.jobId}/outputs/final/letterPdf`)).status, 404, 'no final yet');
  t.equal((await c.request('GET', `/console/jobs/${ready.jobId}/outputs/final/..%2F..%2Fetc`)).status, 404, 'only known outputs');
});

t.test('the job actions go through the same domain functions as the admin API, each with its audit row', async (t) => {
  const ready = await readyJob(app);
  const other = await approvedDevice(app.pool);
  const c = new ConsoleClient(app);
  await c.signIn(TEST_ADMIN_KEY);
  const base = `/console/jobs/${ready.jobId}`;
  const csrf = await c.csrf(base);
  const inspect = async () => (await app.admin('GET', `/v1/admin/jobs/${ready.jobId}/inspect`)).body;
  const eventTypes = async () =>
    (await app.pool.query(`SELECT event_type FROM job_events WHERE job_id = $1 ORDER BY created_at, id`, [ready.jobPk])).rows.map((r) => r.event_type);
  const before = (await eventTypes()).length;

  const post = async (verb: string, form: Record<string, string>, done: string) => {
    const res = await c.request('POST', `${base}/${verb}`, { csrf, ...form });
    t.equal(res.status, 303, `${verb}: redirected`);
    t.equal(res.headers.get('location'), `${base}?done=${done}`);
  };
  await post('assign', { device_id: other.deviceId }, 'assigned');
  t.equal((await inspect()).assignment.device_id, other.deviceId, 'assigned');
  await post('unassign', {}, 'unassigned');
  t.equal((await inspect()).assignment, null, 'unassigned');
  await post('status', { status: 'FAILED', round_id: ready.roundId, round_status: 'FAILED' }, 'status');
  t.match(await inspect(), { status: 'FAILED', latest_round_status: 'FAILED' }, 'status set with the round');
  await post('unlock', { round_id: '', device_id: ready.dev.deviceId }, 'unlocked');
  t.match(await inspect(), { latest_round_status: 'DRAFT', assignment: { device_id: ready.dev.deviceId } }, 'unlocked and reassigned');
  await post('status', { status: 'REVIEW_RETURNED', round_id: ready.roundId, round_status: 'REVIEW_RETURNED' }, 'status');
  await post('reopen', { round_id: ready.roundId }, 'reopened');
  t.match(await inspect(), { latest_round_id: ready.roundId, latest_round_status: 'DRAFT' }, 'reopened');
  const events = (await eventTypes()).slice(before);
  t.ok(events.length >= 6, `one audit row or more per action (${events.join(', ')})`);
  t.ok(['job_assigned', 'job_unassigned', 'status_changed', 'job_unlocked', 'round_reopened'].every((e) => events.includes(e)));

  const page = await c.request('GET', `${base}?done=reopened`);
  t.match(page.text, /Round reopened to DRAFT\./, 'the fixed message for done=');
  const echoed = await c.request('GET', `${base}?done=%3Cscript%3E`);
  t.notMatch(echoed.text, /<script>/, 'an unknown done= shows nothing');

  const standing = await inspect();
  const refused = await c.request('POST', `${base}/status`, { csrf, status: 'NOPE' });
  t.equal(refused.status, 400, "the API's validation");
  t.same(await inspect(), standing, 'and nothing changed');
});

t.test('assets are served from memory with cache headers, without a session', async (t) => {
  const c = new ConsoleClient(app);
  const page = await c.request('GET', '/console/sign-in');
  const href = /href="(\/console\/assets\/console\.css\?v=[0-9a-f]{12})"/.exec(page.text)![1]!;
  const css = await c.request('GET', href);
  t.equal(css.status, 200);
  t.match(css.headers.get('content-type') ?? '', /text\/css/);
  t.equal(css.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  const etag = css.headers.get('etag')!;
  t.equal((await c.request('GET', href, undefined, { 'if-none-match': etag })).status, 304);
  const leaflet = await c.request('GET', '/console/assets/leaflet.js');
  t.equal(leaflet.status, 200, 'Leaflet from its npm package');
  t.match(leaflet.text, /Leaflet/);
  t.equal((await c.request('GET', '/console/assets/..%2Fpackage.json')).status, 404);
});

t.test('the jobs table pages, filters and searches; the map feed carries points only for jobs with coordinates', async (t) => {
  const c = new ConsoleClient(app);
  await c.signIn(TEST_ADMIN_KEY);
  for (let i = 0; i < JOBS_PER_PAGE + 2; i++) await bareJob(app.pool, { status: 'NOT_STARTED' });
  const total = (await app.pool.query('SELECT count(*)::int AS n FROM jobs')).rows[0].n;
  const rows = (text: string) => [...text.matchAll(/<tr data-job="(J\d+)">/g)].map((m) => m[1]);
  const first = await c.request('GET', '/console/jobs');
  t.equal(rows(first.text).length, JOBS_PER_PAGE, 'a full first page');
  t.match(first.text, new RegExp(`${total} jobs · page 1 of ${Math.ceil(total / JOBS_PER_PAGE)}`));
  const second = await c.request('GET', '/console/jobs?page=2');
  t.equal(rows(second.text).length, total - JOBS_PER_PAGE, 'the rest on page 2');
  t.same(rows(first.text).filter((j) => rows(second.text).includes(j)), [], 'no job on both pages');
  const notStarted = await c.request('GET', '/console/jobs?status=NOT_STARTED');
  t.match(notStarted.text, new RegExp(`${JOBS_PER_PAGE + 2} jobs`), 'the status filter');
  t.equal(rows((await c.request('GET', '/console/jobs?status=BOGUS')).text).length, JOBS_PER_PAGE, 'an unknown status is no filter');
  t.same(rows((await c.request('GET', '/console/jobs?q=%25')).text), [], '% is searched as typed, not as a wildcard');
  t.same(rows((await c.request('GET', '/console/jobs?q=J_')).text), [], 'and so is _');
  const one = rows(second.text)[0]!;
  t.same(rows((await c.request('GET', `/console/jobs?q=${one.toLowerCase()}`)).text), [one], 'search by job number, any case');

  const feed = await c.request('GET', '/console/map.json');
  t.equal(feed.status, 200);
  const body = JSON.parse(feed.text);
  t.equal(body.tile_url, null, 'no tile server configured');
  t.same(body.points, [], 'none of these jobs has coordinates');
});

t.test('the content security policy admits the configured tile server for images only', async (t) => {
  t.notMatch(contentSecurityPolicy(undefined), /http/, 'no tile server: self only');
  t.match(contentSecurityPolicy('http://tiles.lan:8080/{z}/{x}/{y}.png'), /img-src 'self' data: http:\/\/tiles\.lan:8080;/);
  t.match(contentSecurityPolicy('https://{s}.tiles.lan/{z}/{x}/{y}.png'), /img-src 'self' data: https:\/\/\*\.tiles\.lan;/);
  t.match(contentSecurityPolicy('https://tiles.lan/{z}/{x}/{y}.png'), /script-src 'self';/, 'scripts stay self');
});

t.test('helpers: escaping and range parsing', async (t) => {
  t.equal(escapeHtml(`<a href="x" onclick='y'>&\``), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;');
  t.equal(html`<p>${'<b>'}${html`<i>ok</i>`}${['<', html`&amp;`]}${null}${undefined}${false}${0}</p>`.text, '<p>&lt;b&gt;<i>ok</i>&lt;&amp;0</p>');
  t.same(parseRange('bytes=0-', 10), { start: 0, end: 9 });
  t.same(parseRange('bytes=2-100', 10), { start: 2, end: 9 });
  t.same(parseRange('bytes=-3', 10), { start: 7, end: 9 });
  t.equal(parseRange('bytes=10-', 10), 'unsatisfiable');
  t.equal(parseRange('bytes=5-2', 10), 'unsatisfiable');
  t.equal(parseRange('bytes=0-1,3-4', 10), null, 'several ranges: the whole file');
  t.equal(parseRange(undefined, 10), null);
});
