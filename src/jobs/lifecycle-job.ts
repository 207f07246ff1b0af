import { applyDueWithdrawals } from '../app/lifecycle/apply-due-withdrawals.ts';
import type { LifecycleServices } from '../app/lifecycle/ports.ts';

/** How the job waits between runs; the system's timers, or a test's. */
export interface JobTimers {
  every(ms: number, run: () => void): () => void;
}

export const systemTimers: JobTimers = {
  every(ms, run) {
    const timer = setInterval(run, ms);
    // The job never keeps the process alive on its own: shutting down is never delayed by it.
    timer.unref();
    return () => {
      clearInterval(timer);
    };
  },
};

export interface LifecycleJobOptions {
  readonly lifecycle: LifecycleServices;
  /** How often to look for withdrawals whose day has come. */
  readonly everyMs: number;
  readonly timers?: JobTimers;
  /** Told of a run that failed; the next run tries again. */
  readonly onError?: (error: unknown) => void;
  /** Told how many withdrawals a run applied, when it applied some. */
  readonly onApplied?: (count: number) => void;
}

export interface LifecycleJob {
  /** One run now: applies every withdrawal that is due; resolves to how many. */
  runOnce(): Promise<number>;
  /** Runs once at once, then every `everyMs`; returns how to stop. */
  start(): () => void;
}

/**
 * Applies approved withdrawals when their day comes. Runs never overlap: a run that is still
 * going when the next is due makes that one skip. The clock is the lifecycle's, so tests move
 * time by moving that clock and calling `runOnce`.
 */
export function createLifecycleJob(options: LifecycleJobOptions): LifecycleJob {
  const timers = options.timers ?? systemTimers;
  let running: Promise<number> | undefined;
  const runOnce = (): Promise<number> => {
    running ??= applyDueWithdrawals(options.lifecycle).finally(() => (running = undefined));
    return running;
  };
  const tick = () => {
    runOnce().then(
      (count) => {
        if (count > 0) options.onApplied?.(count);
      },
      (error: unknown) => options.onError?.(error),
    );
  };
  return {
    runOnce,
    start() {
      tick();
      return timers.every(options.everyMs, tick);
    },
  };
}
