import { createHash, randomBytes } from 'node:crypto';
import type { Secrets } from './app/ports.ts';

/** Secrets from the operating system's random source, stored as SHA-256 digests. */
export const cryptoSecrets: Secrets = {
  token: () => randomBytes(32).toString('base64url'),
  digest: (token) => createHash('sha256').update(token, 'utf8').digest('hex'),
};
