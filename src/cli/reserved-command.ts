import { releaseCode, reserveCode } from '../app/register/reserve-code.ts';
import { DomainError } from '../domain/errors.ts';
import type { CliServices } from './cli-services.ts';
import { withRegister } from './cli-services.ts';
import type { CliStreams } from './cli-streams.ts';
import { parseCommandArgs } from './parse-args.ts';

export const RESERVED_SUMMARY =
  'the list of reserved codes: list | add CODE --reason TEXT | remove CODE';

export const RESERVED_HELP = `usage: idro reserved list
       idro reserved add CODE --reason TEXT
       idro reserved remove CODE

Codes on the reserved list are published and are not issued. CODE is a Benelux party ID in any
spelling (BE*ABC, BE-ABC, beabc). A code that a holder has, in any status, cannot be reserved.
Exit 0 on success, 1 when the register refuses, 2 on a usage error.
`;

function usage(io: CliStreams, reason: string): number {
  io.stderr.write(`idro reserved: ${reason}\n${RESERVED_HELP}`);
  return 2;
}

function refused(io: CliStreams, err: unknown): number {
  if (!(err instanceof DomainError)) throw err;
  const why =
    err.code === 'conflict'
      ? 'the code is held by a holder'
      : 'not a Benelux party ID, or no reason given';
  io.stderr.write(`idro reserved: refused: ${why}\n`);
  return 1;
}

/** `idro reserved …`: manages the published list of reserved codes. */
export async function reservedCommand(
  args: readonly string[],
  io: CliStreams,
  services: CliServices,
): Promise<number> {
  const parsed = parseCommandArgs(args, { reason: { type: 'string' } });
  if (!parsed.ok) return usage(io, parsed.reason);
  const [action, code, ...extra] = parsed.positionals;
  if (extra.length > 0) return usage(io, 'too many arguments');
  try {
    if (action === 'list' && code === undefined) {
      const list = await withRegister(services, (s) => s.reader.listReserved());
      for (const r of list) io.stdout.write(`${r.country}*${r.code}\t${r.reason}\n`);
      return 0;
    }
    if (action === 'add' && code !== undefined) {
      const reason = parsed.values.reason;
      if (reason === undefined) return usage(io, '--reason is required');
      const { added } = await withRegister(services, (s) => reserveCode(s, code, reason, s.actor));
      io.stdout.write(added ? `reserved ${code}\n` : `${code} was reserved already\n`);
      return 0;
    }
    if (action === 'remove' && code !== undefined) {
      const removed = await withRegister(services, (s) => releaseCode(s, code, s.actor));
      io.stdout.write(removed ? `released ${code}\n` : `${code} was not reserved\n`);
      return 0;
    }
  } catch (err) {
    return refused(io, err);
  }
  return usage(io, 'expected list, add CODE or remove CODE');
}
