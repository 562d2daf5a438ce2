import { createHash, randomBytes } from 'node:crypto';
import t from 'tap';
import { TEST_ADMIN_KEY, startTestApp, type TestApp } from './helpers/app.js';
import { awaitWholeRateWindow } from './helpers/db.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newId = (prefix = 'dev') => `${prefix}-${randomBytes(5).toString('hex')}`;
const ISO_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

// One app for most of the file (each app costs a database and a server); the limit is lifted here
// and tested on its own app at the end.
const app = await startTestApp(t, { TRAQ_AUTH_RATE_LIMIT_PER_MINUTE: '100000' });

/** Every plaintext secret the server handed out in this file, for the storage and log scans. */
const handedOut: string[] = [];

async function register(a: TestApp, deviceId: string, extra: Record<string, unknown> = {}) {
  const res = await a.request('POST', '/v1/auth/register-device', { body: { device_id: deviceId, ...extra } });
  if (res.body?.device_secret) handedOut.push(res.body.device_secret);
  return res;
}

async function token(a: TestApp, deviceId: string, body: Record<string, unknown> = {}) {
  const res = await a.request('POST', '/v1/auth/token', { body: { device_id: deviceId, ...body } });
  if (res.body?.access_token) handedOut.push(res.body.access_token);
  return res;
}

const approve = (a: TestApp, deviceId: string, role?: string) =>
  a.admin('POST', `/v1/admin/devices/${encodeURIComponent(deviceId)}/approve`, role === undefined ? undefined : { role });

/** A registered and approved device with its secret and a live token. */
async function pairedDevice(a: TestApp, role = 'arborist') {
  const deviceId = newId();
  const secret = (await register(a, deviceId)).body.device_secret as string;
  await approve(a, deviceId, role);
  const tok = (await token(a, deviceId, { device_secret: secret })).body.access_token as string;
  return { deviceId, secret, token: tok };
}

