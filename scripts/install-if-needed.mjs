// Installs dependencies when node_modules is missing or older than package-lock.json,
// so `npm start` and `npm test` work on a fresh clone. Plain JS: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const mtime = (p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0);
if (mtime('node_modules/.package-lock.json') < mtime('package-lock.json')) {
  console.log('traq-server: installing dependencies (npm ci)...');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
