/**
 * The text form of SPEC §1 → Program. Every mistake is a SourceError with file, line and column.
 */
import { opcodeOf } from '../codec.js';
import { slotsOf, withOffset, type Insn } from '../insn.js';
import { kernelFnByName } from '../kernel-functions.js';
import { layoutOf } from '../layout.js';
import { isProfile, isProgramKind } from '../profile.js';
import {
  DEFAULT_CTX_SIZE,
  MAX_ARGS,
  MAX_CTX_SIZE,
  type FuncDecl,
  type Label,
  type Note,
  type Program,
  type ProgramInput,
} from '../program.js';
import { SourceError } from '../source-error.js';
import { splitLines, type SourceLine } from './lines.js';
import { parseStatement, StatementError, type NamedTarget } from './statement.js';

interface Located {
  readonly line: number;
  readonly col: number;
}

interface PendingInsn extends Located {
  readonly insn: Insn;
  readonly target: NamedTarget | null;
}

const LABEL = /^([A-Za-z_][A-Za-z0-9_.]*):(?:\s+|$)/;
const NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

class Reader {
  readonly insns: PendingInsn[] = [];
  readonly funcs: (FuncDecl & Located)[] = [];
  readonly labels: (Label & Located)[] = [];
  readonly notes: Note[] = [];
  readonly inputs: (ProgramInput & Located)[] = [];
  kind: Program['kind'] | null = null;
  ctxSize: number | null = null;
  profile: Program['profile'] | null = null;
  private slot = 0;

  constructor(private readonly file: string) {}

  error(message: string, at: Located): never {
    throw new SourceError(message, at.line, at.col, this.file);
  }

  read(line: SourceLine): void {
    let text = line.text;
    let col = line.col;
    let wroteInsn = false;
    if (line.logPrefix === null) {
      // Labels, possibly followed by a statement on the same line.
      let m: RegExpExecArray | null;
      while ((m = LABEL.exec(text))) {
        this.declareName(m[1]!, { line: line.line, col });
        this.labels.push({ name: m[1]!, insn: this.insns.length, line: line.line, col });
        col += m[0].length;
        text = text.slice(m[0].length);
      }
    }
    if (text.startsWith('.') && line.logPrefix === null) this.directive(text, { line: line.line, col });
    else if (text !== '') {
      this.statement(text, line, col);
      wroteInsn = true;
    } else if (line.logPrefix !== null) this.error('expected an instruction after the log prefix', line);
    if (line.comment !== null) {
      this.notes.push(
        wroteInsn
          ? { insn: this.insns.length - 1, kind: 'trailing', text: line.comment }
          : { insn: this.insns.length, kind: 'line', text: line.comment },
      );
    }
  }

  private statement(text: string, line: SourceLine, col: number): void {
    const prefix = line.logPrefix;
    let parsed;
    try {
      parsed = parseStatement(text, prefix?.opcode === 0x18);
    } catch (e) {
      if (e instanceof StatementError) this.error(e.message, { line: line.line, col: col + e.offset });
      throw e;
    }
    if (prefix !== null) {
      const at = { line: line.line, col: prefix.col };
      if (prefix.index !== this.slot)
        this.error(`log line says insn ${prefix.index}, but this is insn ${this.slot}`, at);
      const code = opcodeOf(parsed.insn);
      if (code !== prefix.opcode) {
        const hex = (n: number): string => n.toString(16).padStart(2, '0');
        this.error(
          `opcode (${hex(prefix.opcode)}) does not match the instruction, which encodes as (${hex(code)})`,
          at,
        );
      }
    }
    const target = parsed.target === null ? null : { ...parsed.target, offset: col + parsed.target.offset };
    this.insns.push({ insn: parsed.insn, target, line: line.line, col });
    this.slot += slotsOf(parsed.insn);
  }

  private declareName(name: string, at: Located): void {
    if (kernelFnByName(name)) this.error(`'${name}' is a kernel function name`, at);
    if (/^[rw][0-9]+$/.test(name) || name === 'pc') this.error(`'${name}' is a reserved word`, at);
    if (this.funcs.some((f) => f.name === name) || this.labels.some((l) => l.name === name)) {
      this.error(`duplicate label '${name}'`, at);
    }
  }

