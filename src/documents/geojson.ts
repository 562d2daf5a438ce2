/**
 * The public-map GeoJSON of a final (data-model §7.2, api.md §5.2 step 11). Stored as
 * `job_geojson_exports.payload` and as `final[_correction].geojson`; published to
 * downstream maps, so it carries the tree and its assessment but not the customer.
 */
import type { FinalPayload } from './types.js';

/** `client_tree_details` keys that identify the customer, the place or the people: never published. */
export const SCRUBBED_TREE_DETAILS = ['client', 'address_tree_location', 'assessors', 'date', 'time'] as const;

export interface PointGeometry {
  type: 'Point';
  coordinates: [number, number];
}

export interface FinalFeature {
  type: 'Feature';
  geometry: PointGeometry | null;
  properties: {
    job_number: string | null;
    user_name: string | null;
    form_data: Record<string, unknown>;
    images: { caption: string | null; uploaded_at: string | null }[];
  };
}

export interface FinalFeatureCollection {
  type: 'FeatureCollection';
  features: [FinalFeature];
}

/** A finite number from a number or a numeric string; anything else is undefined. */
function coordinate(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.trim());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** `[lon, lat]` from `client_tree_details.gps` when both are numbers (or numeric strings) in range, else null. */
export function treeGeometry(formData: Record<string, unknown>): PointGeometry | null {
  const details = formData.client_tree_details as Record<string, unknown> | null | undefined;
  const gps = details && typeof details === 'object' ? (details.gps as Record<string, unknown> | null | undefined) : undefined;
  if (!gps || typeof gps !== 'object') return null;
  const lat = coordinate(gps.latitude);
  const lon = coordinate(gps.longitude);
  if (lat === undefined || lon === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { type: 'Point', coordinates: [lon, lat] };
}

/** The form's data without the customer-identifying `client_tree_details` keys (a copy). */
export function scrubFormData(formData: Record<string, unknown>): Record<string, unknown> {
  const data = structuredClone(formData);
  const details = data.client_tree_details;
  if (details && typeof details === 'object' && !Array.isArray(details)) {
    for (const key of SCRUBBED_TREE_DETAILS) delete (details as Record<string, unknown>)[key];
  }
  return data;
}

/**
 * The FeatureCollection for a final payload. `job_number` comes from the job row, not the
 * payload (the runtime payload has no job_number; see data-model §10 item 14).
 */
export function buildFinalGeoJson(payload: FinalPayload, jobNumber: string | null): FinalFeatureCollection {
  const data = payload.form?.data ?? {};
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: treeGeometry(data),
        properties: {
          job_number: jobNumber,
          user_name: payload.user_name ?? null,
          form_data: scrubFormData(data),
          images: (payload.report_images ?? []).map((img) => ({ caption: img.caption ?? null, uploaded_at: img.uploaded_at ?? null })),
        },
      },
    ],
  };
}

/** The bytes of final[_correction].geojson: 2-space indented JSON (data-model §7.2). */
export function geoJsonBuffer(fc: FinalFeatureCollection): Buffer {
  return Buffer.from(`${JSON.stringify(fc, null, 2)}\n`, 'utf8');
}
