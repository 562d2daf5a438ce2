/**
 * Test-only fault hooks for the crash suite (issue #12). Inert unless TRAQ_ENV=test:
 *
 * - TRAQ_FAULT_POINT=<name>[#n]: the process SIGKILLs itself when it reaches the point named <name>
 *   (e.g. final.after-commit) for the n-th time (default 1st), as a power cut or an OOM kill would;
 * - TRAQ_FAULT_ERROR=<name>:<ERRNO>: the operation at <name> fails with that errno (e.g.
 *   store.write:ENOSPC for a full disk).
 *
 * Read from the environment at each call, so a test process may arm and disarm them.
 */
const armed = () => process.env.TRAQ_ENV === 'test';

const hits = new Map<string, number>();

export function faultPoint(name: string): void {
  if (!armed() || !process.env.TRAQ_FAULT_POINT) return;
  const [point, nth = '1'] = process.env.TRAQ_FAULT_POINT.split('#');
  if (point !== name) return;
  const hit = (hits.get(name) ?? 0) + 1;
  hits.set(name, hit);
  if (hit === Number(nth)) process.kill(process.pid, 'SIGKILL');
}

/** The errno error armed for `name`, if any. */
export function faultError(name: string): NodeJS.ErrnoException | undefined {
  if (!armed()) return undefined;
  const [point, code] = (process.env.TRAQ_FAULT_ERROR ?? '').split(':');
  if (point !== name || !code) return undefined;
  const err = new Error(`${code}: injected fault at ${name}`) as NodeJS.ErrnoException;
  err.code = code;
  return err;
}
