import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');

/** Loaded on first use (`src/lazy-module.ts`); none of them is needed to publish the register. */
const LAZY = [
  'pg',
  'nodemailer',
  'date-holidays',
  'jsvat',
  'libphonenumber-js',
  '@node-rs/argon2',
  'otplib',
  'qrcode',
];

/** The packages a fresh process has loaded after importing `module`, from the module cache. */
function packagesLoadedBy(module: string): string[] {
  const script = `
    import { createRequire } from 'node:module';
    await import(${JSON.stringify(module)});
    const loaded = new Set();
    for (const file of Object.keys(createRequire(import.meta.url).cache)) {
      const match = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(file);
      if (match) loaded.add(match[1]);
    }
    process.stdout.write(JSON.stringify([...loaded]));
  `;
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '--eval', script],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(out) as string[];
}

describe('memory at start', () => {
  it('the service loads its heavy, rarely used dependencies only when they are first used', () => {
    const loaded = packagesLoadedBy('./src/serve.ts');
    assert.ok(loaded.includes('fastify'), `the check sees the service's modules: ${loaded.join()}`);
    assert.deepEqual(
      LAZY.filter((name) => loaded.includes(name)),
      [],
    );
  });

  it('each of them loads when asked for, once', async () => {
    const { lazyModule } = await import('../../src/lazy-module.ts');
    for (const name of LAZY) {
      const load = lazyModule<object>(name);
      const first = load();
      assert.ok(first, name);
      assert.equal(load(), first, name);
    }
  });
});
