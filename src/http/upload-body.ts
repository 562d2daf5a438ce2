import type { Context } from 'koa';
import { PassThrough, type Readable } from 'node:stream';
import { UploadAborted, type UploadBody } from '../domain/media.js';

/**
 * The raw request body of a media PUT, streamed from ctx.req (koa-body leaves
 * audio/* and image/* unread; stack.md §6). Nothing is read until `open()`,
 * so a request refused by an earlier check never touches the bytes. A client
 * that goes away before the end of the body fails the stream with
 * UploadAborted at once (a plain pipe would just stall, holding the temp
 * file open): also when it went away before `open()` was called, whose
 * 'close' event has then long been missed, and when it sent the whole body
 * but left before the server read it (issue #11 item 3). When the reader
 * stops early (size cap), the rest of the body is drained so the client still
 * gets its 413 answer.
 */
export function uploadBody(ctx: Context): UploadBody {
  const declared = ctx.get('content-length');
  return {
    contentType: ctx.get('content-type') || undefined,
    contentLength: /^\d+$/.test(declared) ? Number(declared) : undefined,
    open(): Readable {
      const req = ctx.req;
      const out = new PassThrough();
      // The reader (the store's pipeline) attaches after an await: an abort before that must not be an
      // unhandled 'error' event (it would end the process). The pipeline still sees the stream errored.
      out.on('error', () => {});
      // Gone before the body was read to its end: bytes still buffered in a destroyed request never arrive,
      // even when the client had sent them all (req.complete), so anything short of 'end' is an abort.
      const abort = () => {
        if (!req.readableEnded) out.destroy(new UploadAborted());
      };
      req.on('error', abort);
      req.once('close', abort);
      req.socket?.once('close', abort);
      out.once('close', () => {
        req.off('close', abort);
        req.socket?.off('close', abort);
        if (!req.complete) {
          req.unpipe(out);
          req.resume();
        }
      });
      req.pipe(out);
      if (req.destroyed || req.socket?.destroyed) process.nextTick(abort);
      return out;
    },
  };
}
