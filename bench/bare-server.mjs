/**
 * The bare baseline for GET /v1/jobs/assigned: node:http + pg and nothing else.
 * Same credential rules (x-api-key, then Bearer; the admin key; else the
 * sha256 of the token looked up with the same SQL), the same list SQL and the
 * same JSON bytes as the real server. Plain JavaScript, so its RSS is Node's
 * own. Started by bench/lib/servers.ts with the SQL texts in BARE_SQL.
 *
 *   BARE_SQL='{"auth":"...","list":"..."}' DATABASE_URL=... TRAQ_API_KEY=... node bench/bare-server.mjs
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';

const sql = JSON.parse(process.env.BARE_SQL);
const adminKey = process.env.TRAQ_API_KEY;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.TRAQ_DB_POOL_SIZE ?? 10) });
pool.on('error', () => {});

const sha = (s) => createHash('sha256').update(s).digest();
const text = (v) => v ?? '';

function credential(headers) {
  const key = headers['x-api-key']?.trim();
  if (key) return key;
  return /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
}

function view(j) {
  return {
    job_id: j.job_id,
    job_number: j.job_number,
    status: j.status || 'NOT_STARTED',
    latest_round_id: j.latest_round_id,
    latest_round_status: j.latest_round_status,
    customer_name: text(j['customer_name?']),
    address: text(j['address?']),
    tree_species: text(j.tree_species),
    job_name: text(j.job_name),
    job_address: text(j.job_address),
    job_phone: text(j['job_phone?']),
    contact_preference: text(j['contact_preference?']),
    billing_name: text(j['billing_name?']),
    billing_address: text(j['billing_address?']),
    reason: j.reason,
    billing_contact_name: j['billing_contact_name?'],
    location_notes: j.location_notes,
    project_id: j['project_id?'],
    project: j['project?'],
    project_slug: j['project_slug?'],
    tree_number: j.tree_number,
    server_revision_id: j['server_revision_id?'] ?? null,
    review_payload: null, // the bench's jobs have no review yet
  };
}

function reply(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

async function handle(req, res) {
  if (req.method !== 'GET' || req.url !== '/v1/jobs/assigned') return reply(res, 404, { detail: 'Not Found' });
  const given = credential(req.headers);
  if (!given) return reply(res, 401, { detail: 'Invalid credentials' });
  let devicePk = null;
  if (!timingSafeEqual(sha(given), sha(adminKey))) {
    const { rows } = await pool.query(sql.auth, [sha(given).toString('hex')]);
    if (!rows[0]) return reply(res, 401, { detail: 'Invalid credentials' });
    if (rows[0].role !== 'admin') devicePk = rows[0].device_pk;
  }
  const { rows } = await pool.query(sql.list, [devicePk]);
  reply(res, 200, rows.map(view));
}

const server = http.createServer((req, res) => {
  handle(req, res).catch(() => reply(res, 500, { detail: 'Internal Server Error' }));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`bare: listening on http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