t.test('the device lifecycle over HTTP: register, approve, token, profile, revoke', async (t) => {
  const deviceId = newId();
  const unknown = await app.request('GET', `/v1/auth/device/${encodeURIComponent(` ${deviceId} `)}/status`);
  t.same(unknown.body, { ok: true, device_id: ` ${deviceId} `, status: 'not_registered' }, 'unknown: as given');

  const reg = await register(app, deviceId, { device_name: ' Pixel 8 ', app_version: '2.1.0', profile_summary: { name: 'Ann' } });
  t.equal(reg.status, 200);
  t.match(reg.body, { ok: true, device_id: deviceId, status: 'pending', role: 'arborist' });
  t.match(reg.body.device_secret, TOKEN_SHAPE, 'a one-time secret: 32 random bytes, base64url');

  const pending = await app.request('GET', `/v1/auth/device/${deviceId}/status`);
  t.match(pending.body, { ok: true, device_id: deviceId, status: 'pending', role: 'arborist', updated_at: ISO_SECONDS });

  const early = await token(app, deviceId, { device_secret: reg.body.device_secret });
  t.same([early.status, early.body], [403, { detail: 'Device status is pending', code: 'device_not_approved' }]);

  const queue = await app.admin('GET', '/v1/admin/devices/pending');
  const listed = queue.body.devices.find((d: { device_id: string }) => d.device_id === deviceId);
  t.match(listed, { device_name: 'Pixel 8', app_version: '2.1.0', status: 'pending', role: 'arborist', approved_at: null, profile_summary: { name: 'Ann' } });
  t.same(Object.keys(listed).sort(), [
    'app_version', 'approved_at', 'created_at', 'device_id', 'device_name', 'last_seen_at', 'profile_summary', 'revoked_at', 'role', 'status', 'updated_at',
  ]);

  const approved = await approve(app, deviceId);
  t.equal(approved.status, 200);
  t.match(approved.body, { ok: true, device: { device_id: deviceId, status: 'approved', role: 'arborist', approved_at: ISO_SECONDS, revoked_at: null } });

  const issued = await token(app, deviceId, { device_secret: reg.body.device_secret });
  t.equal(issued.status, 200);
  t.match(issued.body, { ok: true, token_type: 'bearer', device_id: deviceId, role: 'arborist', expires_at: ISO_SECONDS });
  t.match(issued.body.access_token, TOKEN_SHAPE, '43-character URL-safe token');
  const key = issued.body.access_token as string;
  const { rows: seen } = await app.pool.query(`SELECT last_seen_at FROM devices WHERE device_id = $1`, [deviceId]);
  t.ok(seen[0].last_seen_at, 'last_seen_at set by the token issue');

  const empty = await app.request('GET', '/v1/profile', { key });
  t.same(empty.body, {
    name: null, phone: null, isa_number: null, correspondence_street: null, correspondence_city: null,
    correspondence_state: null, correspondence_zip: null, correspondence_email: null,
  }, 'nothing stored: all 8 keys, null');
  const put = await app.request('PUT', '/v1/profile', {
    key,
    body: { name: 'Ann Arborist', isa_number: 'PN-1234A', correspondence_email: 'ann@example.org', favourite_tree: 'oak' },
  });
  t.equal(put.status, 200);
  t.same(put.body, {
    name: 'Ann Arborist', phone: null, isa_number: 'PN-1234A', correspondence_street: null, correspondence_city: null,
    correspondence_state: null, correspondence_zip: null, correspondence_email: 'ann@example.org',
  }, 'unknown keys ignored, omitted keys null');
  const bearer = await app.request('GET', '/v1/profile', { headers: { authorization: `Bearer ${key}` } });
  t.same(bearer.body, put.body, 'read back, with Authorization: Bearer this time');
  const replaced = await app.request('PUT', '/v1/profile', { key, body: { phone: '+1 555 0100' } });
  t.match(replaced.body, { name: null, isa_number: null, phone: '+1 555 0100' }, 'PUT is a full replacement');
  const { rows: prof } = await app.pool.query(`SELECT identity_key FROM runtime_profiles WHERE identity_key = $1`, [`device:${deviceId}`]);
  t.equal(prof.length, 1, 'stored under device:<device_id>');

  const revoked = await app.admin('POST', `/v1/admin/devices/${deviceId}/revoke`);
  t.match(revoked.body, { ok: true, device: { status: 'revoked', revoked_at: ISO_SECONDS } });
  const refused = await app.request('GET', '/v1/profile', { key });
  t.same([refused.status, refused.body], [401, { detail: 'Invalid credentials', code: 'invalid_credentials' }], 'the token is refused at once');
  const { rows: toks } = await app.pool.query(
    `SELECT bool_and(t.revoked) AS all_revoked, bool_and(t.revoked_at IS NOT NULL) AS stamped FROM device_tokens t JOIN devices d ON d.id = t.device_id WHERE d.device_id = $1`,
    [deviceId],
  );
  t.same(toks[0], { all_revoked: true, stamped: true }, 'every token of the device revoked');
  t.match((await app.request('GET', `/v1/auth/device/${deviceId}/status`)).body, { status: 'revoked' });
  const afterRevoke = await token(app, deviceId, { device_secret: reg.body.device_secret });
  t.same([afterRevoke.status, afterRevoke.body.detail], [403, 'Device status is revoked']);

  const again = await approve(app, deviceId);
  t.match(again.body.device, { status: 'approved', revoked_at: null });
  t.equal((await app.request('GET', '/v1/profile', { key })).status, 401, 'a re-approval does not revive old tokens');
  const fresh = await token(app, deviceId, { device_secret: reg.body.device_secret });
  t.equal((await app.request('GET', '/v1/profile', { key: fresh.body.access_token })).status, 200, 'a new token works');
});

t.test('roles are read live: a re-approval as arborist removes admin rights at once', async (t) => {
  const dev = await pairedDevice(app, 'admin');
  t.equal((await app.request('GET', '/v1/admin/devices', { key: dev.token })).status, 200, 'admin device reaches /v1/admin');
  t.equal((await token(app, newId())).status, 404);
  await approve(app, dev.deviceId, 'arborist');
  const demoted = await app.request('GET', '/v1/admin/devices', { key: dev.token });
  t.same([demoted.status, demoted.body], [403, { detail: 'Admin role required', code: 'admin_required' }]);
  t.equal((await app.request('GET', '/v1/profile', { key: dev.token })).status, 200, 'but the same token still works as arborist');
  await approve(app, dev.deviceId, 'admin');
  t.equal((await app.request('GET', '/v1/admin/devices/pending', { key: dev.token })).status, 200, 'promotion is immediate too');
});

