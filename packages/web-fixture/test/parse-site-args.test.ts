import { describe, expect, it } from 'vitest';
import { parseSiteArgs } from '../src/parse-site-args';

describe('parseSiteArgs', () => {
  it('reads numeric flags into site options', () => {
    expect(parseSiteArgs(['--seed', '2', '--pages', '200', '--latency', '20', '--jitter', '5'])).toEqual({
      seed: 2,
      pages: 200,
      latencyMs: 20,
      jitterMs: 5,
    });
  });

  it('rejects unknown flags and missing or non-numeric values, naming the flag', () => {
    expect(() => parseSiteArgs(['--speed', '1'])).toThrow(/Unknown option "--speed"/);
    expect(() => parseSiteArgs(['--pages'])).toThrow(/--pages needs a number >= 0, got nothing/);
    expect(() => parseSiteArgs(['--pages', 'many'])).toThrow(/--pages needs a number >= 0, got "many"/);
  });
});
