/**
 * Integers from what people say (data-model §6.1): "27", "27.5 inches",
 * "tree number two", "twenty-seven", "one hundred and five", "two thousand
 * three hundred". Digits win when present; otherwise number words up to the
 * thousands. Anything else is null ("not stated").
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

function parseWords(text: string): number | null {
  const words = text.toLowerCase().replace(/-/g, ' ').split(/[^a-z]+/).filter(Boolean);
  let total = 0;
  let current = 0;
  let seen = false;
  let inNumber = false;
  for (const w of words) {
    if (w in UNITS) current += UNITS[w]!;
    else if (w in TENS) current += TENS[w]!;
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    } else if (w === 'and' && inNumber) continue;
    else {
      if (inNumber) break; // the first run of number words is the number
      continue;
    }
    seen = true;
    inNumber = true;
  }
  return seen ? total + current : null;
}

export function parseLooseInt(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value) : null;
  if (typeof value !== 'string') return null;
  const digits = /-?\d+(?:\.\d+)?/.exec(value.replace(/(\d),(\d{3})/g, '$1$2'));
  if (digits) return Math.round(Number(digits[0]));
  return parseWords(value);
}
