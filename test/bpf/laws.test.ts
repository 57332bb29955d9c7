import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, encode } from '../../src/bpf/codec.js';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { printProgram } from '../../src/bpf/text/print.js';
import { anyInsn, anyProgram, lawKfuncName } from './arbitrary.js';

const RUNS = 10_000;
// Fixed seeds keep CI deterministic; the laws still see 10,000 fresh programs each.
const params = (seed: number) => ({ numRuns: RUNS, seed });

describe('laws of the codec and the text form', () => {
  it('decode(encode(p)) = p', () => {
    fc.assert(
      fc.property(fc.array(anyInsn, { maxLength: 30 }), (insns) => {
        expect(decode(encode(insns), { kfuncName: lawKfuncName })).toEqual(insns);
      }),
      params(1),
    );
  });

  it('parse(print(p)) = p', () => {
    fc.assert(
      fc.property(anyProgram, (p) => {
        expect(parseProgram(printProgram(p))).toEqual(p);
      }),
      params(2),
    );
  });

  it('printing is stable: print(parse(print(p))) = print(p)', () => {
    fc.assert(
      fc.property(anyProgram, (p) => {
        const text = printProgram(p);
        expect(printProgram(parseProgram(text))).toBe(text);
      }),
      params(3),
    );
  });
});
