import type { Context } from 'koa';
import { PassThrough, type Readable } from 'node:stream';
import { UploadAborted, type UploadBody } from '../domain/media.js';

/**
 * The raw request body of a media PUT, streamed from ctx.req (koa-body leaves
 * audio/* and image/* unread; stack.md §6). Nothing is read until `open()`,
 * so a request refused by an earlier check never touches the bytes. A client
 * that goes away mid-body fails the stream with UploadAborted (a plain pipe
 * would just stall). When the reader stops early (size cap), the rest of the
 * body is drained so the client still gets its 413 answer.
 */
export function uploadBody(ctx: Context): UploadBody {
  const declared = ctx.get('content-length');
  return {
    contentType: ctx.get('content-type') || undefined,
    contentLength: /^\d+$/.test(declared) ? Number(declared) : undefined,
    open(): Readable {
      const req = ctx.req;
      const out = new PassThrough();
      const abort = () => {
        if (!req.complete) out.destroy(new UploadAborted());
      };
      req.on('error', abort);
      req.once('close', abort);
      out.once('close', () => {
        if (!req.complete) {
          req.unpipe(out);
          req.resume();
        }
      });
      req.pipe(out);
      return out;
    },
  };
}
