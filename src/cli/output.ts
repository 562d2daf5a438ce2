/** What the CLI prints: one JSON document on stdout with --json, aligned tables otherwise; progress on stderr. */

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Notes for the operator that must not pollute the --json document. */
export function note(line: string): void {
  process.stderr.write(`${line}\n`);
}

const cell = (v: unknown) => (v === null || v === undefined ? '-' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** One record as aligned `key: value` lines (nested values as JSON). */
export function printRecord(record: Record<string, unknown>): void {
  const width = Math.max(0, ...Object.keys(record).map((k) => k.length));
  for (const [k, v] of Object.entries(record)) printLine(`${`${k}:`.padEnd(width + 1)} ${cell(v)}`);
}

/** `--json`: the whole reply; otherwise the human rendering. */
export function show(json: boolean, reply: unknown, human: () => void): void {
  if (json) printJson(reply);
  else human();
}

export function printTable(rows: Record<string, unknown>[], columns: string[], empty = '(none)'): void {
  if (rows.length === 0) return printLine(empty);
  const cells = rows.map((r) => columns.map((c) => cell(r[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const fmt = (row: string[]) => row.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  printLine(fmt(columns.map((c) => c.toUpperCase())));
  for (const row of cells) printLine(fmt(row));
}

/**
 * Progress of long work on stderr: a redrawn bar on a terminal, one plain
 * line per item otherwise (logs, pipes, tests).
 */
export class Progress {
  private done = 0;
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  tick(item: string, outcome = 'ok'): void {
    this.done += 1;
    if (!this.tty) {
      process.stderr.write(`${this.label} ${this.done}/${this.total} ${item} ${outcome}\n`);
      return;
    }
    if (outcome !== 'ok') process.stderr.write(`\r\x1b[2K${this.label} ${item} ${outcome}\n`); // kept above the bar
    const width = 24;
    const filled = this.total ? Math.round((this.done / this.total) * width) : width;
    process.stderr.write(`\r\x1b[2K${this.label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${this.done}/${this.total} ${item}`);
    if (this.done >= this.total) process.stderr.write('\n');
  }
}
