/**
 * One instruction statement in the kernel's verifier-log syntax (kernel/bpf/disasm.c print_bpf_insn),
 * with LLVM's `ll` and `goto +N` spellings and names for jump and call targets.
 */
import {
  fitsS16,
  lddwFields,
  S32_MAX,
  S32_MIN,
  type AluOp,
  type Insn,
  type JmpOp,
  type Operand,
  type Reg,
  type Size,
  type Width,
} from '../insn.js';
import { kernelFnByName, UNNAMED_KFUNC } from '../kernel-functions.js';
import { echoed, quoted } from '../source-error.js';

/** A statement error at a column relative to the statement's start (0-based). */
export class StatementError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** A jump, call or callback load whose target is a name, resolved once all labels are known. */
export interface NamedTarget {
  readonly name: string;
  readonly offset: number;
}

export interface ParsedStatement {
  /** For a named target, the instruction's `off` is a placeholder (0). */
  readonly insn: Insn;
  readonly target: NamedTarget | null;
}

const ALU_BY_SYMBOL: Record<string, AluOp> = {
  '+=': 'add',
  '-=': 'sub',
  '*=': 'mul',
  '/=': 'div',
  '|=': 'or',
  '&=': 'and',
  '<<=': 'lsh',
  '>>=': 'rsh',
  '%=': 'mod',
  '^=': 'xor',
  '=': 'mov',
  's>>=': 'arsh',
};
const JMP_BY_SYMBOL: Record<string, JmpOp> = {
  '==': 'jeq',
  '>': 'jgt',
  '>=': 'jge',
  '&': 'jset',
  '!=': 'jne',
  's>': 'jsgt',
  's>=': 'jsge',
  '<': 'jlt',
  '<=': 'jle',
  's<': 'jslt',
  's<=': 'jsle',
};
const SIZE_BY_NAME: Record<string, Size> = { u8: 1, u16: 2, u32: 4, u64: 8 };

const NUMBER = /^([-+]?)(0x[0-9a-fA-F]+|[0-9]+)$/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** A span of the statement: its text and where it starts. */
interface Span {
  readonly text: string;
  readonly at: number;
}

function span(m: RegExpExecArray & { indices?: Array<[number, number] | undefined> }, group: number): Span {
  const text = m[group] ?? '';
  const at = m.indices?.[group]?.[0] ?? 0;
  return { text, at };
}

function fail(message: string, at: Span | number): never {
  throw new StatementError(message, typeof at === 'number' ? at : at.at);
}

function parseNumber(s: Span): { value: bigint; hex: boolean } {
  const m = NUMBER.exec(s.text);
  if (!m) fail(`malformed number ${quoted(s.text)}`, s);
  const digits = m[2]!;
  const hex = digits.startsWith('0x');
  // BigInt() takes time quadratic in the length of its string, and no field holds more than 64 bits: a
  // number with more significant digits than any 64-bit value (20) is past every limit, whatever it is.
  const significant = (hex ? digits.slice(2) : digits).replace(/^0+/, '').length;
  const mag = significant > 24 ? 1n << 100n : BigInt(digits);
  return { value: m[1] === '-' ? -mag : mag, hex };
}

/** A 32-bit immediate: signed decimal, or hex read as the raw 32-bit pattern (the log prints `0x%x`). */
function imm32(s: Span): number {
  const { value, hex } = parseNumber(s);
  if (value >= -0x80000000n && value <= 0x7fffffffn) return Number(value);
  if (hex && value > 0n && value <= 0xffffffffn) return Number(BigInt.asIntN(32, value));
  return fail(`immediate ${echoed(s.text)} does not fit in 32 bits`, s);
}

/** A signed offset field: 16 bits for jumps and memory, 32 for calls and callback loads (the imm field). */
function offset(s: Span, what: string, bits: 16 | 32): number {
  const compact = { text: s.text.replace(/\s+/g, ''), at: s.at };
  const { value } = parseNumber(compact);
  const n = Number(value);
  const fits = bits === 16 ? fitsS16(n) : n >= S32_MIN && n <= S32_MAX;
  if (!fits) fail(`${what} ${echoed(compact.text)} does not fit in ${bits} bits`, s);
  return n;
}

function register(s: Span): { reg: Reg; width: Width } {
  const m = /^([rw])([0-9]+)$/.exec(s.text);
  if (!m) return fail(`expected a register, found ${quoted(s.text)}`, s);
  const n = Number(m[2]);
  if (n > 10 || m[2]!.length > 2) fail(`unknown register ${quoted(s.text)}`, s);
  return { reg: n as Reg, width: m[1] === 'r' ? 64 : 32 };
}

