import type { CodeStatus } from '../register/code-status.ts';

/** Why a code can or cannot be requested in one country. */
export type Availability = 'free' | 'taken' | 'quarantined' | 'reserved';

export interface CodeFacts {
  /** The status of the code in this register, if a holder has it. */
  readonly heldStatus: CodeStatus | null;
  readonly onReservedList: boolean;
}

/**
 * A withdrawn code stays in quarantine for ever; a code a holder has in any other status is taken;
 * a code on the published reserved list is reserved.
 */
export function availabilityOf(facts: CodeFacts): Availability {
  if (facts.heldStatus === 'withdrawn') return 'quarantined';
  if (facts.heldStatus !== null) return 'taken';
  if (facts.onReservedList) return 'reserved';
  return 'free';
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * Codes close to a wanted one, closest first: the last character changed, then the middle one,
 * then the first, letters before digits, each candidate once. The caller keeps those that are
 * free everywhere it needs.
 */
export function nearbyCodes(wanted: string): string[] {
  const code = wanted.toUpperCase();
  const seen = new Set<string>([code]);
  const result: string[] = [];
  for (const position of [2, 1, 0]) {
    for (const c of ALPHABET) {
      const candidate = `${code.slice(0, position)}${c}${code.slice(position + 1)}`;
      if (!seen.has(candidate)) {
        seen.add(candidate);
        result.push(candidate);
      }
    }
  }
  return result;
}
