import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  importBeneluxRegister,
  type BeneluxImportSummary,
} from '../app/register/import-benelux-register.ts';
import type { ImportAnomaly } from '../app/register/import-anomaly.ts';
import {
  importIdroDirectory,
  DirectoryFormatError,
  type DirectoryImportSummary,
} from '../app/register/import-idro-directory.ts';
import { ExportFormatError } from '../app/register/parse-benelux-export.ts';
import type { CliServices } from './cli-services.ts';
import { withRegister } from './cli-services.ts';
import type { CliStreams } from './cli-streams.ts';
import { parseCommandArgs } from './parse-args.ts';

export const IMPORT_SUMMARY = 'import a register file: benelux-csv FILE | idro-directory FILE';

export const IMPORT_HELP = `usage: idro import benelux-csv FILE
       idro import idro-directory FILE [--dataset NAME]

  benelux-csv      the public Benelux register export (one company per row); its codes become
                   this register's, matched by company name and code
  idro-directory   the Open IDRO Directory dataset; its rows are kept as federated records of
                   other registers, never as ours
  --dataset NAME   the dataset's name and version, stored with every federated record

Importing the same file twice changes nothing. Prints a JSON summary (with every anomaly found)
on standard output and each anomaly on standard error. Exit 0 when imported, 1 when the file
cannot be read or is not in the expected layout (nothing is changed), 2 on a usage error.
`;

function describe(a: ImportAnomaly): string {
  const where = a.column === undefined ? `line ${a.line}` : `line ${a.line}, ${a.column}`;
  return `${where}: ${a.code}${a.value === undefined ? '' : ` ${JSON.stringify(a.value)}`}: ${a.message}\n`;
}

async function readSource(file: string, io: CliStreams): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    io.stderr.write(
      `idro import: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`,
    );
    return undefined;
  }
}

/** `idro import <format> FILE`: loads a register file into the database. */
export async function importCommand(
  args: readonly string[],
  io: CliStreams,
  services: CliServices,
): Promise<number> {
  const parsed = parseCommandArgs(args, { dataset: { type: 'string' } });
  if (!parsed.ok) return usage(io, parsed.reason);
  const [format, file, ...extra] = parsed.positionals;
  if (format === undefined || file === undefined || extra.length > 0)
    return usage(io, 'expected a format and one FILE');
  if (format !== 'benelux-csv' && format !== 'idro-directory')
    return usage(io, `unknown format '${format}'`);
  const text = await readSource(file, io);
  if (text === undefined) return 1;
  try {
    const summary = await withRegister<BeneluxImportSummary | DirectoryImportSummary>(
      services,
      (s) =>
        format === 'benelux-csv'
          ? importBeneluxRegister(text, basename(file), s)
          : importIdroDirectory(text, basename(file), parsed.values.dataset ?? basename(file), s),
    );
    io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    for (const anomaly of summary.anomalies) io.stderr.write(describe(anomaly));
    return 0;
  } catch (err) {
    if (err instanceof ExportFormatError || err instanceof DirectoryFormatError) {
      io.stderr.write(
        `idro import: ${file} is not a ${format} file: ${err.message}; nothing was changed\n`,
      );
      return 1;
    }
    throw err;
  }
}

function usage(io: CliStreams, reason: string): number {
  io.stderr.write(`idro import: ${reason}\n${IMPORT_HELP}`);
  return 2;
}
