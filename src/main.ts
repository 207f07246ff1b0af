import { runCli } from './cli/run-cli.ts';
import { ConfigError, loadConfig } from './config.ts';
import { serve } from './serve.ts';

// The one entry point: `serve` starts the web service, anything else is a command-line tool.
async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === 'serve') {
    await serve(loadConfig());
    return -1;
  }
  return runCli(argv, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
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
