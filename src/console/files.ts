/**
 * Bytes the console pages embed or offer: recordings (with HTTP ranges, so the
 * browser's audio element can seek), photos, and the outputs of a final or
 * correction. Rows come from the database; bytes from the artifact store.
 */
import type { Context } from 'koa';
import { ArtifactNotFound } from '../artifacts/store.js';
import { resolveJob } from '../domain/artifacts.js';
import { FINAL_OUTPUTS, finalKey, OUTPUT_FILES, type FinalKind, type FinalOutput } from '../domain/final-files.js';
import { Problem } from '../domain/problems.js';
import { consoleImageFile, consoleRecordingFile } from '../queries/console.queries.js';
import type { ConsoleRouter, Signed } from './routes.js';

const missing = (what: string) => new Problem(404, 'not_found', `${what} not found`);

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` against `size`: the inclusive span, 'unsatisfiable', or null to send everything. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!m || (m[1] === '' && m[2] === '')) return null; // absent, several ranges or another unit: the whole file (RFC 9110 allows it)
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

async function sendStored(ctx: Context, c: Signed, key: string, contentType: string, what: string) {
  const stat = await c.deps.store.stat(key);
  if (!stat) throw missing(what);
  const range = parseRange(ctx.get('range') || undefined, stat.size);
  ctx.set('Accept-Ranges', 'bytes');
  ctx.set('Cache-Control', 'private, no-cache');
  if (range === 'unsatisfiable') {
    ctx.status = 416;
    ctx.set('Content-Range', `bytes */${stat.size}`);
    ctx.body = '';
    return;
  }
  try {
    ctx.body = range ? await c.deps.store.readRange(key, range.start, range.end) : await c.deps.store.read(key);
  } catch (err) {
    if (err instanceof ArtifactNotFound) throw missing(what);
    throw err;
  }
  ctx.type = contentType;
  if (range) {
    ctx.status = 206;
    ctx.set('Content-Range', `bytes ${range.start}-${range.end}/${stat.size}`);
    ctx.length = range.end - range.start + 1;
  } else ctx.length = stat.size;
}

export function fileRoutes(r: ConsoleRouter) {
  r.get('/jobs/:job_id/rounds/:round_id/recordings/:recording_id', async (ctx, c) => {
    const job = await resolveJob(c.deps.pool, ctx.params.job_id!);
    const [rec] = await consoleRecordingFile.run({ jobPk: job.job_pk, roundId: ctx.params.round_id!, recordingId: ctx.params.recording_id! }, c.deps.pool);
    if (!rec?.artifact_path) throw missing('Recording');
    await sendStored(ctx, c, rec.artifact_path, rec.content_type ?? 'application/octet-stream', 'Recording');
  });

  r.get('/jobs/:job_id/rounds/:round_id/images/:image_id', async (ctx, c) => {
    const job = await resolveJob(c.deps.pool, ctx.params.job_id!);
    const [img] = await consoleImageFile.run({ jobPk: job.job_pk, roundId: ctx.params.round_id!, imageId: ctx.params.image_id! }, c.deps.pool);
    if (!img?.path) throw missing('Photo');
    await sendStored(ctx, c, img.path, img.content_type ?? 'image/jpeg', 'Photo');
  });

  r.get('/jobs/:job_id/outputs/:kind/:output', async (ctx, c) => {
    const kind = ctx.params.kind as FinalKind;
    const output = ctx.params.output as FinalOutput;
    if ((kind !== 'final' && kind !== 'correction') || !FINAL_OUTPUTS.includes(output)) throw missing('Output');
    const job = await resolveJob(c.deps.pool, ctx.params.job_id!);
    const file = OUTPUT_FILES[output];
    const name = `${job.job_number}_${file.name(kind === 'correction' ? '_correction' : '')}`;
    await sendStored(ctx, c, finalKey(job.job_id, kind, output), file.contentType, 'Output');
    ctx.set('Content-Disposition', `${ctx.query.open ? 'inline' : 'attachment'}; filename="${name}"`);
  });
}
