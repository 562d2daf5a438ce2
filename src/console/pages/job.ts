/**
 * One job: its fields, rounds, the review of a round (form sections,
 * transcripts, narrative), recordings, photos, the final and correction
 * outputs, the audit trail, and the admin actions of the API (assign,
 * unassign, unlock, set status, reopen a round).
 */
import type { Context } from 'koa';
import { resolveJob } from '../../domain/artifacts.js';
import { listDevices } from '../../domain/devices.js';
import type { FinalOutput } from '../../domain/final-files.js';
import { inspectFinal } from '../../domain/final-reads.js';
import { inspectJob } from '../../domain/inspect.js';
import { assignByAdmin, ROUND_STATUSES, setJobStatus, unassignByAdmin, unlockJob } from '../../domain/job-lifecycle.js';
import { JOB_STATUSES } from '../../domain/jobs.js';
import { reopenRound } from '../../domain/rounds.js';
import { readReview } from '../../domain/submit.js';
import { withTransaction } from '../../db/tx.js';
import { ADMIN_KEY_PRINCIPAL } from '../../domain/principal.js';
import { SECTION_IDS } from '../../form/sections.js';
import { consoleJobImages, consoleJobRecordings, consoleJobRounds } from '../../queries/console.queries.js';
import { listJobEvents } from '../../queries/events.queries.js';
import { field } from '../form.js';
import { badge, bytes, label, when } from '../format.js';
import { enc, html, type Html } from '../html.js';
import { csrfField } from '../layout.js';
import { send, type ConsoleRouter, type Signed } from '../routes.js';
import { fileRoutes } from '../files.js';

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const filled = (v: unknown) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);

/** PDFs first: what an operator opens most. */
const OUTPUTS_SHOWN: FinalOutput[] = ['traqPdf', 'letterPdf', 'letterDocx', 'finalJson', 'geojson'];
const OUTPUT_LABELS: Record<FinalOutput, string> = {
  traqPdf: 'TRAQ form (PDF)',
  letterPdf: 'Report letter (PDF)',
  letterDocx: 'Report letter (DOCX)',
  finalJson: 'final.json',
  geojson: 'GeoJSON',
};
const OUTPUT_FLAGS: Record<FinalOutput, 'traq_pdf_exists' | 'report_pdf_exists' | 'report_docx_exists' | 'json_file_exists' | 'geojson_exists'> = {
  traqPdf: 'traq_pdf_exists',
  letterPdf: 'report_pdf_exists',
  letterDocx: 'report_docx_exists',
  finalJson: 'json_file_exists',
  geojson: 'geojson_exists',
};

/** A form value as text: lists of rows become a small table, objects a nested list. */
function value(v: unknown): Html {
  if (Array.isArray(v)) {
    if (v.every(isDict)) {
      const cols = [...new Set(v.flatMap((row) => Object.keys(row)))];
      return html`<table class="small"><thead><tr>${cols.map((k) => html`<th>${label(k)}</th>`)}</tr></thead><tbody>${v.map(
        (row) => html`<tr>${cols.map((k) => html`<td>${value(row[k])}</td>`)}</tr>`,
      )}</tbody></table>`;
    }
    return html`${v.map((x) => (isDict(x) ? JSON.stringify(x) : String(x))).join(', ')}`;
  }
  if (isDict(v)) return fields(v);
  if (typeof v === 'boolean') return html`${v ? 'yes' : 'no'}`;
  return html`${v === null || v === undefined || v === '' ? '—' : String(v)}`;
}

function fields(section: Dict): Html {
  const entries = Object.entries(section).filter(([k, v]) => k !== 'section_id' && filled(v));
  if (!entries.length) return html`<span class="muted">nothing recorded</span>`;
  return html`<dl class="fields">${entries.map(([k, v]) => html`<dt>${label(k)}</dt><dd>${value(v)}</dd>`)}</dl>`;
}

