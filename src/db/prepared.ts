import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * The pg client every pool hands out. A parameterised query — which is how
 * every generated pgtyped function calls `query(text, values)` — becomes a
 * named prepared statement, so PostgreSQL parses and plans it once per
 * connection instead of on every call. Its rows are fetched as arrays and
 * built here with pgtyped's nullability hints (`"value!"`, `"x?"`) already
 * stripped from the column names, so pgtyped's own per-row rename (a
 * `delete` per hinted column, slow in V8) finds nothing to do.
 *
 * Names are derived from the SQL text; at most MAX_NAMED distinct texts get
 * one (dynamic SQL beyond that runs unnamed), which bounds what each
 * connection keeps prepared.
 */
const MAX_NAMED = 500;
const names = new Map<string, string>();

function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `traq_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

const unhinted = (name: string) => (name.endsWith('!') || name.endsWith('?') ? name.slice(0, -1) : name);

function asObjects(result: pg.QueryResult): pg.QueryResult {
  const keys = result.fields.map((f) => unhinted(f.name));
  const rows = result.rows as unknown as unknown[][];
  const objects: Record<string, unknown>[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const o: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) o[keys[k]!] = row[k];
    objects[i] = o;
  }
  result.rows = objects;
  return result;
}

type Callback = (err: Error | null, result?: pg.QueryResult) => void;

export class PreparedClient extends pg.Client {
  // pg's overloads cannot be re-declared one by one; this forwards every other form unchanged.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(config: any, values?: any, callback?: any): any {
    const name = typeof config === 'string' && Array.isArray(values) ? statementName(config) : undefined;
    if (!name) return super.query(config, values, callback);
    const named = { name, text: config as string, values: values as unknown[], rowMode: 'array' as const };
    if (typeof callback === 'function') {
      return super.query(named, (err: Error | null, result: pg.QueryResult) => (callback as Callback)(err, err ? result : asObjects(result)));
    }
    return super.query(named).then(asObjects);
  }
}
