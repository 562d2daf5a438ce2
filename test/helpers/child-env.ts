/**
 * The environment of a child process a test starts (traq-admin, a server, a worker), as an operator's shell
 * would give it: this process's environment without the project's settings (each caller sets its own) and
 * without NODE_OPTIONS, through which tap hooks its process tracking into every Node process below it. That
 * hook sees every module a child loads and cost each CLI start in the suite about half a second of CPU.
 */
export function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (/^(DATABASE_URL|TRAQ_|OPENAI_|AWS_)/.test(k) || k === 'NODE_OPTIONS') delete env[k];
  return env;
}
