/**
 * A quick screen before the rules: can any of these patterns match this text at all? One regex
 * over all patterns still tries every alternative at every position (about 75 µs for a short
 * neutral line, four times per message), so the patterns are grouped by the letter a match can
 * start with, and at each word start only that letter's group is tried. A pattern whose first
 * letter this reading cannot tell (a lookaround, a class, `\w`) goes in a group tried
 * everywhere, so the screen never says no when a pattern would match.
 */

/** A pattern source as the rules write it after spacing (`\s+`, `\s*`), without word edges. */
export interface PatternScreen {
  /** False only when no pattern can match anywhere in `text`. */
  mayMatch(text: string): boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const ANY = 'any';
type FirstChars = Set<string> | typeof ANY;

export function patternScreen(sources: readonly string[]): PatternScreen {
  const byFirst = new Map<string, string[]>();
  const anywhere: string[] = [];
  for (const source of sources) {
    const first = firstCharsOf(source);
    if (first === ANY) anywhere.push(source);
    else for (const c of first) byFirst.set(c, [...(byFirst.get(c) ?? []), source]);
  }
  const end = '(?![\\p{L}\\p{N}])';
  const atStart = new Map([...byFirst].map(([c, list]) => [c, new RegExp(`(?:${list.map((s) => `(?:${s})`).join('|')})${end}`, 'uy')]));
  const everywhere =
    anywhere.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${anywhere.map((s) => `(?:${s})`).join('|')})${end}`, 'u') : undefined;
  return {
    mayMatch(text) {
      if (everywhere?.test(text)) return true;
      for (let i = 0; i < text.length; i++) {
        const regex = atStart.get(text[i]!);
        if (!regex || (i > 0 && WORD_CHAR.test(text[i - 1]!))) continue;
        regex.lastIndex = i;
        if (regex.test(text)) return true;
      }
      return false;
    },
  };
}

/** The characters a match of `source` can start with, or ANY when this reading cannot tell. */
export function firstCharsOf(source: string): FirstChars {
  const first = new Set<string>();
  for (const [a, b] of topLevelBranches(source, 0, source.length)) {
    const branch = sequenceFirst(source, a, b);
    if (branch.first === ANY || branch.nullable) return ANY;
    for (const c of branch.first) first.add(c);
  }
  return first;
}

interface SequenceFirst {
  first: FirstChars;
  /** The sequence can match the empty string, so what follows it counts too. */
  nullable: boolean;
}

function sequenceFirst(s: string, from: number, to: number): SequenceFirst {
  const first = new Set<string>();
  let i = from;
  while (i < to) {
    const atom = readAtom(s, i, to);
    if (atom === undefined) return { first: ANY, nullable: false };
    const quantifier = s[atom.end];
    let next = atom.end;
    let optional = false;
    if (quantifier === '?' || quantifier === '*') {
      optional = true;
      next++;
    } else if (quantifier === '+') next++;
    else if (quantifier === '{') return { first: ANY, nullable: false };
    if (s[next] === '?') next++; // lazy quantifier
    if (atom.first === ANY) return { first: ANY, nullable: false };
    for (const c of atom.first) first.add(c);
    if (!optional && !atom.nullable) return { first, nullable: false };
    i = next;
  }
  return { first, nullable: true };
}

interface Atom {
  first: FirstChars;
  nullable: boolean;
  end: number;
}

function readAtom(s: string, i: number, to: number): Atom | undefined {
  const c = s[i]!;
  if (c === '(') {
    if (s.startsWith('(?=', i) || s.startsWith('(?!', i) || s.startsWith('(?<', i)) return undefined;
    const close = matchingParen(s, i, to);
    if (close === undefined) return undefined;
    const bodyStart = s.startsWith('(?:', i) ? i + 3 : i + 1;
    const first = new Set<string>();
    let nullable = false;
    for (const [a, b] of topLevelBranches(s, bodyStart, close)) {
      const branch = sequenceFirst(s, a, b);
      if (branch.first === ANY) return { first: ANY, nullable: false, end: close + 1 };
      for (const ch of branch.first) first.add(ch);
      nullable ||= branch.nullable;
    }
    return { first, nullable, end: close + 1 };
  }
  if (c === '\\') {
    const e = s[i + 1];
    if (e === 'd') return { first: new Set('0123456789'), nullable: false, end: i + 2 };
    if (e === undefined || /[a-zA-Z0-9]/.test(e)) return undefined; // \w, \s, \b, \p{…}, back-references
    return { first: new Set([e]), nullable: false, end: i + 2 };
  }
  if (c === '[' || c === '.' || c === '^' || c === '$' || c === '|' || c === ')') return undefined;
  // Astral letters are two code units; leave them to the group tried everywhere.
  if (c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff) return undefined;
  return { first: new Set([c]), nullable: false, end: i + 1 };
}

function matchingParen(s: string, open: number, to: number): number | undefined {
  let depth = 0;
  for (let i = open; i < to; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '[') {
      const close = classEnd(s, i);
      if (close === undefined) return undefined;
      i = close;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return undefined;
}

function classEnd(s: string, open: number): number | undefined {
  for (let i = open + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ']') return i;
  }
  return undefined;
}

function topLevelBranches(s: string, from: number, to: number): Array<[number, number]> {
  const branches: Array<[number, number]> = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(s, i) ?? to;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      branches.push([start, i]);
      start = i + 1;
    }
  }
  branches.push([start, to]);
  return branches;
}
