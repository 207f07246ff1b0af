import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { ID_KINDS, REASONS, isIdKind, validateId } from './index.ts';
import type { IdKind, Reason } from './index.ts';

interface IdVector {
  readonly kind: IdKind;
  readonly input: string;
  readonly valid: boolean;
  readonly normalized?: string;
  readonly checkDigit?: string;
  readonly reason?: Reason;
  readonly source: string;
}

const FIXTURE = new URL('../../../test/fixtures/ids/ids.json', import.meta.url);

function loadVectors(): readonly IdVector[] {
  const parsed = JSON.parse(readFileSync(FIXTURE, 'utf8')) as unknown;
  assert.ok(Array.isArray(parsed), 'the fixture is an array of cases');
  for (const entry of parsed as readonly Record<string, unknown>[]) {
    assert.ok(isIdKind(entry.kind), `known kind: ${JSON.stringify(entry.kind)}`);
    assert.equal(typeof entry.input, 'string');
    assert.equal(typeof entry.valid, 'boolean');
  }
  return parsed as readonly IdVector[];
}

const VECTORS = loadVectors();

const name = (kind: IdKind, input: string) => `${kind} ${JSON.stringify(input)}`;

describe('shared test vectors, validated with their kind', () => {
  it('holds the 223 published cases of every kind and reason', () => {
    assert.equal(VECTORS.length, 223);
    assert.deepEqual(new Set(VECTORS.map((v) => v.kind)), new Set(ID_KINDS));
    const reasons = new Set(VECTORS.map((v) => v.reason).filter((r) => r !== undefined));
    assert.deepEqual(reasons, new Set(REASONS));
  });

  for (const vector of VECTORS) {
    it(name(vector.kind, vector.input), () => {
      const result = validateId(vector.input, vector.kind);
      assert.equal(result.kind, vector.kind);
      assert.equal(result.detected, false);
      assert.equal(result.valid, vector.valid);
      assert.equal(result.valid ? result.normalized : undefined, vector.normalized);
      assert.equal(result.checkDigit, vector.checkDigit);
      assert.equal(result.valid ? undefined : result.reason, vector.reason);
    });
  }
});

/**
 * Kind detection reproduces every valid vector of the detectable kinds. No valid vector is
 * ambiguous: the type character (sixth letter/digit) tells the infrastructure kinds and eMAIDs
 * apart, and a party ID has only five letters/digits. Checkdigit payloads are not detected (they
 * read as eMAIDs without check character) and are covered by a test of their own.
 */
describe('shared test vectors, validated without a kind', () => {
  const detectable = VECTORS.filter((v) => v.valid && v.kind !== 'checkdigit');

  it('covers every valid vector of the detectable kinds', () => {
    assert.equal(detectable.length, 75);
  });

  for (const vector of detectable) {
    it(name(vector.kind, vector.input), () => {
      const result = validateId(vector.input);
      assert.equal(result.detected, true);
      assert.equal(result.kind, vector.kind);
      assert.equal(result.valid, true);
      assert.equal(result.normalized, vector.normalized);
      assert.equal(result.checkDigit, vector.checkDigit);
    });
  }

  it('reads every checkdigit payload as an eMAID, valid only when it is one', () => {
    for (const vector of VECTORS.filter((v) => v.kind === 'checkdigit' && v.valid)) {
      const result = validateId(vector.input);
      assert.equal(result.kind, 'emaid', vector.input);
      if (result.valid) assert.equal(result.normalized, vector.normalized);
    }
  });

  it('gives the vector reason for invalid vectors whose shape names their kind', () => {
    const checked = VECTORS.filter(
      (v) => !v.valid && v.kind !== 'checkdigit' && validateId(v.input).kind === v.kind,
    );
    assert.ok(
      checked.length >= 90,
      `only ${checked.length} invalid vectors detected as their kind`,
    );
    for (const vector of checked) {
      const result = validateId(vector.input);
      assert.equal(result.valid ? undefined : result.reason, vector.reason, vector.input);
    }
  });
});
