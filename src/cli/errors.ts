/**
 * Exit codes of traq-admin (documented in the README "CLI" section):
 *   0  done
 *   1  failure (server error, unreachable host, a job that could not be staged, an I/O error)
 *   2  usage error: a bad or missing argument, or a request the server refused as invalid (400/422)
 *   3  not found or refused: unknown job/device/image (404), bad credentials (401), not allowed or
 *      in the wrong state (403/409)
 */
export const EXIT = { ok: 0, failure: 1, usage: 2, refused: 3 } as const;

/** A failure with its exit code and the one line to print on stderr. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(message, EXIT.usage);
export const notFound = (message: string) => new CliError(message, EXIT.refused);

/** A refusal from the API (remote mode) or a domain Problem (local mode) share these fields. */
interface StatusError {
  status: number;
  detail: unknown;
}

const isStatusError = (err: unknown): err is StatusError =>
  typeof err === 'object' && err !== null && typeof (err as StatusError).status === 'number' && 'detail' in err;

function detailText(detail: unknown): string {
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) {
    return detail
      .map((d: { loc?: unknown[]; msg?: string }) => `${(d.loc ?? []).join('.')}: ${d.msg ?? 'invalid'}`)
      .join('; ');
  }
  return JSON.stringify(detail);
}

/** The exit code and message for anything a command threw. */
export function describeFailure(err: unknown): { code: number; message: string } {
  if (err instanceof CliError) return { code: err.exitCode, message: err.message };
  if (isStatusError(err)) {
    const code = err.status === 400 || err.status === 422 ? EXIT.usage : [401, 403, 404, 409].includes(err.status) ? EXIT.refused : EXIT.failure;
    return { code, message: detailText(err.detail) };
  }
  // Remote failures to connect are worded by the HTTP client; these come from the database (local mode).
  if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', '28P01', '3D000'].includes((err as { code?: string }).code ?? '')) {
    return { code: EXIT.failure, message: `Cannot use the database (local mode): ${(err as Error).message}` };
  }
  if ((err as { code?: string }).code === '42P01') {
    return { code: EXIT.failure, message: `The database has no traq schema yet (${(err as Error).message}); start the server once or run npm run db:migrate` };
  }
  return { code: EXIT.failure, message: err instanceof Error ? err.message : String(err) };
}
