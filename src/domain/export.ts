/**
 * The export feed for reporting clients (api.md §6, decision 10).
 *
 * The cursor is a position in the job_changes log, (transaction id, sequence),
 * written as `v1.<xid>.<seq>`. A page lists each job changed after the cursor
 * once, at its latest change, reading only changes of transactions older than
 * every transaction still running — so a write that commits late appears on a
 * later page instead of being skipped. ISO-8601 times are still accepted as
 * cursors (changes after that time), and the answer then carries a real cursor.
 */
import path from 'node:path';
import type { Readable } from 'node:stream';
import { ArtifactNotFound, checkKey, type ArtifactStore } from '../artifacts/store.js';
import type { Pool, PoolClient } from '../db/pool.js';
import { withSnapshot } from '../db/tx.js';
import { problems } from './problems.js';
import {
  findExportJob,
  findRoundImage,
  latestChangePosition,
  listChangedJobs,
  listImagesOfRounds,
  type IListChangedJobsResult,
  type IListImagesOfRoundsResult,
} from '../queries/export.queries.js';
import { isoSeconds } from './time.js';

export const MAX_PAGE = 1000;

interface Position {
  xid: string;
  seq: number;
  since: Date | null;
}

const START: Position = { xid: '0', seq: 0, since: null };
const CURSOR = /^v1\.(\d{1,20})\.(\d{1,19})$/;

export function parseCursor(raw: string | undefined): Position {
  const value = raw?.trim();
  if (!value) return START;
  const m = CURSOR.exec(value);
  if (m) return { xid: m[1]!, seq: Number(m[2]), since: null };
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+)?(Z|[+-]\d{2}:?\d{2})?$/i.test(value)) {
    const naive = !/(Z|[+-]\d{2}:?\d{2})$/i.test(value) && value.length > 10;
    const t = new Date(naive ? `${value.replace(' ', 'T')}Z` : value);
    if (!Number.isNaN(t.getTime())) return { ...START, since: t };
  }
  throw problems.invalidCursor(value);
}

const formatCursor = (xid: string, seq: number) => `v1.${xid}.${seq}`;

type JsonObject = Record<string, unknown>;
const asObject = (v: unknown): JsonObject => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : {});
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** `{data: ...}` of a form envelope, a bare data object, or a review's draft form. */
function formData(form: unknown, fallbackEnvelope?: unknown): JsonObject {
  const f = asObject(form);
  if ('data' in f) return asObject(f.data);
  if (Object.keys(f).length) return f;
  return asObject(asObject(fallbackEnvelope).data);
}

function latest(...dates: (Date | null | undefined)[]): Date {
  return dates.filter((d): d is Date => d instanceof Date).reduce((a, b) => (b > a ? b : a));
}

function imageItem(jobId: string, img: IListImagesOfRoundsResult) {
  const meta = asObject(img.metadata_json);
  const url = `/v1/export/jobs/${encodeURIComponent(jobId)}/images/${encodeURIComponent(img.image_id)}`;
  return {
    image_ref: img.image_id,
    image_id: img.image_id,
    caption: img.caption ?? str(meta.caption) ?? str(meta.caption_text) ?? '',
    uploaded_at: img.uploaded_at_text,
    download_url: url,
    ...(img.report_artifact_path ? { report_download_url: `${url}?variant=report` } : {}),
    ...(img.latitude !== null || img.longitude !== null
      ? { gps: { latitude: img.latitude === null ? null : String(img.latitude), longitude: img.longitude === null ? null : String(img.longitude) } }
      : {}),
  };
}

function isCompleted(row: { status: string; final_kind: string | null }) {
  return row.status === 'ARCHIVED' && row.final_kind !== null;
}

/** The fields every feed item starts with. */
const jobHeader = (row: IListChangedJobsResult, changedAt: Date) => ({
  job_id: row.job_id,
  job_number: row.job_number,
  project_id: row.project_id,
  project: row.project,
  project_slug: row.project_slug,
  status: row.status,
  updated_at: isoSeconds(changedAt)!,
  created_at: isoSeconds(row.created_at)!,
});

