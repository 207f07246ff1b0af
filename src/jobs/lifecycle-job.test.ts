import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LifecycleServices, LifecycleStore } from '../app/lifecycle/ports.ts';
import { createLifecycleJob, type JobTimers } from './lifecycle-job.ts';

/** Timers moved by hand: `tick()` runs what is due, no real time passes. */
function manualTimers(): JobTimers & { tick(): void; stopped: boolean } {
  let run: (() => void) | undefined;
  const timers = {
    stopped: false,
    every(_ms: number, fn: () => void) {
      run = fn;
      return () => {
        timers.stopped = true;
        run = undefined;
      };
    },
    tick() {
      run?.();
    },
  };
  return timers;
}

/** Lifecycle services whose store only answers "what is due" (nothing), counting the questions. */
function servicesAsked(answer: () => Promise<never[]>): LifecycleServices & { asked: number } {
  const s = {
    asked: 0,
    clock: { now: () => new Date('2027-01-15T00:00:00.000Z') },
    store: {
      dueRequests: () => {
        s.asked += 1;
        return answer();
      },
    } as unknown as LifecycleStore,
  };
  return s as unknown as LifecycleServices & { asked: number };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the lifecycle job', () => {
  it('runs at start, then at each tick, until stopped', async () => {
    const timers = manualTimers();
    const s = servicesAsked(() => Promise.resolve([]));
    const stop = createLifecycleJob({ lifecycle: s, everyMs: 60_000, timers }).start();
    await settle();
    assert.equal(s.asked, 1);
    timers.tick();
    await settle();
    assert.equal(s.asked, 2);
    stop();
    assert.equal(timers.stopped, true);
    timers.tick();
    await settle();
    assert.equal(s.asked, 2);
  });

  it('never runs twice at once, and reports a failed run without stopping', async () => {
    let release: (() => void) | undefined;
    let fail = false;
    const s = servicesAsked(() =>
      fail
        ? Promise.reject(new Error('database gone'))
        : new Promise<never[]>((resolve) => {
            release = () => {
              resolve([]);
            };
          }),
    );
    const errors: unknown[] = [];
    const timers = manualTimers();
    const job = createLifecycleJob({
      lifecycle: s,
      everyMs: 60_000,
      timers,
      onError: (e) => errors.push(e),
    });
    job.start();
    timers.tick();
    timers.tick();
    await settle();
    assert.equal(s.asked, 1, 'the ticks during a run join it');
    release?.();
    await settle();
    fail = true;
    timers.tick();
    await settle();
    assert.equal(errors.length, 1);
    fail = false;
    timers.tick();
    await settle();
    assert.equal(s.asked, 3, 'the next tick runs again');
  });
});
