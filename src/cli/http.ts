/** Remote mode: the HTTP API with the admin key, errors turned into ApiError (status + detail). */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { CliError } from './errors.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly detail: unknown,
  ) {
    super(typeof detail === 'string' ? detail : `HTTP ${status}`);
  }
}

export interface Download {
  stream: Readable;
  filename: string | undefined;
  contentType: string | undefined;
  headers: Headers;
}

const filenameOf = (disposition: string | null) => disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i)?.[1];

export class RemoteClient {
  readonly host: string;

  constructor(
    host: string,
    private readonly apiKey: string,
  ) {
    this.host = host.replace(/\/+$/, '');
  }

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(this.host + path, {
        method,
        // A FormData body is sent as multipart/form-data (fetch writes its boundary header).
        headers: { 'x-api-key': this.apiKey, ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
      });
    } catch (err) {
      const cause = (err as { cause?: { message?: string } }).cause?.message;
      throw new CliError(`Cannot reach ${this.host}: ${cause ?? (err as Error).message}`);
    }
    if (!res.ok) {
      const text = await res.text();
      let parsed: { detail?: unknown; code?: string } = {};
      try {
        parsed = JSON.parse(text) as typeof parsed;
      } catch {
        // not JSON: keep the status line
      }
      throw new ApiError(res.status, parsed.code, parsed.detail ?? `HTTP ${res.status} ${res.statusText}`);
    }
    return res;
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await (await this.send(method, path, body)).json()) as T;
  }

  async download(path: string): Promise<Download> {
    const res = await this.send('GET', path);
    return {
      stream: res.body ? Readable.fromWeb(res.body as WebReadableStream) : Readable.from([]),
      filename: filenameOf(res.headers.get('content-disposition')),
      contentType: res.headers.get('content-type') ?? undefined,
      headers: res.headers,
    };
  }
}

/** Encodes one path segment. */
export const seg = (s: string) => encodeURIComponent(s);
