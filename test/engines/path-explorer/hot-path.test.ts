/**
 * What the engine's hot paths rely on: a rejection captures no stack (it is thrown on hot paths and only its
 * class, message and pc are read), and the two-halves slot sets answer as the kernel's u64 slot masks do.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Reject } from '../../../src/engines/path-explorer/env.js';
import { addSlot, emptySlots, hasSlot, removeSlot } from '../../../src/engines/path-explorer/slot-set.js';

describe('path-explorer hot paths', () => {
  it('a Reject keeps class, message, pc and preface, and no stack frames', () => {
    const r = new Reject('bad-access', 'R1 invalid mem access', 7, [
      'Unreleased reference id=2 alloc_insn=3',
    ]);
    expect(r).toBeInstanceOf(Error);
    expect([r.cls, r.message, r.pc, r.preface, r.name]).toEqual([
      'bad-access',
      'R1 invalid mem access',
      7,
      ['Unreleased reference id=2 alloc_insn=3'],
      'Reject',
    ]);
    expect(r.stack?.split('\n').filter((l) => l.trim().startsWith('at ')) ?? []).toEqual([]);
    // the limit is restored for everyone else
    expect(new Error('x').stack?.includes(' at ')).toBe(true);
  });

  it('slot sets agree with a u64 bigint mask', () => {
    const op = fc.record({
      add: fc.boolean(),
      set: fc.integer({ min: 0, max: 2 }),
      spi: fc.integer({ min: -2, max: 66 }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const words = new Uint32Array(6);
        const masks = [0n, 0n, 0n];
        for (const { add, set, spi } of ops) {
          const inRange = spi >= 0 && spi < 64;
          const bit = inRange ? 1n << BigInt(spi) : 0n;
          if (add) {
            const fresh = inRange && (masks[set]! & bit) === 0n;
            expect(addSlot(words, set, spi)).toBe(fresh);
            masks[set]! |= bit;
          } else {
            removeSlot(words, set, spi);
            masks[set]! &= ~bit;
          }
        }
        for (let set = 0; set < 3; set++) {
          expect(emptySlots(words, set)).toBe(masks[set] === 0n);
          for (let spi = -2; spi < 66; spi++)
            expect(hasSlot(words, set, spi)).toBe(
              spi >= 0 && spi < 64 && ((masks[set]! >> BigInt(spi)) & 1n) === 1n,
            );
        }
      }),
    );
  });
});
