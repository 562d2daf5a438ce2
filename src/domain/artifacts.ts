/**
 * Admin artifact fetch (api.md §2.13 "Inspection and artifact fetch",
 * data-model §7.5): the outputs of a job's preferred final (the correction
 * when there is one), read from job_finals / job_geojson_exports rows and the
 * artifact store. Nothing is written on the server (api.md §8.5 item 34).
 */
import { Readable } from 'node:stream';
import { ArtifactNotFound, type ArtifactStore } from '../artifacts/store.js';
import type { Pool } from '../db/pool.js';
import { problems } from './problems.js';
import { findFinalArtifact, findGeojsonOfFinal, findPreferredFinal, resolveJobRef, type artifact_kind } from '../queries/admin-artifacts.queries.js';
import { canonicalJson } from './canonical-json.js';

export const ARTIFACT_KINDS = ['report-pdf', 'traq-pdf', 'transcript', 'final-json', 'geo-json'] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];
export type ArtifactVariant = 'final' | 'correction';

export function parseArtifactKind(kind: string): ArtifactKind {
  if ((ARTIFACT_KINDS as readonly string[]).includes(kind)) return kind as ArtifactKind;
  throw problems.unsupportedArtifactKind(kind);
}

/** Download names of api.md §2.13, by kind and variant. */
export function artifactFilename(jobNumber: string, kind: ArtifactKind, variant: ArtifactVariant): string {
  const c = variant === 'correction';
  switch (kind) {
    case 'transcript':
      return c ? `${jobNumber}_correction_transcript.txt` : `${jobNumber}_transcript.txt`;
    case 'final-json':
      return c ? `${jobNumber}_correction.json` : `${jobNumber}_final.json`;
    case 'geo-json':
      return c ? `${jobNumber}_correction.geojson` : `${jobNumber}_final.geojson`;
    case 'report-pdf':
      return c ? `${jobNumber}_correction_report_letter.pdf` : `${jobNumber}_report_letter.pdf`;
    case 'traq-pdf':
      return c ? `${jobNumber}_correction_traq_page1.pdf` : `${jobNumber}_traq_page1.pdf`;
  }
}

const STORED_KIND: Record<'report-pdf' | 'traq-pdf', artifact_kind> = { 'report-pdf': 'report_pdf', 'traq-pdf': 'final_pdf' };

export interface ArtifactFile {
  jobId: string;
  jobNumber: string;
  variant: ArtifactVariant;
  filename: string;
  contentType: string;
  /** Known for every kind (stored size for files, encoded length for text). */
  size: number;
  stream: Readable;
}

/** A job by job_id or job number (any case); 404 `Job not found: <ref>`. */
export async function resolveJob(pool: Pool, ref: string) {
  const r = ref.trim();
  const [job] = r ? await resolveJobRef.run({ ref: r }, pool) : [];
  if (!job) throw problems.jobRefNotFound(ref);
  return job;
}

function text(job: { job_id: string; job_number: string }, kind: ArtifactKind, variant: ArtifactVariant, body: string, contentType: string): ArtifactFile {
  const bytes = Buffer.from(body, 'utf8');
  return {
    jobId: job.job_id,
    jobNumber: job.job_number,
    variant,
    filename: artifactFilename(job.job_number, kind, variant),
    contentType,
    size: bytes.length,
    stream: Readable.from([bytes]),
  };
}

export async function fetchArtifact(pool: Pool, store: ArtifactStore, jobRef: string, kindGiven: string): Promise<ArtifactFile> {
  const kind = parseArtifactKind(kindGiven);
  const job = await resolveJob(pool, jobRef);
  const [final] = await findPreferredFinal.run({ jobPk: job.job_pk }, pool);
  const variant = (final?.kind ?? 'final') as ArtifactVariant;
  switch (kind) {
    case 'final-json':
      if (!final) throw problems.noArchivedFinal(job.job_id);
      return text(job, kind, variant, canonicalJson(final.payload), 'application/json; charset=utf-8');
    case 'transcript': {
      const transcript = (final?.payload as { transcript?: unknown } | undefined)?.transcript;
      if (typeof transcript !== 'string' || transcript.trim() === '') throw problems.noArchivedTranscript(job.job_id);
      return text(job, kind, variant, transcript, 'text/plain; charset=utf-8');
    }
    case 'geo-json': {
      const [geo] = final ? await findGeojsonOfFinal.run({ jobPk: job.job_pk, jobFinalId: final.id }, pool) : [];
      if (!geo) throw problems.noArtifact(kind, job.job_id);
      return text(job, kind, geo.kind as ArtifactVariant, canonicalJson(geo.payload), 'application/geo+json');
    }
    case 'report-pdf':
    case 'traq-pdf': {
      const [row] = final ? await findFinalArtifact.run({ jobFinalId: final.id, kind: STORED_KIND[kind] }, pool) : [];
      if (!row) throw problems.noArtifact(kind, job.job_id);
      try {
        const stream = await store.read(row.path);
        const size = (await store.stat(row.path))?.size ?? row.byte_size;
        return { jobId: job.job_id, jobNumber: job.job_number, variant, filename: artifactFilename(job.job_number, kind, variant), contentType: row.content_type ?? 'application/pdf', size, stream };
      } catch (err) {
        if (err instanceof ArtifactNotFound) throw problems.noArtifact(kind, job.job_id);
        throw err;
      }
    }
  }
}