const looksLikeRegister = (text: string): boolean => /^[rw][0-9]+$/.test(text);

function operand(s: Span, width: Width): Operand {
  if (looksLikeRegister(s.text)) {
    const r = register(s);
    if (r.width !== width) fail(`register ${quoted(s.text)} does not match the ${width}-bit operation`, s);
    return { kind: 'reg', reg: r.reg };
  }
  if (!NUMBER.test(s.text)) fail(`malformed operand ${quoted(s.text)}`, s);
  return { kind: 'imm', imm: imm32(s) };
}

/** `pc+N`, `pc-N`, `+N`, `-N` or a name; a jump's offset has 16 bits, a call's 32. */
function target(s: Span, bits: 16 | 32): { off: number } | { name: NamedTarget } {
  const what = bits === 16 ? 'jump' : 'call';
  const rel = /^(?:pc)?([-+]\s*[0-9]+)$/.exec(s.text);
  if (rel) return { off: offset({ text: rel[1]!, at: s.at }, `${what} offset`, bits) };
  if (IDENT.test(s.text)) return { name: { name: s.text, offset: s.at } };
  return fail(`malformed ${what} target ${quoted(s.text)}`, s);
}

function withTarget(make: (off: number) => Insn, s: Span, bits: 16 | 32 = 16): ParsedStatement {
  const t = target(s, bits);
  return 'off' in t ? { insn: make(t.off), target: null } : { insn: make(0), target: t.name };
}

/** `*(u64 *)(r10 -8)` */
const MEM = /^\*\(\s*(\w+)\s*\*\s*\)\s*\(\s*(\w+)\s*([-+]\s*\w+)?\s*\)$/d;

function memory(s: Span): { size: Size; base: Reg; off: number } {
  const m = MEM.exec(s.text);
  if (!m) return fail(`malformed memory operand ${quoted(s.text)}`, s);
  const sizeSpan = shift(span(m, 1), s.at);
  const size = SIZE_BY_NAME[sizeSpan.text] ?? fail(`unknown access size ${quoted(sizeSpan.text)}`, sizeSpan);
  const base = register(shift(span(m, 2), s.at));
  if (base.width !== 64) fail(`memory base must be a 64-bit register`, shift(span(m, 2), s.at));
  const off = m[3] === undefined ? 0 : offset(shift(span(m, 3), s.at), 'offset', 16);
  return { size, base: base.reg, off };
}

const shift = (s: Span, by: number): Span => ({ text: s.text, at: s.at + by });

const STATEMENT = {
  exit: /^exit$/d,
  goto: /^goto\s+(.+)$/d,
  call: /^call\s+(\S+)$/d,
  cond: /^if\s+(\S+)\s+(\S+)\s+(\S+)\s+goto\s+(.+)$/d,
  store: /^(\*\(.*?\)\s*\(.*?\))\s*=\s*(.+)$/d,
  assign: /^([A-Za-z_][A-Za-z0-9_]*)\s*(s>>=|<<=|>>=|[-+*/%|&^]=|=)\s*(.+)$/d,
};

