/**
 * The loader of dist/'s bundles (scripts/build/run-bundle.mjs, copied to dist/run-bundle.js by the build): a bundle
 * runs the same from no code cache, from the cache its first run wrote, and from a cache V8 rejects, and its
 * import() of a package works in all three (on Node 20 a script compiled from a cache loses its own import()).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { plainNode } from './helpers/child-env.js';

const LOADER = path.join(process.cwd(), 'scripts/build/run-bundle.mjs');

t.test('a bundle runs from no cache, from its own cache and from a bad one, import() included', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traq-run-bundle-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  // As the build writes them: a CommonJS bundle whose import() of a package is __import, and its entry point.
  fs.writeFileSync(
    path.join(dir, 'app.cjs'),
    [
      "const os = require('node:os');",
      'module.exports.ran = true;',
      "__import('node:path').then((p) => console.log(JSON.stringify({ cpus: os.cpus().length > 0, join: p.join('a', 'b'), file: __filename })));",
    ].join('\n'),
  );
  fs.writeFileSync(path.join(dir, 'app.js'), `import { runBundle } from ${JSON.stringify(LOADER)};\nrunBundle(new URL('./app.cjs', import.meta.url));\n`);
  const cache = path.join(dir, '.cache', 'app.cjs.v8');
  const run = () => {
    const r = spawnSync(...plainNode([path.join(dir, 'app.js')]), { encoding: 'utf8' });
    t.equal(r.status, 0, r.stderr);
    t.equal(r.stderr, '', 'no warning');
    return JSON.parse(r.stdout) as unknown;
  };
  const expected = { cpus: true, join: path.join('a', 'b'), file: path.join(dir, 'app.cjs') };

  t.notOk(fs.existsSync(cache));
  t.same(run(), expected, 'first run, no cache');
  t.ok(fs.existsSync(cache), 'the first run wrote a cache (at exit, as it ran under a second)');
  const written = fs.statSync(cache).mtimeMs;
  t.same(run(), expected, 'second run, from the cache: import() still works');
  t.equal(fs.statSync(cache).mtimeMs, written, 'an accepted cache is left as it is');

  fs.writeFileSync(cache, 'not a code cache');
  t.same(run(), expected, 'a cache V8 rejects is no cache');
  t.not(fs.readFileSync(cache, 'utf8'), 'not a code cache', 'and is replaced');
  t.same(fs.readdirSync(path.dirname(cache)), ['app.cjs.v8'], 'no temp file left');
});
