/**
 * Crash-safe artifact writes (issue #12 items 1, 2). A write request stages
 * its bytes, then in the transaction that writes the rows naming the final
 * keys it records a placement per key (staged key → key, or a deletion).
 * After COMMIT it performs them (`completePlacements`). A process killed in
 * between leaves committed placements; the same-request retry and the
 * start-up recovery pass perform them, so the files always end up as the rows
 * say. Per key only the latest placement (commit order) is performed; older
 * staged bytes for that key are thrown away.
 */
import type { ArtifactStore, StagedArtifact } from '../artifacts/store.js';
import type { Pool, PoolClient } from '../db/pool.js';
import { withTransaction } from '../db/tx.js';
import { faultPoint } from '../faults.js';
import type { Logger } from '../logger.js';
import { deletePlacements, insertPlacement, listStagedKeys, lockPendingPlacements } from '../queries/placements.queries.js';

export type Placement = { key: string; staged: StagedArtifact } | { key: string; delete: true };

/** Records, inside the transaction that writes the rows naming these keys, what must happen to the files. */
export async function recordPlacements(tx: PoolClient, jobPk: string, placements: Placement[]): Promise<void> {
  for (const p of placements) {
    const staged = 'staged' in p ? p.staged : undefined;
    await insertPlacement.run({ jobPk, key: p.key, stagedKey: staged?.stagedKey ?? null, byteSize: staged?.size ?? null, sha256: staged?.sha256 ?? null }, tx);
  }
}

/**
 * Performs the committed placements of one job (or of all jobs: the start-up pass) and deletes their rows.
 * Rows are locked while the files move, so concurrent finishers take turns; safe to repeat after a kill.
 * Returns the number of files moved or deleted.
 */
export async function completePlacements(pool: Pool, store: ArtifactStore, jobPk: string | null): Promise<number> {
  return withTransaction(pool, async (tx) => {
    const rows = await lockPendingPlacements.run({ jobPk }, tx);
    if (rows.length === 0) return 0;
    const latest = new Map<string, (typeof rows)[number]>();
    for (const row of rows) latest.set(row.key, row); // id order: the last one per key wins
    let done = 0;
    for (const row of latest.values()) {
      if (row.staged_key) {
        if ((await store.place(row.staged_key, row.key)) === 'placed') done++;
      } else if (await store.delete(row.key)) {
        done++;
      }
      faultPoint('placement.after-first-move');
    }
    for (const row of rows) if (row.staged_key && latest.get(row.key) !== row) await store.discardStaged(row.staged_key);
    await deletePlacements.run({ ids: rows.map((r) => r.id) }, tx);
    return done;
  });
}

/** Start-up and timer housekeeping: finish every committed placement, then remove staged files nobody recorded. */
export async function recoverArtifacts(pool: Pool, store: ArtifactStore, tempMaxAgeMs: number): Promise<{ placed: number; swept: number }> {
  const placed = await completePlacements(pool, store, null);
  const keep = new Set((await listStagedKeys.run(undefined, pool)).map((r) => r.staged_key));
  const swept = await store.sweepStaged(tempMaxAgeMs, keep);
  return { placed, swept };
}

/**
 * Runs `recoverArtifacts` now (start-up: before the server listens) and then every quarter of the temp age
 * (between 1 s and 15 minutes); the timer logs its failures (the database may be restarting) and carries on.
 */
export async function startArtifactHousekeeping(
  deps: { pool: Pool; store: ArtifactStore; logger: Pick<Logger, 'info' | 'warn'> },
  tempMaxAgeSeconds: number,
): Promise<{ placed: number; swept: number; timer: NodeJS.Timeout }> {
  const ageMs = tempMaxAgeSeconds * 1000;
  const first = await recoverArtifacts(deps.pool, deps.store, ageMs);
  if (first.placed || first.swept) deps.logger.info({ recovery: first }, 'artifact recovery at start-up');
  const timer = setInterval(() => {
    recoverArtifacts(deps.pool, deps.store, ageMs)
      .then((r) => (r.placed || r.swept) && deps.logger.info({ recovery: r }, 'artifact housekeeping'))
      .catch((err: Error) => deps.logger.warn({ err: err.message }, 'artifact housekeeping failed; will try again'));
  }, Math.max(1000, Math.min(ageMs / 4, 15 * 60_000)));
  timer.unref();
  return { ...first, timer };
}
