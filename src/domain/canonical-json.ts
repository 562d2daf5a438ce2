/**
 * The JSON files the operator side writes (final-json fetch, staging bundles,
 * data-model §7.5 and §8.2): 2-space indent, keys sorted at every level (as
 * Python's sort_keys: plain string order, even for keys that look like
 * numbers, which JSON.stringify would put first), a final newline. Arrays keep
 * their order.
 */
function write(value: unknown, indent: string): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return write((value as { toJSON(): unknown }).toJSON(), indent);
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + (v === undefined ? 'null' : write(v, inner))).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    if (keys.length === 0) return '{}';
    return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${write(o[k], inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function canonicalJson(value: unknown): string {
  return `${write(value, '')}\n`;
}
