/** The program editor (src/bpf/edit.ts) and the structure check (src/bpf/structure.ts): laws and examples. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deleteInsns,
  deleteRange,
  dropInput,
  dropSubprogram,
  keep,
  NOP,
  replaceInsn,
  splice,
} from '../../src/bpf/edit.js';
import { branchOffset } from '../../src/bpf/insn.js';
import { layoutOf } from '../../src/bpf/layout.js';
import type { Program } from '../../src/bpf/program.js';
import { structureProblem } from '../../src/bpf/structure.js';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { printProgram } from '../../src/bpf/text/print.js';
import { modelEngine } from '../../src/engines/index.js';
import { programArbitrary } from '../../generators/index.js';

// Fixed seeds keep CI deterministic (as test/bpf/laws.test.ts).
const params = (seed: number) => ({ numRuns: 300, seed });

/** Generated programs that are well formed (the generator also builds `structure` rejections on purpose). */
const wellFormed = programArbitrary()
  .map((g) => g.program)
  .filter((p) => structureProblem(p) === null);

/** Target instruction index of each control transfer (null for other instructions). */
function targets(p: Program): (number | null)[] {
  const { pcOf, insnAt } = layoutOf(p.insns);
  return p.insns.map((insn, i) => {
    const off = branchOffset(insn);
    return off === null ? null : (insnAt[pcOf[i]! + off + 1] ?? -1);
  });
}

describe('the program editor', () => {
  it('splicing every instruction as it is, or deleting nothing, is the identity', () => {
    fc.assert(
      fc.property(wellFormed, (p) => {
        expect(splice(p, p.insns.map(keep))).toEqual(p);
        expect(deleteInsns(p, () => false)).toEqual(p);
      }),
      params(11),
    );
  });

  it('a deletion keeps every surviving target; a deleted target becomes the next survivor', () => {
    fc.assert(
      fc.property(wellFormed, fc.array(fc.nat(), { maxLength: 8 }), (p, picks) => {
        const dropped = new Set(picks.map((k) => k % p.insns.length));
        const q = deleteInsns(p, (i) => dropped.has(i));
        const survivors = p.insns.map((_, i) => i).filter((i) => !dropped.has(i));
        const newIndex = new Map(survivors.map((i, k) => [i, k]));
        const nextSurvivor = (t: number): number => {
          for (let k = t; k < p.insns.length; k++) if (!dropped.has(k)) return newIndex.get(k)!;
          return q.insns.length;
        };
        const before = targets(p);
        const after = targets(q);
        survivors.forEach((i, k) => {
          const t = before[i];
          if (t === null || t === undefined) {
            expect(after[k]).toBeNull();
            return;
          }
          const want = nextSurvivor(t);
          // past the end: the offset points at the end of the program (insnAt there is -1)
          expect(after[k], `insn ${i} -> ${t}`).toBe(want === q.insns.length ? -1 : want);
        });
      }),
      params(12),
    );
  });

  it('an edit leaves the program well formed or says why; a well-formed edit is one every engine reads', () => {
    const engine = modelEngine('path-explorer');
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(wellFormed, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 }), (p, a, b, op) => {
        const i = a % p.insns.length;
        const q =
          op === 0
            ? deleteRange(p, i, i + 1 + (b % 4))
            : op === 1
              ? replaceInsn(p, i, NOP)
              : op === 2 && p.funcs.length > 1
                ? dropSubprogram(p, 1 + (b % (p.funcs.length - 1)))
                : p.inputs.length > 0
                  ? dropInput(p, b % p.inputs.length)
                  : deleteRange(p, i, i + 1);
        const why = structureProblem(q);
        const verdict = engine.verify(q, { profile: q.profile, quirks: [] }).result.verdict;
        if (why === null) {
          valid++;
          // the text form carries it, and no engine calls its structure into question
          expect(parseProgram(printProgram(q))).toEqual(q);
          expect(verdict.accepted === false && verdict.class === 'structure', JSON.stringify(verdict)).toBe(
            false,
          );
        } else {
          invalid++;
          expect(typeof why).toBe('string');
          expect(verdict.accepted, `${why}\n${printProgram(q)}`).not.toBe(true);
        }
      }),
      params(13),
    );
    // both sides of the law are exercised
    expect(valid).toBeGreaterThan(20);
    expect(invalid).toBeGreaterThan(20);
  });

  it('a jump into a deleted range lands on the next surviving instruction', () => {
    const p = parseProgram(
      ['    if r1 == 0x0 goto skip', '    r0 = 1', 'skip:', '    r0 = 2', '    r0 = 3', '    exit'].join(
        '\n',
      ),
    );
    const q = deleteRange(p, 2, 4);
    expect(printProgram(q)).toBe(
      ['    if r1 == 0x0 goto skip', '    r0 = 1', 'skip:', '    exit', ''].join('\n'),
    );
  });

  it('dropping a subprogram drops the calls of it and the loads of its address', () => {
    const p = parseProgram(
      [
        '    call f',
        '    r1 = 1',
        '    r2 = cb ll',
        '    r3 = 0',
        '    r4 = 0',
        '    call bpf_loop#181',
        '    r0 = 0',
        '    exit',
        '.func f static',
        '    r0 = 0',
        '    exit',
        '.func cb static args=2',
        '    r0 = 0',
        '    exit',
      ].join('\n'),
    );
    const noF = dropSubprogram(p, 1);
    expect(noF.insns).toHaveLength(p.insns.length - 3);
    expect(noF.funcs.map((f) => f.name)).toEqual(['main', 'cb']);
    expect(structureProblem(noF)).toBeNull();
    const noCb = dropSubprogram(p, 2);
    expect(noCb.insns.some((i) => i.kind === 'ldfunc')).toBe(false);
    expect(noCb.funcs.map((f) => f.name)).toEqual(['main', 'f']);
    expect(structureProblem(noCb)).toBeNull();
  });

  it('replacing an ld_imm64 (two slots) by a one-slot instruction re-points jumps over it', () => {
    const p = parseProgram(
      [
        '    if r1 == 0x0 goto out',
        '    r2 = 0x112345678 ll',
        '    r0 = 1',
        'out:',
        '    r0 = 0',
        '    exit',
      ].join('\n'),
    );
    const q = replaceInsn(p, 1, NOP);
    expect(q.insns[0]).toMatchObject({ kind: 'jmp', off: 2 });
    expect(structureProblem(q)).toBeNull();
  });
});

describe('structureProblem', () => {
  it('says why, in the kernel’s order of checks', () => {
    const bad = (text: string) => structureProblem(parseProgram(text));
    expect(bad('    r0 = 0\n')).toBe('main: the last instruction is not an exit or a jump');
    expect(bad('    goto out\n    r0 = 1\nout:\n    r0 = 0\n    exit\n')).toBe('insn 1: unreachable');
    expect(bad('    r0 = 0\n    exit\n.func f static\n    r0 = 0\n    exit\n')).toBe(
      "number of funcs in func_info doesn't match number of subprogs",
    );
    expect(bad('    r0 = 0\n    exit\n')).toBeNull();
  });
});
