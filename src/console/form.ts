/** The urlencoded body of a console form (the API's JSON body parser leaves these alone). */
import type { Context } from 'koa';
import { problems } from '../domain/problems.js';
import { checkText } from '../http/text-input.js';

const FORM_LIMIT_BYTES = 64 * 1024;

export async function readForm(ctx: Context): Promise<URLSearchParams> {
  const type = ctx.request.type;
  if (type !== 'application/x-www-form-urlencoded') throw problems.unsupportedMediaType('Console forms are sent as application/x-www-form-urlencoded');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > FORM_LIMIT_BYTES) throw problems.payloadTooLarge(FORM_LIMIT_BYTES);
    chunks.push(chunk as Buffer);
  }
  const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  // The API's edge checks apply to forms too: a NUL or lone surrogate never reaches a query.
  for (const [name, value] of form) checkText({ [name]: value }, 'body');
  return form;
}

/** A trimmed form value; blank is null. */
export function field(form: URLSearchParams, name: string): string | null {
  const v = form.get(name)?.trim();
  return v ? v : null;
}
