/**
 * `npm run bench:final [N]`: renders every final output (TRAQ PDF on the sample template,
 * letter PDF with J0003's three real photos, letter DOCX, GeoJSON, final.json) for sample
 * job J0003, N times (default 20), and prints the median and p90 per output and in total.
 * Samples come from TRAQ_SAMPLES_DIR or the nearest shared/samples folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildFinalPayload } from '../src/documents/final-payload.js';
import { buildFinalGeoJson, geoJsonBuffer } from '../src/documents/geojson.js';
import { buildLetter } from '../src/documents/letter.js';
import { renderLetterDocx } from '../src/documents/letter-docx.js';
import { renderLetterPdf } from '../src/documents/letter-pdf.js';
import { loadTraqTemplate, renderTraqPdf } from '../src/documents/traq-pdf.js';
import { finalJsonBuffer } from '../src/documents/final-payload.js';
import { SAMPLES_DIR, TRAQ_FIELD_MAP, TRAQ_TEMPLATE_PDF, sampleJob } from '../test/helpers/samples.js';

const runs = Number(process.argv[2] ?? 20);
const job = sampleJob('J0003');
const f = job.final;
const template = await loadTraqTemplate({ templatePdf: TRAQ_TEMPLATE_PDF, fieldMap: TRAQ_FIELD_MAP });
const jobFacts = { job_id: f.job_id, job_number: 'J0003', billing_name: 'Briarwood Parks District', billing_address: '4500 Eleanor Ave, Sacramento, CA 95841', job_phone: '916 555 0142' };

const times: Record<string, number[]> = { final_json: [], traq_pdf: [], letter_pdf: [], letter_docx: [], geojson: [], total: [] };
const timed = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
  const t0 = performance.now();
  const out = await fn();
  times[name]!.push(performance.now() - t0);
  return out;
};

for (let i = 0; i < runs + 2; i++) {
  const t0 = performance.now();
  const payload = await timed('final_json', () => {
    const p = buildFinalPayload({ ...f, review: { transcript: f.transcript }, tree_number: '1' });
    finalJsonBuffer(p);
    return p;
  });
  await timed('traq_pdf', () => renderTraqPdf(payload.form.data, template));
  const letter = buildLetter({ profile: payload.profile, job: jobFacts, form: payload.form.data, narrative: payload.narrative.text, date: new Date() });
  // Photos are read from disk as streams, as the endpoint would from the artifact store.
  await timed('letter_pdf', () => renderLetterPdf(letter, job.images.map((img) => ({ caption: img.caption, data: fs.createReadStream(img.file) }))));
  await timed('letter_docx', () => renderLetterDocx(letter));
  await timed('geojson', () => geoJsonBuffer(buildFinalGeoJson(payload, 'J0003')));
  times.total!.push(performance.now() - t0);
  if (i < 2) for (const k of Object.keys(times)) times[k]!.pop(); // warm-up runs are not counted
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
console.log(`bench:final — sample J0003 (${path.relative(process.cwd(), SAMPLES_DIR)}), ${runs} runs, 3 photos, serial`);
for (const [name, xs] of Object.entries(times)) console.log(`${name.padEnd(12)} median ${pct(xs, 50).toFixed(1).padStart(7)} ms   p90 ${pct(xs, 90).toFixed(1).padStart(7)} ms`);
