import type { FieldError } from '../../domain/errors.ts';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

// Passwords of twelve characters or more that lead the published lists of leaked passwords.
const COMMON = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123123123123',
  '123412341234',
  '111111111111',
  '000000000000',
  '121212121212',
  '112233445566',
  '1q2w3e4r5t6y',
  '1q2w3e4r5t6y7u',
  'q1w2e3r4t5y6',
  '1qaz2wsx3edc',
  'qazwsxedcrfv',
  'zaq12wsxcde3',
  'zaq1zaq1zaq1',
  '!qaz2wsx#edc',
  'trustno1trustno1',
  'iloveyouiloveyou',
  'passwordpassword',
  'qwertyqwerty',
  'azertyazerty',
  'abcabcabcabc',
  'abc123abc123',
  'correcthorsebatterystaple',
  'correct horse battery staple',
  'thequickbrownfox',
  'michaeljordan',
  'elizabeth1234',
  'christopher1',
  'jesusislord1',
  'blink182blink182',
]);

// Words that, with only digits and symbols around them, make a password anyone would try.
const COMMON_WORDS = new Set([
  'password',
  'passwort',
  'passwoord',
  'wachtwoord',
  'motdepasse',
  'kennwort',
  'welcome',
  'welkom',
  'bienvenue',
  'willkommen',
  'letmein',
  'admin',
  'administrator',
  'iloveyou',
  'qwerty',
  'azerty',
  'qwertz',
  'changeme',
  'secret',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'master',
  'shadow',
  'superman',
  'batman',
  'starwars',
  'whatever',
  'summer',
  'winter',
  'spring',
  'autumn',
  'idro',
  'registry',
  'register',
]);

// Runs on a keyboard or in the alphabet: any stretch of one of these (or reversed) is guessable.
const RUNS = [
  '01234567890123456789',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiopasdfghjklzxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
  'qwertzuiopasdfghjklyxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
];

function isRun(lower: string): boolean {
  return RUNS.some(
    (run) => run.includes(lower) || Array.from(run).reverse().join('').includes(lower),
  );
}

/** Whether a password is among the first that anyone guessing would try. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || isRun(lower)) return true;
  if (new Set(lower).size <= 3) return true;
  const letters = lower.replace(/[^\p{L}]/gu, '');
  const rest = lower.replace(/[\p{L}]/gu, '');
  return COMMON_WORDS.has(letters) && /^[\d\W_]*$/u.test(rest);
}

/** Whether a password is, or is built on, the member's e-mail address or its name part. */
function isEmailLike(password: string, email: string): boolean {
  const lower = password.trim().toLowerCase();
  const local = email.split('@')[0] ?? '';
  if (lower === email || lower.includes(email)) return true;
  const stripped = lower.replace(/[\d\W_]+$/u, '');
  return local.length >= 3 && (stripped === local || lower === local);
}

/**
 * Why a new password is refused, if it is: at least twelve characters, not the e-mail address,
 * not a common password, typed the same twice.
 */
export function newPasswordProblems(
  password: string,
  confirmation: string,
  email: string,
): FieldError[] {
  const length = Array.from(password).length;
  if (length === 0) return [{ field: 'password', code: 'required' }];
  if (length < MIN_PASSWORD_LENGTH) {
    return [{ field: 'password', code: 'too_short', params: { min: MIN_PASSWORD_LENGTH } }];
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return [{ field: 'password', code: 'too_long', params: { limit: MAX_PASSWORD_LENGTH } }];
  }
  if (isEmailLike(password, email)) return [{ field: 'password', code: 'is_email' }];
  if (isCommonPassword(password)) return [{ field: 'password', code: 'too_common' }];
  if (confirmation !== password) return [{ field: 'confirmation', code: 'mismatch' }];
  return [];
}
