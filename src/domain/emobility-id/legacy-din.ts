import { CODE_PLUS, isAsciiDigit } from './char-class.ts';

/**
 * DIN SPEC 91286 shapes (rules PA-4, E-7, C-7). They are recognised before `bad_character` so a
 * caller holding an old-style ID learns that it is legacy rather than which character is wrong.
 * Each test is gated by a cheap first-character or length check so well-formed IDs never reach
 * the regular expression.
 */
const DIN_OPERATOR = /^\+?[0-9]{1,3}\*[0-9]{3,6}$/;
const DIN_EVSE = /^\+?[0-9]{1,3}\*[0-9]{3,6}\*[0-9*]{1,32}$/;
const DIN_CONTRACT = /^[A-Za-z]{2}([*-]?)[A-Za-z0-9]{3}\1[A-Za-z0-9]{6}(\1[0-9Xx])?$/;

function startsNumeric(input: string): boolean {
  const first = input.charCodeAt(0);
  return first === CODE_PLUS || isAsciiDigit(first);
}

/** `+49*536` (PA-4). */
export function isLegacyDinOperator(input: string): boolean {
  return startsNumeric(input) && DIN_OPERATOR.test(input);
}

/** `+49*810*000*438` (E-7). */
export function isLegacyDinEvse(input: string): boolean {
  return startsNumeric(input) && DIN_EVSE.test(input);
}

/** `NL-TNM-122045-0` (C-7): 11 letters/digits, or 12 with the old check digit. */
export function isLegacyDinContract(input: string, alnumCount: number): boolean {
  return (alnumCount === 11 || alnumCount === 12) && DIN_CONTRACT.test(input);
}
