// `npm start` (and `npm run worker` with the argument `worker`): installs dependencies when missing or
// stale, compiles src/ into dist/ when a source changed, then runs the compiled entry point in this same
// process, so a start pays for one Node process, not three. Plain JS: it runs before anything is installed.
import './install-if-needed.mjs';

const entry = process.argv[2] === 'worker' ? 'worker' : 'main';
const { buildIfStale } = await import('./build.mjs');
await buildIfStale();
await import(`../dist/${entry}.js`);
