/** Map: every job whose form has tree coordinates, as a point coloured by status and risk rating. */
import type { Context } from 'koa';
import { treeGeometry } from '../../documents/geojson.js';
import { consoleMapJobs } from '../../queries/console.queries.js';
import { enc, html } from '../html.js';
import { send, type ConsoleRouter, type Signed } from '../routes.js';

const RATINGS = ['low', 'moderate', 'high', 'extreme'] as const;

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The form's overall tree risk rating, lower-cased, when it is one of the four. */
function riskOf(form: Dict): string | null {
  const section = form.overall_tree_risk_rating;
  const rating = isDict(section) && typeof section.rating === 'string' ? section.rating.trim().toLowerCase() : '';
  return (RATINGS as readonly string[]).includes(rating) ? rating : null;
}

export async function mapPoints(c: Signed) {
  const rows = await consoleMapJobs.run(undefined, c.deps.pool);
  const points = [];
  for (const row of rows) {
    const form = isDict(row.form_data) ? row.form_data : {};
    const geometry = treeGeometry(form); // the same rule the final's GeoJSON uses
    if (!geometry) continue;
    points.push({
      job_id: row.job_id,
      job_number: row.job_number,
      title: row.customer_name ?? row.job_name ?? '',
      status: row.status,
      risk: riskOf(form),
      lon: geometry.coordinates[0],
      lat: geometry.coordinates[1],
      url: `/console/jobs/${enc(row.job_id)}`,
    });
  }
  return { total: rows.length, points };
}

async function mapPage(ctx: Context, c: Signed) {
  const { total, points } = await mapPoints(c);
  send(ctx, c, {
    title: 'Map',
    section: 'map',
    head: html`<link rel="stylesheet" href="${c.assets.url('leaflet.css')}">
<script src="${c.assets.url('leaflet.js')}" defer></script>
<script src="${c.assets.url('map.js')}" defer></script>`,
    body: html`<h1>Map</h1>
<p class="muted">${points.length} of ${total} jobs have tree coordinates${c.deps.config.consoleTileUrl ? '' : ' (plain background: set TRAQ_CONSOLE_TILE_URL to a tile server on your network for street maps)'}.</p>
<div class="legend">
  <strong>Fill: overall risk</strong>${[...RATINGS, 'none'].map((k) => html`<span><span class="dot risk-${k}"></span>${k === 'none' ? 'not rated' : k}</span>`)}
  <strong>Ring: status</strong><span class="muted">archived dark green · returned blue · processing purple · draft brown · failed red</span>
</div>
<div id="map" data-source="/console/map.json" role="application" aria-label="Map of assessed trees"></div>`,
  });
}

export function mapRoutes(r: ConsoleRouter) {
  r.get('/map', mapPage);
  r.get('/map.json', async (ctx, c) => {
    const { points } = await mapPoints(c);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { tile_url: c.deps.config.consoleTileUrl ?? null, tile_attribution: c.deps.config.consoleTileAttribution ?? null, points };
  });
}
