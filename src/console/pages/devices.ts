/** Devices: pending first; approve with a role, revoke, issue a token (shown once), last seen. */
import type { Context } from 'koa';
import { adminIssueToken, approveDevice, DEVICE_ROLES, listDevices, revokeDevice } from '../../domain/devices.js';
import { ADMIN_KEY_PRINCIPAL } from '../../domain/principal.js';
import { field } from '../form.js';
import { badge, when } from '../format.js';
import { enc, html } from '../html.js';
import { csrfField } from '../layout.js';
import { send, type ConsoleRouter, type Signed } from '../routes.js';

const ORDER: Record<string, number> = { pending: 0, approved: 1, revoked: 2 };
const TOKEN_LIFETIMES: [string, number][] = [
  ['7 days', 604_800],
  ['30 days', 2_592_000],
  ['1 day', 86_400],
  ['1 year', 31_536_000],
];

async function devicesPage(ctx: Context, c: Signed) {
  const { devices } = await listDevices(c.deps.pool, undefined);
  const sorted = [...devices].sort((a, b) => ORDER[a.status]! - ORDER[b.status]!);
  const pending = sorted.filter((d) => d.status === 'pending').length;
  const action = (d: (typeof devices)[number], verb: string) => `/console/devices/${enc(d.device_id)}/${verb}`;
  send(ctx, c, {
    title: 'Devices',
    section: 'devices',
    body: html`<h1>Devices</h1>
<p class="muted">${pending ? `${pending} waiting for approval. ` : 'No device is waiting for approval. '}${devices.length} registered in all.</p>
<table id="devices">
<thead><tr><th>Device</th><th>App</th><th>Status</th><th>Role</th><th>Registered</th><th>Approved</th><th>Last seen</th><th>Actions</th></tr></thead>
<tbody>
${sorted.map(
  (d) => html`<tr class="${d.status}" data-device="${d.device_id}">
  <td><strong>${d.device_name ?? '(no name)'}</strong><br><code class="small">${d.device_id}</code></td>
  <td>${d.app_version ?? '—'}</td>
  <td>${badge(d.status)}</td>
  <td>${d.role}</td>
  <td>${when(d.created_at)}</td>
  <td>${when(d.approved_at)}</td>
  <td>${when(d.last_seen_at)}</td>
  <td>
    ${d.status !== 'approved'
      ? html`<form class="inline" method="post" action="${action(d, 'approve')}">${csrfField(c.session)}
      <select name="role" aria-label="Role">${DEVICE_ROLES.map((r) => html`<option value="${r}">${r}</option>`)}</select>
      <button type="submit" class="primary">Approve</button></form>`
      : html`<form class="inline" method="post" action="${action(d, 'token')}">${csrfField(c.session)}
      <select name="ttl_seconds" aria-label="Token lifetime">${TOKEN_LIFETIMES.map(([l, s]) => html`<option value="${s}">${l}</option>`)}</select>
      <button type="submit" data-confirm="Issue a new token? The device's earlier tokens stop working.">Issue token</button></form>`}
    ${d.status !== 'revoked'
      ? html`<form class="inline" method="post" action="${action(d, 'revoke')}">${csrfField(c.session)}
      <button type="submit" class="danger" data-confirm="Revoke this device and every token it holds?">Revoke</button></form>`
      : ''}
  </td>
</tr>`,
)}
</tbody>
</table>`,
  });
}

export function deviceRoutes(r: ConsoleRouter) {
  r.get('/devices', devicesPage);
  r.post('/devices/:device_id/approve', async (ctx, c, form) => {
    await approveDevice(c.deps.pool, ADMIN_KEY_PRINCIPAL, ctx.params.device_id!, field(form, 'role'));
    ctx.status = 303;
    ctx.redirect('/console/devices?done=approved');
  });
  r.post('/devices/:device_id/revoke', async (ctx, c) => {
    await revokeDevice(c.deps.pool, ADMIN_KEY_PRINCIPAL, ctx.params.device_id!);
    ctx.status = 303;
    ctx.redirect('/console/devices?done=revoked');
  });
  r.post('/devices/:device_id/token', async (ctx, c, form) => {
    const ttl = Number(field(form, 'ttl_seconds') ?? 0);
    const issued = await adminIssueToken(c.deps.pool, ADMIN_KEY_PRINCIPAL, ctx.params.device_id!, Number.isInteger(ttl) ? ttl : 0);
    // Answered directly (not redirected): the token exists only in this response and is never shown again.
    send(ctx, c, {
      title: 'Token issued',
      section: 'devices',
      body: html`<h1>Token issued for ${issued.device_id}</h1>
<div class="card">
  <p>Copy this token now and enter it on the device. It is not stored and cannot be shown again; the device's earlier tokens no longer work.</p>
  <p class="secret" id="issued-token">${issued.access_token}</p>
  <p class="muted">Role ${issued.role}; valid until ${when(issued.expires_at)}.</p>
</div>
<p><a href="/console/devices">Back to devices</a></p>`,
    });
  });
}
