/**
 * A property-based fuzzer driven by the server's own /openapi.json (issue
 * #11): every documented operation, with real credentials and real ids
 * (a small world is made first) mixed with hostile values (NUL, lone
 * surrogates, huge strings, deep nesting, broken JSON, wrong types, bytes
 * that are not audio). fast-check generates the requests; they are sent a
 * few at a time. The properties: no 5xx, every error a JSON {detail, code},
 * the server alive, and job_events only growing.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import sharp from 'sharp';
import { TEST_ADMIN_KEY, type TestApp } from './app.js';
import { tinyWav } from './audio.js';
import { approvedDevice } from './factories.js';

interface Operation {
  method: string;
  path: string;
  params: { name: string; in: 'path' | 'query'; schema: any }[];
  body?: any;
  upload?: 'recording' | 'image';
}

interface World {
  ids: Record<string, string[]>;
  keys: { admin: string; arborist: string; adminDevice: string };
}

export interface FuzzRequest {
  op: Operation;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Uint8Array | string;
}

export interface FuzzReport {
  requests: number;
  statuses: Record<string, number>;
  operations: number;
  failures: string[];
  /** Requests resent once after a client-side connection error. */
  transportRetries: number;
  ms: number;
}

const HOSTILE = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  'x\ud800',
  '\udc00y',
  '../../etc/passwd',
  '..',
  '%00',
  "'; DROP TABLE jobs;--",
  'tree \u{1F333}',
  '\u202eevil',
  'J0001',
  'C0001',
  'round_999',
  'a'.repeat(5000),
  '0',
  '-1',
  'null',
  'true',
  '{}',
];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);

/** Percent-encodes anything, lone surrogates included (encodeURIComponent throws on those). */
function encodeSegment(s: string): string {
  let out = '';
  for (const ch of s) {
    try {
      out += encodeURIComponent(ch);
    } catch {
      out += '%ED%A0%80';
    }
  }
  return out;
}

