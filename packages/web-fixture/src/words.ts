import { intBetween } from './prng';

const ADJECTIVES = [
  'quiet',
  'brisk',
  'amber',
  'hidden',
  'patient',
  'crooked',
  'silver',
  'lucky',
  'narrow',
  'gentle',
  'restless',
  'hollow',
  'bright',
  'tidy',
  'distant',
  'humble',
];
const NOUNS = [
  'harbour',
  'lantern',
  'orchard',
  'thread',
  'compass',
  'kettle',
  'meadow',
  'signal',
  'ledger',
  'bridge',
  'garden',
  'engine',
  'window',
  'river',
  'queue',
  'mill',
];

/** A deterministic page title such as "The Amber Lantern". */
export function titleFrom(next: () => number): string {
  const adj = ADJECTIVES[intBetween(next, 0, ADJECTIVES.length - 1)]!;
  const noun = NOUNS[intBetween(next, 0, NOUNS.length - 1)]!;
  return `The ${adj[0]!.toUpperCase()}${adj.slice(1)} ${noun[0]!.toUpperCase()}${noun.slice(1)}`;
}

/** A sentence of filler text, so pages have real bodies. */
export function sentenceFrom(next: () => number): string {
  const n = intBetween(next, 6, 12);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    const list = i % 2 ? NOUNS : ADJECTIVES;
    words.push(list[intBetween(next, 0, list.length - 1)]!);
  }
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}
