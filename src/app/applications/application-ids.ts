import { randomInt, randomUUID } from 'node:crypto';
import type { ApplicationIds } from './ports.ts';

// Crockford's base 32: no I, L, O or U, so a reference read out on the phone is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const randomApplicationIds: ApplicationIds = {
  id: () => randomUUID(),
  reference(at) {
    let suffix = '';
    for (let i = 0; i < 6; i++) suffix += ALPHABET.charAt(randomInt(ALPHABET.length));
    return `APP-${at.getUTCFullYear()}-${suffix}`;
  },
};
