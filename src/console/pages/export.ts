/** Export and retention: the change feed's latest changes, and a retention dry run with its result. */
import type { Context } from 'koa';
import { exportChanges } from '../../domain/export.js';
import { pruneArchived, type PruneReport } from '../../domain/retention.js';
import { ADMIN_KEY_PRINCIPAL } from '../../domain/principal.js';
import { field } from '../form.js';
import { badge, bytes, when } from '../format.js';
import { enc, html } from '../html.js';
import { csrfField } from '../layout.js';
import { send, type ConsoleRouter, type Signed } from '../routes.js';

const DEFAULT_DAYS = 7;
const FEED_LIMIT = 50;

async function exportPage(ctx: Context, c: Signed, prune?: PruneReport) {
  const days = Math.min(3650, Math.max(1, Number.parseInt(String(ctx.query.days ?? ''), 10) || DEFAULT_DAYS));
  const since = new Date(Date.now() - days * 86_400_000).toISOString();
  const feed = await exportChanges(c.deps.pool, { cursor: since, limit: FEED_LIMIT });
  const items = [
    ...feed.in_process.map((i) => ({ ...i, archived_at: null as string | null })),
    ...feed.completed.map((i) => ({ ...i, archived_at: i.archived_at })),
  ].sort((a, b) => b.updated_at.localeCompare(a.updated_at));
  send(ctx, c, {
    title: 'Export & retention',
    section: 'export',
    body: html`<h1>Export &amp; retention</h1>
<div class="card">
<h2>Change feed</h2>
<form class="filters" method="get" action="/console/export"><label>Changed in the last<select name="days" data-autosubmit>${[1, 7, 30, 365].map(
      (d) => html`<option value="${d}" ${d === days ? html`selected` : ''}>${d === 1 ? 'day' : `${d} days`}</option>`,
    )}</select></label><button type="submit">Show</button></form>
<p class="muted small">What <code>GET /v1/export/changes?cursor=${since}</code> answers now (first ${FEED_LIMIT}${feed.has_more ? ', more waiting' : ''}). A downstream system continues from cursor <code id="feed-cursor">${feed.cursor}</code>.</p>
<table id="feed"><thead><tr><th>Job</th><th>Category</th><th>Status</th><th>Project</th><th>Changed</th></tr></thead><tbody>
${items.length
  ? items.map(
      (i) => html`<tr><td><a href="/console/jobs/${enc(i.job_id)}">${i.job_number}</a></td><td>${i.category === 'completed' ? 'completed' : 'in process'}</td><td>${badge(i.status)}</td><td>${i.project ?? '—'}</td><td>${when(i.updated_at)}</td></tr>`,
    )
  : html`<tr><td colspan="5" class="muted">Nothing changed in this period.</td></tr>`}
</tbody></table>
${feed.transitioned_to_completed.length ? html`<p class="small">${feed.transitioned_to_completed.length} job(s) moved to completed.</p>` : ''}
</div>
<div class="card">
<h2>Retention</h2>
<p>Archived jobs keep their finals, corrections and audit trail forever; working audio, review JSON and unreferenced rounds may be pruned. A dry run reports what a prune would remove and changes nothing.</p>
<form method="post" action="/console/export/retention-dry-run" class="inline">${csrfField(c.session)}
  <input type="text" name="job_ref" placeholder="one job (optional)" aria-label="Job number or id">
  <button type="submit" class="primary">Run a dry run</button>
</form>
${prune
  ? html`<div id="prune-result">
<p><strong>Dry run:</strong> ${prune.jobs_examined} archived job(s) examined, ${prune.jobs_pruned} with something to prune:
${prune.audio_files} audio file(s), ${prune.review_payloads} review payload(s), ${prune.rounds_deleted} round(s), ${prune.files_deleted} file(s), ${bytes(prune.bytes)}.</p>
${prune.jobs.length
  ? html`<table><thead><tr><th>Job</th><th>Audio</th><th>Reviews</th><th>Rounds</th><th>Files</th><th>Bytes</th></tr></thead><tbody>${prune.jobs.map(
      (j) => html`<tr><td><a href="/console/jobs/${enc(j.job_id)}">${j.job_number}</a></td><td>${j.audio_files}</td><td>${j.review_payloads}</td><td>${j.rounds_deleted.join(', ') || '—'}</td><td>${j.files_deleted}</td><td>${bytes(j.bytes)}</td></tr>`,
    )}</tbody></table>`
  : ''}
<p class="muted small">To prune for real: <code>traq-admin</code> or <code>POST /v1/admin/retention/prune</code>.</p>
</div>`
  : ''}
</div>`,
  });
}

export function exportRoutes(r: ConsoleRouter) {
  r.get('/export', (ctx, c) => exportPage(ctx, c));
  r.post('/export/retention-dry-run', async (ctx, c, form) => {
    const jobRef = field(form, 'job_ref') ?? undefined;
    const report = await pruneArchived({ pool: c.deps.pool, store: c.deps.store }, ADMIN_KEY_PRINCIPAL, { dryRun: true, jobRef });
    await exportPage(ctx, c, report);
  });
}
