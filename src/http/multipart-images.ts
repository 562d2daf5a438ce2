/**
 * A multipart/form-data request of a few images and small text fields, read as it streams
 * (busboy) with every size capped before it is buffered: at most `maxFiles` image parts of
 * at most `maxFileBytes` each, text fields of at most 1 kB, 32 parts in all. Nothing touches
 * the disk. We use busboy rather than koa-body's formidable because formidable writes file
 * parts to temp files by default, and these images must never be stored; busboy hands us each
 * part as a stream and stops at the caps. A refused request stops reading at once (the rest
 * of the body is drained so the client still gets its answer).
 */
import busboy from 'busboy';
import type { Context } from 'koa';
import { problems, type Problem } from '../domain/problems.js';

export interface ImagePart {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface ImageForm {
  fields: Map<string, string[]>;
  files: ImagePart[];
}

export interface ImageFormLimits {
  /** The file field read (other file parts are skipped). */
  fileField: string;
  maxFiles: number;
  maxFileBytes: number;
  /** Throws a Problem for a part that must be refused as soon as its headers arrive. */
  checkType(contentType: string): void;
  tooManyFiles: () => Problem;
  bad: (detail: string) => Problem;
}

export function readImageForm(ctx: Context, limits: ImageFormLimits): Promise<ImageForm> {
  const req = ctx.req;
  let bb: busboy.Busboy;
  try {
    bb = busboy({
      headers: req.headers,
      limits: { files: limits.maxFiles, fileSize: limits.maxFileBytes, fields: 24, fieldSize: 1024, parts: 32 },
    });
  } catch {
    return Promise.reject(limits.bad(`Expected a multipart/form-data body with ${limits.fileField} parts`));
  }
  const fields = new Map<string, string[]>();
  const files: ImagePart[] = [];

  return new Promise<ImageForm>((resolve, reject) => {
    let done = false;
    const finish = (err?: unknown) => {
      if (done) return;
      done = true;
      if (err === undefined) return resolve({ fields, files });
      req.unpipe(bb);
      req.resume(); // drain the rest so the answer reaches the client
      reject(err);
    };
    const refuse = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        finish(err);
      }
    };

    bb.on('file', (name, stream, info) => {
      if (done || name !== limits.fileField) return stream.resume();
      const contentType = (info.mimeType || 'application/octet-stream').toLowerCase();
      refuse(() => limits.checkType(contentType));
      if (done) return stream.resume();
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => finish(problems.uploadTooLarge('Image', limits.maxFileBytes)));
      stream.on('end', () => {
        if (!done) files.push({ filename: info.filename || 'upload.jpg', contentType, bytes: Buffer.concat(chunks) });
      });
    });
    bb.on('field', (name, value, info) => {
      if (info.valueTruncated) return finish(limits.bad(`Form field ${name} is longer than 1024 bytes`));
      fields.set(name, [...(fields.get(name) ?? []), value]);
    });
    bb.on('filesLimit', () => finish(limits.tooManyFiles()));
    bb.on('fieldsLimit', () => finish(limits.bad('Too many form fields')));
    bb.on('partsLimit', () => finish(limits.bad('Too many form parts')));
    bb.on('error', (err: Error) => finish(limits.bad(`Malformed multipart body: ${err.message}`)));
    bb.on('close', () => finish());
    req.on('aborted', () => finish(problems.uploadAborted()));
    req.pipe(bb);
  });
}