  private directive(text: string, at: Located): void {
    const words: { text: string; col: number }[] = [];
    for (const m of text.matchAll(/\S+/g)) words.push({ text: m[0], col: at.col + m.index });
    const [head, ...args] = words as [(typeof words)[0], ...typeof words];
    const argAt = (i: number): Located => ({ line: at.line, col: args[i]?.col ?? at.col });
    const arity = (min: number, max: number): void => {
      if (args.length < min)
        this.error(`${head.text} needs ${min === max ? min : `${min} to ${max}`} argument(s)`, at);
      if (args.length > max) this.error(`unexpected '${args[max]!.text}' after ${head.text}`, argAt(max));
    };
    const once = <T>(current: T | null, value: T): T => {
      if (current !== null) this.error(`duplicate ${head.text} directive`, at);
      return value;
    };
    switch (head.text) {
      case '.func': {
        arity(2, 3);
        const [name, linkage, extra] = args as [(typeof words)[0], (typeof words)[0], (typeof words)[0]?];
        if (!NAME.test(name.text)) this.error(`invalid function name '${name.text}'`, argAt(0));
        if (linkage.text !== 'static' && linkage.text !== 'global') {
          this.error(`linkage must be static or global, not '${linkage.text}'`, argAt(1));
        }
        let nargs = 0;
        if (extra) {
          const m = /^args=([0-9]+)$/.exec(extra.text);
          if (!m) this.error(`expected args=N, found '${extra.text}'`, argAt(2));
          nargs = Number(m[1]);
          if (nargs > MAX_ARGS)
            this.error(`a function takes at most ${MAX_ARGS} arguments, not ${nargs}`, argAt(2));
        }
        this.declareName(name.text, argAt(0));
        const insn = this.insns.length;
        if (this.funcs.some((f) => f.insn === insn))
          this.error('two functions start at the same instruction', at);
        this.funcs.push({ name: name.text, insn, linkage: linkage.text, args: nargs, ...at });
        return;
      }
      case '.kind':
        arity(1, 1);
        if (!isProgramKind(args[0]!.text)) this.error(`unknown program kind '${args[0]!.text}'`, argAt(0));
        this.kind = once(this.kind, args[0]!.text);
        return;
      case '.ctx': {
        arity(1, 1);
        const m = /^[0-9]+$/.exec(args[0]!.text);
        const size = m ? Number(m[0]) : NaN;
        if (!(size >= 1 && size <= MAX_CTX_SIZE))
          this.error(`ctx size must be 1..${MAX_CTX_SIZE}, not '${args[0]!.text}'`, argAt(0));
        this.ctxSize = once(this.ctxSize, size);
        return;
      }
      case '.profile':
        arity(1, 1);
        if (!isProfile(args[0]!.text)) this.error(`unknown profile '${args[0]!.text}'`, argAt(0));
        this.profile = once(this.profile, args[0]!.text);
        return;
      case '.input': {
        arity(1, 1);
        const m = /^ctx=([0-9a-fA-F]*)$/.exec(args[0]!.text);
        if (!m) this.error(`expected ctx=HEX, found '${args[0]!.text}'`, argAt(0));
        if (m[1]!.length % 2 !== 0) this.error('odd number of hex digits in ctx', argAt(0));
        this.inputs.push({ ctx: m[1]!.toLowerCase(), ...argAt(0) });
        return;
      }
      default:
        this.error(`unknown directive '${head.text}'`, at);
    }
  }

  finish(): Program {
    if (this.insns.length === 0) this.error('the program has no instructions', { line: 1, col: 1 });
    const funcs = [...this.funcs];
    for (const f of funcs)
      if (f.insn >= this.insns.length) this.error(`function '${f.name}' has no instructions`, f);
    if (funcs[0]?.insn !== 0) {
      const clash = [...funcs, ...this.labels].find((f) => f.name === 'main');
      if (clash) this.error("'main' names the implicit first function; use another name", clash);
      funcs.unshift({ name: 'main', insn: 0, linkage: 'static', args: 0, line: 1, col: 1 });
    }
    const ctxSize = this.ctxSize ?? DEFAULT_CTX_SIZE;
    for (const input of this.inputs) {
      const bytes = input.ctx.length / 2;
      if (bytes !== ctxSize) this.error(`input has ${bytes} bytes, but the ctx is ${ctxSize} bytes`, input);
    }
    return {
      insns: this.resolve(),
      funcs: funcs.map(({ name, insn, linkage, args }) => ({ name, insn, linkage, args })),
      labels: this.labels.map(({ name, insn }) => ({ name, insn })),
      notes: this.notes,
      kind: this.kind ?? 'syscall',
      ctxSize,
      profile: this.profile ?? 'mainline',
      inputs: this.inputs.map(({ ctx }) => ({ ctx })),
    };
  }

  /** Resolve named targets and check every target lands on an instruction (check_subprogs, check_cfg). */
  private resolve(): Insn[] {
    const insns = this.insns.map((p) => p.insn);
    const { pcOf, insnAt, slotCount } = layoutOf(insns);
    const positions = new Map<string, number>();
    for (const f of this.funcs) positions.set(f.name, f.insn);
    for (const l of this.labels) positions.set(l.name, l.insn);
    if (this.funcs[0]?.insn !== 0) positions.set('main', 0);
    return this.insns.map((p, i) => {
      const pc = pcOf[i]!;
      let insn = p.insn;
      const targetAt = p.target ? { line: p.line, col: p.target.offset } : p;
      if (p.target) {
        const index = positions.get(p.target.name);
        if (index === undefined) {
          this.error(
            insn.kind === 'call' || insn.kind === 'ldfunc'
              ? `unknown function '${p.target.name}'`
              : `undefined label '${p.target.name}'`,
            targetAt,
          );
        }
        const to = index < insns.length ? pcOf[index]! : slotCount;
        const off = to - pc - 1;
        if (off < -0x8000 || off > 0x7fff)
          this.error(`jump offset ${off} to '${p.target.name}' does not fit in 16 bits`, targetAt);
        insn = withOffset(insn, off);
      }
      if (insn.kind === 'ja' || insn.kind === 'jmp' || insn.kind === 'call' || insn.kind === 'ldfunc') {
        const to = pc + insn.off + 1;
        if (to < 0 || to >= slotCount) this.error(`jump out of range from insn ${pc} to ${to}`, targetAt);
        if (insnAt[to] === -1)
          this.error(`jump from insn ${pc} into the middle of the ld_imm64 at ${to - 1}`, targetAt);
      }
      return insn;
    });
  }
}

/** Parse the text form. Throws SourceError (file:line:col) on any mistake. */
export function parseProgram(source: string, file = '<input>'): Program {
  const reader = new Reader(file);
  for (const line of splitLines(source)) reader.read(line);
  return reader.finish();
}