t.test('token rules: TTL, rotation, expiry, admin issue', async (t) => {
  const dev = await pairedDevice(app);
  const ttlOf = async (accessToken: string) => {
    const { rows } = await app.pool.query(`SELECT extract(epoch FROM expires_at - created_at)::int AS ttl FROM device_tokens WHERE token_hash = $1`, [
      sha256(accessToken),
    ]);
    return rows[0]?.ttl;
  };
  t.equal(await ttlOf(dev.token), 604800, 'missing ttl: 7 days');
  for (const [given, wanted] of [[null, 604800], [0, 604800], [30, 60], [-5, 60], [3600, 3600]] as const) {
    const res = await token(app, dev.deviceId, { device_secret: dev.secret, ttl_seconds: given });
    t.equal(await ttlOf(res.body.access_token), wanted, `ttl_seconds ${given} → ${wanted}`);
  }
  for (const bad of [1.5, '60', 315_360_001]) {
    const res = await token(app, dev.deviceId, { device_secret: dev.secret, ttl_seconds: bad });
    t.match([res.status, res.body], [422, { code: 'validation_failed', detail: [{ loc: ['body', 'ttl_seconds'] }] }], `ttl_seconds ${JSON.stringify(bad)} → 422`);
  }

  const first = (await token(app, dev.deviceId, { device_secret: dev.secret })).body.access_token;
  const second = (await token(app, dev.deviceId, { device_secret: dev.secret })).body.access_token;
  t.equal((await app.request('GET', '/v1/profile', { key: first })).status, 401, 'the earlier token is refused after a new one');
  t.equal((await app.request('GET', '/v1/profile', { key: second })).status, 200);
  const { rows: live } = await app.pool.query(
    `SELECT count(*)::int AS n FROM device_tokens t JOIN devices d ON d.id = t.device_id WHERE d.device_id = $1 AND NOT t.revoked`,
    [dev.deviceId],
  );
  t.equal(live[0].n, 1, 'at most one live token per device');

  await app.pool.query(
    `UPDATE device_tokens SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 second' WHERE token_hash = $1`,
    [sha256(second)],
  );
  t.same((await app.request('GET', '/v1/profile', { key: second })).body, { detail: 'Invalid credentials', code: 'invalid_credentials' }, 'expired');

  const byAdmin = await app.admin('POST', `/v1/admin/devices/${dev.deviceId}/issue-token`, { ttl_seconds: 120 });
  handedOut.push(byAdmin.body.access_token);
  t.match(byAdmin.body, { ok: true, token_type: 'bearer', device_id: dev.deviceId, role: 'arborist', expires_at: ISO_SECONDS });
  t.equal(await ttlOf(byAdmin.body.access_token), 120);
  const noBody = await app.admin('POST', `/v1/admin/devices/${dev.deviceId}/issue-token`);
  handedOut.push(noBody.body.access_token);
  t.equal(await ttlOf(noBody.body.access_token), 604800, 'no body: default TTL');
  t.equal((await app.request('GET', '/v1/profile', { key: byAdmin.body.access_token })).status, 401, 'admin issue rotates too');
  t.equal((await app.request('GET', '/v1/profile', { key: noBody.body.access_token })).status, 200);
});

