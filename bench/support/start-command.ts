import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** The node flags of the start script, which must read `node <flags> dist/main.js serve`. */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const start = pkg.scripts.start ?? '';
  const match = /^node ((?:--\S+ )*)dist\/main\.js serve$/.exec(start);
  if (match === null) throw new Error(`unexpected start script: ${start}`);
  return (match[1] ?? '').split(' ').filter((flag) => flag !== '');
}

/** The command line `npm start` ends in, as arguments of node. */
export function startArgs(): string[] {
  return [...startFlags(), 'dist/main.js', 'serve'];
}

/** `npm run build`, as `npm start` does first; throws when it fails. */
export function build(): void {
  const run = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) throw new Error('npm run build failed');
}
