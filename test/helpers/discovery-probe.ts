/**
 * Run by discovery.test.ts inside a private network namespace (unshare -n), so its multicast
 * never reaches a real network. `up`: advertises a server, lists what `traq-admin net` sees
 * and prints it as JSON. `down` (loopback left down, so every send fails): advertises anyway
 * and prints that the process is still alive after the errors.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { advertise } from '../../src/net/discovery.js';

const mode = process.argv[2];
const logs: unknown[] = [];
const logger = { info: (o: unknown, m?: string) => logs.push({ level: 'info', o, m }), warn: (o: unknown, m?: string) => logs.push({ level: 'warn', o, m }) };
const ad = advertise({ name: 'Probe TRAQ', port: 18123, version: '9.9.9' }, logger);

if (mode === 'down') {
  await new Promise((r) => setTimeout(r, 2500));
  await ad.stop();
  console.log(JSON.stringify({ alive: true, warnings: logs.filter((l: any) => l.level === 'warn').length }));
} else {
  await new Promise((r) => setTimeout(r, 500));
  const main = path.join(process.cwd(), 'dist/cli.js'); // the compiled traq-admin, as operators run it
  execFile(process.execPath, [main, 'net', '--wait', '3', '--json'], async (err, stdout, stderr) => {
    await ad.stop();
    console.log(JSON.stringify({ code: err ? (err as { code?: number }).code : 0, cli: stdout ? JSON.parse(stdout) : null, stderr, logs }));
  });
}
