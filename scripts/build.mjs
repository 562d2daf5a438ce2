// Compiles src/ into dist/ (esbuild: one CommonJS bundle per entry point, run with a V8 code cache; packages left in
// node_modules), so the server, the worker and traq-admin start without transpiling TypeScript at run time.
// Plain JS: npm ci runs it (prepare); npm start, npm test and bin/traq-admin.mjs run it when dist/ is stale.
// Development with a watch: `npm run dev` (tsx restarts the server from src/ on every change).
//
//   node scripts/build.mjs            build now
//   node scripts/build.mjs --if-stale build only when a source is newer than dist/
//
// Type checking stays with `npm run typecheck` (tsc); esbuild only strips the types.
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.build-stamp');
const ENTRIES = { main: 'src/main.ts', worker: 'src/worker.ts', cli: 'src/cli/main.ts' };
// Pure-JS packages the server and traq-admin load at every start are bundled into dist/: one file read
// instead of hundreds of small files and a package.json lookup for each (koa's stack alone is ~60 packages).
// Everything else stays in node_modules: native parts (sharp, the embedded PostgreSQL binaries), worker
// files or run-time requires (node-pg-migrate loads migration files), and the big ones loaded on first use
// only (the AWS SDK, pdf-lib, docx, music-metadata, bonjour-service).
// @pgtyped/runtime is bundled with @pgtyped/parser replaced by the few enums PreparedQuery needs
// (scripts/build/pgtyped-parser-lite.mjs): the real parser loads antlr4ts and builds its grammars at import,
// which alone cost more start-up time than the rest of traq-admin.
const BUNDLED = ['@pgtyped/runtime', '@koa/router', 'busboy', 'commander', 'koa', 'koa-body', 'pg', 'pino', 'zod'];
// Optional peers of bundled packages, required only on demand (pg's native binding).
const OPTIONAL_EXTERNAL = ['pg-native'];
const PARSER_LITE = path.join(ROOT, 'scripts/build/pgtyped-parser-lite.mjs');
const parserLite = {
  name: 'pgtyped-parser-lite',
  setup(b) {
    b.onResolve({ filter: /^@pgtyped\/parser$/ }, () => ({ path: PARSER_LITE }));
  },
};

