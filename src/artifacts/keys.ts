/** Artifact keys and the store's errors, shared by the store and its backends. */

export class InvalidArtifactKey extends Error {
  constructor(key: unknown, why: string) {
    super(`Invalid artifact key ${JSON.stringify(key)}: ${why}`);
    this.name = 'InvalidArtifactKey';
  }
}

export class ArtifactTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`Artifact exceeds the limit of ${limit} bytes`);
    this.name = 'ArtifactTooLarge';
  }
}

export class ArtifactNotFound extends Error {
  constructor(readonly key: string) {
    super(`Artifact not found: ${key}`);
    this.name = 'ArtifactNotFound';
  }
}

/**
 * The place that keeps the bytes does not answer (a bucket's endpoint refusing or timing out, answering 5xx
 * after the SDK's retries, or the bucket gone). Nothing was stored or read; the caller may retry later.
 */
export class StorageUnavailable extends Error {
  constructor(where: string, override readonly cause: unknown) {
    super(`artifact storage ${where} is unavailable: ${(cause as Error)?.name && (cause as Error).name !== 'Error' ? `${(cause as Error).name} ` : ''}${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'StorageUnavailable';
  }
}

/** The reserved top-level folder (or key prefix) that holds staged bytes; no key may start with it. */
export const STAGED_DIR = '.tmp';
const MAX_KEY_LENGTH = 1024;
const STAGED_KEY = /^[0-9a-f-]{36}\.part$/;

/** Validates a key; returns its normalised form. Never touches the disk. */
export function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0) throw new InvalidArtifactKey(key, 'must be a non-empty string');
  if (key.length > MAX_KEY_LENGTH) throw new InvalidArtifactKey(key, `longer than ${MAX_KEY_LENGTH} characters`);
  if (key.includes('\0')) throw new InvalidArtifactKey(key, 'contains a NUL byte');
  if (key.includes('\\')) throw new InvalidArtifactKey(key, 'contains a backslash');
  if (key.startsWith('/') || /^[A-Za-z]:/.test(key)) throw new InvalidArtifactKey(key, 'must be relative');
  for (const part of key.split('/')) {
    if (part === '' || part === '.' || part === '..') throw new InvalidArtifactKey(key, 'has an empty, "." or ".." segment');
  }
  if (key.split('/')[0] === STAGED_DIR) throw new InvalidArtifactKey(key, `${STAGED_DIR}/ is reserved`);
  return key;
}

/** Validates a staged name (as recorded in artifact_placements). */
export function checkStagedKey(stagedKey: string): string {
  if (!STAGED_KEY.test(stagedKey)) throw new InvalidArtifactKey(stagedKey, 'is not a staged key');
  return stagedKey;
}
