import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { computeCheckCharacter } from '../../src/domain/emobility-id/index.ts';

/** mulberry32: tiny, fast and deterministic, so every run validates the same IDs. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
/** Benelux first, then the neighbours whose IDs roam here most. */
const COUNTRIES = ['NL', 'NL', 'NL', 'BE', 'BE', 'LU', 'DE', 'DE', 'FR', 'AT', 'CH', 'IT', 'GB'];
const OPERATORS = ['TNM', 'ALF', 'ALL', 'EVB', 'ION', 'BEC', 'LON', '8AA', 'A36', 'EVC', '123'];

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function chars(random: Random, alphabet: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet.charAt(Math.floor(random() * alphabet.length));
  return text;
}

function maybeLower(random: Random, id: string, share: number): string {
  return random() < share ? id.toLowerCase() : id;
}

/** Instances as operators write them: long numbers, grouped numbers, short codes. */
function evseInstance(random: Random): string {
  const shape = random();
  if (shape < 0.45) return chars(random, DIGITS, 6 + Math.floor(random() * 7));
  if (shape < 0.75) return `${chars(random, DIGITS, 3)}*${chars(random, DIGITS, 4)}`;
  if (shape < 0.9) return chars(random, ALNUM, 4 + Math.floor(random() * 8));
  return `${chars(random, ALNUM, 5)}*${chars(random, DIGITS, 3)}*${chars(random, DIGITS, 1)}`;
}

function infrastructureId(random: Random, type: string): string {
  const country = pick(random, COUNTRIES);
  const operator = pick(random, OPERATORS);
  const instance = evseInstance(random);
  const id =
    random() < 0.85
      ? `${country}*${operator}*${type}${instance}`
      : `${country}${operator}${type}${instance.replaceAll('*', '')}`;
  return maybeLower(random, id, 0.05);
}

function emaid(random: Random): string {
  const payload = `${pick(random, COUNTRIES)}${pick(random, OPERATORS)}C${chars(random, ALNUM, 8)}`;
  const check = random() < 0.7 ? computeCheckCharacter(payload) : '';
  const hyphenated = random() < 0.6;
  const id = hyphenated
    ? `${payload.slice(0, 2)}-${payload.slice(2, 5)}-${payload.slice(5)}${check ? `-${check}` : ''}`
    : payload + check;
  return maybeLower(random, id, 0.1);
}

function partyId(random: Random): string {
  const country = pick(random, COUNTRIES);
  const party = pick(random, OPERATORS);
  const separator = pick(random, ['', '*', '-']);
  return maybeLower(random, `${country}${separator}${party}`, 0.15);
}

/** Each entry breaks a valid-looking ID in one way, covering most reasons. */
const INVALID_MAKERS: readonly ((random: Random) => string)[] = [
  (random) => ` ${infrastructureId(random, 'E')}`,
  (random) => `${emaid(random)}\u00a0`,
  (random) => infrastructureId(random, 'E').replaceAll('*', '-'),
  (random) =>
    `${pick(random, ['UK', 'XX', 'EU', 'ZZ'])}*${pick(random, OPERATORS)}*E${chars(random, DIGITS, 9)}`,
  (random) =>
    `+49*${chars(random, DIGITS, 3)}*${chars(random, DIGITS, 3)}*${chars(random, DIGITS, 3)}`,
  (random) =>
    `NL-${pick(random, OPERATORS)}-${chars(random, DIGITS, 6)}-${chars(random, DIGITS, 1)}`,
  (random) => `DE*${pick(random, OPERATORS)}*E${chars(random, DIGITS, 31)}`,
  (random) => `${infrastructureId(random, 'E')}*`,
  (random) => `NL-${pick(random, OPERATORS)}C${chars(random, DIGITS, 8)}`,
  (random) => `NL-${pick(random, OPERATORS)}-${chars(random, DIGITS, 9)}-U`,
  (random) => `BE*${pick(random, OPERATORS)}*\u00c9${chars(random, DIGITS, 6)}`,
  (random) => `NL-${pick(random, OPERATORS)}-C${chars(random, DIGITS, 7)}`,
  (random) => `NL**${pick(random, OPERATORS)}*E${chars(random, DIGITS, 4)}`,
  (random) => `${pick(random, COUNTRIES)}${chars(random, ALNUM, 2)}`,
  (random) => `${chars(random, DIGITS, 2)}*${pick(random, OPERATORS)}*E${chars(random, DIGITS, 8)}`,
  (random) => wrongCheckCharacter(random),
];

function wrongCheckCharacter(random: Random): string {
  const payload = `${pick(random, COUNTRIES)}${pick(random, OPERATORS)}C${chars(random, ALNUM, 8)}`;
  const check = computeCheckCharacter(payload);
  const wrong = ALNUM.charAt((ALNUM.indexOf(check) + 1 + Math.floor(random() * 35)) % 36);
  return payload + wrong;
}

/** Shares of the mix: mostly EVSE IDs, as in a CPO's location feed; about 10% invalid. */
function nextId(random: Random): string {
  const roll = random();
  if (roll < 0.55) return infrastructureId(random, 'E');
  if (roll < 0.7) return emaid(random);
  if (roll < 0.77) return infrastructureId(random, 'P');
  if (roll < 0.82) return infrastructureId(random, 'S');
  if (roll < 0.9) return partyId(random);
  return pick(random, INVALID_MAKERS)(random);
}

function* idMix(count: number, seed: number): Generator<string> {
  const random = createRandom(seed);
  for (let i = 0; i < count; i++) yield nextId(random);
}

/** A deterministic mix of `count` identifiers of every kind; the same seed gives the same mix. */
export function generateIdMix(count: number, seed: number): string[] {
  return Array.from(idMix(count, seed));
}

/** Lines of the mix in batches, so a file can be written without holding the whole mix. */
function* idMixChunks(count: number, seed: number): Generator<string> {
  let batch: string[] = [];
  for (const id of idMix(count, seed)) {
    batch.push(id);
    if (batch.length < 4096) continue;
    yield `${batch.join('\n')}\n`;
    batch = [];
  }
  if (batch.length > 0) yield `${batch.join('\n')}\n`;
}

/** Writes the same mix as generateIdMix, one ID per line, streaming with back-pressure. */
export async function writeIdMixFile(path: string, count: number, seed: number): Promise<void> {
  await pipeline(Readable.from(idMixChunks(count, seed)), createWriteStream(path));
}
