/**
 * The field vocabulary of the TRAQ form (data-model §6.1). Every section is
 * described ONCE as a record of these descriptors; the stored-form schema,
 * the strict extraction schema sent to the LLM, the coercion of its answers
 * and the blank form are all derived from that one description.
 */
import { z } from 'zod';
import { parseLooseInt } from './numbers.js';

export type Leaf =
  | { kind: 'bool' }
  | { kind: 'int'; min?: number; max?: number }
  | { kind: 'str'; max?: number }
  | { kind: 'enum'; values: readonly string[] };
export type Field = Leaf | { kind: 'group'; fields: Fields } | { kind: 'list'; item: Fields; max?: number };
export type Fields = Record<string, Field>;

export const bool = (): { kind: 'bool' } => ({ kind: 'bool' });
export const int = (min?: number, max?: number): { kind: 'int'; min?: number; max?: number } => ({ kind: 'int', min, max });
export const pct = () => int(0, 100);
export const str = (max?: number): { kind: 'str'; max?: number } => ({ kind: 'str', max });
export const oneOf = <const V extends readonly string[]>(...values: V): { kind: 'enum'; values: V } => ({ kind: 'enum', values });
export const group = <const F extends Fields>(fields: F): { kind: 'group'; fields: F } => ({ kind: 'group', fields });
export const list = <const F extends Fields>(item: F, max?: number): { kind: 'list'; item: F; max?: number } => ({ kind: 'list', item, max });

/** The TypeScript value of a field: every leaf is nullable ("not stated"). */
export type ValueOf<F> = F extends { kind: 'bool' }
  ? boolean | null
  : F extends { kind: 'int' }
    ? number | null
    : F extends { kind: 'enum'; values: readonly (infer V)[] }
      ? V | null
      : F extends { kind: 'str' }
        ? string | null
        : F extends { kind: 'group'; fields: infer G }
          ? { [K in keyof G]: ValueOf<G[K]> }
          : F extends { kind: 'list'; item: infer I }
            ? { [K in keyof I]: ValueOf<I[K]> }[]
            : never;
export type ValuesOf<F extends Fields> = { [K in keyof F]: ValueOf<F[K]> };

// ---------------------------------------------------------------------------
// Stored forms: what the server keeps and what clients send. Keys may be
// missing, extra keys are tolerated (data-model §6.1), lengths and enum values
// are not enforced on user edits (only the extractor schema enforces them).

function storedLeaf(f: Leaf): z.ZodType {
  switch (f.kind) {
    case 'bool':
      return z.boolean().nullable();
    case 'int':
      return z.number().nullable();
    case 'str':
    case 'enum':
      return z.string().nullable();
  }
}

export function storedSchema(fields: Fields): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, f] of Object.entries(fields)) {
    if (f.kind === 'group') shape[k] = storedSchema(f.fields).nullable().optional();
    else if (f.kind === 'list') shape[k] = z.array(storedSchema(f.item)).nullable().optional();
    else shape[k] = storedLeaf(f).optional();
  }
  return z.looseObject(shape);
}

// ---------------------------------------------------------------------------
// Extraction answers: the exact shape the LLM must return (OpenAI strict
// structured output): every key present, leaves nullable, nothing extra.
// String caps are not a JSON Schema keyword OpenAI strict mode accepts, so
// they are stated in the description and enforced by clipping (coerceAnswer).

function answerLeaf(f: Leaf): z.ZodType {
  switch (f.kind) {
    case 'bool':
      return z.boolean().nullable();
    case 'int': {
      let n = z.number().int();
      if (f.min !== undefined) n = n.min(f.min);
      if (f.max !== undefined) n = n.max(f.max);
      return n.nullable();
    }
    case 'str':
      return f.max === undefined ? z.string().nullable() : z.string().nullable().describe(`at most ${f.max} characters`);
    case 'enum':
      return z.enum(f.values as [string, ...string[]]).nullable();
  }
}

export function answerSchema(fields: Fields): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, f] of Object.entries(fields)) {
    if (f.kind === 'group') shape[k] = answerSchema(f.fields);
    else if (f.kind === 'list') {
      const arr = z.array(answerSchema(f.item));
      shape[k] = f.max === undefined ? arr : arr.max(f.max);
    } else shape[k] = answerLeaf(f);
  }
  return z.strictObject(shape);
}

// ---------------------------------------------------------------------------
// Coercion of an answer into the answer shape. Models (and local servers that
// ignore `strict`) return "27" or "twenty-seven" for ints, "Moderate" for
// enums, over-long text and missing keys; all are repaired here, and what
// cannot be repaired becomes null ("not stated") rather than an error.

function coerceLeaf(f: Leaf, v: unknown): unknown {
  if (v === undefined || v === null) return null;
  switch (f.kind) {
    case 'bool':
      if (typeof v === 'boolean') return v;
      if (typeof v === 'string') {
        const s = v.trim().toLowerCase();
        if (['true', 'yes', 'y'].includes(s)) return true;
        if (['false', 'no', 'n'].includes(s)) return false;
      }
      return null;
    case 'int': {
      const n = parseLooseInt(v);
      if (n === null) return null;
      if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) return null;
      return n;
    }
    case 'str': {
      const s = typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
      if (!s) return null;
      return f.max !== undefined && s.length > f.max ? s.slice(0, f.max).trimEnd() : s;
    }
    case 'enum': {
      if (typeof v !== 'string' && typeof v !== 'number') return null;
      const s = String(v).trim().toLowerCase().replace(/[\s-]+/g, '_');
      return f.values.find((allowed) => allowed.toLowerCase().replace(/[\s-]+/g, '_') === s) ?? null;
    }
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function coerceValues(fields: Fields, raw: unknown): Record<string, unknown> {
  const src = isRecord(raw) ? raw : {};
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(fields)) {
    const v = src[k];
    if (f.kind === 'group') out[k] = coerceValues(f.fields, v);
    else if (f.kind === 'list') {
      const rows = Array.isArray(v) ? v.map((row) => coerceValues(f.item, row)) : [];
      out[k] = f.max === undefined ? rows : rows.slice(0, f.max);
    } else out[k] = coerceLeaf(f, v);
  }
  return out;
}

/** Every key present, every leaf null, every list empty. */
export function blankValues(fields: Fields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(fields)) out[k] = f.kind === 'group' ? blankValues(f.fields) : f.kind === 'list' ? [] : null;
  return out;
}
