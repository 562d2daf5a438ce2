/**
 * The cancellation scope of provider calls. The round worker runs a round's
 * processing inside `withCancellation(signal, ...)`; every provider HTTP call
 * made anywhere below it (transcriptions and extractions in parallel, their
 * retries) aborts when that signal fires, and no new call starts after it.
 * An AsyncLocalStorage scope rather than a parameter threaded through every
 * pipeline function and provider interface (issue #12 item 7).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<AbortSignal>();

export const withCancellation = <T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> => scope.run(signal, work);

/** The signal of the enclosing scope, if any. */
export const currentCancellation = (): AbortSignal | undefined => scope.getStore();
