import { COMMON_PASSWORDS_TEXT } from './common-passwords';
import { LIMITS } from './limits';

/** What a new password is checked against besides itself: the account it protects. */
export interface PasswordContext {
  email?: string | undefined;
  name?: string | undefined;
}

const ADVICE = 'choose a longer phrase of a few unrelated words';

/** Sequences people type instead of a password: the alphabet, digits and keyboard rows. */
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'qwertzuiop',
  'azertyuiop',
  '!@#$%^&*()',
];

/** Leetspeak people use to dress up a common word ("p@ssw0rd"). */
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

/** Words anyone would try first on this service. */
const SERVICE_WORDS = ['headway'];

let common: Set<string> | undefined;
function isCommon(candidate: string): boolean {
  common ??= new Set(COMMON_PASSWORDS_TEXT.split(/\s+/).filter(Boolean));
  return common.has(candidate);
}

function adjacentInSequence(a: string, b: string, direction: 1 | -1): boolean {
  return SEQUENCES.some((sequence) => {
    const i = sequence.indexOf(a);
    return i >= 0 && sequence[i + direction] === b;
  });
}

/** How many characters are not part of a run of 3 or more sequential characters ("abc", "321", "qwe"). */
function charactersOutsideSequences(password: string): number {
  let outside = 0;
  let i = 0;
  while (i < password.length) {
    let best = 1;
    for (const direction of [1, -1] as const) {
      let end = i + 1;
      while (end < password.length && adjacentInSequence(password[end - 1]!, password[end]!, direction))
        end += 1;
      best = Math.max(best, end - i);
    }
    if (best >= 3) i += best;
    else {
      outside += 1;
      i += 1;
    }
  }
  return outside;
}

/** The shortest chunk the password is made of by repetition ("abcabcabc" → "abc"), if any. */
function repeatedChunk(password: string): string | null {
  for (let size = 1; size <= password.length / 2; size += 1) {
    if (password.length % size !== 0) continue;
    const chunk = password.slice(0, size);
    if (chunk.repeat(password.length / size) === password) return chunk;
  }
  return null;
}

/** The words of a name or an email's local part that are long enough to matter ("dana", "kowalski"). */
function personalWords(context: PasswordContext): string[] {
  const words = new Set<string>();
  const local = context.email?.toLowerCase().split('@')[0] ?? '';
  const name = context.name?.toLowerCase() ?? '';
  if (local.length >= 3) words.add(local);
  for (const source of [local, name]) {
    const parts = source.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
    for (const part of parts) words.add(part);
    const joined = parts.join('');
    if (joined.length >= 3) words.add(joined);
  }
  return [...words];
}

/**
 * Says what is wrong with a new password, or null when it is acceptable. Beyond the length rule
 * it refuses what attackers try first (NIST SP 800-63B, 5.1.1.2): the most common passwords,
 * also with digits or symbols added or letters swapped for look-alikes; one character or one
 * chunk repeated; keyboard and alphabet sequences; only spaces; control characters; and the
 * person's own name, email or the service's name.
 * @returns a message that says what to change, fit to show under the password field.
 */
export function findPasswordWeakness(password: string, context: PasswordContext = {}): string | null {
  if (password.length < LIMITS.passwordMinChars) return `use at least ${LIMITS.passwordMinChars} characters`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(password)) {
    return 'it contains control characters (such as NUL or a line break): use letters, digits, spaces and punctuation';
  }
  if (password.trim() === '') return `it is only spaces: ${ADVICE}`;
  const lower = password.toLowerCase();
  const compact = lower.replace(/\s+/g, '');
  if (new Set(compact).size < 4) return `it uses fewer than 4 different characters: ${ADVICE}`;
  const chunk = repeatedChunk(compact);
  if (chunk) return `it repeats “${chunk}” over and over: ${ADVICE}`;
  if (charactersOutsideSequences(compact) < 4) return `it is a keyboard or alphabet sequence: ${ADVICE}`;
  // "Password2024!", "p@ssw0rd99": a common password with characters added at the ends.
  const core = compact.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  const unleet = core.replace(/[013457@$]/g, (c) => LEET[c] ?? c);
  if (isCommon(compact) || isCommon(core) || isCommon(unleet)) {
    return `it is one of the most common passwords, or one with a few characters added or swapped, which attackers try first: ${ADVICE}`;
  }
  const personal = personalWords(context).find((word) => lower.includes(word));
  if (personal)
    return `it contains your name or email address (“${personal}”): ${ADVICE} that others cannot guess from your profile`;
  const service = SERVICE_WORDS.find((word) => compact.includes(word) || unleet.includes(word));
  if (service && compact.length - service.length < LIMITS.passwordMinChars) {
    return `it is mostly the name of this service (“${service}”): ${ADVICE}`;
  }
  return null;
}
