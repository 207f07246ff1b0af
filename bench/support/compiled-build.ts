import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Compiles the project to JavaScript with tsc, as a deployment would run it, into a gitignored
 * directory inside the project (so that packages still resolve), with the files read at run time
 * beside it. Returns the directory.
 */
export function buildCompiled(): string {
  const out = join(ROOT, '.tmp', 'bench-build');
  rmSync(out, { recursive: true, force: true });
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  // Type errors do not stop the emit; a missing file below does.
  spawnSync(
    process.execPath,
    [tsc, '-p', ROOT, '--noEmit', 'false', '--outDir', out, '--rootDir', ROOT],
    {
      stdio: 'ignore',
    },
  );
  if (!existsSync(join(out, 'bench', 'support', 'register-app-server.js'))) {
    throw new Error('tsc emitted nothing');
  }
  cpSync(join(ROOT, 'package.json'), join(out, 'package.json'));
  const messages = join(ROOT, 'src', 'i18n', 'messages');
  for (const lang of readdirSync(messages)) {
    mkdirSync(join(out, 'src', 'i18n', 'messages', lang), { recursive: true });
    cpSync(join(messages, lang), join(out, 'src', 'i18n', 'messages', lang), { recursive: true });
  }
  cpSync(join(ROOT, 'src', 'http', 'web', 'assets'), join(out, 'src', 'http', 'web', 'assets'), {
    recursive: true,
  });
  return out;
}
