/** `traq-admin export ...`: the export feed and its downloads (api.md §2.12, §6). */
import path from 'node:path';
import type { Command } from 'commander';
import { resolveJob } from '../../domain/artifacts.js';
import { exportChanges, exportGeojson, exportImage, MAX_PAGE, parseVariant } from '../../domain/export.js';
import { findExportJob, listImagesOfRounds } from '../../queries/export.queries.js';
import { choice, nonBlank, wholeNumber } from '../args.js';
import { notFound } from '../errors.js';
import { writeAtomic } from '../files.js';
import { seg, type Download } from '../http.js';
import { printJson, printLine, printTable, Progress } from '../output.js';
import type { CommandGroup } from '../registry.js';
import type { Runtime } from '../runtime.js';
import { canonicalJson } from '../../domain/canonical-json.js';

export type ChangesPage = Awaited<ReturnType<typeof exportChanges>>;
export type CompletedItem = ChangesPage['completed'][number];
const VARIANTS = ['auto', 'original', 'report'] as const;

export interface ExportBackend {
  changes(cursor: string | undefined, limit: number): Promise<ChangesPage>;
  image(jobId: string, imageRef: string, variant: string): Promise<Download>;
  geojson(jobId: string): Promise<unknown>;
  /** The image refs the feed would list for a job (report_N when completed, image ids otherwise). */
  imageRefs(jobRef: string): Promise<{ jobId: string; jobNumber: string; refs: string[] }>;
}

export const exportBackend = (rt: Runtime) =>
  rt.backend<ExportBackend>({
    local: ({ pool, store }) => ({
      changes: (cursor, limit) => exportChanges(pool, { cursor, limit }),
      image: async (jobId, ref, variant) => {
        const f = await exportImage(pool, store, jobId, ref, parseVariant(variant));
        return { stream: f.stream, filename: f.filename, contentType: f.contentType, headers: new Headers() };
      },
      geojson: (jobId) => exportGeojson(pool, jobId),
      imageRefs: async (jobRef) => {
        const job = await resolveJob(pool, jobRef);
        const [row] = await findExportJob.run({ jobId: job.job_id }, pool);
        let refs: string[] = [];
        if (row?.status === 'ARCHIVED' && row.final_kind) {
          const images = (row.final_payload as { report_images?: unknown[] } | null)?.report_images;
          refs = (Array.isArray(images) ? images : []).map((_, i) => `report_${i + 1}`);
        } else if (row?.round_pk) {
          refs = (await listImagesOfRounds.run({ roundPks: [row.round_pk] }, pool)).map((i) => i.image_id);
        }
        return { jobId: job.job_id, jobNumber: job.job_number, refs };
      },
    }),
    remote: (api) => ({
      changes: (cursor, limit) =>
        api.json<ChangesPage>('GET', `/v1/export/changes?limit=${limit}${cursor ? `&cursor=${seg(cursor)}` : ''}`),
      image: (jobId, ref, variant) => api.download(`/v1/export/jobs/${seg(jobId)}/images/${seg(ref)}?variant=${seg(variant)}`),
      geojson: (jobId) => api.json<unknown>('GET', `/v1/export/jobs/${seg(jobId)}/geojson`),
      // The API has no per-job image list: find the job in a full walk of the feed.
      imageRefs: async (jobRef) => {
        const wanted = jobRef.trim();
        let cursor: string | undefined;
        for (;;) {
          const page = await api.json<ChangesPage>('GET', `/v1/export/changes?limit=${MAX_PAGE}${cursor ? `&cursor=${seg(cursor)}` : ''}`);
          const match = (i: { job_id: string; job_number: string }) => i.job_id === wanted || i.job_number === wanted.toUpperCase();
          const done = page.completed.find(match);
          if (done) return { jobId: done.job_id, jobNumber: done.job_number, refs: done.final.report_images.map((i) => i.image_ref) };
          const open = page.in_process.find(match);
          if (open) return { jobId: open.job_id, jobNumber: open.job_number, refs: open.review.images.map((i) => i.image_ref) };
          if (!page.has_more) throw notFound(`Job not found: ${jobRef}`);
          cursor = page.cursor;
        }
      },
    }),
  });

/** Later pages win: a job that changed again while paging appears once, in its latest category. */
function mergePages(pages: ChangesPage[]): ChangesPage {
  const last = pages.at(-1)!;
  const inProcess = new Map<string, ChangesPage['in_process'][number]>();
  const completed = new Map<string, CompletedItem>();
  const transitioned = new Map<string, ChangesPage['transitioned_to_completed'][number]>();
  for (const p of pages) {
    for (const i of p.in_process) (completed.delete(i.job_id), inProcess.set(i.job_id, i));
    for (const i of p.completed) (inProcess.delete(i.job_id), completed.set(i.job_id, i));
    for (const i of p.transitioned_to_completed) transitioned.set(i.job_id, i);
  }
  return { ...last, in_process: [...inProcess.values()], completed: [...completed.values()], transitioned_to_completed: [...transitioned.values()] };
}

