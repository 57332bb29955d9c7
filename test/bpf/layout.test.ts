import { describe, expect, it } from 'vitest';
import { discoverSubprogStarts, layoutOf, subprogAt, subprogsOf } from '../../src/bpf/layout.js';
import { parseProgram } from '../../src/bpf/text/parse.js';

describe('subprograms, discovered as the kernel does', () => {
  const program = parseProgram(`
    r1 = 1 ll
    r2 = cb ll
    call sub
    exit
.func cb static args=2
    r0 = 0
    exit
.func sub global args=1
    r0 = 0
    exit
`);

  it('counts ld_imm64 as two slots', () => {
    const { pcOf, insnAt, slotCount } = layoutOf(program.insns);
    expect(pcOf).toEqual([0, 2, 4, 5, 6, 7, 8, 9]);
    expect(insnAt[1]).toBe(-1);
    expect(slotCount).toBe(10);
  });

  it('starts one at main, every pseudo-call target and every callback address', () => {
    expect(discoverSubprogStarts(program.insns)).toEqual([0, 6, 8]);
    const found = subprogsOf(program);
    expect(found).toEqual({
      ok: true,
      subprogs: [
        { index: 0, name: 'main', linkage: 'static', args: 0, startPc: 0, endPc: 6 },
        { index: 1, name: 'cb', linkage: 'static', args: 2, startPc: 6, endPc: 8 },
        { index: 2, name: 'sub', linkage: 'global', args: 1, startPc: 8, endPc: 10 },
      ],
    });
    if (found.ok) expect([0, 5, 6, 7, 9].map((pc) => subprogAt(found.subprogs, pc))).toEqual([0, 0, 1, 1, 2]);
  });

  it('reports a .func that nothing targets with the kernel message', () => {
    const p = parseProgram('r0 = 0\nexit\n.func lonely static\nexit\n');
    expect(subprogsOf(p)).toEqual({
      ok: false,
      message: "number of funcs in func_info doesn't match number of subprogs",
    });
  });

  it('reports a call into the middle of a function with the kernel message', () => {
    const p = parseProgram('call inner\nexit\n.func f static\nr0 = 0\ninner:\nexit\n');
    expect(subprogsOf(p)).toEqual({
      ok: false,
      message: "func_info BTF section doesn't match subprog layout in BPF program",
    });
  });
});
