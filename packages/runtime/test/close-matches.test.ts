import { describe, expect, it } from 'vitest';
import { closeMatches, editDistance } from '../src/course/close-matches';

const ids = [
  'threads/basic-threads',
  'threads/synchronization',
  'processes/basic-processes',
  'async/basic-async',
  'comparisons/cpu-bound',
  'comparisons/io-bound',
];

describe('closeMatches', () => {
  it('suggest the id a typo was meant to be', () => {
    expect(closeMatches('threads/synchronisation', ids)[0]).toBe('threads/synchronization');
  });

  it('suggest every id that contains what was typed', () => {
    expect(closeMatches('bound', ids)).toEqual(['comparisons/cpu-bound', 'comparisons/io-bound']);
  });

  it('match the lesson name without its package', () => {
    expect(closeMatches('basic-threads', ids)).toContain('threads/basic-threads');
  });

  it('suggest nothing for something unrelated', () => {
    expect(closeMatches('zzzzzzzz', ids)).toEqual([]);
  });
});

describe('editDistance', () => {
  it('count insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
