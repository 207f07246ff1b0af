import type { TFunction } from 'i18next';
import type { CheckedId } from '../../../../app/validate-ids.ts';
import type {
  InvalidIdResult,
  Reason,
  ValidIdResult,
} from '../../../../domain/emobility-id/index.ts';

/** Reasons whose message names the character to blame; without a position a shorter one is used. */
const POSITIONED: ReadonlySet<Reason> = new Set<Reason>([
  'whitespace',
  'non_printable_ascii',
  'bad_character',
  'bad_format',
  'separator_placement',
  'bad_country_code',
  'wrong_id_type',
  'bad_instance',
  'check_digit_mismatch',
]);

const VISIBLE = /^[\p{L}\p{N}\p{P}\p{S}]$/u;

/** The character at a UTF-16 index, whole even when it is a surrogate pair. */
export function characterAt(input: string, position: number): string | undefined {
  const code = input.codePointAt(position);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

function codeOf(character: string): string {
  return (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

/** Printable ASCII as it is; look-alikes with their code point; blanks and controls by code. */
export function describeCharacter(t: TFunction, character: string): string {
  const code = character.codePointAt(0) ?? 0;
  if (code >= 0x21 && code <= 0x7e) return t('validate:character.visible', { char: character });
  if (VISIBLE.test(character)) {
    return t('validate:character.visibleUnicode', { char: character, code: codeOf(character) });
  }
  return t('validate:character.invisible', { code: codeOf(character) });
}

/** How the blamed character is drawn inside `<mark>`: blanks and controls get a visible stand-in. */
export function markText(character: string): string {
  if (character === ' ') return '␣';
  return VISIBLE.test(character) ? character : `U+${codeOf(character)}`;
}

function explainValid(t: TFunction, input: string, result: ValidIdResult): string {
  switch (result.kind) {
    case 'party':
      return t('validate:explain.valid.party', {
        cpo: result.display.partyCpo,
        emsp: result.display.partyEmsp,
      });
    case 'emaid': {
      const hadCheck = input.replaceAll('-', '').toUpperCase() === result.normalized;
      const key = hadCheck ? 'emaid' : 'emaidWithoutCheck';
      return t(`validate:explain.valid.${key}`, { checkDigit: result.checkDigit });
    }
    default:
      return t(`validate:explain.valid.${result.kind}`, { checkDigit: result.checkDigit });
  }
}

function explainInvalid(t: TFunction, input: string, result: InvalidIdResult): string {
  const { reason, kind, position } = result;
  const short = `validate:reasonShort.${reason}`;
  const character = position === undefined ? undefined : characterAt(input, position);
  if (POSITIONED.has(reason) && (position === undefined || character === undefined)) {
    return t(short);
  }
  const at = position ?? 0;
  const values = {
    position: at + 1,
    character: character === undefined ? '' : describeCharacter(t, character),
    found: character?.toUpperCase() ?? '',
    expected: result.checkDigit ?? '',
    country: input.slice(at, at + 2).toUpperCase(),
  };
  return t([`validate:explain.${reason}.${kind}`, `validate:explain.${reason}.any`, short], values);
}

/** One whole sentence (or two) in the reader's language: what is wrong and where, or what it is. */
export function explain(t: TFunction, { record, result }: CheckedId): string {
  return result.valid
    ? explainValid(t, record.input, result)
    : explainInvalid(t, record.input, result);
}
