/**
 * Tree species identification through Pl@ntNet's identify API (api.md §2.11), shared by
 * POST /v1/trees/identify and `traq-admin tree identify` in local mode. Input checks give
 * the old server's texts; failures are values (ProviderResult), never thrown, and never
 * carry the API key (it travels in the query string, which no message includes).
 */
import type { ProviderFailure, ProviderResult } from './types.js';

export const IDENTIFY_ORGANS = ['auto', 'bark', 'flower', 'fruit', 'leaf'] as const;
export const IDENTIFY_IMAGE_TYPES = ['image/jpeg', 'image/png'] as const;
export const MAX_IDENTIFY_IMAGES = 5;

export interface PlantNetConfig {
  apiKey: string | undefined;
  /** e.g. `https://my-api.plantnet.org` (the `/v2/identify/<project>` path is added). */
  baseUrl: string;
  /** Default flora project (`all`). */
  project: string;
  timeoutMs: number;
}

export interface IdentifyImage {
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface IdentifyRequest {
  images: IdentifyImage[];
  /** Omitted/empty: `auto` for each image; one value: repeated; else one per image. */
  organs?: string[];
  project?: string | null;
  includeRelatedImages?: boolean;
  noReject?: boolean;
}

/** One best match, flattened from a Pl@ntNet result. */
export interface IdentifyMatch {
  scientific_name: string;
  common_names: string[];
  family: string | null;
  genus: string | null;
  score: number;
}

/** The old server's seven keys (top-level types coerced, nested content untouched), plus `matches`. */
export interface IdentifyAnswer {
  query: Record<string, unknown>;
  predictedOrgans: unknown[];
  bestMatch: string;
  results: unknown[];
  otherResults: unknown[];
  version: string;
  remainingIdentificationRequests: number;
  matches: IdentifyMatch[];
}

/** A request the caller must fix (400), with the old server's text. */
export class IdentifyInputError extends Error {}

/** The organs for `imageCount` images, or IdentifyInputError (api.md §2.11 step 5). */
export function normalizeOrgans(organs: string[] | undefined, imageCount: number): string[] {
  const given = (organs ?? []).map((o) => o.trim().toLowerCase()).filter(Boolean);
  if (!given.length) return Array<string>(imageCount).fill('auto');
  const all = given.length === 1 ? Array<string>(imageCount).fill(given[0]!) : given;
  if (all.length !== imageCount) throw new IdentifyInputError('organs must be omitted, provided once, or match the image count');
  const invalid = [...new Set(all.filter((o) => !(IDENTIFY_ORGANS as readonly string[]).includes(o)))].sort();
  if (invalid.length) throw new IdentifyInputError(`Invalid organs: ${invalid.join(', ')}`);
  return all;
}

/** Checks one image part as it arrives (type), and once read (not empty). */
export function checkImageType(contentType: string): void {
  if (!(IDENTIFY_IMAGE_TYPES as readonly string[]).includes(contentType)) throw new IdentifyInputError(`Unsupported image content type: ${contentType}`);
}

const fail = (message: string, kind: ProviderFailure['kind'], status?: number): ProviderFailure => ({ ok: false, kind, message, status, attempts: 1 });
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 300);

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
function matchOf(result: unknown): IdentifyMatch | null {
  if (typeof result !== 'object' || result === null) return null;
  const r = result as { score?: unknown; species?: Record<string, unknown> };
  const sp = r.species ?? {};
  const name = (v: unknown) => str((v as Record<string, unknown> | undefined)?.scientificNameWithoutAuthor) || null;
  const scientific = str(sp.scientificNameWithoutAuthor) || str(sp.scientificName);
  if (!scientific) return null;
  return {
    scientific_name: scientific,
    common_names: Array.isArray(sp.commonNames) ? sp.commonNames.filter((c): c is string => typeof c === 'string') : [],
    family: name(sp.family),
    genus: name(sp.genus),
    score: typeof r.score === 'number' ? r.score : 0,
  };
}

export function normalizeAnswer(payload: Record<string, unknown>): IdentifyAnswer {
  const obj = (v: unknown) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const arr = (v: unknown) => (Array.isArray(v) ? v : []);
  const results = arr(payload.results);
  const remaining = Number(payload.remainingIdentificationRequests);
  return {
    query: obj(payload.query),
    predictedOrgans: arr(payload.predictedOrgans),
    bestMatch: payload.bestMatch == null ? '' : String(payload.bestMatch),
    results,
    otherResults: arr(payload.otherResults),
    version: payload.version == null ? '' : String(payload.version),
    remainingIdentificationRequests: Number.isFinite(remaining) ? Math.trunc(remaining) : 0,
    matches: results.map(matchOf).filter((m): m is IdentifyMatch => m !== null),
  };
}

/**
 * `POST {base}/v2/identify/{project}?api-key=…` with the images and organs. Assumes the
 * request passed the input checks (normalizeOrgans, checkImageType, non-empty images).
 */
export async function identifyTree(config: PlantNetConfig, req: IdentifyRequest): Promise<ProviderResult<IdentifyAnswer>> {
  if (!config.apiKey) return fail('TRAQ_PLANTNET_API_KEY is not set', 'not_configured');
  const organs = normalizeOrgans(req.organs, req.images.length);
  const project = req.project?.trim() || config.project || 'all';
  const form = new FormData();
  for (const organ of organs) form.append('organs', organ);
  if (req.includeRelatedImages) form.append('include-related-images', 'true');
  if (req.noReject) form.append('no-reject', 'true');
  for (const img of req.images) form.append('images', new Blob([img.bytes as Uint8Array<ArrayBuffer>], { type: img.contentType }), img.filename);
  const url = `${config.baseUrl.replace(/\/+$/, '')}/v2/identify/${encodeURIComponent(project)}?api-key=${encodeURIComponent(config.apiKey)}`;
  const signal = AbortSignal.timeout(config.timeoutMs);
  let status: number;
  let text: string;
  try {
    const res = await fetch(url, { method: 'POST', body: form, signal });
    status = res.status;
    text = await res.text();
  } catch (err) {
    if (signal.aborted) return fail(`Pl@ntNet API request timed out after ${config.timeoutMs / 1000} s`, 'timeout');
    const e = err as Error & { cause?: { code?: string; message?: string } };
    return fail(`Pl@ntNet API request failed: ${oneLine(e.cause?.code ?? e.cause?.message ?? e.message)}`, 'network');
  }
  if (status < 200 || status > 299) return fail(`Pl@ntNet API error ${status}: ${oneLine(text.split(config.apiKey).join('***'))}`, 'http', status);
  let payload: unknown;
  try {
    payload = text ? JSON.parse(text) : {};
  } catch {
    return fail('Pl@ntNet API returned invalid JSON', 'malformed');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return fail('Pl@ntNet API returned a non-object response', 'malformed');
  return { ok: true, value: normalizeAnswer(payload as Record<string, unknown>), attempts: 1 };
}