async function reviewBlock(c: Signed, jobId: string, roundId: string | null): Promise<Html> {
  if (!roundId) return html`<p class="muted">No round has a review yet.</p>`;
  const review = await readReview(c.deps.pool, ADMIN_KEY_PRINCIPAL, jobId, roundId);
  const form = review.form as Dict;
  const order = [...SECTION_IDS.filter((s) => s in form), ...Object.keys(form).filter((s) => !(SECTION_IDS as string[]).includes(s))];
  const withData = order.filter((s) => isDict(form[s]) && Object.entries(form[s] as Dict).some(([k, v]) => k !== 'section_id' && filled(v)));
  const rank = (s: string) => ((SECTION_IDS as string[]).indexOf(s) + 1 || 999);
  const transcripts = Object.entries(review.section_transcripts)
    .filter(([, t]) => t.trim() !== '')
    .sort(([a], [b]) => rank(a) - rank(b));
  return html`<div id="review" data-round="${roundId}">
<p class="muted">Review of ${roundId} (revision ${review.server_revision_id}).</p>
<h3>Narrative</h3>
${review.narrative.trim() ? html`<pre class="transcript" id="narrative">${review.narrative}</pre>` : html`<p class="muted">No narrative.</p>`}
<h3>Form</h3>
${withData.length
  ? html`<div class="grid2">${withData.map((s) => html`<div class="card form-section" data-section="${s}"><h3>${label(s)}</h3>${fields(form[s] as Dict)}</div>`)}</div>`
  : html`<p class="muted">The form is empty.</p>`}
<h3>Transcripts</h3>
${transcripts.length
  ? transcripts.map(([s, t]) => html`<div class="transcript-section"><strong>${label(s)}</strong><pre class="transcript">${t}</pre></div>`)
  : review.transcript.trim()
    ? html`<pre class="transcript">${review.transcript}</pre>`
    : html`<p class="muted">No transcript.</p>`}
${review.transcription_failures.length
  ? html`<div class="error">Transcription failed for ${review.transcription_failures.map((f) => `${f.section_id}/${f.recording_id} (${f.error})`).join('; ')}</div>`
  : ''}
</div>`;
}