t.test('pairing window for clients without a secret (decision 2)', async (t) => {
  const deviceId = newId('legacy');
  const reg = await register(app, deviceId);
  const noSecret = async () => token(app, deviceId);
  t.same((await noSecret()).body.detail, 'Device status is pending', 'no window before approval');
  await approve(app, deviceId);

  const wrong = await token(app, deviceId, { device_secret: 'not-the-secret' });
  t.same([wrong.status, wrong.body], [403, { detail: 'device_secret does not match this device', code: 'device_secret_invalid' }], 'a wrong secret never falls back to pairing');
  const inside = await noSecret();
  t.equal(inside.status, 200, 'inside the window: one token without the secret');
  t.equal((await app.request('GET', '/v1/profile', { key: inside.body.access_token })).status, 200);
  const twice = await noSecret();
  t.equal(twice.status, 403, 'used once');
  t.equal(twice.body.code, 'device_secret_required');
  t.match(twice.body.detail, /^device_secret is required/);

  await approve(app, deviceId);
  t.equal((await noSecret()).status, 200, 'a re-approval reopens the window');
  t.equal((await noSecret()).status, 403, 'for one token again');

  await approve(app, deviceId);
  await app.pool.query(`UPDATE devices SET approved_at = now() - interval '901 seconds' WHERE device_id = $1`, [deviceId]);
  t.equal((await noSecret()).body.code, 'device_secret_required', 'outside the window (default 900 s)');

  t.equal((await token(app, deviceId, { device_secret: reg.body.device_secret })).status, 200, 'the secret still works');
  await approve(app, deviceId);
  t.equal((await noSecret()).body.code, 'device_secret_required', 'a device that presented its secret never gets the secret-less path again');

  const other = await pairedDevice(app);
  t.equal((await token(app, deviceId, { device_secret: other.secret })).body.code, 'device_secret_invalid', "another device's secret is refused");

  const { rows } = await app.pool.query(`INSERT INTO devices (device_id, status, approved_at) VALUES ($1, 'approved', now()) RETURNING id`, [newId('old')]);
  const { rows: old } = await app.pool.query(`SELECT device_id FROM devices WHERE id = $1`, [rows[0].id]);
  t.equal((await token(app, old[0].device_id, { device_secret: 'anything' })).body.code, 'device_secret_invalid', 'no stored secret: any secret is wrong');
  t.equal((await token(app, old[0].device_id)).status, 200, 'but the pairing window works');
});

t.test('pairing-window takeover (issue #11 item 9): a known device_id is not enough', async (t) => {
  // The real device pairs with its secret; an attacker who knows its public id tries the secret-less path inside the window.
  const real = await pairedDevice(app);
  const attack = await token(app, real.deviceId);
  t.same([attack.status, attack.body.code], [403, 'device_secret_required'], 'the attacker gets no token');
  t.equal((await app.request('GET', '/v1/profile', { key: real.token })).status, 200, "the real device's token still works");

  // Even after a re-approval, a device that has shown its secret needs it.
  await approve(app, real.deviceId);
  t.equal((await token(app, real.deviceId)).body.code, 'device_secret_required', 're-approval does not reopen the path for it');

  // A legacy device (never presented a secret): an admin-issued token closes its window too.
  const legacy = newId('legacy');
  await register(app, legacy);
  await approve(app, legacy);
  const minted = await app.admin('POST', `/v1/admin/devices/${legacy}/issue-token`, {});
  t.equal(minted.status, 200, 'admin issued a token for the approval');
  t.equal((await token(app, legacy)).body.code, 'device_secret_required', 'any token issued for the approval closes the window');
  t.equal((await app.request('GET', '/v1/profile', { key: minted.body.access_token })).status, 200, 'the handed-over token is not replaced');

  // Re-registration with the secret counts as presenting it.
  const quiet = newId('quiet');
  const secret = (await register(app, quiet)).body.device_secret as string;
  await register(app, quiet, { device_secret: secret, app_version: '2.0' });
  await approve(app, quiet);
  t.equal((await token(app, quiet)).body.code, 'device_secret_required', 'a device that re-registered with its secret needs it for tokens');
});