function callStatement(s: Span): ParsedStatement {
  const named = /^([A-Za-z_][A-Za-z0-9_]*)(?:#([0-9]+))?$/.exec(s.text);
  if (named) {
    const name = named[1]!;
    const idText = named[2];
    const id = idText === undefined ? null : Number(idText);
    const fn = kernelFnByName(name);
    if (fn?.kind === 'helper') {
      if (id !== null && id !== fn.helperId)
        fail(`helper ${name} has id ${fn.helperId}, not ${echoed(idText!)}`, s);
      return { insn: { kind: 'helper', id: fn.helperId! }, target: null };
    }
    // `kfunc#N`: a kfunc known only by its BTF id (decode prints one it cannot name so).
    if (fn?.kind === 'kfunc' || (name === UNNAMED_KFUNC && id !== null)) {
      if (id !== null && !(id > 0 && id <= S32_MAX)) fail(`invalid BTF id ${echoed(idText!)}`, s);
      return { insn: { kind: 'kfunc', name, btfId: id }, target: null };
    }
    if (id !== null) fail(`unknown kernel function ${quoted(name)}`, s);
  }
  return withTarget((off) => ({ kind: 'call', off }), s, 32);
}

function conditional(m: RegExpExecArray, at: number): ParsedStatement {
  const dstSpan = shift(span(m, 1), at);
  const opSpan = shift(span(m, 2), at);
  const dst = register(dstSpan);
  const op = JMP_BY_SYMBOL[opSpan.text] ?? fail(`unknown comparison ${quoted(opSpan.text)}`, opSpan);
  const src = operand(shift(span(m, 3), at), dst.width);
  return withTarget(
    (off) => ({ kind: 'jmp', width: dst.width, op, dst: dst.reg, src, off }),
    shift(span(m, 4), at),
  );
}

function assignment(m: RegExpExecArray, at: number, forceLddw: boolean): ParsedStatement {
  const dstSpan = shift(span(m, 1), at);
  const opText = m[2]!;
  const rhs = shift(span(m, 3), at);
  const dst = register(dstSpan);
  if (opText !== '=') {
    const op = ALU_BY_SYMBOL[opText]!;
    return {
      insn: { kind: 'alu', width: dst.width, op, dst: dst.reg, src: operand(rhs, dst.width) },
      target: null,
    };
  }
  // dst = *(uN *)(src +off)
  if (rhs.text.startsWith('*')) {
    const mem = memory(rhs);
    if (dst.width !== 64) fail('loads write a 64-bit register', dstSpan);
    return { insn: { kind: 'ldx', size: mem.size, dst: dst.reg, src: mem.base, off: mem.off }, target: null };
  }
  // dst = -dst
  const neg = /^-([rw][0-9]+)$/.exec(rhs.text);
  if (neg) {
    const src = register({ text: neg[1]!, at: rhs.at + 1 });
    if (src.reg !== dst.reg || src.width !== dst.width)
      fail('negation must be of the destination register', rhs);
    return { insn: { kind: 'neg', width: dst.width, dst: dst.reg }, target: null };
  }
  // dst = VALUE ll, dst = NAME ll, dst = pc+N ll
  const ll = /^(\S+)\s+ll$/.exec(rhs.text);
  if (ll || forceLddw) {
    const valueSpan = { text: ll ? ll[1]! : rhs.text, at: rhs.at };
    if (dst.width !== 64) fail('ld_imm64 writes a 64-bit register', dstSpan);
    if (NUMBER.test(valueSpan.text)) {
      const { value } = parseNumber(valueSpan);
      if (value < -(1n << 63n) || value >= 1n << 64n)
        fail(`immediate ${echoed(valueSpan.text)} does not fit in 64 bits`, valueSpan);
      return { insn: { kind: 'lddw', dst: dst.reg, ...lddwFields(value) }, target: null };
    }
    return withTarget((off) => ({ kind: 'ldfunc', dst: dst.reg, off }), valueSpan, 32);
  }
  if (NUMBER.test(rhs.text)) {
    const { value } = parseNumber(rhs);
    // A constant beyond 32 bits can only be an ld_imm64 (the log prints those without `ll`).
    if (dst.width === 64 && (value > 0xffffffffn || value < -0x80000000n)) {
      return assignment(m, at, true);
    }
  }
  return {
    insn: { kind: 'alu', width: dst.width, op: 'mov', dst: dst.reg, src: operand(rhs, dst.width) },
    target: null,
  };
}

/**
 * Parse one statement. `ldImm64` says the line carried the log prefix `(18)`, under which the kernel prints
 * an ld_imm64 without `ll`.
 */
export function parseStatement(text: string, ldImm64 = false): ParsedStatement {
  let m: RegExpExecArray | null;
  if (STATEMENT.exit.test(text)) return { insn: { kind: 'exit' }, target: null };
  if ((m = STATEMENT.goto.exec(text))) return withTarget((off) => ({ kind: 'ja', off }), span(m, 1));
  if ((m = STATEMENT.call.exec(text))) return callStatement(span(m, 1));
  if ((m = STATEMENT.cond.exec(text))) return conditional(m, 0);
  if ((m = STATEMENT.store.exec(text))) {
    const mem = memory(span(m, 1));
    const value = span(m, 2);
    if (looksLikeRegister(value.text)) {
      const src = register(value);
      if (src.width !== 64) fail('stores take a 64-bit register', value);
      return {
        insn: { kind: 'stx', size: mem.size, dst: mem.base, src: src.reg, off: mem.off },
        target: null,
      };
    }
    if (!NUMBER.test(value.text)) fail(`malformed operand ${quoted(value.text)}`, value);
    return {
      insn: { kind: 'st', size: mem.size, dst: mem.base, off: mem.off, imm: imm32(value) },
      target: null,
    };
  }
  if ((m = STATEMENT.assign.exec(text)) && looksLikeRegister(m[1]!)) return assignment(m, 0, ldImm64);
  const word = /^\S+/.exec(text)?.[0] ?? text;
  if (m && /^[A-Za-z][0-9]+$/.test(m[1]!)) fail(`unknown register ${quoted(m[1]!)}`, 0);
  return fail(`unknown instruction ${quoted(word)}`, 0);
}
