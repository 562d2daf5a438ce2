/**
 * Voice notes and photos (api.md §2.7; decisions 5 and 9). Order of work for
 * an upload: check everything (guard, content type, declared size, round,
 * lock, id conflicts, photo limit) before reading a byte; stream the body to
 * a staged file (size-capped, hashed); inspect it (audio duration, photo
 * decode and report variant); one transaction for the row and its
 * placements (domain/placements.ts); then move the staged file into place. A
 * refused or interrupted upload leaves no file and no row; a kill after the
 * commit is finished by the start-up recovery pass (or the next write of the job). Uploads are idempotent by path id: the same bytes again change
 * nothing; new bytes replace the row and the previous file.
 */
import { Readable } from 'node:stream';
import { ArtifactTooLarge, checkKey, type ArtifactStore, type StagedArtifact } from '../artifacts/store.js';
import type { Pool, PoolClient } from '../db/pool.js';
import { withTransaction } from '../db/tx.js';
import { faultPoint } from '../faults.js';
import type { Principal } from './principal.js';
import { Problem, problems } from './problems.js';
import { countJobImages, findImage, findRecording, updateImageDetails, upsertImage, upsertRecording } from '../queries/media.queries.js';
import { findJobRoundState, findRound, lockJobRow } from '../queries/rounds.queries.js';
import { requireJobAccess } from './access.js';
import { checkJobWritable, checkRoundWritable } from './locks.js';
import { completePlacements, recordPlacements, type Placement } from './placements.js';

export const PHOTO_SECTION = 'job_photos';
export const MAX_PHOTOS_PER_JOB = 5;
const REPORT_MAX_SIDE = 1600;
const REPORT_JPEG_QUALITY = 72;

export interface MediaDeps {
  pool: Pool;
  store: ArtifactStore;
  config: { maxAudioBytes: number; maxImageBytes: number; maxImagePixels: number };
}

/** The raw request body, opened only once every check has passed. */
export interface UploadBody {
  contentType: string | undefined;
  contentLength: number | undefined;
  open(): Readable;
}

/** Thrown by the body stream when the client goes away before the end. */
export class UploadAborted extends Error {
  constructor() {
    super('client aborted the upload');
    this.name = 'UploadAborted';
  }
}

const AUDIO_EXTENSIONS: Record<string, string> = {
  'audio/mp4': '.m4a',
  'audio/m4a': '.m4a',
  'audio/x-m4a': '.m4a',
  'audio/aac': '.aac',
  'audio/wav': '.wav',
  'audio/x-wav': '.wav',
  'audio/wave': '.wav',
  'audio/mpeg': '.mp3',
  'audio/mp3': '.mp3',
  'audio/ogg': '.ogg',
  'audio/webm': '.webm',
  'audio/flac': '.flac',
  'audio/3gpp': '.3gp',
  'audio/amr': '.amr',
};
const IMAGE_EXTENSIONS: Record<string, string> = { 'image/jpeg': '.jpg', 'image/jpg': '.jpg', 'image/png': '.png' };
const ACCEPTED_AUDIO = 'audio/* (audio/mp4, audio/m4a, audio/aac, audio/wav, audio/mpeg, audio/ogg, audio/webm)';
const ACCEPTED_IMAGES = 'image/jpeg or image/png';

const mediaTypeOf = (contentType: string | undefined) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/** Audio extension by Content-Type; any other audio/* subtype is stored as .m4a, as the old server did. */
function audioExtension(mediaType: string): string | undefined {
  if (!/^audio\/[a-z0-9][a-z0-9.+-]*$/.test(mediaType)) return undefined;
  return AUDIO_EXTENSIONS[mediaType] ?? '.m4a';
}

const roundPrefix = (jobId: string, roundId: string, sectionId: string) => `jobs/${jobId}/rounds/${roundId}/sections/${sectionId}`;

interface Target {
  jobPk: string;
  jobId: string;
  round: { id: string; round_id: string };
}

/**
 * The round an upload or photo edit lands in: `?round_id=` when given (so a
 * retry lands in the round the client meant), else the job's latest round;
 * then the lock matrix. With `tx` the job row is locked, serializing with
 * round creation, reopen, submit and other uploads of the job.
 */
