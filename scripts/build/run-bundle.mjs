// Runs one of dist/'s CommonJS bundles (the server, the worker, traq-admin) with a V8 code cache beside it, so a
// start does not parse and compile the same two megabytes of JavaScript each time (Node 20 caches neither kind of
// module; Node 22's module.enableCompileCache would). Copied into dist/ by the build; dist/<entry>.js is two lines
// that call it. Plain JS: it runs before anything of the bundle.
//
// - The bundle is compiled as a vm.Script with the cache an earlier run wrote (dist/.cache/<bundle>.v8). V8 takes it
//   only if it was made from this very source by this V8 with the same flags; otherwise it compiles as if there were
//   none, and this run writes a new one.
// - The cache is written once the program has run a while (1 s, or at exit if sooner), so it holds the functions its
//   start compiled, not only the top level; by a temp file and a rename, so no reader sees half of one. A dist/ this
//   process may not write to just goes without.
// - The bundle's import() of a package (the build rewrites them to __import) is this module's: on Node 20, a
//   vm.Script compiled from a cache loses its own dynamic-import callback.
// Stack traces name the bundle and its lines, as a plain require() would.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const SAVE_AFTER_MS = 1000;

const WRAPPER = '(function (exports, require, module, __filename, __dirname, __import) { ';

export function runBundle(url) {
  const file = fileURLToPath(url);
  const cacheDir = path.join(path.dirname(file), '.cache');
  const cacheFile = path.join(cacheDir, `${path.basename(file)}.v8`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // latin1: the build writes the bundle in ASCII only, so this is the text, made without decoding UTF-8.
  const script = new vm.Script(`${WRAPPER}${fs.readFileSync(file, 'latin1')}\n})`, { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    let saved = false;
    const save = () => {
      if (saved) return;
      saved = true;
      const temp = `${cacheFile}.${process.pid}.tmp`;
      try {
        fs.mkdirSync(cacheDir, { recursive: true });
        fs.writeFileSync(temp, script.createCachedData());
        fs.renameSync(temp, cacheFile);
      } catch {
        try {
          fs.rmSync(temp, { force: true });
        } catch {
          // nothing was written
        }
      }
    };
    setTimeout(save, SAVE_AFTER_MS).unref();
    process.once('exit', save);
  }
  const module = new Module(file);
  module.filename = file;
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file), (specifier) => import(specifier));
  return module.exports;
}