function completedItem(row: IListChangedJobsResult, changedAt: Date) {
  const payload = asObject(row.final_payload);
  const profile = asObject(payload.profile);
  const jobPath = `/v1/export/jobs/${encodeURIComponent(row.job_id)}`;
  const reportImages = Array.isArray(payload.report_images) ? payload.report_images : [];
  return {
    ...jobHeader(row, changedAt),
    category: 'completed' as const,
    archived_at: isoSeconds(row.archived_at),
    profile: Object.keys(profile).length ? profile : null,
    final: {
      kind: row.final_kind!,
      round_id: row.final_round_id ?? str(payload.round_id),
      transcript: (str(payload.transcript) ?? '').trim(),
      form: { data: formData(payload.form) },
      report_images: reportImages.map((img, i) => {
        const o = asObject(img);
        return {
          image_ref: `report_${i + 1}`,
          caption: str(o.caption) ?? '',
          uploaded_at: str(o.uploaded_at),
          download_url: `${jobPath}/images/report_${i + 1}`,
        };
      }),
      geojson_url: row.geojson_id ? `${jobPath}/geojson` : null,
    },
  };
}

function inProcessItem(row: IListChangedJobsResult, images: IListImagesOfRoundsResult[], changedAt: Date) {
  const review = asObject(row.review_payload);
  return {
    ...jobHeader(row, changedAt),
    category: 'in_process' as const,
    profile: null,
    server_revision_id: row.round_server_revision_id ?? str(review.server_revision_id),
    review: {
      round_id: row.round_id,
      transcript: (str(review.transcript) ?? '').trim(),
      form: { data: formData(review.form, review.draft_form) },
      images: images.map((img) => imageItem(row.job_id, img)),
    },
  };
}

type Item = ReturnType<typeof inProcessItem> | ReturnType<typeof completedItem>;
const byUpdated = (a: Item, b: Item) => a.updated_at.localeCompare(b.updated_at) || a.job_number.localeCompare(b.job_number);

/**
 * One page of the feed read inside the caller's snapshot: the job rows after `position`, and the images of
 * their latest rounds; `client` is the cursor the client sent (what it had already seen).
 */
async function readPage(tx: PoolClient, client: Position, position: Position, limit: number) {
  const rows = await listChangedJobs.run(
    { afterXid: position.xid, afterSeq: position.seq, since: position.since, clientXid: client.xid, clientSeq: client.seq, limit: limit + 1 },
    tx,
  );
  const page = rows.slice(0, limit);
  const roundPks = page.filter((r) => !isCompleted(r) && r.round_pk).map((r) => r.round_pk!);
  const images = roundPks.length ? await listImagesOfRounds.run({ roundPks }, tx) : [];
  return { page, images, hasMore: rows.length > limit };
}

/**
 * GET /v1/export/changes. With a `limit`, one page and `has_more`; without one,
 * every change up to now (the old client sends no limit and ignores has_more),
 * read page by page inside one snapshot so the answer is consistent.
 */
export async function exportChanges(pool: Pool, options: { cursor?: string; limit?: number; readSize?: number }) {
  const start = parseCursor(options.cursor);
  const paged = options.limit !== undefined;
  const limit = paged ? Math.min(Math.max(options.limit!, 1), MAX_PAGE) : (options.readSize ?? MAX_PAGE);
  const withCursor = options.cursor !== undefined && options.cursor.trim() !== '';
  return withSnapshot(pool, async (tx) => {
    const inProcess: ReturnType<typeof inProcessItem>[] = [];
    const completed: ReturnType<typeof completedItem>[] = [];
    const transitioned: { job_id: string; job_number: string; previous_category: 'in_process'; current_category: 'completed'; updated_at: string }[] = [];
    let position = start;
    let last: IListChangedJobsResult | undefined;
    let hasMore: boolean;
    do {
      const { page, images, hasMore: more } = await readPage(tx, start, position, limit);
      hasMore = more;
      for (const row of page) {
        const own = images.filter((i) => i.round_pk === row.round_pk);
        const changedAt = latest(row.updated_at, row.round_updated_at, row.final_updated_at, row.geojson_updated_at, ...own.map((i) => i.updated_at));
        if (isCompleted(row)) {
          const item = completedItem(row, changedAt);
          completed.push(item);
          // Announced only when the client's last view of the job was in process.
          if (withCursor && row.seen_before_cursor && row.category_marker_before_cursor !== 'completed') {
            transitioned.push({ job_id: row.job_id, job_number: row.job_number, previous_category: 'in_process', current_category: 'completed', updated_at: item.updated_at });
          }
        } else {
          inProcess.push(inProcessItem(row, own, changedAt));
        }
      }
      last = page.at(-1) ?? last;
      // Later pages continue from the last row; an ISO cursor's time bound still applies to them.
      if (page.length) position = { xid: page.at(-1)!.change_xid, seq: page.at(-1)!.change_seq, since: start.since };
    } while (!paged && hasMore);

    let cursor: string;
    if (last) cursor = formatCursor(last.change_xid, last.change_seq);
    else if (start.since || !withCursor) {
      const [head] = await latestChangePosition.run(undefined, tx);
      cursor = head ? formatCursor(head.change_xid, head.change_seq) : formatCursor('0', 0);
    } else cursor = formatCursor(start.xid, start.seq);

    return {
      cursor,
      server_time: isoSeconds(new Date())!,
      has_more: hasMore,
      in_process: inProcess.sort(byUpdated),
      completed: completed.sort(byUpdated),
      transitioned_to_completed: transitioned,
    };
  });
}

