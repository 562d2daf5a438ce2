/**
 * Structured extraction per section (data-model §6.2): the strict JSON Schema
 * sent as `response_format: json_schema` (OpenAI strict rules: every property
 * required, nullable as a type union, additionalProperties false), the prompt
 * messages, and the coercion of an answer back into the section's shape.
 */
import { z } from 'zod';
import { answerSchema, coerceValues } from './fields.js';
import { SECTIONS, type SectionAnswer, type SectionId } from './sections.js';

export const EXTRACTION_SYSTEM_PROMPT = `You fill in one section of the ISA Tree Risk Assessment Qualification (TRAQ) basic
assessment form from an arborist's spoken field notes.
Return JSON that strictly matches the schema.
Use only facts stated in the transcript; never invent or guess.
Keep free text verbatim (only drop filler words).
A checkbox (boolean) that is not mentioned is null; one that is explicitly negated ("no cracks", "none") is false.
Any text or number that is not mentioned is null. Numbers are digits only.`;

type JsonSchema = Record<string, unknown>;

/** zod emits `anyOf: [X, {type: null}]` for constrained nullables; OpenAI strict wants `type: [X, "null"]`. */
function toTypeUnions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toTypeUnions);
  if (typeof node !== 'object' || node === null) return node;
  const n = node as JsonSchema;
  const anyOf = n.anyOf as JsonSchema[] | undefined;
  if (anyOf?.length === 2 && anyOf.some((s) => s.type === 'null')) {
    const other = anyOf.find((s) => s.type !== 'null')!;
    if (typeof other.type === 'string' && other.type !== 'object' && other.type !== 'array') {
      const { anyOf: _drop, ...rest } = n;
      const merged: JsonSchema = { ...rest, ...other, type: [other.type, 'null'] };
      if (Array.isArray(other.enum)) merged.enum = [...other.enum, null];
      return toTypeUnions(merged);
    }
  }
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(n)) if (k !== '$schema') out[k] = toTypeUnions(v);
  return out;
}

const schemaCache = new Map<SectionId, JsonSchema>();

/** The strict JSON Schema of a section's extraction answer. */
export function extractionJsonSchema(section: SectionId): JsonSchema {
  let s = schemaCache.get(section);
  if (!s) {
    s = toTypeUnions(z.toJSONSchema(answerSchema(SECTIONS[section].fields))) as JsonSchema;
    schemaCache.set(section, s);
  }
  return s;
}

/** The `response_format` of a chat completion for a section. */
export function extractionResponseFormat(section: SectionId) {
  return { type: 'json_schema' as const, json_schema: { name: `traq_${section}`, strict: true, schema: extractionJsonSchema(section) } };
}

export function extractionMessages(section: SectionId, transcript: string) {
  return [
    { role: 'system' as const, content: EXTRACTION_SYSTEM_PROMPT },
    { role: 'user' as const, content: `Section instructions:\n${SECTIONS[section].prompt}\n\nTranscript:\n${transcript}` },
  ];
}

/**
 * An answer coerced into the section's shape: ints from words, enums by
 * spelling, text clipped to its cap, missing keys null. Validated against the
 * same schema the model was given, so a bug in the coercion cannot pass.
 */
export function coerceAnswer<S extends SectionId>(section: S, raw: unknown): SectionAnswer<S> {
  const value = coerceValues(SECTIONS[section].fields, raw);
  return answerSchema(SECTIONS[section].fields).parse(value) as SectionAnswer<S>;
}
