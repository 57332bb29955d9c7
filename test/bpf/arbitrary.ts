/**
 * fast-check arbitraries of instructions and programs for the codec and text-form laws. Programs are
 * well formed (every target lands on an instruction) but need not be verifiable.
 */
import fc from 'fast-check';
import {
  ALU_OPS,
  JMP_OPS,
  SIZES,
  type Insn,
  type Operand,
  type Reg,
  type Width,
} from '../../src/bpf/insn.js';
import { KERNEL_FUNCTIONS, UNNAMED_KFUNC } from '../../src/bpf/kernel-functions.js';
import { layoutOf } from '../../src/bpf/layout.js';
import type { FuncDecl, Label, Note, Program } from '../../src/bpf/program.js';

const reg = fc.integer({ min: 0, max: 10 }) as fc.Arbitrary<Reg>;
const s32 = fc.integer({ min: -0x80000000, max: 0x7fffffff });
const s16 = fc.integer({ min: -0x8000, max: 0x7fff });
const width = fc.constantFrom<Width>(64, 32);
const operand: fc.Arbitrary<Operand> = fc.oneof(
  reg.map((r) => ({ kind: 'reg' as const, reg: r })),
  s32.map((imm) => ({ kind: 'imm' as const, imm })),
);
const helpers = KERNEL_FUNCTIONS.filter((f) => f.kind === 'helper');
const kfuncs = KERNEL_FUNCTIONS.filter((f) => f.kind === 'kfunc');

/** The BTF id the laws give a kfunc when they give it one. */
export const lawBtfId = (name: string): number => 60000 + kfuncs.findIndex((f) => f.name === name);
export const lawKfuncName = (id: number): string | undefined => kfuncs[id - 60000]?.name;

/** Any instruction; control-flow offsets are arbitrary. */
export const anyInsn: fc.Arbitrary<Insn> = fc.oneof(
  fc.record({
    kind: fc.constant('alu' as const),
    width,
    op: fc.constantFrom(...ALU_OPS),
    dst: reg,
    src: operand,
  }),
  fc.record({ kind: fc.constant('neg' as const), width, dst: reg }),
  fc.record({ kind: fc.constant('ja' as const), off: s16 }),
  fc.record({
    kind: fc.constant('jmp' as const),
    width,
    op: fc.constantFrom(...JMP_OPS),
    dst: reg,
    src: operand,
    off: s16,
  }),
  fc.record({
    kind: fc.constant('ldx' as const),
    size: fc.constantFrom(...SIZES),
    dst: reg,
    src: reg,
    off: s16,
  }),
  fc.record({
    kind: fc.constant('stx' as const),
    size: fc.constantFrom(...SIZES),
    dst: reg,
    src: reg,
    off: s16,
  }),
  fc.record({
    kind: fc.constant('st' as const),
    size: fc.constantFrom(...SIZES),
    dst: reg,
    off: s16,
    imm: s32,
  }),
  fc.record({ kind: fc.constant('lddw' as const), dst: reg, lo: s32, hi: s32 }),
  fc.record({ kind: fc.constant('ldfunc' as const), dst: reg, off: s32 }),
  fc.constantFrom(...helpers).map((f) => ({ kind: 'helper' as const, id: f.helperId! })),
  fc.tuple(fc.constantFrom(...kfuncs), fc.boolean()).map(([f, withId]) => ({
    kind: 'kfunc' as const,
    name: f.name,
    btfId: withId ? lawBtfId(f.name) : null,
  })),
  // A kfunc known only by its id (decode's `kfunc#N` for an id it cannot name).
  fc
    .integer({ min: 1, max: 0x7fffffff })
    .filter((id) => lawKfuncName(id) === undefined)
    .map((id) => ({ kind: 'kfunc' as const, name: UNNAMED_KFUNC, btfId: id })),
  fc.record({ kind: fc.constant('call' as const), off: s32 }),
  fc.constant({ kind: 'exit' as const }),
);

const noteText = fc.stringMatching(/^[a-z0-9=#;(), ]{0,12}$/).map((s) => s.trim());

/** A well-formed program: targets land on instructions; names, labels, notes and directives vary. */
export const anyProgram: fc.Arbitrary<Program> = fc
  .record({
    body: fc.array(fc.tuple(anyInsn, fc.nat()), { minLength: 1, maxLength: 40 }),
    funcAt: fc.uniqueArray(fc.nat(), { maxLength: 4 }),
    firstName: fc.constantFrom('main', 'entry'),
    linkages: fc.array(fc.constantFrom('static' as const, 'global' as const), { minLength: 5, maxLength: 5 }),
    args: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 5, maxLength: 5 }),
    labelAt: fc.array(fc.nat(), { maxLength: 5 }),
    notes: fc.array(fc.record({ at: fc.nat(), trailing: fc.boolean(), text: noteText }), { maxLength: 5 }),
    kind: fc.constantFrom('syscall' as const, 'ext' as const, 'fexit' as const),
    ctxSize: fc.integer({ min: 1, max: 96 }),
    profile: fc.constantFrom('mainline' as const, 'rfc' as const),
    inputs: fc.nat({ max: 2 }),
    inputSeed: fc.nat(),
  })
  .map((r) => {
    const n = r.body.length;
    // Re-aim every control-flow instruction at an instruction of the program.
    const draft = r.body.map(([insn]) => insn);
    const { pcOf } = layoutOf(draft);
    const insns = r.body.map(([insn, pick], i): Insn => {
      const to = pcOf[pick % n]!;
      switch (insn.kind) {
        case 'ja':
        case 'jmp':
        case 'call':
        case 'ldfunc':
          return { ...insn, off: to - pcOf[i]! - 1 };
        default:
          return insn;
      }
    });
    const funcStarts = [...new Set([0, ...r.funcAt.map((k) => k % n)])].sort((a, b) => a - b);
    const funcs: FuncDecl[] = funcStarts.map((insn, k) => ({
      name: k === 0 ? r.firstName : `f${k}`,
      insn,
      linkage: k === 0 && r.firstName === 'main' ? 'static' : r.linkages[k]!,
      args: k === 0 && r.firstName === 'main' ? 0 : r.args[k]!,
    }));
    const labels: Label[] = [...r.labelAt]
      .map((k) => k % (n + 1))
      .sort((a, b) => a - b)
      .map((insn, k) => ({ name: `L${k}`, insn }));
    const notes: Note[] = r.notes
      .map((x) => ({
        insn: x.at % (x.trailing ? n : n + 1),
        kind: x.trailing ? ('trailing' as const) : ('line' as const),
        text: x.text,
      }))
      .sort((a, b) => a.insn - b.insn || (a.kind === b.kind ? 0 : a.kind === 'line' ? -1 : 1))
      .filter(
        (x, k, all) =>
          x.kind === 'line' || !all.slice(0, k).some((y) => y.insn === x.insn && y.kind === 'trailing'),
      );
    const inputs = Array.from({ length: r.inputs }, (_, k) => ({
      ctx: Array.from({ length: r.ctxSize }, (_, b) =>
        ((r.inputSeed + 31 * k + 7 * b) & 0xff).toString(16).padStart(2, '0'),
      ).join(''),
    }));
    return { insns, funcs, labels, notes, kind: r.kind, ctxSize: r.ctxSize, profile: r.profile, inputs };
  });
