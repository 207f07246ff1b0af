/**
 * The eMAID check character (IDRR/eMI3 Annex 1, Chen/Niemenmaa/Vinck; specification section 6).
 * Each symbol value v = 9q + r is split into a GF(2)² part q and a GF(3)² part r, each weighted
 * by a power of its own matrix. The per-position contributions of every character are
 * precomputed, so computing a check character is 14 table reads plus a few additions.
 */

export const PAYLOAD_LENGTH = 14;

const SYMBOLS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const P1: Matrix = [0, 1, 1, 1];
const P2: Matrix = [0, 1, 1, 2];
const INVALID = 0xff;
const ROW = 128;

/** Row-major 2×2 matrix [a, b, c, d] = [[a, b], [c, d]]. */
type Matrix = readonly [number, number, number, number];

/**
 * CONTRIBUTIONS[i * 128 + code] packs, for payload index i (position i + 1), the GF(2) part
 * q·P1^(i+1) as 2 bits (bits 0-1, combined by XOR) and the two GF(3) components of r·P2^(i+1)
 * (bits 2-3 and 4-5, summed and reduced once at the end).
 */
const CONTRIBUTIONS = buildContributions();

function multiply(m: Matrix, n: Matrix, modulus: number): Matrix {
  const [a, b, c, d] = m;
  const [e, f, g, h] = n;
  return [
    (a * e + b * g) % modulus,
    (a * f + b * h) % modulus,
    (c * e + d * g) % modulus,
    (c * f + d * h) % modulus,
  ];
}

/** Row vector (x, y) times matrix, returned as [first, second]. */
function timesRow(x: number, y: number, m: Matrix, modulus: number): [number, number] {
  return [(x * m[0] + y * m[2]) % modulus, (x * m[1] + y * m[3]) % modulus];
}

function buildContributions(): Uint8Array {
  const table = new Uint8Array(PAYLOAD_LENGTH * ROW).fill(INVALID);
  let power1 = P1;
  let power2 = P2;
  for (let i = 0; i < PAYLOAD_LENGTH; i++) {
    for (let v = 0; v < SYMBOLS.length; v++) {
      const q = Math.floor(v / 9);
      const r = v % 9;
      const [q1, q2] = timesRow(q >> 1, q & 1, power1, 2);
      const [r1, r2] = timesRow(Math.floor(r / 3), r % 3, power2, 3);
      const packed = (q1 << 1) | q2 | (r1 << 2) | (r2 << 4);
      const upper = SYMBOLS.charCodeAt(v);
      table[i * ROW + upper] = packed;
      if (v >= 10) table[i * ROW + (upper | 0x20)] = packed;
    }
    power1 = multiply(power1, P1, 2);
    power2 = multiply(power2, P2, 3);
  }
  return table;
}

/**
 * Check character for the first 14 characters of `text`, which the caller has already checked
 * to be ASCII letters or digits (either case).
 */
export function checkCharacterOf(text: string): string {
  let q = 0;
  let r1 = 0;
  let r2 = 0;
  for (let i = 0; i < PAYLOAD_LENGTH; i++) {
    const packed = CONTRIBUTIONS[i * ROW + text.charCodeAt(i)] ?? 0;
    q ^= packed & 3;
    r1 += (packed >> 2) & 3;
    r2 += packed >> 4;
  }
  return finish(q, r1 % 3, r2 % 3);
}

/**
 * The check character makes the 15-position sums vanish: q15 = S1 and r15 = (−S2)·P2, i.e.
 * (−s2₂, −s2₁ + s2₂) mod 3 (section 6.1 step 5).
 */
function finish(q: number, s21: number, s22: number): string {
  const r15First = (3 - s22) % 3;
  const r15Second = (3 - s21 + s22) % 3;
  return SYMBOLS.charAt(9 * q + 3 * r15First + r15Second);
}

/**
 * Public form of the algorithm for a bare 14-character payload. Misuse by a caller (wrong
 * length, a character outside A-Z a-z 0-9) is a programming error, hence the exception.
 */
export function computeCheckCharacter(payload14: string): string {
  if (payload14.length !== PAYLOAD_LENGTH) {
    throw new RangeError(`payload must have ${PAYLOAD_LENGTH} characters`);
  }
  for (let i = 0; i < PAYLOAD_LENGTH; i++) {
    const code = payload14.charCodeAt(i);
    if (code >= ROW || CONTRIBUTIONS[i * ROW + code] === INVALID) {
      throw new RangeError('payload must consist of ASCII letters and digits');
    }
  }
  return checkCharacterOf(payload14);
}
