import type { Test } from 'tap';

/** Asserts that `p` rejects with an error whose fields match `wanted` (status, detail, code, constraint, ...). */
export async function rejectsWith(t: Test, p: Promise<unknown>, wanted: Record<string, unknown>, message?: string): Promise<void> {
  const outcome = await p.then(
    () => ({ resolved: true as const }),
    (err: unknown) => ({ resolved: false as const, err }),
  );
  if (outcome.resolved) {
    t.fail(message ?? 'expected a rejection', { wanted });
    return;
  }
  t.match(outcome.err, wanted, message ?? `rejects with ${JSON.stringify(wanted)}`);
}