// Bundled dependencies, trimmed where they cost start-up time for nothing.
const leanBundles = {
  name: 'lean-bundles',
  setup(b) {
    // zod's z.locales (its messages in 40 languages): half of zod's code, parsed at every start. We use English,
    // zod's default (set by zod itself from locales/en.js), so z.locales keeps only that one.
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`) ? { path: path.join(args.resolveDir, args.path), namespace: 'zod-locales-en' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales-en' }, (args) => ({ contents: 'export { default as en } from "./en.js";', resolveDir: path.dirname(args.path), loader: 'js' }));
    // pg asks at load whether it runs in a Cloudflare Worker; on Node 20 (no `navigator`) by building a fetch
    // Response, which loads Node's whole fetch implementation (undici) at every start. A bundle for Node is not
    // a Worker. (Should a pg release reword the check, the bundle keeps it: slower, still correct.)
    b.onLoad({ filter: /[\\/]node_modules[\\/]pg[\\/]lib[\\/]stream\.js$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const patched = text.replace('if (isCloudflareRuntime()) {', 'if (false) {');
      return patched === text ? undefined : { contents: patched, loader: 'js' };
    });
    // koa-body loads formidable (and its id generator, which hashes a host fingerprint at load) for multipart
    // bodies, which the app never asks it to parse (busboy reads the uploads): loaded on first use instead.
    b.onLoad({ filter: /[\\/]node_modules[\\/]koa-body[\\/]dist[\\/]esm[\\/]utils[\\/]parse-with-formidable\.js$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const patched = text
        .replace("import formidable from 'formidable';", '')
        .replace('const form = formidable(', "const { default: formidable } = await import('formidable');\n    const form = formidable(");
      return patched.includes('await import(') && !patched.includes("from 'formidable'") ? { contents: patched, loader: 'js' } : undefined;
    });
    // koa asks of every body that is not a string, Buffer or Node stream whether it is a web ReadableStream, Blob
    // or fetch Response. Those are lazy globals on Node 20: the first JSON reply of a process loaded Node's whole
    // fetch implementation (undici, ~15 ms) to learn that a plain object is not a Response. Each check is made only
    // of a value that has the web type's own method (getReader, arrayBuffer); JSON data has no functions.
    b.onLoad({ filter: /[\\/]node_modules[\\/]koa[\\/]lib[\\/](response|application)\.js$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const method = { ReadableStream: 'getReader', Blob: 'arrayBuffer', Response: 'arrayBuffer' };
      let n = 0;
      const patched = text.replace(/\b(val|body) instanceof (ReadableStream|Blob|Response)\b/g, (_, v, type) => {
        n++;
        return `(typeof ${v}.${method[type]} === 'function' && ${v} instanceof ${type})`;
      });
      return n === 3 ? { contents: patched, loader: 'js' } : undefined;
    });
    // npm nests a copy of the same version under each dependent that needs an older one than the top level:
    // mime-types 2.1.35 with its 150 KB mime-db twice (accepts, co-body). Identical copies of these pure lookup
    // tables are bundled once.
    const firstCopy = new Map();
    b.onResolve({ filter: /^mime-(db|types)$/ }, async (args) => {
      if (args.pluginData === 'dedupe') return undefined;
      const r = await b.resolve(args.path, { resolveDir: args.resolveDir, importer: args.importer, kind: args.kind, pluginData: 'dedupe' });
      if (r.errors.length || r.external) return undefined;
      const pkgDir = r.path.slice(0, r.path.lastIndexOf(`node_modules${path.sep}${args.path}${path.sep}`) + `node_modules${path.sep}${args.path}`.length);
      const { version } = JSON.parse(await fs.promises.readFile(path.join(pkgDir, 'package.json'), 'utf8'));
      const key = `${args.path}@${version}:${path.relative(pkgDir, r.path)}`;
      if (!firstCopy.has(key)) firstCopy.set(key, r.path);
      return { path: firstCopy.get(key) };
    });
    // iconv-lite (raw-body's decoder for bodies in legacy charsets) is half a megabyte of code-page tables it
    // loads only when such a body arrives; from node_modules it costs nothing until then. Left external only
    // when the top-level copy is the one the importer would get, so the version is the same.
    b.onResolve({ filter: /^iconv-lite$/ }, async (args) => {
      if (args.pluginData === 'top-level') return undefined;
      const r = await b.resolve(args.path, { resolveDir: args.resolveDir, importer: args.importer, kind: args.kind, pluginData: 'top-level' });
      return !r.errors.length && r.path.startsWith(path.join(ROOT, 'node_modules', 'iconv-lite') + path.sep) ? { path: args.path, external: true } : undefined;
    });
    // Big JSON data (mime-db, three copies; iconv-lite's code pages) as JSON.parse of one string, which V8 reads
    // far faster than the same data written out as an object literal.
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.json$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      if (text.length < 10_000) return undefined;
      return { contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(text)))});`, loader: 'js' };
    });
  },
};

function externalPackages() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const names = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})].filter((n) => !BUNDLED.includes(n));
  return [...names, ...OPTIONAL_EXTERNAL];
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
  const inputs = [path.join(ROOT, 'package.json'), fileURLToPath(import.meta.url), PARSER_LITE, RUN_BUNDLE];
  return Math.max(newestMtime(path.join(ROOT, 'src')), ...inputs.map((p) => fs.statSync(p).mtimeMs)) > built;
}

function options() {
  return {
    absWorkingDir: ROOT,
    entryPoints: Object.entries(ENTRIES).map(([out, src]) => ({ in: src, out })),
    outdir: DIST,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    // CommonJS, one file per entry point: V8 can cache the compiled code of a script (see RUN_BUNDLE), not of an
    // ES module on Node 20. What src/ imports on demand still runs on demand (esbuild wraps each module).
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: externalPackages(),
    // The bundle's own file for the modules that ask where they are (src/version.ts, src/db/cluster.ts).
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    sourcemap: true,
    metafile: true,
    plugins: [parserLite, leanBundles],
    logLevel: 'warning',
    write: false, // written by build(), beside dist/ first
  };
}

