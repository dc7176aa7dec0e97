/**
 * Weak-password rules for new and changed admin passwords (ASVS 5.0 §6.2: refuse at least the
 * 3,000 most common passwords). The common list is zxcvbn-ts's 49k `passwords-common`,
 * loaded on first use only: the server never needs it, just admin:create and password changes.
 */
let common: Promise<ReadonlySet<string>> | null = null;

function commonPasswords(): Promise<ReadonlySet<string>> {
  common ??= import('@zxcvbn-ts/language-common').then((m) => new Set(m.dictionary['passwords-common'] as string[]));
  return common;
}

/** Rows of keys and runs of letters and digits, both ways: substrings of these are sequences. */
const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '01234567890123456789', '1234567890qwertyuiopasdfghjklzxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p'];
const SEQUENCE_TEXT = [...SEQUENCES, ...SEQUENCES.map((s) => [...s].reverse().join(''))];
/** Digits and symbols people append to a common word to pass a length rule (password2024!). */
const DECORATION = /^(.{4,}?)[\d\s!-/:-@[-`{-~]+$/u;
const MIN_DISTINCT_CHARACTERS = 5;

/** The shortest unit the whole password repeats (abcabc → abc), or the password itself. */
function repeatedUnit(p: string): string {
  const chars = [...p];
  for (let size = 1; size <= chars.length / 2; size++) {
    if (chars.length % size !== 0) continue;
    const unit = chars.slice(0, size).join('');
    if (unit.repeat(chars.length / size) === p) return unit;
  }
  return p;
}

export type WeakPasswordReason = 'common' | 'repetitive' | 'sequence';

/** Why a password is too guessable to accept, or null. `knownDefaults` are refused as common too. */
export async function weakPasswordReason(password: string, knownDefaults: readonly string[] = []): Promise<WeakPasswordReason | null> {
  const p = password.normalize('NFC').toLowerCase();
  if (new Set(p).size < MIN_DISTINCT_CHARACTERS) return 'repetitive';
  if (SEQUENCE_TEXT.some((s) => s.includes(p))) return 'sequence';
  const list = await commonPasswords();
  const isCommon = (candidate: string) => list.has(candidate) || knownDefaults.includes(candidate);
  const unit = repeatedUnit(p);
  const base = DECORATION.exec(p)?.[1];
  if (isCommon(p) || isCommon(unit) || (base !== undefined && isCommon(base))) return 'common';
  return null;
}
