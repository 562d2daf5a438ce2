// The console map: Leaflet (served from the leaflet npm package), one circle per job
// coloured by its overall risk rating (fill) and its status (ring). With no tile server
// configured the background is plain vector: a graticule drawn by Leaflet itself.
/* global L */
const RISK = { low: '#16a34a', moderate: '#eab308', high: '#ea580c', extreme: '#b91c1c' };
const STATUS = { ARCHIVED: '#14532d', REVIEW_RETURNED: '#1e40af', SUBMITTED_FOR_PROCESSING: '#7c3aed', DRAFT: '#92400e', NOT_STARTED: '#4b5563', FAILED: '#991b1b' };

function graticule(map) {
  const lines = L.layerGroup().addTo(map);
  const draw = () => {
    lines.clearLayers();
    const b = map.getBounds();
    const span = Math.max(b.getEast() - b.getWest(), b.getNorth() - b.getSouth());
    const steps = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 15, 30];
    const step = steps.find((s) => span / s <= 12) || 30;
    const style = { color: '#9fb3c2', weight: 1, opacity: 0.7, interactive: false };
    for (let x = Math.floor(b.getWest() / step) * step; x <= b.getEast(); x += step) lines.addLayer(L.polyline([[Math.max(-85, b.getSouth() - step), x], [Math.min(85, b.getNorth() + step), x]], style));
    for (let y = Math.floor(b.getSouth() / step) * step; y <= b.getNorth(); y += step) lines.addLayer(L.polyline([[y, b.getWest() - step], [y, b.getEast() + step]], style));
  };
  map.on('moveend', draw);
  draw();
}

function popup(p) {
  const box = document.createElement('div');
  const link = document.createElement('a');
  link.href = p.url;
  link.textContent = `${p.job_number} ${p.title}`;
  const facts = document.createElement('div');
  facts.textContent = `${p.status} · risk ${p.risk || 'not rated'}`;
  box.append(link, facts);
  return box;
}

async function start() {
  const el = document.getElementById('map');
  const data = await (await fetch(el.dataset.source, { credentials: 'same-origin' })).json();
  const map = L.map(el, { preferCanvas: false, worldCopyJump: true });
  if (data.tile_url) L.tileLayer(data.tile_url, { maxZoom: 19, attribution: data.tile_attribution || '' }).addTo(map);
  const points = data.points.map((p) =>
    L.circleMarker([p.lat, p.lon], { radius: 9, weight: 3, color: STATUS[p.status] || '#111', fillColor: RISK[p.risk] || '#9ca3af', fillOpacity: 0.9, className: `job-point risk-${p.risk || 'none'}` })
      .bindPopup(popup(p))
      .addTo(map),
  );
  if (points.length) map.fitBounds(L.featureGroup(points).getBounds().pad(0.3), { maxZoom: 16 });
  else map.setView([20, 0], 2);
  if (!data.tile_url) graticule(map);
  el.dataset.ready = String(points.length);
}
start().catch((err) => {
  document.getElementById('map').textContent = `The map could not load: ${err.message}`;
});
