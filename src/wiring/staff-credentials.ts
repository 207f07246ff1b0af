import { randomBytes } from 'node:crypto';
import type * as Argon2 from '@node-rs/argon2';
import type * as Otplib from 'otplib';
import type { PasswordHasher, TotpAuthenticator } from '../app/staff/ports.ts';
import { lazyModule } from '../lazy-module.ts';

// Loaded with the first staff sign-in: a process that only publishes the register never needs them.
const argon2 = lazyModule<typeof Argon2>('@node-rs/argon2');
const otplib = lazyModule<typeof Otplib>('otplib');

/** The issuer an authenticator app shows beside the account. */
const ISSUER = 'idro';
/** Up to one 30-second step of clock drift either way. */
const DRIFT_SECONDS = 30;

/**
 * argon2id (the library's default algorithm) with its default cost: 19 MiB, two passes, which
 * is what OWASP recommends as a minimum.
 */
export function argon2Passwords(): PasswordHasher {
  let dummy: Promise<string> | undefined;
  return {
    hash: (password) => argon2().hash(password),
    async verify(stored, password) {
      // With no hash, check against a throw-away one: same work, same time, always false.
      const { hash, verify } = argon2();
      dummy ??= hash(randomBytes(32).toString('base64url'));
      const against = stored ?? (await dummy);
      try {
        const ok = await verify(against, password);
        return stored !== null && ok;
      } catch {
        return false;
      }
    },
  };
}

/** RFC 6238 codes with otplib: six digits, 30-second steps, SHA-1, as authenticator apps use. */
export function otplibTotp(): TotpAuthenticator {
  return {
    newSecret: () => otplib().generateSecret(),
    uri: (secret, account) => otplib().generateURI({ issuer: ISSUER, label: account, secret }),
    async match(secret, code, at, afterStep) {
      if (!/^\d{6}$/.test(code)) return undefined;
      try {
        const result = await otplib().verify({
          secret,
          token: code,
          epoch: Math.floor(at.getTime() / 1000),
          epochTolerance: DRIFT_SECONDS,
          ...(afterStep !== null && { afterTimeStep: afterStep }),
        });
        return result.valid && 'timeStep' in result ? result.timeStep : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
