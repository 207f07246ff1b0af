/**
 * ASCII tests on UTF-16 code units for the positional checks. They look at code units, never at
 * case-folded text: `'ı'.toUpperCase()` is `'I'`, so folding first would admit look-alikes.
 */
export const CODE_PLUS = 0x2b;

export function isAsciiLetter(code: number): boolean {
  // Clearing bit 5 maps a-z onto A-Z and moves no other code unit into that range.
  const upper = code & 0xdf;
  return upper >= 0x41 && upper <= 0x5a;
}

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