t.test('a repeated registration never changes status, role or secret', async (t) => {
  const dev = await pairedDevice(app, 'admin');
  const before = (await app.pool.query(`SELECT status, role, secret_hash, device_name, app_version FROM devices WHERE device_id = $1`, [dev.deviceId])).rows[0];
  t.equal(before.secret_hash, sha256(dev.secret), 'only the SHA-256 of the secret is stored');

  const anon = await register(app, dev.deviceId, { device_name: 'Evil', app_version: '6.6.6', profile_summary: { x: 1 } });
  t.same(anon.body, { ok: true, device_id: dev.deviceId, status: 'approved', role: 'admin' }, 'current status and role, no new secret');
  const wrong = await register(app, dev.deviceId, { device_name: 'Evil', device_secret: 'guess' });
  t.same([wrong.status, wrong.body.code], [403, 'device_secret_invalid']);
  t.same((await app.pool.query(`SELECT status, role, secret_hash, device_name, app_version FROM devices WHERE device_id = $1`, [dev.deviceId])).rows[0], before, 'nothing changed without the secret');

  const own = await register(app, dev.deviceId, { device_name: 'Pixel 9', app_version: '3.0.0', device_secret: dev.secret });
  t.same(own.body, { ok: true, device_id: dev.deviceId, status: 'approved', role: 'admin' });
  const after = (await app.pool.query(`SELECT status, role, secret_hash, device_name, app_version FROM devices WHERE device_id = $1`, [dev.deviceId])).rows[0];
  t.same(after, { ...before, device_name: 'Pixel 9', app_version: '3.0.0' }, 'with its secret the device may update its description only');
  t.equal((await app.request('GET', '/v1/admin/devices', { key: dev.token })).status, 200, 'its token keeps working');

  await app.admin('POST', `/v1/admin/devices/${dev.deviceId}/revoke`);
  t.equal((await register(app, dev.deviceId, { device_secret: dev.secret })).body.status, 'revoked', 'a revoked device stays revoked');

  const raced = newId('race');
  const answers = await Promise.all(Array.from({ length: 6 }, () => register(app, raced)));
  t.same(answers.map((a) => a.status), [200, 200, 200, 200, 200, 200]);
  t.equal(answers.filter((a) => a.body.device_secret).length, 1, 'of racing first registrations exactly one gets the secret');
});