export type ImageVariant = 'auto' | 'original' | 'report';

export function parseVariant(raw: string | undefined): ImageVariant {
  const v = (raw ?? 'auto').trim().toLowerCase() || 'auto';
  if (v === 'auto' || v === 'original' || v === 'report') return v;
  throw problems.invalidImageVariant(raw ?? '');
}

const CONTENT_TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.svg': 'image/svg+xml', '.webp': 'image/webp' };

/** A report image reference of a final payload as a store key: `stored_path`, or the key inside a legacy artifact_cache path. */
function reportImageKey(image: JsonObject): string | undefined {
  const candidates = [str(image.stored_path), str(image.key)];
  const legacy = str(image.path)?.match(/\/artifact_cache\/(jobs\/[^/]+\/sections\/job_photos\/images\/[^/]+\.report\.jpg)$/);
  if (legacy) candidates.push(legacy[1]!);
  for (const c of candidates) {
    if (!c) continue;
    try {
      return checkKey(c);
    } catch {
      // not a usable key; try the next
    }
  }
  return undefined;
}

export interface ExportFile {
  stream: Readable;
  contentType: string;
  filename: string;
}

async function open(store: ArtifactStore, key: string, notFound: () => Error): Promise<ExportFile> {
  try {
    const stream = await store.read(key);
    return { stream, contentType: CONTENT_TYPES[path.extname(key).toLowerCase()] ?? 'application/octet-stream', filename: path.posix.basename(key) };
  } catch (err) {
    if (err instanceof ArtifactNotFound) throw notFound();
    throw err;
  }
}

export async function exportImage(pool: Pool, store: ArtifactStore, jobId: string, imageRef: string, variant: ImageVariant): Promise<ExportFile> {
  const [job] = await findExportJob.run({ jobId }, pool);
  if (!job) throw problems.jobNotFound();
  if (job.status === 'ARCHIVED' && job.final_kind) {
    const m = /^report_(\d+)$/.exec(imageRef);
    const images = asObject(job.final_payload).report_images;
    const image = m && Array.isArray(images) ? images[Number(m[1]) - 1] : undefined;
    if (!image) throw problems.imageNotFound();
    const key = reportImageKey(asObject(image));
    if (!key) throw problems.reportImageNotFound();
    return open(store, key, problems.reportImageNotFound);
  }
  if (!job.round_pk) throw problems.imageNotFound();
  const [image] = await findRoundImage.run({ roundPk: job.round_pk, imageId: imageRef }, pool);
  if (!image) throw problems.imageNotFound();
  const key = variant === 'original' ? (image.artifact_path ?? image.report_artifact_path) : (image.report_artifact_path ?? image.artifact_path);
  if (!key) throw problems.exportImageArtifactNotFound();
  return open(store, key, problems.exportImageArtifactNotFound);
}

export async function exportGeojson(pool: Pool, jobId: string): Promise<unknown> {
  const [job] = await findExportJob.run({ jobId }, pool);
  if (!job) throw problems.jobNotFound();
  if (!job.geojson) throw problems.geojsonNotFound();
  return job.geojson;
}
