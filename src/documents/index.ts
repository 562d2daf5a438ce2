/**
 * Every output of a final, rendered to Buffers from one call (api.md §5.2 steps 7-11).
 * The final endpoint stages these under temporary keys, then commits them with the rows.
 */
import { buildFinalGeoJson, geoJsonBuffer, type FinalFeatureCollection } from './geojson.js';
import { finalJsonBuffer } from './final-payload.js';
import { buildLetter } from './letter.js';
import type { TraqTemplate } from './traq-template.js';
import type { FinalPayload, JobFacts, LetterImage } from './types.js';

export interface FinalOutputs {
  finalJson: Buffer;
  traqPdf: Buffer;
  letterPdf: Buffer;
  letterDocx: Buffer;
  geojson: Buffer;
  /** The GeoJSON object for `job_geojson_exports.payload`. */
  geojsonPayload: FinalFeatureCollection;
}

export async function renderFinalOutputs(opts: {
  payload: FinalPayload;
  job: JobFacts;
  /** The letter's narrative: polished by the LLM when configured, else `payload.narrative.text`. */
  letterNarrative?: string;
  /** The report photos in `payload.report_images` order (bytes or streams). */
  images: LetterImage[];
  template: TraqTemplate | null;
  /** The letter's date (server local day); defaults to now. */
  date?: Date;
}): Promise<FinalOutputs> {
  const { payload, job } = opts;
  const letter = buildLetter({ profile: payload.profile, job, form: payload.form.data, narrative: opts.letterNarrative ?? payload.narrative.text, date: opts.date ?? new Date() });
  const geojsonPayload = buildFinalGeoJson(payload, job.job_number);
  // The renderers (pdf-lib, docx) are loaded by the first final, not with the server: they are most of its start-up.
  const [{ renderTraqPdf }, { renderLetterPdf }, { renderLetterDocx }] = await Promise.all([import('./traq-pdf.js'), import('./letter-pdf.js'), import('./letter-docx.js')]);
  const [traqPdf, letterPdf, letterDocx] = await Promise.all([
    renderTraqPdf(payload.form.data, opts.template, { jobNumber: job.job_number }),
    renderLetterPdf(letter, opts.images),
    renderLetterDocx(letter),
  ]);
  return { finalJson: finalJsonBuffer(payload), traqPdf, letterPdf, letterDocx, geojson: geoJsonBuffer(geojsonPayload), geojsonPayload };
}