// Runs a bundle with a V8 code cache (compiled code kept between starts: most of what a start would spend parsing
// and compiling); copied into dist/, and each entry point (dist/main.js, worker.js, cli.js) calls it.
const RUN_BUNDLE = path.join(ROOT, 'scripts/build/run-bundle.mjs');

function isEsm(file) {
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs')) return false;
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) return JSON.parse(fs.readFileSync(pkg, 'utf8')).type === 'module';
    if (path.dirname(dir) === dir) return false;
  }
}

/**
 * Every package a bundle require()s must be loadable by require() on Node 20: a static import of an ES-module-only
 * package (fine in src/ under tsx) becomes a require() in a CommonJS bundle, which would fail only when that code
 * path first runs. Such a package must be imported with `await import()` in src/.
 */
function checkRequiredPackages(metafile) {
  const requireFrom = createRequire(path.join(ROOT, 'package.json'));
  const problems = new Set();
  for (const out of Object.values(metafile.outputs)) {
    for (const i of out.imports) {
      if (!i.external || i.kind === 'dynamic-import' || i.path.startsWith('node:') || builtinModules.includes(i.path) || OPTIONAL_EXTERNAL.includes(i.path)) continue;
      let file;
      try {
        file = requireFrom.resolve(i.path);
      } catch (err) {
        problems.add(`${i.path} (${err.code ?? err.message})`);
        continue;
      }
      if (isEsm(file)) problems.add(`${i.path} (an ES module)`);
    }
  }
  if (problems.size) throw new Error(`build: these packages cannot be require()d, import them with await import() in src/: ${[...problems].join(', ')}`);
}

/**
 * The bundle's import() of a package goes through RUN_BUNDLE's __import: on Node 20 a vm.Script compiled from a code
 * cache has no dynamic-import callback of its own. `specifiers`: the packages the metafile says it imports so.
 */
function routeDynamicImports(text, specifiers, file) {
  const routed = new Set();
  const out = text.replace(/(?<![.\w$])import\((["'])([^"'`]+)\1\)/g, (whole, quote, specifier) => {
    if (!specifiers.has(specifier)) return whole;
    routed.add(specifier);
    return `__import(${quote}${specifier}${quote})`;
  });
  const missed = [...specifiers].filter((s) => !routed.has(s));
  if (missed.length) throw new Error(`build: ${path.basename(file)} imports ${missed.join(', ')} in a form scripts/build.mjs does not recognise`);
  return out;
}

/**
 * The bundle in ASCII only, which RUN_BUNDLE reads as latin1: a one-byte string made straight from the file's bytes,
 * where reading 2 MB as UTF-8 with a single other character in it took twice as long (~45 ms here). esbuild escapes
 * everything but comments (charset ascii); what is left is escaped here, harmless in a comment as anywhere else.
 */
function ascii(text) {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function writeOutputs(result, dir) {
  const dynamicImports = new Map(
    Object.entries(result.metafile.outputs).map(([out, meta]) => [
      path.join(ROOT, out),
      new Set(meta.imports.filter((i) => i.external && i.kind === 'dynamic-import').map((i) => i.path)),
    ]),
  );
  for (const f of result.outputFiles) {
    const contents = f.path.endsWith('.cjs') ? ascii(routeDynamicImports(f.text, dynamicImports.get(f.path) ?? new Set(), f.path)) : f.contents;
    fs.mkdirSync(path.dirname(f.path), { recursive: true });
    fs.writeFileSync(f.path, contents);
  }
  fs.copyFileSync(RUN_BUNDLE, path.join(dir, 'run-bundle.js'));
  for (const name of Object.keys(ENTRIES)) {
    fs.writeFileSync(path.join(dir, `${name}.js`), `import { runBundle } from './run-bundle.js';\nrunBundle(new URL('./${name}.cjs', import.meta.url));\n`);
  }
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
  const result = await esbuild.build({ ...options(), outdir: fresh });
  checkRequiredPackages(result.metafile);
  writeOutputs(result, fresh);
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
