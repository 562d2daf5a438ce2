/**
 * The shared sample data (ten archived jobs, the blank TRAQ form, its box map). Found via
 * TRAQ_SAMPLES_DIR, else the nearest `shared/samples` folder above the working directory
 * (the checkout layout puts it beside the repository). Missing samples fail loudly.
 */
import fs from 'node:fs';
import path from 'node:path';

function findSamples(): string {
  if (process.env.TRAQ_SAMPLES_DIR) return path.resolve(process.env.TRAQ_SAMPLES_DIR);
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'samples');
    if (fs.existsSync(path.join(candidate, 'traq_full_map.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error('Sample data not found: set TRAQ_SAMPLES_DIR to the shared/samples folder');
  }
}

export const SAMPLES_DIR = findSamples();
export const TRAQ_TEMPLATE_PDF = path.join(SAMPLES_DIR, 'basic_traq_form.pdf');
export const TRAQ_FIELD_MAP = path.join(SAMPLES_DIR, 'traq_full_map.json');
export const SAMPLE_JOBS = ['J0001', 'J0002', 'J0003', 'J0004', 'J0005', 'J0006', 'J0007', 'J0008', 'J0009', 'J0010'];

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
