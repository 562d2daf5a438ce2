import pg from 'pg';
import t from 'tap';
import type { Pool } from '../src/db/pool.js';
import { exportChanges } from '../src/domain/export.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { feedSettled } from './helpers/db.js';
import { approvedDevice, job } from './helpers/factories.js';

/** A job in review: latest round with a review payload and one photo (original + report variant in the store). */
async function jobInReview(app: TestApp, caption = 'canopy') {
  const j = await job(app.pool);
  const { rows } = await app.pool.query<{ id: string }>(
    `INSERT INTO job_rounds (job_id, round_number, round_id, status, server_revision_id, review_payload)
     VALUES ($1, 1, 'round_1', 'REVIEW_RETURNED', 'rev_round_1_1', $2) RETURNING id`,
    [j.jobPk, JSON.stringify({ transcript: ' site notes ', draft_form: { schema_name: 'demo', schema_version: '0.0', data: { site_factors: { history_of_failures: 'none' } } } })],
  );
  const roundPk = rows[0]!.id;
  await app.pool.query(`UPDATE jobs SET status = 'REVIEW_RETURNED', latest_round_id = 'round_1', latest_round_status = 'REVIEW_RETURNED' WHERE id = $1`, [j.jobPk]);
  const original = `jobs/${j.jobId}/rounds/round_1/images/img_1.jpg`;
  const report = `jobs/${j.jobId}/rounds/round_1/images/img_1.report.jpg`;
  await app.store.writeBuffer(original, 'ORIGINAL');
  await app.store.writeBuffer(report, 'REPORT');
  await app.pool.query(
    `INSERT INTO round_images (round_pk, image_id, upload_status, caption, latitude, longitude, artifact_path, report_artifact_path, uploaded_at)
     VALUES ($1, 'img_1', 'uploaded', $2, 38.5, -121, $3, $4, '2026-03-24T18:31:00.123456Z')`,
    [roundPk, caption, original, report],
  );
  return { ...j, roundPk };
}