t.test('every error status and code of these endpoints', async (t) => {
  const cases: [string, Promise<{ status: number; body: any }>, number, string, unknown?][] = [
    ['register: no device_id', app.request('POST', '/v1/auth/register-device', { body: {} }), 422, 'validation_failed'],
    ['register: no body', app.request('POST', '/v1/auth/register-device'), 422, 'validation_failed'],
    ['register: not JSON', app.request('POST', '/v1/auth/register-device', { raw: '{nope', headers: { 'content-type': 'application/json' } }), 422, 'validation_failed'],
    ['register: body over 1 MB', app.request('POST', '/v1/auth/register-device', { raw: JSON.stringify({ device_id: newId(), pad: 'x'.repeat(1_100_000) }), headers: { 'content-type': 'application/json' } }), 413, 'payload_too_large'],
    ['register: blank id', app.request('POST', '/v1/auth/register-device', { body: { device_id: '   ' } }), 400, 'device_id_required', 'device_id is required'],
    ['register: id too long', app.request('POST', '/v1/auth/register-device', { body: { device_id: 'x'.repeat(129) } }), 422, 'validation_failed'],
    ['register: NUL in id', app.request('POST', '/v1/auth/register-device', { body: { device_id: 'a\u0000b' } }), 422, 'validation_failed'],
    ['register: name too long', app.request('POST', '/v1/auth/register-device', { body: { device_id: newId(), device_name: 'n'.repeat(256) } }), 422, 'validation_failed'],
    ['register: version too long', app.request('POST', '/v1/auth/register-device', { body: { device_id: newId(), app_version: 'v'.repeat(65) } }), 422, 'validation_failed'],
    ['register: summary not an object', app.request('POST', '/v1/auth/register-device', { body: { device_id: newId(), profile_summary: [1] } }), 422, 'validation_failed'],
    ['register: summary too big', app.request('POST', '/v1/auth/register-device', { body: { device_id: newId(), profile_summary: { a: 'b'.repeat(20_000) } } }), 422, 'validation_failed'],
    ['token: no device_id', app.request('POST', '/v1/auth/token', { body: { ttl_seconds: 60 } }), 422, 'validation_failed'],
    ['token: blank id', app.request('POST', '/v1/auth/token', { body: { device_id: '' } }), 400, 'device_id_required', 'device_id is required'],
    ['token: unknown device', app.request('POST', '/v1/auth/token', { body: { device_id: 'nobody-here' } }), 404, 'device_not_found', 'Device not found'],
    ['admin list: no key', app.request('GET', '/v1/admin/devices'), 401, 'invalid_credentials', 'Invalid credentials'],
    ['admin list: wrong key', app.request('GET', '/v1/admin/devices', { key: 'wrong' }), 401, 'invalid_credentials', 'Invalid credentials'],
    ['admin list: bad status', app.admin('GET', '/v1/admin/devices?status=bogus'), 400, 'invalid_device_status', "'bogus' is not a valid DeviceStatus"],
    ['admin list: two statuses', app.admin('GET', '/v1/admin/devices?status=pending&status=approved'), 422, 'validation_failed'],
    ['approve: unknown', app.admin('POST', '/v1/admin/devices/nope/approve', {}), 404, 'device_not_found', 'Device not found: nope'],
    ['approve: bad role', app.admin('POST', '/v1/admin/devices/nope/approve', { role: 'boss' }), 400, 'invalid_device_role', "'boss' is not a valid DeviceRole"],
    ['approve: role not a string', app.admin('POST', '/v1/admin/devices/nope/approve', { role: 7 }), 422, 'validation_failed'],
    ['revoke: unknown', app.admin('POST', '/v1/admin/devices/nope/revoke'), 404, 'device_not_found', 'Device not found: nope'],
    ['issue-token: unknown', app.admin('POST', '/v1/admin/devices/nope/issue-token'), 404, 'device_not_found', 'Device not found: nope'],
    ['profile: no credentials', app.request('GET', '/v1/profile'), 401, 'invalid_credentials', 'Invalid credentials'],
    ['401 beats 422: profile', app.request('PUT', '/v1/profile', { body: { name: 5 } }), 401, 'invalid_credentials'],
    ['401 beats 422: approve', app.request('POST', '/v1/admin/devices/x/approve', { body: { role: 5 } }), 401, 'invalid_credentials'],
    ['401 beats 422: issue-token', app.request('POST', '/v1/admin/devices/x/issue-token', { raw: '{nope', headers: { 'content-type': 'application/json' } }), 401, 'invalid_credentials'],
    ['profile: not a string', app.admin('PUT', '/v1/profile', { name: 5 }), 422, 'validation_failed'],
    ['profile: too long', app.admin('PUT', '/v1/profile', { correspondence_zip: '1'.repeat(33) }), 422, 'validation_failed'],
  ];
  for (const [what, reply, status, code, detail] of cases) {
    const res = await reply;
    t.equal(res.status, status, `${what}: ${status}`);
    t.equal(res.body.code, code, `${what}: ${code}`);
    if (detail !== undefined) t.same(res.body.detail, detail, `${what}: detail`);
    if (status === 422) t.ok(Array.isArray(res.body.detail), `${what}: detail is a list`);
  }
  const missing = await app.request('POST', '/v1/auth/register-device', { body: {} });
  t.match(missing.body.detail, [{ loc: ['body', 'device_id'], msg: String, type: String }], 'FastAPI-style 422 detail');

  const pendingId = newId();
  await register(app, pendingId);
  const notApproved = await app.admin('POST', `/v1/admin/devices/${pendingId}/issue-token`, { ttl_seconds: 60 });
  t.same([notApproved.status, notApproved.body], [403, { detail: 'Device is not approved', code: 'device_not_approved' }]);
  const arborist = await pairedDevice(app);
  for (const [method, path] of [['GET', '/v1/admin/devices'], ['GET', '/v1/admin/devices/pending'], ['POST', `/v1/admin/devices/${pendingId}/approve`], ['POST', `/v1/admin/devices/${pendingId}/revoke`], ['POST', `/v1/admin/devices/${pendingId}/issue-token`]] as const) {
    const res = await app.request(method, path, { key: arborist.token });
    t.same([res.status, res.body], [403, { detail: 'Admin role required', code: 'admin_required' }], `${method} ${path} with an arborist token`);
  }
  t.match((await app.request('GET', `/v1/auth/device/${pendingId}/status`)).body, { status: 'pending' }, 'the arborist did not approve anything');

  const blankRole = await app.admin('POST', `/v1/admin/devices/${pendingId}/approve`, { role: '  ' });
  t.match(blankRole.body.device, { role: 'arborist', status: 'approved' }, 'blank role: arborist');
  const emptyBody = await app.request('POST', `/v1/admin/devices/${pendingId}/approve`, { key: TEST_ADMIN_KEY, raw: '', headers: { 'content-type': 'application/json' } });
  t.equal(emptyBody.status, 200, 'an empty JSON body counts as no body');
});

