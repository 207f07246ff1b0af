// First, before anything is collected: see the module.
import './keep-tick-shape.ts';
import { cliServices } from './cli-services.ts';
import { runCli } from './cli/run-cli.ts';
import { ConfigError, loadConfig } from './config.ts';

// The one entry point: `serve` starts the web service, anything else is a command-line tool.
// The web layer is loaded only to serve, so that CLI commands start fast.
async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === 'serve') {
    const { serve } = await import('./serve.ts');
    await serve(loadConfig());
    return -1;
  }
  const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  return runCli(
    argv,
    io,
    cliServices(() => loadConfig()),
  );
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
