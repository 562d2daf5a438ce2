/**
 * What a test sees of an artifact store, the same on local disk and in a bucket (the S3 pass): every key
 * including staged leftovers, and which keys a piece of code replaced.
 */
import { openArtifactStore } from '../../src/artifacts/open.js';
import type { ArtifactStore } from '../../src/artifacts/store.js';
import { loadConfig } from '../../src/config.js';
import { storeEnv } from './s3.js';

/** The artifact store of the data folder `dataDir` (its artifacts/ folder, or its prefix in the S3 pass). */
export function openTestStore(dataDir: string): Promise<ArtifactStore> {
  return openArtifactStore(loadConfig({ TRAQ_ENV: 'test', ...storeEnv(dataDir) }));
}

/** Names of the staged objects (`.tmp/` on disk, `<prefix>.tmp/` in the bucket): killed or aborted writes. */
export async function stagedNames(store: ArtifactStore): Promise<string[]> {
  return (await store.backend.listStaged()).map((s) => s.name).sort();
}

/** Every key in the store plus every staged object as `.tmp/<name>`, sorted. */
export async function allKeys(store: ArtifactStore): Promise<string[]> {
  return [...(await store.list()), ...(await stagedNames(store)).map((n) => `.tmp/${n}`)].sort();
}

/** Records every key whose bytes get placed or moved from now on (the store's only ways to replace an object). */
export function watchPlacements(store: ArtifactStore): string[] {
  const placed: string[] = [];
  const backend = store.backend;
  const placeStaged = backend.placeStaged.bind(backend);
  const move = backend.move.bind(backend);
  backend.placeStaged = async (name, key) => {
    placed.push(key);
    return placeStaged(name, key);
  };
  backend.move = async (from, to) => {
    placed.push(to);
    return move(from, to);
  };
  return placed;
}
