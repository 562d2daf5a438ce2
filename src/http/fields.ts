import { z } from 'zod';

/**
 * A string that fits its column: at most `max` characters (422 above, never a
 * database error) and no NUL character, which PostgreSQL text and jsonb refuse.
 * With `trim`, surrounding whitespace is removed before the length check.
 */
export const boundedText = (max: number, options: { trim?: boolean } = {}) =>
  (options.trim ? z.string().trim() : z.string())
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');

/** A JSON object kept in a jsonb column, capped in serialized size. */
export const boundedObject = (maxBytes: number) =>
  z
    .record(z.string(), z.unknown())
    .refine((o) => Buffer.byteLength(JSON.stringify(o)) <= maxBytes, `must be at most ${maxBytes} bytes as JSON`)
    .refine((o) => !JSON.stringify(o).includes('\\u0000'), 'must not contain NUL characters');

/** Free-text limits, repeated as named CHECK constraints (migration 20261201101000000). */
export const ADDRESS_MAX = 1000;
export const NOTES_MAX = 4000;
export const CAPTION_MAX = 1000;