async function archive(pool: Pool, jobPk: string, jobId: string, kind: 'final' | 'correction' = 'final') {
  const payload = {
    round_id: 'round_1',
    transcript: 'final transcript',
    form: { schema_name: 'demo', schema_version: '0.0', data: { client_tree_details: { client: 'Acme' } } },
    profile: { name: 'Jane Arborist' },
    report_images: [
      { caption: 'root flare', stored_path: `jobs/${jobId}/report_1.jpg`, uploaded_at: '2026-03-24T18:35:00.123456Z' },
      { caption: 'legacy', path: `/app/local_data/artifact_cache/jobs/${jobId}/sections/job_photos/images/abc.report.jpg` },
      { caption: 'gone', stored_path: `jobs/${jobId}/missing.jpg` },
    ],
  };
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO job_finals (job_id, kind, round_id, actor_identity, payload) VALUES ($1, $2, 'round_1', 'admin', $3)
       ON CONFLICT (job_id, kind) DO UPDATE SET payload = EXCLUDED.payload RETURNING id`,
      [jobPk, kind, JSON.stringify(payload)],
    );
    await client.query(
      `INSERT INTO job_geojson_exports (job_id, job_final_id, kind, payload) VALUES ($1, $2, $3, $4)
       ON CONFLICT (job_id, kind) DO UPDATE SET payload = EXCLUDED.payload`,
      [jobPk, rows[0]!.id, kind, JSON.stringify({ type: 'FeatureCollection', features: [], kind })],
    );
    await client.query(`UPDATE jobs SET status = 'ARCHIVED', archived_at = now() WHERE id = $1`, [jobPk]);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

t.test('full snapshot, then only what changed, with real transitions', async (t) => {
  const app = await startTestApp(t);
  const a = await jobInReview(app);
  const b = await jobInReview(app, 'trunk');
  await app.store.writeBuffer(`jobs/${b.jobId}/report_1.jpg`, 'R1');
  await app.store.writeBuffer(`jobs/${b.jobId}/sections/job_photos/images/abc.report.jpg`, 'LEGACY');

  await feedSettled(app.pool);
  const snap = await app.admin('GET', '/v1/export/changes');
  t.equal(snap.status, 200);
  t.same(snap.body.completed, []);
  t.equal(snap.body.in_process.length, 2, 'both jobs in the snapshot');
  t.same(snap.body.transitioned_to_completed, [], 'no transitions without a cursor');
  const item = snap.body.in_process.find((i: { job_id: string }) => i.job_id === a.jobId);
  t.match(item, {
    job_number: a.jobNumber,
    category: 'in_process',
    status: 'REVIEW_RETURNED',
    profile: null,
    server_revision_id: 'rev_round_1_1',
    review: {
      round_id: 'round_1',
      transcript: 'site notes',
      form: { data: { site_factors: { history_of_failures: 'none' } } },
      images: [
        {
          image_ref: 'img_1',
          image_id: 'img_1',
          caption: 'canopy',
          uploaded_at: '2026-03-24T18:31:00.123456Z',
          download_url: `/v1/export/jobs/${a.jobId}/images/img_1`,
          report_download_url: `/v1/export/jobs/${a.jobId}/images/img_1?variant=report`,
          gps: { latitude: '38.5', longitude: '-121' },
        },
      ],
    },
  });
  t.match(snap.body.cursor, /^v1\.\d+\.\d+$/);

  const idle = await app.admin('GET', `/v1/export/changes?cursor=${snap.body.cursor}`);
  t.same([idle.body.in_process, idle.body.completed], [[], []], 'nothing changed, nothing listed');
  t.equal(idle.body.cursor, snap.body.cursor, 'the cursor stays');

  await archive(app.pool, b.jobPk, b.jobId);
  await feedSettled(app.pool);
  const after = await app.admin('GET', `/v1/export/changes?cursor=${snap.body.cursor}`);
  t.same(after.body.in_process, [], 'the untouched job is not repeated');
  t.equal(after.body.completed.length, 1);
  t.match(after.body.completed[0], {
    job_id: b.jobId,
    category: 'completed',
    status: 'ARCHIVED',
    profile: { name: 'Jane Arborist' },
    final: {
      kind: 'final',
      round_id: 'round_1',
      transcript: 'final transcript',
      form: { data: { client_tree_details: { client: 'Acme' } } },
      report_images: [{ image_ref: 'report_1', caption: 'root flare', uploaded_at: '2026-03-24T18:35:00.123456Z', download_url: `/v1/export/jobs/${b.jobId}/images/report_1` }],
      geojson_url: `/v1/export/jobs/${b.jobId}/geojson`,
    },
  });
  t.match(after.body.transitioned_to_completed, [{ job_id: b.jobId, previous_category: 'in_process', current_category: 'completed' }], 'a real transition is announced');

  await archive(app.pool, b.jobPk, b.jobId, 'correction');
  await feedSettled(app.pool);
  const corrected = await app.admin('GET', `/v1/export/changes?cursor=${after.body.cursor}`);
  t.equal(corrected.body.completed[0].final.kind, 'correction', 'the correction is preferred');
  t.same(corrected.body.transitioned_to_completed, [], 'a correction of a completed job is not a transition');

  const iso = await app.admin('GET', '/v1/export/changes?cursor=2000-01-01T00:00:00');
  t.equal(iso.body.in_process.length + iso.body.completed.length, 2, 'an ISO time is still a cursor');
  t.match(iso.body.cursor, /^v1\./, 'and the answer carries a real cursor');
  t.equal((await app.admin('GET', '/v1/export/changes?cursor=yesterday')).body.code, 'invalid_cursor');

  // images and GeoJSON
  const img = await fetch(`${app.url}/v1/export/jobs/${a.jobId}/images/img_1`, { headers: { 'x-api-key': 'test-admin-key-0123456789abcdef' } });
  t.equal(await img.text(), 'REPORT', 'auto prefers the report variant');
  t.equal(img.headers.get('content-type'), 'image/jpeg');
  t.match(img.headers.get('content-disposition'), /attachment; filename="img_1.report.jpg"/);
  const orig = await app.admin('GET', `/v1/export/jobs/${a.jobId}/images/img_1?variant=ORIGINAL`);
  t.equal(orig.text, 'ORIGINAL', 'variant is case-insensitive');
  t.equal((await app.admin('GET', `/v1/export/jobs/${a.jobId}/images/img_1?variant=thumb`)).status, 400);
  t.equal((await app.admin('GET', `/v1/export/jobs/${a.jobId}/images/img_9`)).body.detail, 'Image not found');
  t.equal((await app.admin('GET', `/v1/export/jobs/${b.jobId}/images/report_1`)).text, 'R1', 'completed: report_N from the final');
  t.equal((await app.admin('GET', `/v1/export/jobs/${b.jobId}/images/report_2`)).text, 'LEGACY', 'a legacy artifact_cache path is mapped to its key');
  t.equal((await app.admin('GET', `/v1/export/jobs/${b.jobId}/images/report_3`)).body.code, 'report_image_not_found', 'a missing file is a 404, not a 500');
  t.equal((await app.admin('GET', `/v1/export/jobs/${b.jobId}/images/report_9`)).body.code, 'image_not_found');
  t.equal((await app.admin('GET', `/v1/export/jobs/${b.jobId}/geojson`)).body.kind, 'correction');
  t.equal((await app.admin('GET', `/v1/export/jobs/${a.jobId}/geojson`)).body.detail, 'GeoJSON not found');
  t.equal((await app.admin('GET', `/v1/export/jobs/job_nope/geojson`)).body.detail, 'Job not found');

  const device = await approvedDevice(app.pool);
  t.equal((await app.request('GET', '/v1/export/changes', { key: device.token })).status, 403, 'arborists may not read the feed');
  t.equal((await app.request('GET', '/v1/export/changes')).status, 401);
});

t.test('paging returns every job exactly once', async (t) => {
  const app = await startTestApp(t);
  const ids = new Set<string>();
  for (let i = 0; i < 25; i++) ids.add((await job(app.pool)).jobId);
  await feedSettled(app.pool);
  const seen: string[] = [];
  let cursor = '';
  let pages = 0;
  for (;;) {
    const res = await app.admin('GET', `/v1/export/changes?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
    pages++;
    seen.push(...res.body.in_process.map((i: { job_id: string }) => i.job_id));
    cursor = res.body.cursor;
    if (!res.body.has_more) break;
  }
  t.equal(pages, 3);
  t.equal(seen.length, 25, 'nothing announced twice');
  t.same(new Set(seen), ids, 'nothing lost');
  t.equal((await app.admin('GET', '/v1/export/changes?limit=0')).status, 422);
});

