// Compiles src/ into dist/ (esbuild: one bundle per entry point, shared chunks, packages left in
// node_modules), so the server, the worker and traq-admin start without transpiling TypeScript at run time.
// Plain JS: npm ci runs it (prepare); npm start, npm test and bin/traq-admin.mjs run it when dist/ is stale.
// Development with a watch: `npm run dev` (tsx restarts the server from src/ on every change).
//
//   node scripts/build.mjs            build now
//   node scripts/build.mjs --if-stale build only when a source is newer than dist/
//
// Type checking stays with `npm run typecheck` (tsc); esbuild only strips the types.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.build-stamp');
const ENTRIES = { main: 'src/main.ts', worker: 'src/worker.ts', cli: 'src/cli/main.ts' };
// Packages stay in node_modules, except @pgtyped/runtime: bundled, with @pgtyped/parser replaced by the
// few enums PreparedQuery needs (scripts/build/pgtyped-parser-lite.mjs). The real parser loads antlr4ts and
// builds its grammars at import, which alone cost more start-up time than the rest of traq-admin.
const BUNDLED = ['@pgtyped/runtime'];
const PARSER_LITE = path.join(ROOT, 'scripts/build/pgtyped-parser-lite.mjs');
const parserLite = {
  name: 'pgtyped-parser-lite',
  setup(b) {
    b.onResolve({ filter: /^@pgtyped\/parser$/ }, () => ({ path: PARSER_LITE }));
  },
};

function externalPackages() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})].filter((n) => !BUNDLED.includes(n));
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** True when dist/ is missing or older than a source file, package.json or the build scripts. */
export function isStale() {
  let built;
  try {
    built = fs.statSync(STAMP).mtimeMs;
  } catch {
    return true;
  }
  const inputs = [path.join(ROOT, 'package.json'), fileURLToPath(import.meta.url), PARSER_LITE];
  return Math.max(newestMtime(path.join(ROOT, 'src')), ...inputs.map((p) => fs.statSync(p).mtimeMs)) > built;
}

function options() {
  return {
    absWorkingDir: ROOT,
    entryPoints: Object.entries(ENTRIES).map(([out, src]) => ({ in: src, out })),
    outdir: DIST,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: externalPackages(),
    sourcemap: true,
    plugins: [parserLite],
    logLevel: 'warning',
  };
}

/**
 * One build, from scratch (no file of an older build lingers), written beside dist/ and then swapped in,
 * so a traq-admin started meanwhile finds the old build or the new one, never half of one.
 */
export async function build() {
  const esbuild = await import('esbuild');
  const started = Date.now();
  const fresh = `${DIST}.${process.pid}.tmp`;
  const old = `${DIST}.${process.pid}.old`;
  fs.rmSync(fresh, { recursive: true, force: true });
  await esbuild.build({ ...options(), outdir: fresh });
  fs.writeFileSync(path.join(fresh, path.basename(STAMP)), `${new Date().toISOString()}\n`);
  if (fs.existsSync(DIST)) fs.renameSync(DIST, old);
  fs.renameSync(fresh, DIST);
  fs.rmSync(old, { recursive: true, force: true });
  return Date.now() - started;
}

export async function buildIfStale(say = (line) => process.stderr.write(`${line}\n`)) {
  if (!isStale()) return false;
  say('traq-server: compiling src/ into dist/ ...');
  say(`traq-server: compiled in ${await build()} ms`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--if-stale') await buildIfStale();
  else console.log(`traq-server: compiled src/ into dist/ in ${await build()} ms`);
}
