/**
 * The road to a final over HTTP: a device creates a job (customer, billing, tree), opens a round,
 * uploads photos; the review is written by SQL (the processing core is not under test here); then
 * the final body built from a sample job's final.json.
 */
import { wavBytes } from './audio.js';
import sharp from 'sharp';
import type { TestApp } from './app.js';
import { approvedDevice, type TestDevice } from './factories.js';

export interface ReadyJob {
  dev: TestDevice;
  jobId: string;
  jobPk: string;
  jobNumber: string;
  roundId: string;
}

export async function photo(color: string): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: color } }).jpeg().toBuffer();
}

/** Raw bytes of a response (the shared request helper decodes bodies as text). */
export async function fetchBytes(app: TestApp, method: string, path: string, options: { key?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (options.key) headers['x-api-key'] = options.key;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(app.url + path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

export async function must<T extends { status: number; text?: string }>(what: string, p: Promise<T>): Promise<T> {
  const r = await p;
  if (r.status !== 200) throw new Error(`${what}: ${r.status} ${r.text ?? ''}`);
  return r;
}

/** Opens the next round of the job, uploads `photos` into it, then gives it a review (REVIEW_RETURNED). */
export async function reviewedRound(app: TestApp, ready: Pick<ReadyJob, 'dev' | 'jobId' | 'jobPk'>, opts: { photos?: { id: string; caption: string }[]; recordings?: string[]; transcript?: string; key?: string } = {}) {
  const key = opts.key ?? ready.dev.token;
  const { body } = await must('round', app.request('POST', `/v1/jobs/${ready.jobId}/rounds`, { key }));
  const roundId = body.round_id as string;
  for (const [i, p] of (opts.photos ?? []).entries()) {
    await must(
      'photo',
      app.request('PUT', `/v1/jobs/${ready.jobId}/sections/job_photos/images/${p.id}`, {
        key,
        raw: new Uint8Array(await photo(['#336699', '#996633', '#339966', '#663399', '#999933'][i % 5]!)),
        headers: { 'content-type': 'image/jpeg' },
      }),
    );
    await must('caption', app.request('PATCH', `/v1/jobs/${ready.jobId}/sections/job_photos/images/${p.id}`, { key, body: { caption: p.caption } }));
  }
  for (const rec of opts.recordings ?? []) {
    await must(
      'recording',
      app.request('PUT', `/v1/jobs/${ready.jobId}/sections/site_factors/recordings/${rec}`, {
        key,
        raw: new Uint8Array(wavBytes(4096, rec)),
        headers: { 'content-type': 'audio/wav' },
      }),
    );
    await app.pool.query(`UPDATE round_recordings SET transcript_text = $2 WHERE recording_id = $1`, [rec, `transcript of ${rec}`]);
  }
  const review = { round_id: roundId, server_revision_id: `rev_${roundId}`, transcript: opts.transcript ?? `[site_factors]\nTranscript of ${roundId}` };
  await app.pool.query(`UPDATE job_rounds SET status = 'REVIEW_RETURNED', server_revision_id = $3, review_payload = $4 WHERE job_id = $1 AND round_id = $2`, [
    ready.jobPk,
    roundId,
    review.server_revision_id,
    JSON.stringify(review),
  ]);
  await app.pool.query(`UPDATE jobs SET status = 'REVIEW_RETURNED', latest_round_status = 'REVIEW_RETURNED' WHERE id = $1`, [ready.jobPk]);
  return roundId;
}

/** A POST /v1/jobs body with a customer, billing profile and contact. */
export const JOB_BODY = {
  job_name: 'Briarwood HOA',
  job_address: '100 Oak Lane, Sacramento CA',
  job_phone: '916 555 0100',
  contact_preference: 'text',
  billing_name: 'Briarwood HOA Board',
  billing_address: 'PO Box 7, Sacramento CA',
  billing_contact_name: 'Pat Lee',
};

/** A job created by the device over POST /v1/jobs (auto-assigned to it, with its customer and billing profile). */
export async function deviceJob(app: TestApp, dev: TestDevice): Promise<Pick<ReadyJob, 'dev' | 'jobId' | 'jobPk' | 'jobNumber'>> {
  const created = await must(
    'job',
    app.request('POST', '/v1/jobs', { key: dev.token, body: JOB_BODY }),
  );
  const jobId = created.body.job_id as string;
  const { rows } = await app.pool.query<{ id: string; job_number: string }>('SELECT id, job_number FROM jobs WHERE job_id = $1', [jobId]);
  return { dev, jobId, jobPk: rows[0]!.id, jobNumber: rows[0]!.job_number };
}

/** A device-created job (assigned to the device) with round_1 reviewed. */
export async function readyJob(app: TestApp, opts: { photos?: { id: string; caption: string }[]; recordings?: string[]; transcript?: string; dev?: TestDevice } = {}): Promise<ReadyJob> {
  const job = await deviceJob(app, opts.dev ?? (await approvedDevice(app.pool)));
  return { ...job, roundId: await reviewedRound(app, job, opts) };
}

/** FinalSubmitRequest from a sample's final.json. */
export function finalBody(sample: any, roundId: string, clientRevisionId: string) {
  return {
    round_id: roundId,
    server_revision_id: `rev_${roundId}`,
    client_revision_id: clientRevisionId,
    form: sample.form,
    narrative: sample.narrative,
    profile: sample.profile,
  };
}