async function jobPage(ctx: Context, c: Signed) {
  const { pool, store } = c.deps;
  const ref = await resolveJob(pool, ctx.params.job_id!);
  const [job, rounds, recordings, images, events, outputs, approved] = await Promise.all([
    inspectJob(pool, ref.job_id),
    consoleJobRounds.run({ jobPk: ref.job_pk }, pool),
    consoleJobRecordings.run({ jobPk: ref.job_pk }, pool),
    consoleJobImages.run({ jobPk: ref.job_pk }, pool),
    listJobEvents.run({ jobPk: ref.job_pk, devicePk: null }, pool),
    inspectFinal(pool, store, ref.job_id),
    listDevices(pool, 'approved'),
  ]);
  const d = job.details;
  const reviewed = rounds.filter((r) => r.review_payload !== null).map((r) => r.round_id);
  const asked = typeof ctx.query.round === 'string' ? ctx.query.round : '';
  const reviewRound = reviewed.includes(asked) ? asked : (reviewed[0] ?? null);
  const base = `/console/jobs/${enc(job.job_id)}`;
  const roundOptions = rounds.map((r) => html`<option value="${r.round_id}">${r.round_id} (${r.status})</option>`);
  const act = (verb: string, what: string, body: Html, button: string, confirm?: string) =>
    html`<form method="post" action="${base}/${verb}" data-action="${verb}"><span class="what">${what}</span>${csrfField(c.session)}${body}<button type="submit" ${confirm ? html`data-confirm="${confirm}"` : ''}>${button}</button></form>`;

  send(ctx, c, {
    title: `Job ${job.job_number}`,
    section: 'jobs',
    body: html`<h1>${job.job_number} · ${d.job_name ?? d.customer_name ?? job.job_id} ${badge(job.status)}</h1>
<div class="grid2">
<div class="card"><h2>Job</h2><dl class="fields" id="job-fields">
  <dt>Job id</dt><dd><code>${job.job_id}</code></dd>
  <dt>Customer</dt><dd>${d.customer_name ?? '—'} ${d.customer_code ? html`<span class="muted">(${d.customer_code})</span>` : ''}</dd>
  <dt>Address</dt><dd>${d.job_address ?? d.address ?? '—'}</dd>
  <dt>Phone</dt><dd>${d.job_phone ?? '—'}</dd>
  <dt>Billing</dt><dd>${d.billing_name ?? '—'} ${d.billing_code ? html`<span class="muted">(${d.billing_code})</span>` : ''}${d.billing_address ? html`<br>${d.billing_address}` : ''}</dd>
  <dt>Project</dt><dd>${d.project ?? '—'}</dd>
  <dt>Tree</dt><dd>${d.tree_number ? `#${d.tree_number}` : '—'} ${d.tree_species ?? ''}</dd>
  <dt>Reason</dt><dd>${d.reason ?? '—'}</dd>
  <dt>Location notes</dt><dd>${d.location_notes ?? '—'}</dd>
  <dt>Latest round</dt><dd>${job.latest_round_id ?? '—'} ${badge(job.latest_round_status)}</dd>
  <dt>Assigned to</dt><dd>${job.assignment ? html`<code>${job.assignment.device_id}</code> <span class="muted">since ${when(job.assignment.assigned_at)} (${job.assignment.assigned_by})</span>` : html`<span class="muted">nobody</span>`}</dd>
</dl></div>
<div class="card actions" id="actions"><h2>Actions</h2>
  ${act('assign', 'Assign', html`<select name="device_id" aria-label="Device" required><option value="">device…</option>${approved.devices.map((dev) => html`<option value="${dev.device_id}">${dev.device_name ?? dev.device_id} (${dev.role})</option>`)}</select>`, 'Assign')}
  ${job.assignment ? act('unassign', 'Unassign', html`<span class="small">${job.assignment.device_id}</span>`, 'Unassign', 'Remove the assignment?') : ''}
  ${act('unlock', 'Unlock', html`<select name="round_id" aria-label="Round to unlock"><option value="">latest round</option>${roundOptions}</select><select name="device_id" aria-label="Reassign to"><option value="">keep assignment</option>${approved.devices.map((dev) => html`<option value="${dev.device_id}">→ ${dev.device_name ?? dev.device_id}</option>`)}</select>`, 'Unlock', 'Reopen the round to DRAFT so the device can edit it again?')}
  ${act('status', 'Job status', html`<select name="status" aria-label="Job status" required>${JOB_STATUSES.map((s) => html`<option value="${s}" ${s === job.status ? html`selected` : ''}>${s}</option>`)}</select><select name="round_id" aria-label="Round"><option value="">no round</option>${roundOptions}</select><select name="round_status" aria-label="Round status"><option value="">round status…</option>${ROUND_STATUSES.map((s) => html`<option value="${s}">${s}</option>`)}</select>`, 'Set status', 'Set the job status?')}
  ${rounds.length ? act('reopen', 'Reopen', html`<select name="round_id" aria-label="Round to reopen" required>${roundOptions}</select>`, 'Reopen round', 'Reopen this round to DRAFT and make it the latest?') : ''}
</div>
</div>

<h2>Final outputs</h2>
<table id="outputs"><thead><tr><th></th>${OUTPUTS_SHOWN.map((o) => html`<th>${OUTPUT_LABELS[o]}</th>`)}</tr></thead><tbody>
${(['final', 'correction'] as const).map((kind) => {
  const side = outputs[kind];
  return html`<tr><th>${label(kind)}${side.exists ? html`<br><span class="small muted">${when(side.created_at)}</span>` : ''}</th>${OUTPUTS_SHOWN.map((o) =>
    side.exists && side[OUTPUT_FLAGS[o]]
      ? html`<td><a href="${base}/outputs/${kind}/${o}?open=1" target="_blank" rel="noopener">open</a> · <a href="${base}/outputs/${kind}/${o}" download data-output="${kind}-${o}">download</a></td>`
      : html`<td class="muted">—</td>`,
  )}</tr>`;
})}
</tbody></table>

<h2>Rounds</h2>
<table id="rounds"><thead><tr><th>Round</th><th>Status</th><th>Submitted</th><th>Processed</th><th>Revision</th><th>Review</th></tr></thead><tbody>
${rounds.length
  ? rounds.map(
      (r) => html`<tr><td>${r.round_id}</td><td>${badge(r.status)}${r.failure_reason ? html`<br><span class="small">${r.failure_reason}</span>` : ''}</td><td>${when(r.submitted_at)}</td><td>${when(r.processing_finished_at)}</td><td><code class="small">${r.server_revision_id ?? '—'}</code></td>
<td>${r.review_payload === null ? html`<span class="muted">none</span>` : r.round_id === reviewRound ? html`<strong>shown below</strong>` : html`<a href="${base}?round=${enc(r.round_id)}#review-heading">show</a>`}</td></tr>`,
    )
  : html`<tr><td colspan="6" class="muted">No rounds yet.</td></tr>`}
</tbody></table>

<h2 id="review-heading">Review</h2>
${await reviewBlock(c, job.job_id, reviewRound)}

<h2>Recordings</h2>
<table id="recordings"><thead><tr><th>Round</th><th>Section</th><th>Recording</th><th>Listen</th><th>Size</th><th>Transcript</th></tr></thead><tbody>
${recordings.length
  ? recordings.map(
      (m) => html`<tr><td>${m.round_id}</td><td>${label(m.section_id)}</td><td><code class="small">${m.recording_id}</code></td>
<td>${m.has_audio ? html`<audio controls preload="metadata" src="${base}/rounds/${enc(m.round_id)}/recordings/${enc(m.recording_id)}"></audio>` : html`<span class="muted">pruned</span>`}</td>
<td>${bytes(m.byte_size)}${m.duration_ms ? html`<br><span class="small muted">${(m.duration_ms / 1000).toFixed(1)} s</span>` : ''}</td>
<td>${m.transcript_text ?? (m.transcription_error ? html`<span class="error small">${m.transcription_error}</span>` : html`<span class="muted">—</span>`)}</td></tr>`,
    )
  : html`<tr><td colspan="6" class="muted">No recordings.</td></tr>`}
</tbody></table>

<h2>Photos</h2>
${images.length
  ? html`<div class="photos" id="photos">${images.map(
      (i) => html`<figure>${i.has_image ? html`<img src="${base}/rounds/${enc(i.round_id)}/images/${enc(i.image_id)}" alt="${i.caption ?? i.image_id}" loading="lazy">` : html`<div class="muted">not uploaded</div>`}
<figcaption>${i.caption?.trim() ? i.caption : html`<span class="muted">no caption</span>`}<br><span class="small muted">${i.round_id} · ${i.image_id}${i.latitude !== null && i.longitude !== null ? ` · ${Number(i.latitude).toFixed(5)}, ${Number(i.longitude).toFixed(5)}` : ''}</span></figcaption></figure>`,
    )}</div>`
  : html`<p class="muted">No photos.</p>`}

<h2>Audit trail</h2>
<ol class="timeline" id="timeline">
${events.map(
  (e) => html`<li><time datetime="${e.created_at.toISOString()}">${when(e.created_at)}</time><strong>${label(e.event_type)}</strong> <span class="muted">by ${e.actor_identity}${e.device_id ? ` · device ${e.device_id}` : ''}</span>
${isDict(e.payload) && Object.keys(e.payload).length ? html`<div class="small muted"><code>${JSON.stringify(e.payload).slice(0, 300)}</code></div>` : ''}</li>`,
)}
</ol>`,
  });
}

const done = (ctx: Context, jobId: string, what: string) => {
  ctx.status = 303;
  ctx.redirect(`/console/jobs/${enc(jobId)}?done=${what}`);
};

export function jobRoutes(r: ConsoleRouter) {
  fileRoutes(r);
  r.get('/jobs/:job_id', jobPage);
  r.post('/jobs/:job_id/assign', async (ctx, c, form) => {
    await withTransaction(c.deps.pool, (tx) => assignByAdmin(tx, ADMIN_KEY_PRINCIPAL, ctx.params.job_id!, field(form, 'device_id') ?? ''));
    done(ctx, ctx.params.job_id!, 'assigned');
  });
  r.post('/jobs/:job_id/unassign', async (ctx, c) => {
    await withTransaction(c.deps.pool, (tx) => unassignByAdmin(tx, ADMIN_KEY_PRINCIPAL, ctx.params.job_id!));
    done(ctx, ctx.params.job_id!, 'unassigned');
  });
  r.post('/jobs/:job_id/unlock', async (ctx, c, form) => {
    await withTransaction(c.deps.pool, (tx) =>
      unlockJob(tx, ADMIN_KEY_PRINCIPAL, ctx.params.job_id!, { round_id: field(form, 'round_id'), device_id: field(form, 'device_id') }),
    );
    done(ctx, ctx.params.job_id!, 'unlocked');
  });
  r.post('/jobs/:job_id/status', async (ctx, c, form) => {
    await withTransaction(c.deps.pool, (tx) =>
      setJobStatus(tx, ADMIN_KEY_PRINCIPAL, ctx.params.job_id!, {
        status: field(form, 'status') ?? '',
        round_id: field(form, 'round_id'),
        round_status: field(form, 'round_status'),
      }),
    );
    done(ctx, ctx.params.job_id!, 'status');
  });
  r.post('/jobs/:job_id/reopen', async (ctx, c, form) => {
    await reopenRound(c.deps.pool, ADMIN_KEY_PRINCIPAL, ctx.params.job_id!, field(form, 'round_id') ?? '');
    done(ctx, ctx.params.job_id!, 'reopened');
  });
}
