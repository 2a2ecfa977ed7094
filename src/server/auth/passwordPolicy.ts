// Password policy for staff: at least 12 characters, and not a common, breached-style or
// trivially patterned password (checked against the bundled list in commonPasswords.ts).
import { commonPasswordData } from './commonPasswords.js';

export const passwordRules = { minLength: 12, maxLength: 256 } as const;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common';

// Keyboard rows and sequences people walk along (both directions are checked).
const sequences = [
  '01234567890123456789012345678901234567890',
  'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz',
  'qwertyuiopasdfghjklzxcvbnmqwertyuiopasdfghjklzxcvbnm',
  'azertyuiopqsdfghjklmwxcvbnazertyuiopqsdfghjklmwxcvbn',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p1qaz2wsx3edc4rfv',
  '1q2w3e4r5t6y7u8i9o0p1q2w3e4r5t6y7u8i9o0p',
  'q1w2e3r4t5y6u7i8o9p0q1w2e3r4t5y6u7i8o9p0',
  'zaq1xsw2cde3vfr4bgt5nhy6mju7zaq1xsw2cde3',
];

const leet: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '!': 'i' };

function isSequence(value: string): boolean {
  return sequences.some((s) => s.includes(value) || [...s].reverse().join('').includes(value));
}

/** True for a text that is one short unit repeated ("abcabcabcabc", "welkomwelkom"). */
function isRepetition(value: string): boolean {
  for (let size = 1; size <= value.length / 2; size++) {
    if (value.length % size === 0 && value.slice(0, size).repeat(value.length / size) === value) return true;
  }
  return false;
}

/**
 * Checks a new password. `context` holds words that must not carry the password (the
 * username and display name). Returns undefined when the password is acceptable.
 */
export function checkPassword(password: string, context: string[] = []): PasswordProblem | undefined {
  if ([...password].length < passwordRules.minLength) return 'too_short';
  if (password.length > passwordRules.maxLength) return 'too_long';
  const { list, bases } = commonPasswordData();
  const lower = password.toLowerCase();
  const squashed = lower.replace(/[\s_.-]+/g, '');
  if (list.has(lower) || list.has(squashed)) return 'too_common';
  if (new Set(squashed).size < 5 || isRepetition(squashed) || isSequence(squashed)) return 'too_common';
  // A common word dressed up with digits, symbols or look-alike characters ("W3lkom2024!!").
  const core = squashed.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const deLeeted = [...squashed.replace(/^[^a-z]+|[^a-z]+$/g, '')].map((c) => leet[c] ?? c).join('').replace(/[^a-z]/g, '');
  for (const candidate of [core, deLeeted, core.replace(/[^a-z]/g, '')]) {
    if (!candidate) continue;
    if (bases.has(candidate) || list.has(candidate)) return 'too_common';
    for (const base of bases) if (base.length >= 4 && isRepetition(candidate) && candidate.startsWith(base) && candidate.length % base.length === 0) return 'too_common';
  }
  for (const word of context) {
    const w = word.toLowerCase().replace(/[\s_.-]+/g, '');
    // Her name with a few digits or symbols around it ("anna-2024-anna") is the first guess.
    if (w.length >= 3 && squashed.includes(w) && squashed.split(w).join('').replace(/[^a-z]/g, '').length < 5) return 'too_common';
  }
  return undefined;
}

export const passwordProblemMessages: Record<PasswordProblem, string> = {
  too_short: `use at least ${passwordRules.minLength} characters`,
  too_long: `use at most ${passwordRules.maxLength} characters`,
  too_common:
    'this password is too common or too easy to guess (it is on the list of known passwords or follows a known pattern); choose a longer sentence of your own',
};
