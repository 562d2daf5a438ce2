/**
 * The staging bundle of data-model §8.2, written by `stage sync`:
 *
 *   <root>/state/export_cursor.json   {"cursor": ...}, advanced only when every job of the run staged
 *   <root>/state/excluded_jobs.json   {"jobs": [...], "updated_at": ...}
 *   <root>/jobs/<job_number>/{manifest.json, final.json, final.geojson, traq_page1.pdf, images/report_N.jpg}
 *
 * A bundle is built in a hidden temp folder beside its final place and renamed
 * over it, so a reader sees the old bundle or the new one, never a mix.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { canonicalJson } from '../domain/canonical-json.js';
import { isoSeconds } from '../domain/time.js';
import { CliError, usageError } from './errors.js';
import { readAll, readJson, writeAtomic } from './files.js';
import type { ArtifactBackend } from './groups/artifact.js';
import type { CompletedItem, ExportBackend } from './groups/export.js';
import { Progress } from './output.js';

const JOB_NUMBER = /^J\d{4,}$/;

export function normalizeJobNumber(value: string): string {
  const n = value.trim().toUpperCase();
  if (!JOB_NUMBER.test(n)) throw usageError(`Not a job number: ${value} (expected J0001, J0002, ...)`);
  return n;
}

const statePath = (root: string, name: string) => path.join(root, 'state', name);
const bundlePath = (root: string, jobNumber: string) => path.join(root, 'jobs', jobNumber);

export interface Exclusions {
  jobs: string[];
  updated_at: string | null;
}

export async function readExclusions(root: string): Promise<Exclusions> {
  const file = await readJson<Partial<Exclusions>>(statePath(root, 'excluded_jobs.json'));
  return { jobs: Array.isArray(file?.jobs) ? file.jobs.map(String) : [], updated_at: file?.updated_at ?? null };
}

async function writeExclusions(root: string, jobs: string[]): Promise<Exclusions> {
  const value = { jobs: [...new Set(jobs)].sort(), updated_at: isoSeconds(new Date()) };
  await writeAtomic(statePath(root, 'excluded_jobs.json'), canonicalJson(value));
  return value;
}

/** Records the job as excluded and deletes its bundle. */
export async function exclude(root: string, jobNumber: string) {
  const current = await readExclusions(root);
  const result = await writeExclusions(root, [...current.jobs, jobNumber]);
  const dir = bundlePath(root, jobNumber);
  const removed = fs.existsSync(dir);
  await fsp.rm(dir, { recursive: true, force: true });
  return { ...result, bundle_removed: removed };
}

/** Un-excludes the job (the next sync that sees it change stages it again). */
export async function include(root: string, jobNumber: string) {
  const current = await readExclusions(root);
  const was = current.jobs.includes(jobNumber);
  const result = was ? await writeExclusions(root, current.jobs.filter((j) => j !== jobNumber)) : current;
  return { ...result, was_excluded: was };
}

export async function readCursor(root: string): Promise<string | undefined> {
  const file = await readJson<{ cursor?: unknown }>(statePath(root, 'export_cursor.json'));
  return typeof file?.cursor === 'string' && file.cursor ? file.cursor : undefined;
}

export type StageSource = Pick<ExportBackend, 'changes' | 'geojson' | 'image'> & ArtifactBackend;

