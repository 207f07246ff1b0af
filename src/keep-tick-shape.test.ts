import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { keptTickObject } from './keep-tick-shape.ts';

const MODULE = new URL('keep-tick-shape.ts', import.meta.url).href;

/**
 * In a fresh process: ticks, then full collections while no tick object is alive (as while the
 * service starts), then ticks again; then what the engine recorded where `process.nextTick`
 * builds its tick object, one state per key of the literal.
 */
function tickRecordsAfterCollections(keepShape: boolean): string[] {
  const script = `
    ${keepShape ? `await import(${JSON.stringify(MODULE)});` : ''}
    const debugPrint = new Function('f', '%DebugPrint(f)');
    const immediate = () => new Promise((resolve) => setImmediate(resolve));
    const tick = () => undefined;
    for (let round = 0; round < 5; round += 1) {
      for (let i = 0; i < 5000; i += 1) process.nextTick(tick);
      await immediate();
      for (let i = 0; i < 10; i += 1) { globalThis.gc(); await immediate(); }
    }
    for (let i = 0; i < 5000; i += 1) process.nextTick(tick);
    await immediate();
    debugPrint(process.nextTick);
  `;
  // The engine prints through buffered C output, which a pipe may cut short at exit: a file.
  const dir = mkdtempSync(join(tmpdir(), 'idro-tick-'));
  const file = join(dir, 'out.txt');
  const fd = openSync(file, 'w');
  try {
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--expose-gc',
        '--allow-natives-syntax',
        '--input-type=module',
        '--eval',
        script,
      ],
      { stdio: ['ignore', fd, 'pipe'] },
    );
  } finally {
    closeSync(fd);
  }
  const out = readFileSync(file, 'utf8');
  rmSync(dir, { recursive: true });
  return [...out.matchAll(/DefineKeyedOwnPropertyInLiteral (\w+)/g)].map((m) => m[1] ?? '');
}

describe('keep-tick-shape', () => {
  it('holds the tick object that the runtime handed over', () => {
    assert.equal(typeof keptTickObject, 'object');
    assert.equal(typeof (keptTickObject as { callback?: unknown }).callback, 'function');
  });

  it('keeps nextTick building its tick objects in compiled code after full collections', () => {
    // Without it, the runtime's records go megamorphic (the reason the module exists); with it,
    // every key of the literal stays monomorphic.
    const without = tickRecordsAfterCollections(false);
    assert.equal(without.length, 4, 'four keys in the tick object literal');
    assert.ok(without.includes('MEGAMORPHIC'), `without: ${without.join(', ')}`);
    assert.deepEqual(tickRecordsAfterCollections(true), Array(4).fill('MONOMORPHIC'));
  });
});