const extensionOf = (d: Download) => path.extname(d.filename ?? '') || (d.contentType?.includes('png') ? '.png' : '.jpg');

export const exportGroup: CommandGroup = {
  register(group: Command, rt: Runtime) {
    group
      .command('changes')
      .description('Jobs changed since a cursor (one page, or every page with --all)')
      .option('--cursor <cursor>', 'cursor from an earlier answer, or an ISO-8601 time (default: full snapshot)')
      .option('--limit <n>', `jobs per page (1-${MAX_PAGE})`, wholeNumber(1, MAX_PAGE), 100)
      .option('--all', 'follow has_more until caught up and print the merged result')
      .action(async (o: { cursor?: string; limit: number; all?: boolean }) => {
        const b = await exportBackend(rt);
        const pages = [await b.changes(o.cursor, o.limit)];
        while (o.all && pages.at(-1)!.has_more) pages.push(await b.changes(pages.at(-1)!.cursor, o.limit));
        const result = mergePages(pages);
        if (rt.json) return printJson(result);
        const rows = [
          ...result.in_process.map((i) => ({ ...i, category: 'in_process' })),
          ...result.completed.map((i) => ({ ...i, category: 'completed' })),
        ];
        printTable(rows, ['job_number', 'job_id', 'category', 'status', 'updated_at'], '(no changes)');
        for (const t of result.transitioned_to_completed) printLine(`newly completed: ${t.job_number}`);
        printLine(`cursor: ${result.cursor}${result.has_more ? ' (more pages: use --all or pass this cursor)' : ''}`);
      });

    group
      .command('image-fetch')
      .description('Download one image of a job')
      .requiredOption('--job-id <job_id>', 'the job id', nonBlank)
      .requiredOption('--image-ref <ref>', 'report_<n> of a completed job, or an image id of the latest round', nonBlank)
      .addOption(choice('--variant <variant>', 'which file of an in-process image', VARIANTS, 'auto'))
      .option('--output <file>', 'where to write it (default: the server file name in the current folder)')
      .action(async (o: { jobId: string; imageRef: string; variant: string; output?: string }) => {
        const d = await (await exportBackend(rt)).image(o.jobId, o.imageRef, o.variant);
        const target = path.resolve(o.output ?? (d.filename ? path.basename(d.filename) : `${o.imageRef}${extensionOf(d)}`));
        const bytes = await writeAtomic(target, d.stream);
        if (rt.json) printJson({ ok: true, job_id: o.jobId, image_ref: o.imageRef, path: target, bytes });
        else printLine(`${target} (${bytes} bytes)`);
      });

    group
      .command('geojson-fetch')
      .description('Download the public GeoJSON of a job (correction preferred)')
      .requiredOption('--job-id <job_id>', 'the job id', nonBlank)
      .option('--output <file>', 'where to write it (default: <job_id>.geojson in the current folder)')
      .action(async (o: { jobId: string; output?: string }) => {
        const geojson = await (await exportBackend(rt)).geojson(o.jobId);
        const target = path.resolve(o.output ?? `${o.jobId}.geojson`);
        const bytes = await writeAtomic(target, canonicalJson(geojson));
        if (rt.json) printJson({ ok: true, job_id: o.jobId, path: target, bytes });
        else printLine(`${target} (${bytes} bytes)`);
      });

    group
      .command('images-fetch-all')
      .description('Download every image of a job (report_N of a completed job, else the latest round)')
      .requiredOption('--job <job>', 'job id or job number', nonBlank)
      .addOption(choice('--variant <variant>', 'which file of in-process images', VARIANTS, 'auto'))
      .option('--output <dir>', 'folder to write into (default: ./exports/<job_number>/images)')
      .action(async (o: { job: string; variant: string; output?: string }) => {
        const b = await exportBackend(rt);
        const { jobId, jobNumber, refs } = await b.imageRefs(o.job);
        const dir = path.resolve(o.output ?? path.join('exports', jobNumber, 'images'));
        const progress = new Progress(`images ${jobNumber}`, refs.length);
        const files: { image_ref: string; path: string; bytes: number }[] = [];
        for (const ref of refs) {
          const d = await b.image(jobId, ref, o.variant);
          const target = path.join(dir, `${ref.replace(/[^\w.-]/g, '_')}${extensionOf(d)}`);
          files.push({ image_ref: ref, path: target, bytes: await writeAtomic(target, d.stream) });
          progress.tick(ref);
        }
        if (rt.json) printJson({ ok: true, job_id: jobId, job_number: jobNumber, files });
        else printTable(files, ['image_ref', 'path', 'bytes'], '(no images)');
      });
  },
};
