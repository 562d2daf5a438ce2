/**
 * How a test starts a Node child (traq-admin, a server, a worker) as an operator's shell would: without the
 * project's settings in its environment (each caller sets its own) and without tap's process hook.
 *
 * tap's processinfo puts an `--import` of its module hook into NODE_OPTIONS of every process a test file
 * spawns, whatever env the spawn passes (it patches spawn itself), and that hook then sees every module the
 * child loads: `traq-admin device list` took 1.58 s of CPU with it and 0.84 s without, `--help` 0.64 and
 * 0.19 s. So the child is started through `env -u NODE_OPTIONS`, which drops it at exec.
 */
export function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (/^(DATABASE_URL|TRAQ_|OPENAI_|AWS_)/.test(k)) delete env[k];
  return env;
}

/** `[command, args]` that run `node <args>` (this Node) with no NODE_OPTIONS, for spawn or execFile. */
export function plainNode(args: string[]): [string, string[]] {
  return ['env', ['-u', 'NODE_OPTIONS', process.execPath, ...args]];
}