t.test('admin device lists filter by status and keep registration order', async (t) => {
  const ids = [newId('order'), newId('order'), newId('order')];
  for (const id of ids) await register(app, id);
  await approve(app, ids[1]!);
  const all = (await app.admin('GET', '/v1/admin/devices')).body.devices.map((d: { device_id: string }) => d.device_id);
  t.same(all.filter((id: string) => ids.includes(id)), ids, 'ordered by created_at');
  const pendingOnly = (await app.admin('GET', '/v1/admin/devices?status=pending')).body.devices;
  t.ok(pendingOnly.every((d: { status: string }) => d.status === 'pending'));
  t.same(pendingOnly.filter((d: { device_id: string }) => ids.includes(d.device_id)).map((d: { device_id: string }) => d.device_id), [ids[0], ids[2]]);
  const approvedOnly = (await app.admin('GET', '/v1/admin/devices?status=approved')).body.devices;
  t.ok(approvedOnly.some((d: { device_id: string }) => d.device_id === ids[1]));
  t.ok(approvedOnly.every((d: { status: string }) => d.status === 'approved'));
  t.same((await app.admin('GET', '/v1/admin/devices?status=')).body.devices.length, (await app.admin('GET', '/v1/admin/devices')).body.devices.length, 'blank status: all');
});

t.test("the admin key's profile is stored under 'admin'", async (t) => {
  const put = await app.admin('PUT', '/v1/profile', { name: 'Office', correspondence_city: 'Springfield' });
  t.match(put.body, { name: 'Office', correspondence_city: 'Springfield', phone: null });
  t.match((await app.admin('GET', '/v1/profile')).body, { name: 'Office' });
  const { rows } = await app.pool.query(`SELECT identity_key FROM runtime_profiles WHERE identity_key = 'admin'`);
  t.equal(rows.length, 1);
});

t.test('audit rows for every transition, append-only, without secrets', async (t) => {
  const dev = await pairedDevice(app);
  await app.request('PUT', '/v1/profile', { key: dev.token, body: { name: 'Audited' } });
  await app.admin('POST', `/v1/admin/devices/${dev.deviceId}/issue-token`);
  await app.admin('POST', `/v1/admin/devices/${dev.deviceId}/revoke`);
  const { rows } = await app.pool.query(
    `SELECT e.event_type, e.actor_identity, e.payload FROM job_events e JOIN devices d ON d.id = e.device_id WHERE d.device_id = $1 ORDER BY e.created_at, e.event_type`,
    [dev.deviceId],
  );
  const self = `device:${dev.deviceId}`;
  t.match(
    rows.map((r) => [r.event_type, r.actor_identity]),
    [['device_registered', self], ['device_approved', 'admin'], ['token_issued', self], ['profile_updated', self], ['token_issued', 'admin'], ['device_revoked', 'admin']],
  );
  t.match(rows[1].payload, { device_id: dev.deviceId, role: 'arborist', previous_status: 'pending' });
  t.match(rows[2].payload, { via: 'device_secret', ttl_seconds: 604800 });
  t.match(rows[3].payload, { fields_set: ['name'] });
  t.match(rows[5].payload, { previous_status: 'approved', tokens_revoked: 1 });
  const adminProfile = await app.pool.query(`SELECT count(*)::int AS n FROM job_events WHERE event_type = 'profile_updated' AND actor_identity = 'admin'`);
  t.ok(adminProfile.rows[0].n >= 1, 'the admin key is named admin');

  await t.rejects(app.ownerPool.query(`UPDATE job_events SET payload = '{}' WHERE event_type = 'device_approved'`), /append-only/, 'UPDATE refused');
  await t.rejects(app.ownerPool.query(`DELETE FROM job_events WHERE event_type = 'token_issued'`), /append-only/, 'DELETE refused');
});