/** An arbitrary for a JSON-schema fragment from /openapi.json: mostly valid, often hostile. */
function fromSchema(schema: any, world: World, name: string, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.jsonValue({ maxDepth: 1 });
  const realIds = world.ids[name] ?? [];
  const nullable = schema.nullable ? [fc.constant(null)] : [];
  if (schema.enum) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: hostileString }, ...nullable);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((v: any) => fromSchema(v, world, name, depth + 1)), ...nullable);
  switch (schema.type) {
    case 'string':
      return fc.oneof(
        ...(realIds.length ? [{ weight: 4, arbitrary: fc.constantFrom(...realIds) }] : []),
        { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: Math.min(schema.maxLength ?? 30, 30) }) },
        { weight: 2, arbitrary: hostileString },
        { weight: 1, arbitrary: fc.integer() },
        ...nullable.map((arbitrary) => ({ weight: 1, arbitrary })),
      );
    case 'integer':
    case 'number':
      return fc.oneof(
        fc.integer({ min: -5, max: 50 }),
        fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, 1e308, -1e308, 0.5),
        fc.double({ noNaN: true }),
        hostileString,
        ...nullable,
      );
    case 'boolean':
      return fc.oneof(fc.boolean(), hostileString, ...nullable);
    case 'array':
      return fc.oneof({ weight: 4, arbitrary: fc.array(fromSchema(schema.items, world, name, depth + 1), { maxLength: 3 }) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }, ...nullable.map((arbitrary) => ({ weight: 1, arbitrary })));
    case 'object': {
      const props = Object.entries(schema.properties ?? {});
      const record = fc.record(Object.fromEntries(props.map(([k, v]) => [k, fromSchema(v, world, k, depth + 1)])), { requiredKeys: [] });
      return fc.oneof(
        { weight: 6, arbitrary: record },
        { weight: 1, arbitrary: fc.tuple(record, fc.dictionary(hostileString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })).map(([a, b]) => ({ ...b, ...a })) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
        ...nullable.map((arbitrary) => ({ weight: 1, arbitrary })),
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** The documented operations, read from the server's own /openapi.json. */
export async function operations(app: TestApp): Promise<Operation[]> {
  const doc = (await app.request('GET', '/openapi.json')).body as { paths: Record<string, Record<string, any>> };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const upload = method === 'put' && /\/recordings\/\{/.test(path) ? 'recording' : method === 'put' && /\/images\/\{/.test(path) ? 'image' : undefined;
      ops.push({ method: method.toUpperCase(), path, params: op.parameters ?? [], body: op.requestBody?.content?.['application/json']?.schema, upload });
    }
  }
  return ops;
}

async function must(res: Promise<{ status: number; text: string; body: any }>, what: string) {
  const r = await res;
  if (r.status !== 200) throw new Error(`fuzz world: ${what}: ${r.status} ${r.text}`);
  return r.body;
}

/** A small world with real ids: devices, customers, billing profiles, jobs with rounds, a recording, a photo, a project. */
export async function makeWorld(app: TestApp): Promise<World> {
  const arborist = await approvedDevice(app.pool);
  const adminDevice = await approvedDevice(app.pool, { role: 'admin' });
  // Device ids the generated requests may approve, revoke or rotate: not the ones whose tokens they send.
  const targets = [await approvedDevice(app.pool), await approvedDevice(app.pool, { role: 'admin' })];
  const key = arborist.token;
  const customers = [];
  const billing = [];
  for (let i = 0; i < 2; i++) {
    customers.push((await must(app.admin('POST', '/v1/admin/customers', { name: `Fuzz customer ${i}`, address: `${i} Elm` }), 'customer')).customer);
    billing.push((await must(app.admin('POST', '/v1/admin/billing-profiles', { billing_name: `Fuzz billing ${i}` }), 'billing')).billing_profile);
  }
  const project = (await must(app.admin('POST', '/v1/admin/projects', { project: 'Fuzz project' }), 'project')).project;
  const jobs: { job_id: string; job_number: string }[] = [];
  const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#228833' } }).png().toBuffer();
  for (let i = 0; i < 3; i++) {
    const job = await must(
      app.request('POST', '/v1/jobs', {
        key,
        body: { job_name: `Fuzz ${i}`, job_address: `${i} Oak St`, job_phone: '555', contact_preference: 'text', billing_name: 'Fuzz', billing_address: '1 Oak', customer_name: 'Fuzz customer 0', tree_number: 1 },
      }),
      'job',
    );
    jobs.push(job);
    await must(app.request('POST', `/v1/jobs/${job.job_id}/rounds`, { key }), 'round');
    await must(app.request('PUT', `/v1/jobs/${job.job_id}/sections/trunk/recordings/rec_1`, { key, raw: tinyWav(), headers: { 'content-type': 'audio/wav' } }), 'recording');
    await must(app.request('PUT', `/v1/jobs/${job.job_id}/sections/job_photos/images/img_1`, { key, raw: new Uint8Array(png), headers: { 'content-type': 'image/png' } }), 'image');
  }
  const ref = [...customers.map((c) => c.customer_code), ...customers.map((c) => c.customer_id), ...billing.map((b) => b.billing_code), ...billing.map((b) => b.billing_profile_id)];
  return {
    keys: { admin: TEST_ADMIN_KEY, arborist: key, adminDevice: adminDevice.token },
    ids: {
      job_id: jobs.map((j) => j.job_id),
      job_ref: [...jobs.map((j) => j.job_id), ...jobs.map((j) => j.job_number)],
      job_number: jobs.map((j) => j.job_number),
      round_id: ['round_1', 'round_2'],
      section_id: ['trunk', 'site_factors', 'job_photos'],
      recording_id: ['rec_1', 'rec_2'],
      image_id: ['img_1', 'img_2'],
      artifact_id: ['rec_1', 'img_1'],
      device_id: targets.map((d) => d.deviceId),
      ref,
      into: ref,
      customer_id: customers.map((c) => c.customer_code),
      billing_profile_id: billing.map((b) => b.billing_code),
      project_id: [project.project_id, project.project_slug],
      project_ref: [project.project_id, project.project_slug],
      status: ['DRAFT', 'ARCHIVED', 'approved', 'pending'],
      kind: ['final_json', 'transcript', 'traq_pdf', 'report_letter'],
    },
  };
}

const DEEP = `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`;

/** The request arbitrary: an operation, its credentials, path, query and body. */
export function requestArbitrary(ops: Operation[], world: World, base: string): fc.Arbitrary<FuzzRequest> {
  const credential = fc.constantFrom<(string | undefined)[]>(world.keys.admin, world.keys.arborist, world.keys.arborist, world.keys.adminDevice, undefined, 'not-a-token');
  const uploadBody = fc.oneof(
    fc.constant({ bytes: tinyWav(), type: 'audio/wav' }),
    fc.uint8Array({ maxLength: 2048 }).map((bytes) => ({ bytes, type: 'audio/mp4' })),
    fc.uint8Array({ maxLength: 2048 }).map((bytes) => ({ bytes, type: 'image/png' })),
    fc.tuple(fc.uint8Array({ maxLength: 64 }), fc.constantFrom('image/jpeg', 'text/plain', 'application/json', 'audio/x-evil')).map(([bytes, type]) => ({ bytes, type })),
  );
  return fc.constantFrom(...ops).chain((op) => {
    const pathArbs = op.params.filter((p) => p.in === 'path').map((p) => fromSchema(p.schema, world, p.name).map((v) => [p.name, v] as const));
    const queryArbs = op.params
      .filter((p) => p.in === 'query')
      .map((p) => fc.option(fromSchema(p.schema, world, p.name).map((v) => [p.name, v] as const), { nil: undefined, freq: 2 }));
    const jsonBody = op.body
      ? fc.oneof(
          { weight: 8, arbitrary: fromSchema(op.body, world, 'body').map((v) => JSON.stringify(v) ?? '') },
          { weight: 1, arbitrary: fc.constantFrom(DEEP, '{"a":', '{"device_id":"x\\ud800"}', '[1,2', 'null', '"\\u0000"', '{"__proto__":{"x":1}}') },
          { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
        )
      : fc.constant(undefined);
    return fc.record({
      path: fc.tuple(...pathArbs),
      query: fc.tuple(...queryArbs),
      body: op.upload ? uploadBody : jsonBody,
      key: credential,
      method: fc.oneof({ weight: 30, arbitrary: fc.constant(op.method) }, { weight: 1, arbitrary: fc.constantFrom('DELETE', 'PATCH', 'PROPFIND', 'OPTIONS') }),
    }).map(({ path, query, body, key, method }) => {
      let p = op.path;
      for (const [name, v] of path) p = p.replace(`{${name}}`, encodeSegment(String(v)));
      const q = (query.filter(Boolean) as (readonly [string, unknown])[]).map(([k, v]) => `${k}=${encodeSegment(String(v))}`).join('&');
      const headers: Record<string, string> = {};
      if (key) headers['x-api-key'] = key;
      let raw: Uint8Array | string | undefined;
      if (body && typeof body === 'object') {
        raw = body.bytes;
        headers['content-type'] = body.type;
      } else if (typeof body === 'string') {
        raw = body;
        headers['content-type'] = 'application/json';
      }
      return { op, method, url: `${base}${p}${q ? `?${q}` : ''}`, headers, body: method === 'GET' || method === 'OPTIONS' ? undefined : raw };
    });
  });
}

export const openFds = () => fs.readdirSync('/proc/self/fd').length;

/** Sends `count` generated requests, `parallel` at a time, and checks each answer. */
export async function fuzz(app: TestApp, options: { count: number; seed: number; parallel?: number; onProgress?: (done: number) => Promise<void> | void }): Promise<FuzzReport> {
  const started = Date.now();
  const world = await makeWorld(app);
  const ops = await operations(app);
  const requests = fc.sample(requestArbitrary(ops, world, app.url), { numRuns: options.count, seed: options.seed });
  const statuses: Record<string, number> = {};
  const failures: string[] = [];
  let next = 0;
  let done = 0;
  let transportRetries = 0;
  const worker = async () => {
    while (next < requests.length) {
      const req = requests[next++]!;
      const what = `${req.method} ${req.url.slice(app.url.length, app.url.length + 160)}`;
      try {
        const send = () => fetch(req.url, { method: req.method, headers: req.headers, body: req.body as BodyInit | undefined, signal: AbortSignal.timeout(30_000) });
        // A reused keep-alive socket the server closed at that instant fails on the client side: resend once, and say so.
        const res = await send().catch(async () => {
          transportRetries++;
          return send();
        });
        const text = await res.text();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.status >= 500) failures.push(`${res.status} ${what}: ${text.slice(0, 200)}`);
        else if (res.status >= 400 && req.method !== 'HEAD') {
          let body: any;
          try {
            body = JSON.parse(text);
          } catch {
            /* checked below */
          }
          if (!body || typeof body.code !== 'string' || !('detail' in body)) failures.push(`unshaped ${res.status} ${what}: ${text.slice(0, 200)}`);
        }
      } catch (err) {
        failures.push(`no answer ${what}: ${(err as Error).message}`);
      }
      if (++done % 250 === 0) await options.onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: options.parallel ?? 4 }, worker));
  return { requests: requests.length, statuses, operations: ops.length, failures, transportRetries, ms: Date.now() - started };
}
