/** `2026-03-24T18:31:00Z`: the seconds-precision UTC form the API uses for DB times (api.md §0.2). */
export function isoSeconds(d: Date | string | null | undefined): string | null {
  if (d === null || d === undefined) return null;
  const date = typeof d === 'string' ? new Date(d) : d;
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** `2026-03-24T18:31:00.123456Z`: the microsecond form used in media metadata and final payloads. */
export function isoMicros(d: Date | string | null | undefined): string | null {
  if (d === null || d === undefined) return null;
  const date = typeof d === 'string' ? new Date(d) : d;
  return `${date.toISOString().slice(0, 23)}000Z`;
}