async function resolveTarget(
  db: Pool | PoolClient,
  principal: Principal,
  job: { id: string; job_id: string },
  roundId: string | undefined,
  what: 'recording upload' | 'image upload' | 'image patch',
  lock: boolean,
): Promise<Target> {
  const [state] = lock ? await lockJobRow.run({ jobPk: job.id }, db) : await findJobRoundState.run({ jobPk: job.id }, db);
  if (!state) throw problems.jobNotFound();
  checkJobWritable(principal, state);
  const wanted = roundId ?? state.latest_round_id;
  if (!wanted) throw problems.noActiveRound(what);
  const [round] = await findRound.run({ jobPk: job.id, roundId: wanted }, db);
  if (!round) throw problems.roundNotFound();
  checkRoundWritable(principal, state, round, 'media');
  return { jobPk: job.id, jobId: job.job_id, round };
}

function checkDeclaredLength(length: number | undefined, limit: number, what: 'Recording' | 'Image') {
  if (length !== undefined && length > limit) throw problems.uploadTooLarge(what, limit);
}

async function stageBody(store: ArtifactStore, body: UploadBody, limit: number, what: 'Recording' | 'Image'): Promise<StagedArtifact> {
  try {
    return await store.stage(body.open(), { maxBytes: limit });
  } catch (err) {
    if (err instanceof ArtifactTooLarge) throw problems.uploadTooLarge(what, limit);
    if (err instanceof UploadAborted) throw problems.uploadAborted();
    throw err;
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Recognises the recording by its content, not its Content-Type (issue #11
 * item 10): music-metadata guesses the container from the bytes (MP4/M4A/3GP,
 * WAV, MP3, Ogg, WebM, FLAC, AAC; AMR is recognised but not parsed). Bytes it
 * cannot place, or places as something other than audio, are refused (415).
 * Returns the duration when the container tells it, else null.
 */
async function probeAudio(staged: StagedArtifact): Promise<number | null> {
  // Loaded on first upload, not at start: the decoders are a large part of an idle server's memory.
  const { parseStream } = await import('music-metadata');
  let stream: Readable | undefined;
  try {
    stream = await staged.open();
    const meta = await parseStream(stream, { size: staged.size }, { duration: true, skipCovers: true });
    if (meta.format.hasAudio === false) throw problems.recordingNotAudio();
    const seconds = meta.format.duration;
    return seconds !== undefined && Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : null;
  } catch (err) {
    if (err instanceof Problem) throw err;
    const { name, message } = err as Error;
    if (name === 'CouldNotDetermineFileTypeError') throw problems.recordingNotAudio();
    if (name === 'UnsupportedFileTypeError' && !/: audio\//.test(message)) throw problems.recordingNotAudio();
    return null; // a recognised audio container whose details could not be read: kept, duration unknown
  } finally {
    stream?.destroy();
  }
}

/** PUT /v1/jobs/{job_id}/sections/{section_id}/recordings/{recording_id}. */
export async function uploadRecording(
  deps: MediaDeps,
  principal: Principal,
  input: { jobId: string; sectionId: string; recordingId: string; roundId?: string; body: UploadBody },
) {
  const { sectionId, recordingId } = input;
  const job = await requireJobAccess(deps.pool, principal, input.jobId);
  const mediaType = mediaTypeOf(input.body.contentType);
  const ext = audioExtension(mediaType);
  if (!ext) throw problems.unsupportedUploadType('recording', input.body.contentType ?? '', ACCEPTED_AUDIO);
  checkDeclaredLength(input.body.contentLength, deps.config.maxAudioBytes, 'Recording');

  const target = await resolveTarget(deps.pool, principal, job, input.roundId, 'recording upload', false);
  const key = checkKey(`${roundPrefix(target.jobId, target.round.round_id, sectionId)}/recordings/${recordingId}${ext}`);
  const [seen] = await findRecording.run({ roundPk: target.round.id, recordingId }, deps.pool);
  if (seen && seen.section_id !== sectionId) throw problems.recordingInOtherSection(recordingId, seen.section_id);
  if (input.body.contentLength === 0) throw problems.emptyUpload('recording');

  const staged = await stageBody(deps.store, input.body, deps.config.maxAudioBytes, 'Recording');
  let committed = false;
  try {
    if (staged.size === 0) throw problems.emptyUpload('recording');
    const durationMs = await probeAudio(staged);
    const outcome = await withTransaction(deps.pool, async (tx) => {
      const { round } = await resolveTarget(tx, principal, job, target.round.round_id, 'recording upload', true);
      const [existing] = await findRecording.run({ roundPk: round.id, recordingId }, tx);
      if (existing && existing.section_id !== sectionId) throw problems.recordingInOtherSection(recordingId, existing.section_id);
      if (existing && existing.sha256 === staged.sha256 && existing.artifact_path === key && existing.content_type === input.body.contentType) {
        return { changed: false };
      }
      await upsertRecording.run(
        {
          roundPk: round.id,
          sectionId,
          recordingId,
          contentType: input.body.contentType ?? mediaType,
          byteSize: staged.size,
          sha256: staged.sha256,
          durationMs,
          artifactPath: key,
          metadata: JSON.stringify({ media_type: mediaType, ext }),
        },
        tx,
      );
      // Recorded under the job row lock: racing uploads of one id are placed in the order they commit.
      await recordPlacements(tx, target.jobPk, [{ key, staged }, ...replacedFile(existing?.artifact_path, key)]);
      return { changed: true };
    });
    committed = outcome.changed;
    faultPoint('upload.after-commit');
    await completePlacements(deps.pool, deps.store, target.jobPk); // also finishes what a killed earlier write left
    return { ok: true as const, job_id: target.jobId, section_id: sectionId, recording_id: recordingId, bytes: staged.size };
  } finally {
    if (!committed) await staged.discard();
  }
}

/** A replacement under another name (another extension): the old file goes with the commit's placements. */
const replacedFile = (previousKey: string | null | undefined, key: string): Placement[] =>
  previousKey && previousKey !== key ? [{ key: previousKey, delete: true }] : [];

/**
 * The report variant: EXIF-rotated, sRGB on white, within 1600×1600, JPEG q72.
 * Undecodable bytes are refused, and so is a picture above the pixel limit,
 * read from its header before anything is decoded (a 16,000 × 16,000 PNG took
 * 5 s of CPU); sharp's limitInputPixels holds the same line while decoding.
 */
async function reportVariant(staged: StagedArtifact, maxPixels: number): Promise<Buffer> {
  const { default: sharp } = await import('sharp'); // on first photo, not at start (libvips is ~30 MB resident)
  const input = await readAll(await staged.open());
  try {
    const { format, width, height } = await sharp(input, { limitInputPixels: false }).metadata();
    if (format !== 'jpeg' && format !== 'png') throw problems.imageNotDecodable();
    if (!width || !height || width * height > maxPixels) throw problems.imageTooManyPixels(width ?? 0, height ?? 0, maxPixels);
    return await sharp(input, { failOn: 'error', limitInputPixels: maxPixels })
      .rotate()
      .resize(REPORT_MAX_SIDE, REPORT_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .jpeg({ quality: REPORT_JPEG_QUALITY })
      .toBuffer();
  } catch (err) {
    if (err instanceof Problem) throw err;
    throw problems.imageNotDecodable();
  }
}

function checkSection(sectionId: string) {
  if (sectionId !== PHOTO_SECTION) throw problems.imagesOnlyInJobPhotos();
}

async function checkPhotoLimit(db: Pool | PoolClient, jobPk: string, imageId: string) {
  const [{ count, already_known }] = (await countJobImages.run({ jobPk, imageId }, db)) as [{ count: number; already_known: boolean | null }];
  if (!already_known && count >= MAX_PHOTOS_PER_JOB) throw problems.imageLimit();
}

/** PUT /v1/jobs/{job_id}/sections/job_photos/images/{image_id}. */
export async function uploadImage(
  deps: MediaDeps,
  principal: Principal,
  input: { jobId: string; sectionId: string; imageId: string; roundId?: string; body: UploadBody },
) {
  const { sectionId, imageId } = input;
  checkSection(sectionId);
  const job = await requireJobAccess(deps.pool, principal, input.jobId);
  const mediaType = mediaTypeOf(input.body.contentType);
  const ext = IMAGE_EXTENSIONS[mediaType];
  if (!ext) throw problems.unsupportedUploadType('image', input.body.contentType ?? '', ACCEPTED_IMAGES);
  checkDeclaredLength(input.body.contentLength, deps.config.maxImageBytes, 'Image');

  const target = await resolveTarget(deps.pool, principal, job, input.roundId, 'image upload', false);
  const folder = `${roundPrefix(target.jobId, target.round.round_id, sectionId)}/images`;
  const key = checkKey(`${folder}/${imageId}${ext}`);
  const reportKey = checkKey(`${folder}/${imageId}.report.jpg`);
  await checkPhotoLimit(deps.pool, target.jobPk, imageId);
  if (input.body.contentLength === 0) throw problems.emptyUpload('image');

  const staged = await stageBody(deps.store, input.body, deps.config.maxImageBytes, 'Image');
  let report: StagedArtifact | undefined;
  let committed = false;
  try {
    if (staged.size === 0) throw problems.emptyUpload('image');
    report = await deps.store.stage(Readable.from([await reportVariant(staged, deps.config.maxImagePixels)]));
    const reportSize = report.size;
    const outcome = await withTransaction(deps.pool, async (tx) => {
      const { round } = await resolveTarget(tx, principal, job, target.round.round_id, 'image upload', true);
      await checkPhotoLimit(tx, target.jobPk, imageId);
      const [existing] = await findImage.run({ roundPk: round.id, imageId }, tx);
      if (existing && existing.sha256 === staged.sha256 && existing.artifact_path === key && existing.content_type === input.body.contentType) {
        return { changed: false };
      }
      await upsertImage.run(
        {
          roundPk: round.id,
          imageId,
          contentType: input.body.contentType ?? mediaType,
          byteSize: staged.size,
          sha256: staged.sha256,
          artifactPath: key,
          reportArtifactPath: reportKey,
          reportByteSize: reportSize,
          metadata: JSON.stringify({ media_type: mediaType, ext }),
        },
        tx,
      );
      // Recorded under the job row lock: racing uploads of one id are placed in the order they commit.
      await recordPlacements(tx, target.jobPk, [{ key, staged }, { key: reportKey, staged: report! }, ...replacedFile(existing?.artifact_path, key)]);
      return { changed: true };
    });
    committed = outcome.changed;
    faultPoint('upload.after-commit');
    await completePlacements(deps.pool, deps.store, target.jobPk); // also finishes what a killed earlier write left
    return { ok: true as const, job_id: target.jobId, section_id: sectionId, image_id: imageId, bytes: staged.size };
  } finally {
    if (!committed) {
      await staged.discard();
      await report?.discard();
    }
  }
}

/** Parsed PATCH body: a key that is absent keeps the stored value; null clears it. */
export interface ImageDetailsPatch {
  caption?: string | null;
  gps?: { latitude?: number | null; longitude?: number | null } | null;
  latitude?: number | null;
  longitude?: number | null;
}

/** PATCH /v1/jobs/{job_id}/sections/job_photos/images/{image_id}: caption and GPS. */
export async function patchImageDetails(
  deps: Pick<MediaDeps, 'pool'>,
  principal: Principal,
  input: { jobId: string; sectionId: string; imageId: string; roundId?: string; patch: ImageDetailsPatch },
) {
  checkSection(input.sectionId);
  const job = await requireJobAccess(deps.pool, principal, input.jobId);
  return withTransaction(deps.pool, async (tx) => {
    const { round } = await resolveTarget(tx, principal, job, input.roundId, 'image patch', true);
    const [image] = await findImage.run({ roundPk: round.id, imageId: input.imageId }, tx);
    if (!image) throw problems.imageNotFound();
    const { patch } = input;
    const pick = (axis: 'latitude' | 'longitude', stored: number | null) => {
      if (patch.gps === null) return null;
      if (patch.gps && patch.gps[axis] !== undefined) return patch.gps[axis] ?? null;
      if (patch[axis] !== undefined) return patch[axis] ?? null;
      return stored;
    };
    const caption = patch.caption === undefined ? image.caption : patch.caption?.trim() || null;
    await updateImageDetails.run(
      { imagePk: image.id, caption, latitude: pick('latitude', image.latitude), longitude: pick('longitude', image.longitude) },
      tx,
    );
    return { ok: true as const, job_id: job.job_id, section_id: input.sectionId, image_id: input.imageId };
  });
}
