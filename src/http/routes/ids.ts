import { z } from 'zod';

/**
 * Path ids that end up in artifact keys. Same patterns as the database CHECKs
 * (migrations 2 and 3), so "../x", "a/b" or "%2e%2e" never reach the store:
 * they are a 422 before anything is read or written.
 */
export const JobId = z
  .string()
  .min(1)
  .max(128)
  .refine((s) => !/[/\\\0]/.test(s) && s !== '.' && s !== '..', 'must not contain "/", "\\" or be "." or ".."');
export const SectionId = z.string().max(128).regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, 'letters, digits, "_", "." and "-" only');
export const MediaId = z.string().max(255).regex(/^[A-Za-z0-9_][A-Za-z0-9_.:-]*$/, 'letters, digits, "_", ".", ":" and "-" only');
/** A photo id must not end in ".report": that name is the report variant beside the original. */
export const ImageId = MediaId.refine((s) => !s.endsWith('.report'), 'must not end in ".report"');
export const RoundIdFormat = z.string().regex(/^round_[1-9][0-9]{0,8}$/, 'must be round_<n>');
/** Round ids in lookups: anything not found is a 404 `Round not found` (the client treats it as authoritative). */
export const RoundIdLookup = z.string().min(1).max(128);
