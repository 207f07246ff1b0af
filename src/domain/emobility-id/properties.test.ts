import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import {
  ASSIGNED_COUNTRY_CODES,
  ID_KINDS,
  REASONS,
  computeCheckCharacter,
  validateId,
} from './index.ts';
import type { IdKind, IdResult, ValidIdResult } from './index.ts';

const SYMBOLS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const symbol = fc.constantFrom(...Array.from(SYMBOLS));
const symbols = (minLength: number, maxLength: number) =>
  fc.string({ unit: symbol, minLength, maxLength });
const country = fc.constantFrom(...ASSIGNED_COUNTRY_CODES);
const optionalStar = fc.constantFrom('', '*');

/** An ID as a holder might type it, with the normalised form it must produce. */
interface Sample {
  readonly kind: IdKind;
  readonly input: string;
  readonly normalized: string;
}

/** Lower-cases the characters whose bit is set, so every case mix is reachable. */
function withRandomCase(sample: fc.Arbitrary<Sample>): fc.Arbitrary<Sample> {
  return fc
    .tuple(sample, fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }))
    .map(([{ kind, input, normalized }, lower]) => ({
      kind,
      normalized,
      input: Array.from(input, (c, i) => (lower[i] === true ? c.toLowerCase() : c)).join(''),
    }));
}

const party = withRandomCase(
  fc.tuple(country, fc.constantFrom('', '*', '-'), symbols(3, 3)).map(([cc, sep, code]) => ({
    kind: 'party' as const,
    input: `${cc}${sep}${code}`,
    normalized: cc + code,
  })),
);

/** 1–30 letters/digits cut by single `*` into groups, at most 31 characters in all (E-4, E-5). */
const instance = fc
  .tuple(symbols(1, 30), fc.uniqueArray(fc.integer({ min: 1, max: 29 }), { maxLength: 6 }))
  .map(([bare, cuts]) => {
    const kept = cuts.filter((cut) => cut < bare.length).slice(0, 31 - bare.length);
    const sorted = [...kept].sort((a, b) => a - b);
    const pieces = [...sorted, bare.length].map((end, i) => bare.slice(sorted[i - 1] ?? 0, end));
    return { bare, written: pieces.join('*') };
  });

function infrastructure(kind: 'evse' | 'pool' | 'station', type: string): fc.Arbitrary<Sample> {
  return withRandomCase(
    fc
      .tuple(country, optionalStar, symbols(3, 3), optionalStar, instance)
      .map(([cc, s1, op, s2, { bare, written }]) => ({
        kind,
        input: `${cc}${s1}${op}${s2}${type}${written}`,
        normalized: `${cc}${op}${type}${bare}`,
      })),
  );
}

const emaid = withRandomCase(
  fc
    .tuple(country, symbols(3, 3), symbols(8, 8), fc.boolean(), fc.boolean())
    .map(([cc, provider, rest, withCheck, hyphenated]) => {
      const payload = `${cc}${provider}C${rest}`;
      const check = computeCheckCharacter(payload);
      const tail = withCheck ? (hyphenated ? `-${check}` : check) : '';
      const input = hyphenated ? `${cc}-${provider}-C${rest}${tail}` : payload + tail;
      return { kind: 'emaid' as const, input, normalized: payload + check };
    }),
);

const checkdigit = withRandomCase(
  symbols(14, 14).map((payload) => ({
    kind: 'checkdigit' as const,
    input: payload,
    normalized: payload + computeCheckCharacter(payload),
  })),
);

const SAMPLES: Readonly<Record<IdKind, fc.Arbitrary<Sample>>> = {
  party,
  evse: infrastructure('evse', 'E'),
  pool: infrastructure('pool', 'P'),
  station: infrastructure('station', 'S'),
  emaid,
  checkdigit,
};

const anyValidSample = fc.oneof(...ID_KINDS.map((kind) => SAMPLES[kind]));

function expectValid(result: IdResult, context: string): ValidIdResult {
  assert.ok(result.valid, `${context}: ${JSON.stringify(result)}`);
  return result;
}

