/**
 * A JSON object as a stream: top-level arrays go out one element at a time, so
 * a large answer (the unpaged export feed) is never held as one string.
 */
import { Readable } from 'node:stream';

function* chunks(body: Record<string, unknown>): Generator<string> {
  let first = true;
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    yield `${first ? '{' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (Array.isArray(value)) {
      yield '[';
      for (let i = 0; i < value.length; i++) yield (i ? ',' : '') + JSON.stringify(value[i] ?? null);
      yield ']';
    } else yield JSON.stringify(value);
  }
  yield first ? '{}' : '}';
}

export const jsonStream = (body: Record<string, unknown>): Readable => Readable.from(chunks(body));
