/**
 * POST /v1/trees/identify (api.md §2.11) against a fake Pl@ntNet on 127.0.0.1: the old route's
 * multipart fields, forwarded as Pl@ntNet takes them; its best matches back; bad input 400
 * (oversized image 413) without calling Pl@ntNet; no key 503; Pl@ntNet failing 502; nothing stored.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import t from 'tap';
import { startTestApp, TEST_ADMIN_KEY } from './helpers/app.js';
import { tableDigest } from './helpers/digest.js';
import { approvedDevice } from './helpers/factories.js';
import { PLANTNET_ANSWER, startFakePlantNet } from './helpers/fake-plantnet.js';
import { sampleJob } from './helpers/samples.js';
import { allKeys } from './helpers/store.js';

const PLANTNET_KEY = 'plantnet-test-key-2b7c';
const plantnet = await startFakePlantNet(t);
const app = await startTestApp(t, {
  TRAQ_PLANTNET_API_KEY: PLANTNET_KEY,
  TRAQ_PLANTNET_BASE_URL: plantnet.url,
  TRAQ_PLANTNET_TIMEOUT: '1',
  TRAQ_MAX_IMAGE_BYTES: '100000',
});
const dev = await approvedDevice(app.pool);
const photos = sampleJob('J0003').images.map((i) => fs.readFileSync(i.file));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

type Part = [name: string, value: string] | [name: string, bytes: Uint8Array, type: string, filename: string];
function form(parts: Part[]): FormData {
  const f = new FormData();
  for (const p of parts) {
    if (p.length === 2) f.append(p[0], p[1]);
    else f.append(p[0], new Blob([p[1] as Uint8Array<ArrayBuffer>], { type: p[2] }), p[3]);
  }
  return f;
}
const jpeg = (i = 0, name = `tree${i}.jpg`): Part => ['images', photos[i]!, 'image/jpeg', name];
const identify = (parts: Part[], key: string | null = dev.token, target = app) => target.request('POST', '/v1/trees/identify', { key, raw: form(parts) });

t.test('photos and options go to Pl@ntNet as it takes them; its matches come back', async (t) => {
  const digest = await tableDigest(app.pool);
  const files = () => allKeys(app.store);
  const stored = await files();
  const res = await identify([jpeg(0), jpeg(1), ['organs', 'leaf'], ['organs', 'Bark'], ['project', 'weurope'], ['include_related_images', 'true'], ['no_reject', '1']]);
  t.equal(res.status, 200, res.text);
  t.same(Object.keys(res.body).sort(), ['bestMatch', 'matches', 'otherResults', 'predictedOrgans', 'query', 'remainingIdentificationRequests', 'results', 'version'].sort());
  t.same(res.body.results, PLANTNET_ANSWER.results, "Pl@ntNet's results untouched");
  t.match(res.body, { bestMatch: 'Quercus agrifolia Née', version: '2025-01-17 (7.3)', remainingIdentificationRequests: 487 });
  t.same(res.body.matches, [
    { scientific_name: 'Quercus agrifolia', common_names: ['Coast live oak', 'California live oak'], family: 'Fagaceae', genus: 'Quercus', score: 0.8123 },
    { scientific_name: 'Quercus ilex', common_names: ['Holm oak'], family: 'Fagaceae', genus: 'Quercus', score: 0.0712 },
  ]);
  const sent = plantnet.requests.at(-1)!;
  t.equal(sent.path, '/v2/identify/weurope');
  t.equal(sent.apiKey, PLANTNET_KEY, 'the key in the query string, as Pl@ntNet takes it');
  t.same(sent.organs, ['leaf', 'bark'], 'organs lower-cased, one per image');
  t.same(sent.fields, { 'include-related-images': 'true', 'no-reject': 'true' });
  t.same(sent.images.map((i) => [i.name, i.type, i.sha]), [['tree0.jpg', 'image/jpeg', sha(photos[0]!)], ['tree1.jpg', 'image/jpeg', sha(photos[1]!)]], 'the bytes as sent');
  t.same(await tableDigest(app.pool), digest, 'no database change');
  t.same(await files(), stored, 'nothing stored');
  t.notOk(JSON.stringify(app.logs).includes(PLANTNET_KEY), 'the key is never logged');
});

t.test('organs: omitted → auto each; one → repeated; project defaults to all; flags off by default', async (t) => {
  await identify([jpeg(0), jpeg(1, 'x.png')]);
  t.match(plantnet.requests.at(-1), { project: 'all', organs: ['auto', 'auto'], fields: {} });
  await identify([jpeg(0), jpeg(1), jpeg(2), ['organs', 'flower'], ['include_related_images', 'false']]);
  t.match(plantnet.requests.at(-1), { organs: ['flower', 'flower', 'flower'], fields: {} });
  const png = await identify([['images', photos[0]!, 'image/png', 'leaf.png']]);
  t.equal(png.status, 200, 'PNG accepted');
});

t.test('bad input: 400 with the old texts, Pl@ntNet never called', async (t) => {
  const calls = plantnet.requests.length;
  const cases: [Part[], RegExp | string][] = [
    [[['organs', 'leaf']], /images is required/],
    [[0, 1, 2, 3, 4, 5].map((i) => jpeg(i % 3)), 'Maximum 5 images are allowed'],
    [[['images', photos[0]!, 'image/gif', 'a.gif']], 'Unsupported image content type: image/gif'],
    [[['images', new Uint8Array(0), 'image/jpeg', 'empty.jpg']], 'Empty image payload: empty.jpg'],
    [[jpeg(0), jpeg(1), jpeg(2), ['organs', 'leaf'], ['organs', 'bark']], 'organs must be omitted, provided once, or match the image count'],
    [[jpeg(0), jpeg(1), ['organs', 'root'], ['organs', 'stem']], 'Invalid organs: root, stem'],
    [[jpeg(0), ['no_reject', 'maybe']], 'no_reject must be true or false'],
    [[jpeg(0), ['project', 'x'.repeat(2000)]], /longer than 1024 bytes/],
  ];
  for (const [parts, detail] of cases) {
    const res = await identify(parts);
    t.equal(res.status, 400, `400: ${detail}`);
    t.match(res.body, { code: 'invalid_identify_request', detail });
  }
  const json = await app.request('POST', '/v1/trees/identify', { key: dev.token, body: { images: [] } });
  t.match(json, { status: 400, body: { detail: /multipart\/form-data/ } }, 'a JSON body');
  const big = await identify([['images', new Uint8Array(150_000), 'image/jpeg', 'big.jpg']]);
  t.match(big, { status: 413, body: { code: 'payload_too_large' } }, 'an image over TRAQ_MAX_IMAGE_BYTES');
  t.equal((await identify([jpeg(0)], null)).status, 401, 'no credential');
  t.equal(plantnet.requests.length, calls, 'Pl@ntNet was never called');
});

t.test('Pl@ntNet failing, timing out or unreachable: 502 with the reason, never the key', async (t) => {
  const cases: [() => object | undefined, RegExp][] = [
    [() => ({ status: 404, json: { statusCode: 404, error: 'Not Found', message: 'Species not found' } }), /^Pl@ntNet API error 404: .*Species not found/],
    [() => ({ status: 401, raw: `invalid key ${PLANTNET_KEY}` }), /^Pl@ntNet API error 401: invalid key \*\*\*$/],
    [() => ({ json: [1, 2] }), /non-object response/],
    [() => ({ raw: '<html>' }), /invalid JSON/],
    [() => ({ hang: true }), /timed out after 1 s/],
  ];
  for (const [reply, detail] of cases) {
    plantnet.script(reply as never);
    const res = await identify([jpeg(0)]);
    t.equal(res.status, 502);
    t.match(res.body, { code: 'plantnet_failed', detail });
    t.notMatch(res.text, PLANTNET_KEY);
  }
  plantnet.script(() => undefined);
  const closed = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
  const down = await startTestApp(t, { TRAQ_PLANTNET_API_KEY: PLANTNET_KEY, TRAQ_PLANTNET_BASE_URL: `http://127.0.0.1:${closed}` });
  const res = await identify([jpeg(0)], TEST_ADMIN_KEY, down);
  t.match(res, { status: 502, body: { code: 'plantnet_failed', detail: /^Pl@ntNet API request failed: ECONNREFUSED/ } });
});

t.test('no key configured: 503 plantnet_not_configured, before the body is read', async (t) => {
  const bare = await startTestApp(t);
  const res = await identify([jpeg(0)], TEST_ADMIN_KEY, bare);
  t.match(res, { status: 503, body: { code: 'plantnet_not_configured', detail: /TRAQ_PLANTNET_API_KEY is not set/ } });
});
