/** Byte buffers in text output: trailing zero bytes elided when that is shorter. */
import { describe, expect, it } from 'vitest';
import { capped, finalHex, shortHex } from '../../src/cli/hex-text.js';

describe('shortHex', () => {
  it('elides a run of more than 8 trailing zero bytes', () => {
    expect(shortHex(`02${'00'.repeat(63)}`)).toBe('02…(+63 zero bytes)');
    expect(shortHex('00'.repeat(64))).toBe('(64 zero bytes)');
    expect(shortHex(`0100${'00'.repeat(9)}`)).toBe('01…(+10 zero bytes)');
  });
  it('keeps short buffers and short runs as they are, and never splits a byte', () => {
    expect(shortHex('0600000000000000')).toBe('0600000000000000');
    expect(shortHex('00'.repeat(8))).toBe('0000000000000000');
    expect(shortHex(`10${'00'.repeat(10)}`)).toBe('10…(+10 zero bytes)');
    expect(shortHex('')).toBe('');
  });
  it('a final buffer equal to its input is `unchanged`', () => {
    expect(finalHex('0100', '0100')).toBe('unchanged');
    expect(finalHex('0100', '0200')).toBe('0200');
  });
});

describe('capped', () => {
  it('keeps at most max items and says how many were left out', () => {
    expect(capped(['a', 'b'], 2, 'events')).toEqual(['a', 'b']);
    expect(capped(['a', 'b', 'c'], 2, 'events')).toEqual(['a', 'b', '… (1 more events, --json has all)']);
  });
});
