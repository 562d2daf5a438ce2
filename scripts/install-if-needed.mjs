// Installs dependencies when node_modules is missing or older than package-lock.json,
// so `npm start` and `npm test` work on a fresh clone. Plain JS: it runs before anything is installed.
import fs from 'node:fs';

const mtime = (p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0);
if (mtime('node_modules/.package-lock.json') < mtime('package-lock.json')) {
  console.log('traq-server: installing dependencies (npm ci)...');
  // Loaded only here: child_process costs every start ~5 ms, and an installed checkout never needs it.
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
