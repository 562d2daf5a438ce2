/**
 * The sample data the tests use, kept in the repository (test/fixtures/samples: the ten
 * archived jobs of ../shared/samples, J0003's photos scaled down) so a clone alone passes.
 * The TRAQ form template is generated (traq-template.ts); the real ISA form and its box map
 * are used only by the optional test that looks for ../shared/samples (ISA_FORM below).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTraqTemplate } from './traq-template.js';

export const SAMPLES_DIR = fileURLToPath(new URL('../fixtures/samples', import.meta.url));
const template = await writeTraqTemplate();
export const TRAQ_TEMPLATE_PDF = template.templatePdf;
export const TRAQ_FIELD_MAP = template.fieldMap;
export const SAMPLE_JOBS = ['J0001', 'J0002', 'J0003', 'J0004', 'J0005', 'J0006', 'J0007', 'J0008', 'J0009', 'J0010'];

/**
 * The real blank ISA form and its box map from the shared samples (TRAQ_SAMPLES_DIR, else the
 * nearest `shared/samples` above the working directory), or null when they are not there.
 */
export const ISA_FORM = ((): { templatePdf: string; fieldMap: string } | null => {
  const candidates = process.env.TRAQ_SAMPLES_DIR ? [path.resolve(process.env.TRAQ_SAMPLES_DIR)] : [];
  for (let dir = process.cwd(); path.dirname(dir) !== dir; dir = path.dirname(dir)) candidates.push(path.join(dir, 'shared', 'samples'));
  const found = candidates.find((d) => fs.existsSync(path.join(d, 'traq_full_map.json')) && fs.existsSync(path.join(d, 'basic_traq_form.pdf')));
  return found ? { templatePdf: path.join(found, 'basic_traq_form.pdf'), fieldMap: path.join(found, 'traq_full_map.json') } : null;
})();

const read = (job: string, file: string) => JSON.parse(fs.readFileSync(path.join(SAMPLES_DIR, 'jobs', job, file), 'utf8'));

export interface SampleJob {
  jobNumber: string;
  final: any;
  geojson: any;
  manifest: any;
  /** The report photos that exist on disk, in manifest order, with their captions. */
  images: { caption: string | null; file: string }[];
}

export function sampleJob(jobNumber: string): SampleJob {
  const manifest = read(jobNumber, 'manifest.json');
  const images = (manifest.images ?? [])
    .map((img: any) => ({ caption: img.caption ?? null, file: path.join(SAMPLES_DIR, 'jobs', jobNumber, img.source_path) }))
    .filter((img: { file: string }) => fs.existsSync(img.file));
  return { jobNumber, final: read(jobNumber, 'final.json'), geojson: read(jobNumber, 'final.geojson'), manifest, images };
}
