/**
 * What the artifact store needs from a place that keeps bytes: the smallest interface that both a local
 * folder and an S3-compatible bucket can keep with the same crash-safety rules (issue #12, issue #15).
 *
 * The store owns keys (checked before they reach a backend), hashing, the size cap and fault injection;
 * a backend only moves bytes. Staged objects live under names the store chooses (`<uuid>.part`) in a
 * reserved area that `list` never shows.
 */
import type { Readable, Transform } from 'node:stream';

/** Inclusive byte range, as in an HTTP Range header (`end` omitted = to the end). */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface ArtifactBackend {
  /** Where the bytes live, for start-up lines and error messages (a folder, or s3://bucket/prefix). */
  readonly where: string;
  /** Start-up check: the folder can be created, or the bucket answers (HeadBucket). */
  check(): Promise<void>;
  /**
   * Streams `source` through `through` (the store's hashing and size cap) into the staged object `name`.
   * Resolves once the bytes are durable; on any failure nothing stays under `name`.
   */
  putStaged(name: string, source: Readable | AsyncIterable<Buffer>, through: Transform): Promise<void>;
  openStaged(name: string): Promise<Readable>;
  /** Makes staged bytes visible under `key` (replacing it); 'absent' when no staged object has that name. */
  placeStaged(name: string, key: string): Promise<'placed' | 'absent'>;
  deleteStaged(name: string): Promise<void>;
  /** Every staged object with its last-modified time (for the sweep of killed uploads). */
  listStaged(): Promise<{ name: string; modifiedMs: number }[]>;
  /** The bytes under `key` (or a range of them); undefined when absent. */
  read(key: string, range?: ByteRange): Promise<Readable | undefined>;
  stat(key: string): Promise<{ size: number } | undefined>;
  /** Moves `from` to `to`; false when `from` is absent. */
  move(from: string, to: string): Promise<boolean>;
  /** false when there was nothing to remove. */
  delete(key: string): Promise<boolean>;
  /** Every key under the folder `prefix` ('' = everything), staged objects excluded, in any order. */
  list(prefix: string): Promise<string[]>;
}

/** A bucket backend's `where`: known from the settings alone, before the SDK is loaded. */
export const bucketWhere = (s: { bucket: string; prefix: string }) => `s3://${s.bucket}/${s.prefix}`;