t.test('a write that commits late is delivered, not lost behind the cursor', async (t) => {
  const app = await startTestApp(t);
  const slow = await job(app.pool);
  const fast = await job(app.pool);
  // The starting cursor must lie past both creations: another test file's transaction, open at this moment,
  // would hold it before them, and the read below would then rightly hand them out.
  await feedSettled(app.pool);
  const start = (await app.admin('GET', '/v1/export/changes')).body.cursor as string;

  const url = (app.pool as unknown as { options: { connectionString: string } }).options.connectionString;
  const late = new pg.Client({ connectionString: url });
  await late.connect();
  t.teardown(() => late.end());
  await late.query('BEGIN');
  await late.query(`UPDATE jobs SET job_name = 'late' WHERE id = $1`, [slow.jobPk]); // stamped now, committed later
  await app.pool.query(`UPDATE jobs SET job_name = 'fast' WHERE id = $1`, [fast.jobPk]);

  // A full snapshot still lists the job changed again after the open transaction began, at its older
  // change (read from the log, not from job_latest_changes). Another test file's open transaction may hold
  // the cluster-wide horizon further back for a moment, so read until it has passed.
  let listed: string[] = [];
  for (const deadline = Date.now() + 60_000; listed.length < 2 && Date.now() < deadline; ) {
    const snapshot = await app.admin('GET', '/v1/export/changes');
    listed = snapshot.body.in_process.map((i: { job_id: string }) => i.job_id);
    if (listed.length < 2) await new Promise((r) => setTimeout(r, 100));
  }
  t.same(listed.sort(), [fast.jobId, slow.jobId].sort(), 'a full snapshot during the open transaction lists both jobs');

  const during = await app.admin('GET', `/v1/export/changes?cursor=${start}`);
  t.same(during.body.in_process, [], 'nothing newer than the open transaction is handed out yet');
  t.equal(during.body.cursor, start, 'so the cursor does not move past it');

  await late.query('COMMIT');
  await feedSettled(app.pool);
  const afterCommit = await app.admin('GET', `/v1/export/changes?cursor=${during.body.cursor}`);
  t.same(afterCommit.body.in_process.map((i: { job_id: string }) => i.job_id).sort(), [fast.jobId, slow.jobId].sort(), 'both changes arrive, once');
  const cursor = afterCommit.body.cursor as string;
  const next = await app.admin('GET', `/v1/export/changes?cursor=${cursor}`);
  t.same(next.body.in_process, [], 'and are not repeated');

  const { rows: drift } = await app.pool.query(
    `SELECT job_id FROM (SELECT DISTINCT ON (job_id) job_id, change_xid, seq FROM job_changes ORDER BY job_id, change_xid DESC, seq DESC) c
      FULL JOIN job_latest_changes l USING (job_id)
     WHERE (c.change_xid, c.seq) IS DISTINCT FROM (l.change_xid, l.seq)`,
  );
  t.same(drift, [], "job_latest_changes holds each job's newest logged change");
});

