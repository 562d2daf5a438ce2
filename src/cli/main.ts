/**
 * traq-admin: the operator's command line (data-model §9).
 *
 *   traq-admin [local|remote] <group> <command> [options]
 *
 * Local mode calls the domain functions and compiled queries directly
 * (DATABASE_URL, or the embedded cluster under TRAQ_DATA_DIR); remote mode
 * calls the HTTP API (--host/--api-key or TRAQ_ADMIN_HOST/TRAQ_API_KEY).
 * Command groups live in ./groups, listed in ./registry.ts.
 */
import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../version.js';
import { describeFailure, EXIT } from './errors.js';
import { groups, type GroupEntry } from './registry.js';
import { Runtime, type GlobalOptions, type Mode } from './runtime.js';

const GLOBAL_WITH_VALUE = ['--mode', '--host', '--api-key'];

const HELP_FOOTER = `
Modes:
  local   domain functions against DATABASE_URL, or the embedded database under
          TRAQ_DATA_DIR (default ./files; joins a running server's cluster)
  remote  the HTTP API: --host/--api-key, or TRAQ_ADMIN_HOST/TRAQ_API_KEY
  Default: remote when a host is configured, else local.

Exit codes:
  0 ok   1 failure   2 usage error (bad argument; server 400/422)
  3 not found or refused (404, 401, 403, 409)`;

/** The group a command line names: its first operand after the global options (after `help`, the next one). */
function namedGroup(args: string[]): GroupEntry | undefined {
  const operands: string[] = [];
  for (let i = 0; i < args.length && operands.length < 2; i++) {
    const arg = args[i]!;
    if (GLOBAL_WITH_VALUE.includes(arg)) i++;
    else if (!arg.startsWith('-')) operands.push(arg);
  }
  const name = operands[0] === 'help' ? operands[1] : operands[0];
  return groups.find((g) => g.name === name);
}

export async function run(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let args = argv;
  let leading: Mode | undefined;
  // data-model §9 spells the mode as a leading word; `cloud` is the old name of remote.
  if (args[0] === 'local' || args[0] === 'remote' || args[0] === 'cloud') {
    leading = args[0] === 'local' ? 'local' : 'remote';
    args = args.slice(1);
  }

  const program = new Command('traq-admin')
    .description('Operate traq-server: devices, export feed, artifacts, staging bundles')
    .version(VERSION, '--version')
    .addOption(new Option('--mode <mode>', 'local or remote (see Modes)').choices(['local', 'remote']))
    .option('--host <url>', 'API base URL for remote mode (env TRAQ_ADMIN_HOST)')
    .option('--api-key <key>', 'admin API key for remote mode (env TRAQ_API_KEY)')
    .option('--json', 'print one JSON document on stdout (for scripts)')
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .addHelpText('after', HELP_FOOTER);

  const rt = new Runtime(() => {
    const o = program.opts<GlobalOptions>();
    return { ...o, mode: o.mode ?? leading };
  }, env);
  // Only the group the command line names is loaded; every other one stays a name and a summary for --help.
  const named = namedGroup(args);
  for (const g of groups) {
    const group = program.command(g.name).description(g.summary);
    if (g === named) (await g.load()).register(group, rt);
  }

  // Ctrl-C: close the pool and stop an embedded cluster this process started, then leave.
  const interrupted = () => void rt.close().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  try {
    await program.parseAsync(args, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander already printed its message (or the help)
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    }
    const { code, message } = describeFailure(err);
    process.stderr.write(`traq-admin: ${message}\n`);
    return code;
  } finally {
    process.off('SIGINT', interrupted);
    await rt.close();
  }
}

// Not a top-level await: the compiled CLI is a CommonJS bundle (scripts/build.mjs says why).
void run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
