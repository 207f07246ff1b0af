import type { LifecycleServices } from '../app/lifecycle/ports.ts';
import { randomRequestReference } from '../app/lifecycle/holder-requests.ts';
import { createRegisterChanges } from '../app/lifecycle/register-changes.ts';
import { createLifecycleStore } from '../db/repositories/lifecycle-store.ts';
import { createRegisterStore } from '../db/repositories/register-store.ts';
import { createLifecycleJob } from '../jobs/lifecycle-job.ts';
import type { BackOfficeWiring } from './back-office-wiring.ts';

/** How often the service looks for withdrawals whose day has come. */
const DUE_CHECK_MS = 60_000;

/** Wires the lifecycle use cases. */
export function lifecycleServices(
  w: Pick<BackOfficeWiring, 'db' | 'reader' | 'clock' | 'ids' | 'registerChanged'>,
): LifecycleServices {
  const changes = createRegisterChanges();
  // Every committed lifecycle change empties this process's resolve cache at once.
  changes.subscribe(w.registerChanged);
  return {
    clock: w.clock,
    reader: w.reader,
    register: createRegisterStore(w.db),
    store: createLifecycleStore(w.db),
    ids: w.ids,
    changes,
    reference: randomRequestReference,
  };
}

function logLine(level: 'info' | 'error', msg: string, details: object): void {
  const line = JSON.stringify({
    level: level === 'error' ? 50 : 30,
    time: Date.now(),
    msg,
    ...details,
  });
  (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}

/**
 * Starts the lifecycle's background work: at start and then every minute, the approved
 * withdrawals whose day has come are applied. Returns how to stop it.
 */
export function startLifecycleJobs(services: LifecycleServices): () => void {
  return createLifecycleJob({
    lifecycle: services,
    everyMs: DUE_CHECK_MS,
    onApplied: (count) => {
      logLine('info', 'scheduled withdrawals applied', { count });
    },
    onError: (error) => {
      logLine('error', 'applying scheduled withdrawals failed', {
        err: error instanceof Error ? { message: error.message, stack: error.stack } : error,
      });
    },
  }).start();
}