t.test('without a limit every change comes in one answer; with one, pages', async (t) => {
  const app = await startTestApp(t);
  const ids = new Set<string>();
  for (let i = 0; i < 130; i++) ids.add((await job(app.pool)).jobId);
  await feedSettled(app.pool);
  const all = await app.admin('GET', '/v1/export/changes');
  t.equal(all.status, 200);
  t.match(all.headers.get('content-type'), /application\/json/);
  t.equal(all.body.has_more, false);
  t.same(new Set(all.body.in_process.map((i: { job_id: string }) => i.job_id)), ids, 'all 130 jobs, not the first 100');
  t.equal(all.body.in_process.length, 130, 'each once');
  const page = await app.admin('GET', '/v1/export/changes?limit=100');
  t.equal(page.body.in_process.length, 100, 'an explicit limit still pages');
  t.equal(page.body.has_more, true);

  // read in small slices inside one snapshot: the same answer, same cursor
  const sliced = await exportChanges(app.pool, { readSize: 7 });
  t.same(new Set(sliced.in_process.map((i) => i.job_id)), ids);
  t.equal(sliced.in_process.length, 130);
  t.equal(sliced.cursor, all.body.cursor);
});

t.test('an ISO-8601 cursor reports jobs completed after it', async (t) => {
  const app = await startTestApp(t);
  const before = await job(app.pool);
  const { rows } = await app.pool.query<{ at: string }>(`SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at`);
  await new Promise((r) => setTimeout(r, 20));
  await archive(app.pool, before.jobPk, before.jobId);
  const later = await job(app.pool);
  await archive(app.pool, later.jobPk, later.jobId);
  await feedSettled(app.pool);
  const res = await app.admin('GET', `/v1/export/changes?cursor=${rows[0]!.at}`);
  t.equal(res.body.completed.length, 2);
  t.same(
    res.body.transitioned_to_completed.map((i: { job_id: string }) => i.job_id),
    [before.jobId],
    'the job that existed before the cursor moved to completed; the one created after it did not transition',
  );
  // and in slices of one (later pages keep the client's cursor as "before")
  const sliced = await exportChanges(app.pool, { cursor: rows[0]!.at, readSize: 1 });
  t.same(sliced.transitioned_to_completed.map((i) => i.job_id), [before.jobId]);
});
