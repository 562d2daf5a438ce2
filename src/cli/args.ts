/** Argument parsers for commander: a bad value becomes commander's one-line "argument ... is invalid" and exit 2. */
import { InvalidArgumentError, Option } from 'commander';

export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}.`);
    const n = Number(value);
    if (n < min || n > max) throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}.`);
    return n;
  };
}

export function nonBlank(value: string): string {
  const v = value.trim();
  if (!v) throw new InvalidArgumentError('must not be blank.');
  return v;
}

/** An option restricted to `values` (commander prints the allowed choices when another is given). */
export function choice(flags: string, description: string, values: readonly string[], fallback?: string): Option {
  const o = new Option(flags, description).choices(values);
  return fallback === undefined ? o : o.default(fallback);
}
