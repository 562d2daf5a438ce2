/**
 * A fake OpenAI-compatible server on 127.0.0.1 (port 0) for tests and
 * benches: it records every request and answers from a per-test script.
 *
 * Unscripted requests get defaults: a transcription answers
 * `transcript of <filename>`, a structured extraction answers the all-null
 * object of the schema it was sent (so a wrong schema shows up), a plain chat
 * answers `Narrative.`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface RecordedRequest {
  method: string;
  /** e.g. `/v1/chat/completions`. */
  path: string;
  /** performance.now() when the request arrived and when its answer was sent (undefined: never answered). */
  startedAt: number;
  finishedAt?: number;
  authorization: string | undefined;
  model: string | undefined;
  /** Chat: the JSON body, its messages, its response_format and the section named by the schema (`traq_<section>`). */
  body?: Record<string, any>;
  messages?: { role: string; content: string }[];
  responseFormat?: any;
  section?: string;
  /** Transcription: the multipart text fields and the file part. */
  fields?: Record<string, string>;
  file?: { name: string; type: string; size: number };
}

export interface FakeReply {
  status?: number;
  /** A JSON body. */
  json?: unknown;
  /** A raw body (sent as application/json, e.g. to break the JSON). */
  raw?: string;
  delayMs?: number;
  /** Never answer (the client's timeout must fire). */
  hang?: boolean;
}

/** Return a reply, or undefined for the default answer. */
export type Script = (req: RecordedRequest) => FakeReply | undefined | void;

/** A chat completion whose message is `content` (or a refusal / a truncated answer). */
export function chatReply(content: string | null, opts: { refusal?: string; finishReason?: string } = {}): FakeReply {
  return {
    json: {
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      choices: [{ index: 0, finish_reason: opts.finishReason ?? 'stop', message: { role: 'assistant', content, refusal: opts.refusal ?? null } }],
    },
  };
}
/** A structured extraction answer (the object is sent as the message content). */
export const answerReply = (answer: unknown): FakeReply => chatReply(JSON.stringify(answer));
export const transcriptReply = (text: string): FakeReply => ({ json: { text } });

/** The all-null instance of a JSON schema: objects with every property, arrays empty, leaves null. */
export function blankInstance(schema: any): unknown {
  const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
  if (type === 'object') return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, blankInstance(s)]));
  if (type === 'array') return [];
  return null;
}

export interface FakeOpenAI {
  /** The base URL to configure (`OPENAI_BASE_URL`), ending in `/v1`. */
  url: string;
  requests: RecordedRequest[];
  /** Replace the script. */
  script(fn: Script): void;
  transcriptions(): RecordedRequest[];
  chats(): RecordedRequest[];
  close(): Promise<void>;
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * `released`: every answer waits until it settles, so a test decides when the provider answers (a round stays
 * in processing exactly as long as the test looks at it) instead of hoping a delay outlasts its requests.
 */
export async function startFakeOpenAI(
  options: { t?: { teardown(fn: () => unknown): void }; script?: Script; delayMs?: number; released?: Promise<unknown> } = {},
): Promise<FakeOpenAI> {
  let script: Script = options.script ?? (() => undefined);
  const requests: RecordedRequest[] = [];

  const server = http.createServer(async (req, res) => {
    const rec: RecordedRequest = {
      method: req.method ?? 'GET',
      path: (req.url ?? '/').split('?')[0]!,
      startedAt: performance.now(),
      authorization: req.headers.authorization,
      model: undefined,
    };
    requests.push(rec);
    // A client killed mid-request (a SIGKILLed worker) aborts the body: recorded, never answered.
    const raw = await readBody(req).catch(() => undefined);
    if (!raw) return;
    const contentType = req.headers['content-type'] ?? '';
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
      rec.fields = {};
      for (const [k, v] of form.entries()) {
        if (typeof v === 'string') rec.fields[k] = v;
        else rec.file = { name: (v as File).name, type: v.type, size: v.size };
      }
      rec.model = rec.fields.model;
    } else if (raw.length) {
      try {
        rec.body = JSON.parse(raw.toString('utf8'));
        rec.model = rec.body?.model;
        rec.messages = rec.body?.messages;
        rec.responseFormat = rec.body?.response_format;
        const name: unknown = rec.responseFormat?.json_schema?.name;
        if (typeof name === 'string') rec.section = name.replace(/^traq_/, '');
      } catch {
        /* recorded without a body */
      }
    }

    let reply = script(rec) ?? undefined;
    if (!reply) {
      if (rec.path === '/v1/audio/transcriptions') reply = transcriptReply(`transcript of ${rec.file?.name ?? 'audio'}`);
      else if (rec.path === '/v1/chat/completions' && rec.responseFormat?.json_schema) reply = answerReply(blankInstance(rec.responseFormat.json_schema.schema));
      else if (rec.path === '/v1/chat/completions') reply = chatReply('Narrative.');
      else reply = { status: 404, json: { error: { message: `no route ${rec.path}` } } };
    }
    if (reply.hang) return; // the connection stays open until the client gives up or close() runs
    if (options.released) await options.released;
    const delay = reply.delayMs ?? options.delayMs ?? 0;
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const body = reply.raw ?? JSON.stringify(reply.json ?? {});
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
    rec.finishedAt = performance.now();
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const close = async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  };
  options.t?.teardown(close);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    script: (fn) => {
      script = fn;
    },
    transcriptions: () => requests.filter((r) => r.path === '/v1/audio/transcriptions'),
    chats: () => requests.filter((r) => r.path === '/v1/chat/completions'),
    close,
  };
}