describe('generated valid IDs', () => {
  for (const kind of ID_KINDS) {
    it(`${kind}: any case and separators validate to the expected normalised form`, () => {
      fc.assert(
        fc.property(SAMPLES[kind], (sample) => {
          const result = expectValid(validateId(sample.input, kind), sample.input);
          assert.equal(result.normalized, sample.normalized);
          assert.equal(result.display.compact, sample.normalized);
          if (kind !== 'checkdigit') {
            const detected = expectValid(validateId(sample.input), sample.input);
            assert.equal(detected.kind, kind);
            assert.equal(detected.normalized, sample.normalized);
          }
        }),
        { numRuns: 300 },
      );
    });

    it(`${kind}: normalising is idempotent`, () => {
      fc.assert(
        fc.property(SAMPLES[kind], (sample) => {
          const { normalized } = expectValid(validateId(sample.input, kind), sample.input);
          // The checkdigit kind appends its check character, so its payload is what re-validates.
          const again = kind === 'checkdigit' ? normalized.slice(0, 14) : normalized;
          const second = expectValid(validateId(again, kind), again);
          assert.equal(second.normalized, normalized);
        }),
        { numRuns: 300 },
      );
    });
  }

  // A checkdigit result has only the compact form, payload plus check, which is no payload.
  const withDisplayForms = fc.oneof(
    ...ID_KINDS.filter((kind) => kind !== 'checkdigit').map((kind) => SAMPLES[kind]),
  );

  it('every display form re-validates to the same normalised form', () => {
    fc.assert(
      fc.property(withDisplayForms, (sample) => {
        const { display, normalized } = expectValid(validateId(sample.input, sample.kind), '');
        const forms = [display.compact, display.separated];
        if (sample.kind === 'party') forms.push(display.partyCpo, display.partyEmsp);
        for (const form of forms) {
          if (form === undefined) continue;
          assert.equal(expectValid(validateId(form, sample.kind), form).normalized, normalized);
          assert.equal(expectValid(validateId(form), form).normalized, normalized);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('check character error detection', () => {
  const payload = symbols(14, 14);
  const isConsistent = (id: string) => computeCheckCharacter(id.slice(0, 14)) === id.charAt(14);
  const replaceAt = (id: string, i: number, text: string) =>
    id.slice(0, i) + text + id.slice(i + text.length);

  it('catches every single-character substitution', () => {
    fc.assert(
      fc.property(payload, (p) => {
        const id = p + computeCheckCharacter(p);
        for (let i = 0; i < id.length; i++) {
          for (const other of SYMBOLS) {
            if (other === id[i]) continue;
            assert.ok(!isConsistent(replaceAt(id, i, other)), `${id} at ${i} → ${other}`);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('catches every adjacent and jump transposition', () => {
    fc.assert(
      fc.property(payload, (p) => {
        const id = p + computeCheckCharacter(p);
        for (let i = 0; i + 1 < id.length; i++) {
          const [a, b] = [id.charAt(i), id.charAt(i + 1)];
          if (a !== b) assert.ok(!isConsistent(replaceAt(id, i, b + a)), `${id} swap ${i}`);
          if (i + 2 >= id.length) continue;
          const c = id.charAt(i + 2);
          if (a !== c) assert.ok(!isConsistent(replaceAt(id, i, c + b + a)), `${id} jump ${i}`);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reports a changed instance or check character of an eMAID as a mismatch', () => {
    fc.assert(
      fc.property(emaid, fc.nat(), symbol, (sample, at, other) => {
        const id = sample.normalized;
        const i = 6 + (at % 9);
        fc.pre(other !== id[i]);
        const result = validateId(replaceAt(id, i, other), 'emaid');
        assert.equal(result.valid ? undefined : result.reason, 'check_digit_mismatch');
        assert.equal(result.checkDigit?.length, 1);
      }),
      { numRuns: 500 },
    );
  });
});

/** Upper- and lower-casing change only ASCII letters of an ASCII string. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

describe('arbitrary input', () => {
  const kinds = fc.constantFrom<IdKind | undefined>(undefined, ...ID_KINDS);
  const idAlphabet = fc.constantFrom(
    ...Array.from('NLBEDCPS0123456789nlecps*-+_|. \u00e9\u0130\u200b'),
  );
  /** Valid IDs with one character inserted, removed or replaced: the near-miss space. */
  const nearMiss = fc
    .tuple(anyValidSample, fc.nat(), fc.nat(2), fc.string({ unit: idAlphabet, maxLength: 1 }))
    .map(([{ input }, at, edit, text]) => {
      const i = at % (input.length + 1);
      if (edit === 0) return input.slice(0, i) + text + input.slice(i);
      if (edit === 1) return input.slice(0, i) + input.slice(i + 1);
      return input.slice(0, i) + text + input.slice(i + 1);
    });
  const strings = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary-ascii' }),
    fc.string({ unit: fc.nat(0xffff).map((code) => String.fromCharCode(code)) }),
    fc.string({ unit: idAlphabet, maxLength: 45 }),
    nearMiss,
  );

  it('never throws and explains every rejection with a known reason and position', () => {
    fc.assert(
      fc.property(strings, kinds, (input, kind) => {
        const result = validateId(input, kind);
        assert.ok(kind === undefined ? result.detected : !result.detected);
        if (kind !== undefined) assert.equal(result.kind, kind);
        if (result.valid) {
          assert.match(result.normalized, /^[A-Z0-9]+$/);
          assert.deepEqual(validateId(result.normalized, kind).valid, kind !== 'checkdigit');
          return;
        }
        assert.ok(REASONS.includes(result.reason), result.reason);
        if (result.position !== undefined) {
          assert.ok(Number.isInteger(result.position) && result.position >= 0);
          assert.ok(result.position < input.length);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same verdict in any case for ASCII input (G-4)', () => {
    const ascii = fc.oneof(fc.string({ unit: 'grapheme-ascii' }), nearMiss);
    fc.assert(
      fc.property(ascii, kinds, (input, kind) => {
        fc.pre(isAscii(input));
        const upper = validateId(input.toUpperCase(), kind);
        const lower = validateId(input.toLowerCase(), kind);
        assert.deepEqual(lower, upper);
      }),
      { numRuns: 2000 },
    );
  });

  it('reports on detection the same as with the detected kind given', () => {
    fc.assert(
      fc.property(strings, (input) => {
        const detected = validateId(input);
        assert.deepEqual({ ...validateId(input, detected.kind), detected: true }, detected);
      }),
      { numRuns: 2000 },
    );
  });
});
