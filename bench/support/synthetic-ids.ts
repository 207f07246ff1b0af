import { computeCheckCharacter } from '../../src/domain/emobility-id/index.ts';
import { syntheticKey } from './synthetic-register.ts';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** An eMAID on the prefix with a correct check character, e.g. `BE-A0B-C0000012A-7`. */
function emaid(country: string, code: string, n: number): string {
  const instance = `C${n.toString(36).toUpperCase().padStart(8, '0').slice(-8)}`;
  const check = computeCheckCharacter(`${country}${code}${instance}`);
  return `${country}-${code}-${instance}-${check}`;
}

/**
 * `count` IDs of every resolvable kind and spelling, built on codes spread over the whole
 * synthetic register of `codes` codes, each ID different.
 */
export function syntheticIds(count: number, codes: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const key = syntheticKey(Math.floor((i * codes) / count));
    const [country, code] = [key.slice(0, 2), key.slice(2)];
    const n = i + 1;
    const forms = [
      `${country}*${code}*E${n}*1`,
      emaid(country, code, n),
      `${country}*${code}`,
      `${country}-${code}`.toLowerCase(),
      `${country}*${code}*P${n}`,
      `${country}*${code}*S${ALNUM[n % 36] ?? 'A'}${n}`,
    ];
    ids.push(forms[i % forms.length] ?? key);
  }
  return ids;
}

/** `GET /api/v1/resolve/{id}` for each of `syntheticIds(count, codes)`, as the benches send them. */
export function syntheticResolvePaths(count: number, codes: number): string[] {
  return syntheticIds(count, codes).map(
    (id) => `/api/v1/resolve/${encodeURIComponent(id).replaceAll('%2A', '*')}`,
  );
}
