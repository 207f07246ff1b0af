import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';

// `npm run build`: compiles src/ to JavaScript in dist/ (the service as `npm start` runs it), with
// the files the code reads beside itself at run time (messages, page assets), so that every path
// made from `import.meta.dirname` finds the same files under dist/ as under src/. dist/ sits
// beside src/, so `../package.json` and `../seed` are the project's own. Type errors stop the build.
// When nothing under src/ nor any configuration changed since the last good build, the compiler
// is not even started (`--force` starts it anyway); otherwise it keeps its state in dist/ and
// only redoes what changed.

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
/** Written after a good build, dated from its start. */
const STAMP = join(DIST, '.build-stamp');
const OWN_FILES = new Set(['.build-stamp', '.tsbuildinfo']);
const CONFIGURATION = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];

const isCode = (file: string) => /\.tsx?$/.test(file);
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/** Every file under a directory, as paths relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** The latest change to the sources: files, and directories (a file added or removed). */
function newestInput(): number {
  let newest = statSync(SRC).mtimeMs;
  for (const entry of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  for (const file of [...CONFIGURATION, 'scripts/build.ts']) {
    const path = join(ROOT, file);
    if (existsSync(path)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function compile(): number {
  const run = spawnSync(process.execPath, [TSC, '-p', join(ROOT, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  return run.status ?? 1;
}

/** Copies every file of src/ that is not code; skips those already there, unchanged. */
function copyRuntimeFiles(): number {
  let copied = 0;
  for (const file of filesUnder(SRC).filter((f) => !isCode(f))) {
    const from = join(SRC, file);
    const to = join(DIST, file);
    const source = statSync(from);
    if (existsSync(to)) {
      const target = statSync(to);
      if (target.size === source.size && target.mtimeMs >= source.mtimeMs) continue;
    }
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
    copied++;
  }
  return copied;
}

/** Removes what no longer has a source (a deleted module or message file must not linger). */
function removeStale(): number {
  let removed = 0;
  for (const file of filesUnder(DIST)) {
    if (OWN_FILES.has(file)) continue;
    const stem = file.replace(/\.js$/, '');
    // A copied file, or the output of a module (never of a test: tests are not built).
    const sources = [file, ...[`${stem}.ts`, `${stem}.tsx`].filter((f) => !isTest(f))];
    if (sources.some((source) => existsSync(join(SRC, source)))) continue;
    rmSync(join(DIST, file));
    removed++;
  }
  return removed;
}

const startedAt = new Date();
if (!process.argv.includes('--force') && existsSync(STAMP)) {
  if (statSync(STAMP).mtimeMs >= newestInput()) {
    process.stdout.write('build: dist/ is up to date\n');
    process.exit(0);
  }
}
rmSync(STAMP, { force: true });
const started = performance.now();
const status = compile();
if (status !== 0) {
  process.stderr.write('build: the compiler found errors; dist/ is not to be used\n');
  process.exit(status);
}
const removed = removeStale();
const copied = copyRuntimeFiles();
writeFileSync(STAMP, '');
utimesSync(STAMP, startedAt, startedAt);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(
  `build: dist/ ready in ${seconds} s (${copied} files copied, ${removed} stale removed)\n`,
);
