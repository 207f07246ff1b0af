import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export interface ChildServer {
  readonly pid: number;
  readonly url: string;
  /** Asks the child to close, and waits until it has exited. */
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 5000;

/** Extra node flags for every child, e.g. `--cpu-prof --cpu-prof-dir=prof` to profile. */
const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter((f) => f !== '');

/**
 * Waits for the child's `{"port":N}` line. Anything else it prints (e.g. `--trace-gc` output)
 * goes on to stderr, before and after, so that its pipe never fills up and blocks it.
 */
async function announcedPort(child: ChildProcess): Promise<number> {
  if (child.stdout === null) throw new Error('child has no stdout');
  const lines = createInterface({ input: child.stdout });
  return new Promise<number>((resolve, reject) => {
    let announced = false;
    lines.on('line', (line) => {
      const port = announced ? undefined : /^\{"port":(\d+)\}$/.exec(line)?.[1];
      if (port === undefined) {
        process.stderr.write(`${line}\n`);
        return;
      }
      announced = true;
      resolve(Number(port));
    });
    child.once('exit', (code) => {
      if (!announced) reject(new Error(`server exited with ${String(code)} before it listened`));
    });
  });
}

/**
 * The command that runs node, through a wrapper that runs it in its own process if one is given
 * (`valgrind --tool=callgrind … node`): the command first, then its arguments before node's own.
 */
export function nodeCommand(wrapper: readonly string[] = []): [string, ...string[]] {
  const [command, ...rest] = wrapper;
  return command === undefined ? [process.execPath] : [command, ...rest, process.execPath];
}

/**
 * Starts a server script in its own node process, so that the load generator does not share its
 * event loop; the script prints `{"port":N}` once it listens and closes on SIGTERM.
 */
export async function startChildServer(
  script: string,
  args: readonly string[] = [],
  options: {
    readonly typescript?: boolean;
    readonly nodeFlags?: readonly string[];
    /** A command that runs node, e.g. `valgrind --tool=callgrind`: node runs in its process. */
    readonly wrapper?: readonly string[];
  } = {},
): Promise<ChildServer> {
  const loader = options.typescript === false ? [] : ['--import', 'tsx'];
  const flags = [...NODE_FLAGS, ...(options.nodeFlags ?? []), ...loader];
  const [command, ...before] = nodeCommand(options.wrapper);
  const child = spawn(command, [...before, ...flags, script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${script}`);
  const port = await announcedPort(child);
  return {
    pid,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      // A server stuck in a long synchronous query cannot run its SIGTERM handler.
      const force = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(force);
    },
  };
}

/** How a child server announces itself and stops: shared by the server scripts. */
export function announceAndServe(port: number, close: () => Promise<void>): void {
  process.stdout.write(`${JSON.stringify({ port })}\n`);
  process.once('SIGTERM', () => {
    setTimeout(() => process.exit(1), STOP_GRACE_MS).unref();
    void close().then(() => process.exit(0));
  });
}
