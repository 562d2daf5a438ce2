/** The page shell every console page shares: head, navigation, sign-out, flash message. */
import type { ConsoleAssets } from './assets.js';
import { html, type Html } from './html.js';
import type { ConsoleSession } from './session.js';

export type Section = 'devices' | 'jobs' | 'map' | 'export' | null;

const NAV: [Exclude<Section, null>, string, string][] = [
  ['devices', 'Devices', '/console/devices'],
  ['jobs', 'Jobs', '/console/jobs'],
  ['map', 'Map', '/console/map'],
  ['export', 'Export & retention', '/console/export'],
];

/** Messages a redirect may ask for by name (`?done=`): fixed texts, never echoed input. */
export const DONE_MESSAGES: Record<string, string> = {
  approved: 'Device approved.',
  revoked: 'Device revoked; its tokens no longer work.',
  assigned: 'Job assigned.',
  unassigned: 'Assignment removed.',
  unlocked: 'Round reopened to DRAFT (unlock).',
  status: 'Job status set.',
  reopened: 'Round reopened to DRAFT.',
};

export interface PageOptions {
  title: string;
  section: Section;
  session: ConsoleSession | null;
  body: Html;
  done?: unknown;
  head?: Html;
}

/** A hidden field carrying the session's CSRF token: every console form includes it. */
export const csrfField = (session: ConsoleSession) => html`<input type="hidden" name="csrf" value="${session.csrfToken}">`;

export function page(assets: ConsoleAssets, o: PageOptions): string {
  const message = typeof o.done === 'string' ? DONE_MESSAGES[o.done] : undefined;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} · TRAQ console</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assets.url('console.css')}">
${o.head}
<script src="${assets.url('console.js')}" defer></script>
</head>
<body>
<header class="top">
  <span class="brand">TRAQ console</span>
  ${o.session
    ? html`<nav>${NAV.map(([key, label, href]) => html`<a href="${href}" class="${key === o.section ? 'active' : ''}">${label}</a>`)}</nav>
  <form method="post" action="/console/sign-out">${csrfField(o.session)}<button type="submit" id="sign-out">Sign out</button></form>`
    : html`<nav></nav>`}
</header>
<main>
${message ? html`<div class="flash" role="status">${message}</div>` : ''}
${o.body}
</main>
</body>
</html>
`.text;
}
