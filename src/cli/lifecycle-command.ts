import { applyDueWithdrawals } from '../app/lifecycle/apply-due-withdrawals.ts';
import type { CliServices } from './cli-services.ts';
import type { CliStreams } from './cli-streams.ts';
import { parseCommandArgs } from './parse-args.ts';

export const LIFECYCLE_SUMMARY = 'the lifecycle of issued codes: apply-due';

export const LIFECYCLE_HELP = `usage: idro lifecycle apply-due

Applies every approved withdrawal whose effective date has come, as the running service does
every minute; useful when the service is stopped. Prints {"applied": N}.
Exit 0 on success, 2 on a usage error.
`;

/** `idro lifecycle apply-due`: applies the withdrawals that are due now. */
export async function lifecycleCommand(
  args: readonly string[],
  io: CliStreams,
  services: CliServices,
): Promise<number> {
  const parsed = parseCommandArgs(args, {});
  if (!parsed.ok || parsed.positionals.length !== 1 || parsed.positionals[0] !== 'apply-due') {
    io.stderr.write(`idro lifecycle: expected apply-due\n${LIFECYCLE_HELP}`);
    return 2;
  }
  const session = await services.openLifecycle();
  try {
    const applied = await applyDueWithdrawals(session.services);
    io.stdout.write(`${JSON.stringify({ applied })}\n`);
    return 0;
  } finally {
    await session.close();
  }
}
