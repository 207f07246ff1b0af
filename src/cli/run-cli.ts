import { AUDIT_HELP, AUDIT_SUMMARY, auditCommand } from './audit-command.ts';
import type { CliServices } from './cli-services.ts';
import type { CliStreams } from './cli-streams.ts';
import { IMPORT_HELP, IMPORT_SUMMARY, importCommand } from './import-command.ts';
import { LIFECYCLE_HELP, LIFECYCLE_SUMMARY, lifecycleCommand } from './lifecycle-command.ts';
import { RESERVED_HELP, RESERVED_SUMMARY, reservedCommand } from './reserved-command.ts';
import { STAFF_HELP, STAFF_SUMMARY, staffCommand } from './staff-command.ts';
import { VALIDATE_HELP, VALIDATE_SUMMARY, validateCommand } from './validate-command.ts';

export type { CliStreams } from './cli-streams.ts';

interface Command {
  readonly summary: string;
  readonly help: string;
  readonly run: (args: readonly string[], io: CliStreams, services: CliServices) => Promise<number>;
}

// A Map, not an object literal, so that `idro constructor` is an unknown command.
const COMMANDS: ReadonlyMap<string, Command> = new Map([
  ['validate', { summary: VALIDATE_SUMMARY, help: VALIDATE_HELP, run: validateCommand }],
  ['import', { summary: IMPORT_SUMMARY, help: IMPORT_HELP, run: importCommand }],
  ['reserved', { summary: RESERVED_SUMMARY, help: RESERVED_HELP, run: reservedCommand }],
  ['staff', { summary: STAFF_SUMMARY, help: STAFF_HELP, run: staffCommand }],
  ['audit', { summary: AUDIT_SUMMARY, help: AUDIT_HELP, run: auditCommand }],
  ['lifecycle', { summary: LIFECYCLE_SUMMARY, help: LIFECYCLE_HELP, run: lifecycleCommand }],
]);

const HELP_WORDS = new Set(['help', '--help', '-h']);

function mainHelp(): string {
  const width = Math.max('serve'.length, ...[...COMMANDS.keys()].map((name) => name.length));
  const lines = [
    'usage: idro <command> [options]',
    '',
    'commands:',
    `  ${'serve'.padEnd(width)}  start the web service`,
    ...[...COMMANDS].map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
    `  ${'help'.padEnd(width)}  show this help, or 'idro help <command>' for one command`,
    '',
  ];
  return lines.join('\n');
}

/** Runs one command-line command; resolves to the process exit code. */
export function runCli(
  argv: readonly string[],
  io: CliStreams,
  services: CliServices,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(mainHelp());
    return Promise.resolve(2);
  }
  if (HELP_WORDS.has(name)) return Promise.resolve(help(rest[0], io));
  const command = COMMANDS.get(name);
  if (command === undefined) {
    io.stderr.write(`idro: unknown command '${name}'\n${mainHelp()}`);
    return Promise.resolve(2);
  }
  return command.run(rest, io, services);
}

function help(topic: string | undefined, io: CliStreams): number {
  if (topic === undefined) {
    io.stdout.write(mainHelp());
    return 0;
  }
  const command = COMMANDS.get(topic);
  if (command === undefined) {
    io.stderr.write(`idro: no help for unknown command '${topic}'\n${mainHelp()}`);
    return 2;
  }
  io.stdout.write(command.help);
  return 0;
}
