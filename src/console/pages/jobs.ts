/** Jobs: a table with search, status and project filters and paging. */
import type { Context } from 'koa';
import { JOB_STATUSES, isJobStatus } from '../../domain/jobs.js';
import { listProjectRows } from '../../domain/projects.js';
import { consoleJobPage } from '../../queries/console.queries.js';
import { badge, when } from '../format.js';
import { enc, html } from '../html.js';
import { send, type ConsoleRouter, type Signed } from '../routes.js';

export const JOBS_PER_PAGE = 25;

const one = (v: unknown): string => (typeof v === 'string' ? v.trim() : Array.isArray(v) && typeof v[0] === 'string' ? v[0].trim() : '');

async function jobsPage(ctx: Context, c: Signed) {
  const q = one(ctx.query.q).slice(0, 200);
  const status = one(ctx.query.status);
  const project = one(ctx.query.project);
  const pageNo = Math.max(1, Math.min(100_000, Number.parseInt(one(ctx.query.page), 10) || 1));
  const [rows, projects] = await Promise.all([
    consoleJobPage.run(
      {
        search: q ? q.replace(/[\\%_]/g, '\\$&') : null, // searched as typed: LIKE wildcards escaped
        status: isJobStatus(status) ? status : null,
        projectId: project || null,
        limit: JOBS_PER_PAGE,
        offset: (pageNo - 1) * JOBS_PER_PAGE,
      },
      c.deps.pool,
    ),
    listProjectRows(c.deps.pool),
  ]);
  const total = rows[0]?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / JOBS_PER_PAGE));
  const link = (p: number) => `/console/jobs?${new URLSearchParams({ q, status, project, page: String(p) })}`;
  send(ctx, c, {
    title: 'Jobs',
    section: 'jobs',
    body: html`<h1>Jobs</h1>
<form class="filters" method="get" action="/console/jobs" role="search">
  <label>Search<input type="search" name="q" value="${q}" placeholder="job number, customer, address…" size="32"></label>
  <label>Status<select name="status" data-autosubmit><option value="">any</option>${JOB_STATUSES.map(
    (s) => html`<option value="${s}" ${s === status ? html`selected` : ''}>${s}</option>`,
  )}</select></label>
  <label>Project<select name="project" data-autosubmit><option value="">any</option>${projects.map(
    (p) => html`<option value="${p.project_id}" ${p.project_id === project ? html`selected` : ''}>${p.name}</option>`,
  )}</select></label>
  <button type="submit">Find</button>
  ${q || status || project ? html`<a href="/console/jobs">clear</a>` : ''}
</form>
<table id="jobs">
<thead><tr><th>Job</th><th>Customer</th><th>Tree</th><th>Project</th><th>Assigned device</th><th>Latest round</th><th>Status</th><th>Last change</th></tr></thead>
<tbody>
${rows.length
  ? rows.map(
      (j) => html`<tr data-job="${j.job_number}">
  <td><a href="/console/jobs/${enc(j.job_id)}"><strong>${j.job_number}</strong></a><br><span class="small muted">${j.job_name ?? ''}</span></td>
  <td>${j.customer_name ?? '—'}${j.customer_code ? html`<br><span class="small muted">${j.customer_code}</span>` : ''}${j.job_address ? html`<br><span class="small muted">${j.job_address}</span>` : ''}</td>
  <td>${j.tree_number ?? '—'}</td>
  <td>${j.project ?? '—'}</td>
  <td>${j.assigned_device_id ? html`${j.assigned_device_name ?? ''} <code class="small">${j.assigned_device_id}</code>` : html`<span class="muted">unassigned</span>`}</td>
  <td>${j.latest_round_id ? html`${j.latest_round_id} ${badge(j.latest_round_status)}` : html`<span class="muted">none</span>`}</td>
  <td>${badge(j.status)}</td>
  <td>${when(j.updated_at)}</td>
</tr>`,
    )
  : html`<tr><td colspan="8" class="muted">No job matches.</td></tr>`}
</tbody>
</table>
<div class="pager">
  <span class="muted">${total} job${total === 1 ? '' : 's'} · page ${Math.min(pageNo, pages)} of ${pages}</span>
  ${pageNo > 1 ? html`<a href="${link(pageNo - 1)}" rel="prev">← Previous</a>` : ''}
  ${pageNo < pages ? html`<a href="${link(pageNo + 1)}" rel="next">Next →</a>` : ''}
</div>`,
  });
}

export function jobsRoutes(r: ConsoleRouter) {
  r.get('/jobs', jobsPage);
}
