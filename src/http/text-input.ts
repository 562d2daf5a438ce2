/**
 * Text input is checked once, at the edge, before any schema or handler sees
 * it (issue #11): JSON bodies are depth-checked on the raw text BEFORE
 * JSON.parse (a 10,000-deep array used to overflow the stack further on), and
 * every string of the path, the query and the body (keys included) must be
 * free of NUL (PostgreSQL text and jsonb refuse it), of lone UTF-16
 * surrogates (not encodable as UTF-8) and at most MAX_STRING_CHARS long. The
 * field schemas then apply their own, tighter limits (src/http/fields.ts) and
 * the schema repeats them as CHECK constraints.
 */
import type { Middleware } from 'koa';
import { problems, quote, type ValidationIssue } from '../domain/problems.js';

/** Deepest nesting of arrays/objects accepted in a JSON body (real payloads stay under 10). */
export const MAX_JSON_DEPTH = 64;
/** Longest single string accepted anywhere in a request; fields have tighter limits of their own. */
export const MAX_STRING_CHARS = 100_000;
/** A lone UTF-16 surrogate: in unicode mode a proper pair is one code point, so only unpaired halves match. */
const LONE_SURROGATE = /\p{Cs}/u;

type Where = 'body' | 'query' | 'path';

const invalid = (where: Where, loc: (string | number)[], msg: string, type: string): never => {
  throw problems.validation([{ loc: [where, ...loc], msg, type }] satisfies ValidationIssue[]);
};

/** The nesting depth of a JSON text, counted without parsing (brackets inside strings do not count). */
export function jsonDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return max;
}

/** NUL, a lone surrogate or too long: the reason a string is refused, or undefined. */
function badString(s: string): { msg: string; type: string } | undefined {
  if (s.length > MAX_STRING_CHARS) return { msg: `must be at most ${MAX_STRING_CHARS} characters`, type: 'string_too_long' };
  if (s.includes('\u0000')) return { msg: 'must not contain NUL characters', type: 'string_nul' };
  if (LONE_SURROGATE.test(s)) return { msg: 'must not contain lone UTF-16 surrogates', type: 'string_unpaired_surrogate' };
  return undefined;
}

/** Walks a parsed value (depth already bounded) and refuses the first bad string or key. */
export function checkText(value: unknown, where: Where, loc: (string | number)[] = []): void {
  if (typeof value === 'string') {
    const bad = badString(value);
    if (bad) invalid(where, loc, bad.msg, bad.type);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkText(v, where, [...loc, i]));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const bad = badString(k);
      if (bad) invalid(where, [...loc, quote(k.replace(/[\u0000\ud800-\udfff]/g, '?'))], `key ${bad.msg}`, bad.type);
      if (k === '__proto__') invalid(where, [...loc, k], 'key is not allowed', 'key_forbidden');
      checkText(v, where, [...loc, k]);
    }
  }
}

/**
 * Parses the JSON body that koa-body read as text (app.ts): depth first, then
 * JSON.parse. A failure is kept in ctx.state.bodyError, like koa-body's own,
 * so the route reports it only after authentication.
 */
export function jsonBody(): Middleware {
  return async (ctx, next) => {
    const req = ctx.request as { body?: unknown };
    const text = req.body;
    if (typeof text === 'string' && text !== '' && !ctx.state.bodyError) {
      if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
        req.body = undefined;
        ctx.state.bodyError = problems.validation([{ loc: ['body'], msg: `JSON nesting is deeper than ${MAX_JSON_DEPTH} levels`, type: 'json_too_deep' }]);
      } else {
        try {
          req.body = JSON.parse(text);
        } catch {
          req.body = undefined;
          ctx.state.bodyError = problems.validation([{ loc: ['body'], msg: 'Request body is not valid JSON', type: 'json_invalid' }]);
        }
      }
    }
    await next();
  };
}