/** Writes one job's bundle from the feed item and the downloads; replaces the old bundle as a whole. */
export async function stageJob(root: string, item: CompletedItem, source: StageSource, now = new Date()): Promise<void> {
  // the number becomes a folder name: never trust it to be one
  if (!JOB_NUMBER.test(item.job_number)) throw new Error(`Unexpected job number ${JSON.stringify(item.job_number)}`);
  const jobsDir = path.join(root, 'jobs');
  await fsp.mkdir(jobsDir, { recursive: true });
  const tmp = await fsp.mkdtemp(path.join(jobsDir, `.${item.job_number}.staging-`));
  try {
    const final = await source.fetch(item.job_id, 'final-json');
    const payload = JSON.parse((await readAll(final.stream)).toString('utf8')) as Record<string, unknown>;
    await fsp.writeFile(path.join(tmp, 'final.json'), canonicalJson(payload));
    await fsp.writeFile(path.join(tmp, 'final.geojson'), canonicalJson(await source.geojson(item.job_id)));
    await writeAtomic(path.join(tmp, 'traq_page1.pdf'), (await source.fetch(item.job_id, 'traq-pdf')).stream);

    const images = [];
    for (const image of item.final.report_images) {
      if (!/^report_\d+$/.test(image.image_ref)) throw new Error(`Unexpected image ref ${JSON.stringify(image.image_ref)}`);
      const file = `${image.image_ref}.jpg`;
      await writeAtomic(path.join(tmp, 'images', file), (await source.image(item.job_id, image.image_ref, 'report')).stream);
      images.push({ image_ref: image.image_ref, variant: 'report', source_path: `./images/${file}`, caption: image.caption });
    }
    const manifest = {
      job_id: item.job_id,
      job_number: item.job_number,
      project_id: item.project_id,
      project: item.project,
      project_slug: item.project_slug,
      client_revision_id: typeof payload.client_revision_id === 'string' ? payload.client_revision_id : null,
      archived_at: typeof payload.archived_at === 'string' ? payload.archived_at : item.archived_at,
      staged_at: isoSeconds(now),
      artifacts: { final_json: './final.json', final_geojson: './final.geojson', traq_pdf: './traq_page1.pdf' },
      images,
    };
    await fsp.writeFile(path.join(tmp, 'manifest.json'), canonicalJson(manifest));

    const target = bundlePath(root, item.job_number);
    const old = `${path.join(jobsDir, `.${item.job_number}.old-`)}${randomBytes(4).toString('hex')}`;
    const hadOld = fs.existsSync(target);
    if (hadOld) await fsp.rename(target, old);
    await fsp.rename(tmp, target);
    if (hadOld) await fsp.rm(old, { recursive: true, force: true });
  } catch (err) {
    await fsp.rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

export interface SyncResult {
  ok: boolean;
  root: string;
  cursor_before: string | null;
  cursor: string | null;
  cursor_advanced: boolean;
  pages: number;
  staged: string[];
  skipped_excluded: string[];
  failed: { job_number: string; job_id: string; error: string }[];
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** One sync per staging root at a time (cron runs may overlap); a lock left by a dead process is taken over. */
async function lock(root: string): Promise<() => Promise<void>> {
  const file = statePath(root, 'sync.lock');
  await fsp.mkdir(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fsp.writeFile(file, String(process.pid), { flag: 'wx' });
      return () => fsp.rm(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(await fsp.readFile(file, 'utf8').catch(() => '0'));
      if (holder && holder !== process.pid && alive(holder)) throw new CliError(`Another stage sync (pid ${holder}) is running on ${root}`);
      await fsp.rm(file, { force: true });
    }
  }
  throw new CliError(`Could not lock ${file}`);
}

/** Walks the feed from the stored cursor (or options.cursor) and stages every completed, non-excluded job. */
export async function sync(root: string, source: StageSource, options: { cursor?: string; limit?: number } = {}): Promise<SyncResult> {
  const unlock = await lock(root);
  try {
    return await syncLocked(root, source, options);
  } finally {
    await unlock();
  }
}

async function syncLocked(root: string, source: StageSource, options: { cursor?: string; limit?: number }): Promise<SyncResult> {
  const stored = await readCursor(root);
  const before = options.cursor ?? stored;
  const excluded = new Set((await readExclusions(root)).jobs);
  const result: SyncResult = {
    ok: true,
    root,
    cursor_before: before ?? null,
    cursor: before ?? null,
    cursor_advanced: false,
    pages: 0,
    staged: [],
    skipped_excluded: [],
    failed: [],
  };
  let cursor = before;
  for (;;) {
    const page = await source.changes(cursor, options.limit ?? 100);
    result.pages += 1;
    const progress = new Progress(`stage page ${result.pages}`, page.completed.length);
    for (const item of page.completed) {
      if (excluded.has(item.job_number)) {
        result.skipped_excluded.push(item.job_number);
        progress.tick(item.job_number, 'excluded');
        continue;
      }
      try {
        await stageJob(root, item, source);
        result.staged.push(item.job_number);
        progress.tick(item.job_number);
      } catch (err) {
        const message = (err as { detail?: unknown }).detail ?? (err as Error).message;
        result.failed.push({ job_number: item.job_number, job_id: item.job_id, error: String(message) });
        progress.tick(item.job_number, `FAILED: ${String(message)}`);
      }
    }
    cursor = page.cursor;
    if (!page.has_more) break;
  }
  result.ok = result.failed.length === 0;
  if (result.ok && cursor !== undefined && cursor !== stored) {
    await writeAtomic(statePath(root, 'export_cursor.json'), canonicalJson({ cursor }));
    result.cursor_advanced = true;
  }
  if (result.ok) result.cursor = cursor ?? null;
  return result;
}