t.test('no table and no log line holds a token, a device secret or the admin key', async (t) => {
  t.ok(handedOut.length > 20, `${handedOut.length} secrets and tokens handed out in this file`);
  const secrets = [...handedOut, TEST_ADMIN_KEY];
  const { rows: columns } = await app.pool.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name
       FROM information_schema.columns c
       JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public'
        AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')`,
  );
  t.ok(columns.some((c) => c.table_name === 'device_tokens' && c.column_name === 'token_hash'), 'the scan covers the token hashes');
  const hits: string[] = [];
  const probe = async (value: string) => {
    for (const c of columns) {
      const { rows } = await app.pool.query(`SELECT count(*)::int AS n FROM "${c.table_name}" WHERE strpos("${c.column_name}"::text, $1) > 0`, [value]);
      if (rows[0].n > 0) hits.push(`${c.table_name}.${c.column_name}`);
    }
  };
  await probe(sha256(handedOut[0]!));
  t.ok(hits.length > 0, 'the scan finds what is stored (a secret hash)');
  hits.length = 0;
  for (const s of secrets) await probe(s);
  t.same(hits, [], 'no plaintext secret in any text or JSON column');

  const logText = JSON.stringify(app.logs);
  t.ok(app.logs.length > 50, 'the server logged requests');
  t.same(secrets.filter((s) => logText.includes(s)), [], 'no secret in any log line');
});

t.test('openapi.json documents the device and profile endpoints', async (t) => {
  const doc = (await app.request('GET', '/openapi.json')).body;
  for (const [path, method] of [
    ['/v1/auth/register-device', 'post'], ['/v1/auth/token', 'post'], ['/v1/auth/device/{device_id}/status', 'get'],
    ['/v1/profile', 'get'], ['/v1/profile', 'put'], ['/v1/admin/devices', 'get'], ['/v1/admin/devices/pending', 'get'],
    ['/v1/admin/devices/{device_id}/approve', 'post'], ['/v1/admin/devices/{device_id}/revoke', 'post'], ['/v1/admin/devices/{device_id}/issue-token', 'post'],
  ]) {
    const op = doc.paths[path!]?.[method!];
    t.ok(op?.responses?.['200']?.content?.['application/json']?.schema, `${method!.toUpperCase()} ${path} has a response schema`);
  }
  const token = doc.paths['/v1/auth/token'].post;
  t.same(Object.keys(token.requestBody.content['application/json'].schema.properties).sort(), ['device_id', 'device_secret', 'ttl_seconds']);
  t.same(token.security, [], 'token needs no credentials');
  t.equal(token.requestBody.required, true);
  t.equal(doc.paths['/v1/admin/devices/{device_id}/approve'].post.requestBody.required, false, 'the approve body is optional');
  t.ok(doc.paths['/v1/profile'].get.security.length > 0, 'profile does');
});

t.test('rate limits on register and token: 429 with Retry-After; pairing can be switched off', async (t) => {
  const limited = await startTestApp(t, { TRAQ_AUTH_RATE_LIMIT_PER_MINUTE: '3', TRAQ_PAIRING_WINDOW_SECONDS: '0' });
  await awaitWholeRateWindow(limited.pool);
  const deviceId = newId();
  const first = await register(limited, deviceId);
  await limited.admin('POST', `/v1/admin/devices/${deviceId}/approve`);
  const off = await token(limited, deviceId);
  t.equal(off.body.code, 'device_secret_required', 'window 0: the secret is always needed');
  t.equal((await token(limited, deviceId, { device_secret: first.body.device_secret })).status, 200);
  t.equal((await token(limited, 'nobody')).status, 404);

  t.equal((await register(limited, newId())).status, 200);
  t.equal((await limited.request('POST', '/v1/auth/register-device', { body: {} })).status, 422, 'invalid requests count too');
  const over = await register(limited, newId());
  t.equal(over.status, 429);
  t.same(over.body, { detail: 'Too many requests; retry later', code: 'rate_limited' });
  t.match(over.headers.get('retry-after'), /^[1-9]\d*$/, 'Retry-After in whole seconds');
  const tokenOver = await token(limited, deviceId, { device_secret: first.body.device_secret });
  t.equal(tokenOver.status, 429, 'the token route has its own budget of 3, now spent');
  t.equal((await limited.request('GET', `/v1/auth/device/${deviceId}/status`)).status, 200, 'reads are not limited');
  t.equal((await token(app, newId())).status, 404, 'another database keeps its own counters (test/shared-state.test.ts: one database, one budget)');
});
