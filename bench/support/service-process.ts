import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeCommand } from './child-server.ts';
import { statFields } from './proc-stat.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** The address the service listens on, given to it as `HOST`. */
export const SERVICE_HOST = '127.0.0.1';
const STOP_GRACE_MS = 10_000;

/** The real service in its own process tree, listening on 127.0.0.1. */
export interface ServiceProcess {
  /** The node process that serves (under `npm start`, a grandchild of the one started). */
  readonly pid: number;
  readonly url: string;
  /** Its command line, as the system shows it. */
  readonly command: string;
  stop(): Promise<void>;
}

/**
 * How to start it: `npm start`, or one node command line run from the project root, optionally
 * through a command that runs node in its own process (e.g. `valgrind --tool=callgrind`).
 */
export type Launch =
  | { readonly kind: 'npm-start' }
  | {
      readonly kind: 'node';
      readonly args: readonly string[];
      readonly wrapper?: readonly string[];
    };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address === null || typeof address === 'string') reject(new Error('no port'));
        else resolve(address.port);
      });
    });
  });
}

const commandOf = (pid: number) =>
  readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();

/** The process and every descendant of it (Linux: parent ids from /proc). */
function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      parents.set(Number(name), Number(statFields(name)[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const tree = [root];
  for (const parent of tree) {
    // Iterating while pushing: children found are visited in turn.
    for (const [pid, ppid] of parents) if (ppid === parent) tree.push(pid);
  }
  return tree;
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    get(url, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    }).once('error', () => {
      resolve(false);
    });
  });
}

function spawnLaunch(launch: Launch, env: NodeJS.ProcessEnv): ChildProcess {
  const options: SpawnOptions = { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] };
  if (launch.kind === 'node') {
    const [command, ...before] = nodeCommand(launch.wrapper);
    return spawn(command, [...before, ...launch.args], options);
  }
  // Under `npm run bench` npm says where it is; else the one on the PATH.
  const npm = process.env.npm_execpath ?? '';
  return npm.endsWith('.js')
    ? spawn(process.execPath, [npm, 'start'], options)
    : spawn('npm', ['start'], options);
}

/**
 * Starts the service as given, on the database, with a throw-away outbox, no seeding and warnings
 * logged only (unless `env` says otherwise); resolves once `/healthz` answers, with the pid of the
 * node process that serves.
 */
export async function startService(
  launch: Launch,
  databaseUrl: string,
  env: Readonly<Record<string, string>> = {},
  timeoutMs = 120_000,
): Promise<ServiceProcess> {
  const port = await freePort();
  const scratch = mkdtempSync(join(tmpdir(), 'idro-service-'));
  const child = spawnLaunch(launch, {
    ...process.env,
    PORT: String(port),
    HOST: SERVICE_HOST,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    IDRO_SEED: 'none',
    OUTBOX_DIR: join(scratch, 'outbox'),
    ...env,
  });
  const root = child.pid;
  if (root === undefined) throw new Error('could not start the service');
  const exited = once(child, 'exit');
  const url = `http://${SERVICE_HOST}:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (!(await answers(`${url}/healthz`))) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the service did not answer within ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // The serving process: the one listening, i.e. the deepest node process of the tree (a wrapper
  // runs node in its own process).
  const nodes = processTree(root).filter((pid) => /(^|\/)node /.test(`${commandOf(pid)} `));
  const wrapped = launch.kind === 'node' && (launch.wrapper?.length ?? 0) > 0;
  const pid = wrapped ? root : nodes.find((p) => commandOf(p).endsWith(' serve'));
  if (pid === undefined) throw new Error(`no serving node process among ${nodes.join(', ')}`);
  return {
    pid,
    url,
    command: commandOf(pid),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        process.kill(pid, 'SIGTERM');
        const force = setTimeout(() => {
          for (const p of processTree(root).reverse()) {
            try {
              process.kill(p, 'SIGKILL');
            } catch {
              // Gone meanwhile.
            }
          }
        }, STOP_GRACE_MS);
        await exited;
        clearTimeout(force);
      }
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
