/**
 * The text form of SPEC §1 → Program. Every mistake is a SourceError with file, line and column.
 */
import { opcodeOf } from '../codec.js';
import { branchOffset, fitsS16, slotsOf, withOffset, type Insn } from '../insn.js';
import { kernelFnByName } from '../kernel-functions.js';
import { layoutOf } from '../layout.js';
import { MAX_INSNS, MAX_LINES, MAX_STATEMENT_CHARS } from '../limits.js';
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
import { quoted, SourceError } from '../source-error.js';
import { sourceLines, type SourceLine } from './lines.js';
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
  /** Every declared name (labels and functions share one namespace) and where it was declared. */
  private readonly names = new Map<string, { kind: 'label' | 'function'; line: number }>();
  private readonly funcStarts = new Set<number>();

  constructor(private readonly file: string) {}

  error(message: string, at: Located): never {
    throw new SourceError(message, at.line, at.col, this.file);
  }

  read(line: SourceLine): void {
    if (line.line > MAX_LINES) this.error(`more than ${MAX_LINES} lines`, { line: line.line, col: 1 });
    if (line.text.length > MAX_STATEMENT_CHARS)
      this.error(`line longer than ${MAX_STATEMENT_CHARS} characters before its comment`, line);
    let text = line.text;
    let col = line.col;
    let wroteInsn = false;
    if (line.logPrefix === null) {
      // Labels, possibly followed by a statement on the same line.
      let m: RegExpExecArray | null;
      while ((m = LABEL.exec(text))) {
        this.declareName(m[1]!, 'label', { line: line.line, col });
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
    this.slot += slotsOf(parsed.insn);
    // bpf_prog_load: insn_cnt above BPF_COMPLEXITY_LIMIT_INSNS is E2BIG; refuse the text before it grows.
    if (this.slot > MAX_INSNS)
      this.error(`more than ${MAX_INSNS} instructions (the input limit, twice the kernel's)`, {
        line: line.line,
        col,
      });
    this.insns.push({ insn: parsed.insn, target, line: line.line, col });
  }

  private declareName(name: string, kind: 'label' | 'function', at: Located): void {
    if (kernelFnByName(name)) this.error(`${quoted(name)} is a kernel function name`, at);
    if (/^[rw][0-9]+$/.test(name) || name === 'pc') this.error(`${quoted(name)} is a reserved word`, at);
    const first = this.names.get(name);
    if (first !== undefined) {
      this.error(
        first.kind === kind
          ? `duplicate ${kind} ${quoted(name)} (first at line ${first.line})`
          : `${kind} ${quoted(name)} has the name of the ${first.kind} at line ${first.line}`,
        at,
      );
    }
    this.names.set(name, { kind, line: at.line });
  }

  private directive(text: string, at: Located): void {
    const words: { text: string; col: number }[] = [];
    for (const m of text.matchAll(/\S+/g)) words.push({ text: m[0], col: at.col + m.index });
    const [head, ...args] = words as [(typeof words)[0], ...typeof words];
    const argAt = (i: number): Located => ({ line: at.line, col: args[i]?.col ?? at.col });
    const arity = (min: number, max: number): void => {
      if (args.length < min)
        this.error(`${head.text} needs ${min === max ? min : `${min} to ${max}`} argument(s)`, at);
      if (args.length > max)
        this.error(`unexpected ${quoted(args[max]!.text)} after ${head.text}`, argAt(max));
    };
    const once = <T>(current: T | null, value: T): T => {
      if (current !== null) this.error(`duplicate ${head.text} directive`, at);
      return value;
    };
    switch (head.text) {
      case '.func': {
        arity(2, 3);
        const [name, linkage, extra] = args as [(typeof words)[0], (typeof words)[0], (typeof words)[0]?];
        if (!NAME.test(name.text)) this.error(`invalid function name ${quoted(name.text)}`, argAt(0));
        if (linkage.text !== 'static' && linkage.text !== 'global') {
          this.error(`linkage must be static or global, not ${quoted(linkage.text)}`, argAt(1));
        }
        let nargs = 0;
        if (extra) {
          const m = /^args=([0-9]+)$/.exec(extra.text);
          if (!m) this.error(`expected args=N, found ${quoted(extra.text)}`, argAt(2));
          nargs = Number(m[1]);
          if (nargs > MAX_ARGS)
            this.error(`a function takes at most ${MAX_ARGS} arguments, not ${nargs}`, argAt(2));
        }
        this.declareName(name.text, 'function', argAt(0));
        const insn = this.insns.length;
        if (this.funcStarts.has(insn)) this.error('two functions start at the same instruction', at);
        this.funcStarts.add(insn);
        this.funcs.push({ name: name.text, insn, linkage: linkage.text, args: nargs, ...at });
        return;
      }
      case '.kind':
        arity(1, 1);
        if (!isProgramKind(args[0]!.text))
          this.error(`unknown program kind ${quoted(args[0]!.text)}`, argAt(0));
        this.kind = once(this.kind, args[0]!.text);
        return;
      case '.ctx': {
        arity(1, 1);
        const m = /^[0-9]+$/.exec(args[0]!.text);
        const size = m ? Number(m[0]) : NaN;
        if (!(size >= 1 && size <= MAX_CTX_SIZE))
          this.error(`ctx size must be 1..${MAX_CTX_SIZE}, not ${quoted(args[0]!.text)}`, argAt(0));
        this.ctxSize = once(this.ctxSize, size);
        return;
      }
      case '.profile':
        arity(1, 1);
        if (!isProfile(args[0]!.text)) this.error(`unknown profile ${quoted(args[0]!.text)}`, argAt(0));
        this.profile = once(this.profile, args[0]!.text);
        return;
      case '.input': {
        arity(1, 1);
        const m = /^ctx=([0-9a-fA-F]*)$/.exec(args[0]!.text);
        if (!m) this.error(`expected ctx=HEX, found ${quoted(args[0]!.text)}`, argAt(0));
        if (m[1]!.length % 2 !== 0) this.error('odd number of hex digits in ctx', argAt(0));
        this.inputs.push({ ctx: m[1]!.toLowerCase(), ...argAt(0) });
        return;
      }
      default:
        this.error(`unknown directive ${quoted(head.text)}`, at);
    }
  }

  finish(): Program {
    if (this.insns.length === 0) this.error('the program has no instructions', { line: 1, col: 1 });
    const funcs = [...this.funcs];
    for (const f of funcs)
      if (f.insn >= this.insns.length) this.error(`function ${quoted(f.name)} has no instructions`, f);
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
              ? `unknown function ${quoted(p.target.name)}`
              : `undefined label ${quoted(p.target.name)}`,
            targetAt,
          );
        }
        const to = index < insns.length ? pcOf[index]! : slotCount;
        const off = to - pc - 1;
        // A jump's offset is the 16-bit off field; a call's and a callback load's the 32-bit imm.
        if ((insn.kind === 'ja' || insn.kind === 'jmp') && !fitsS16(off))
          this.error(`jump offset ${off} to ${quoted(p.target.name)} does not fit in 16 bits`, targetAt);
        insn = withOffset(insn, off);
      }
      const what = controlFlowWord(insn);
      if (what !== null) {
        const to = pc + branchOffset(insn)! + 1;
        // check_cfg's "jump out of range", add_subprog's "call to invalid destination": our words say which.
        if (to < 0 || to >= slotCount) this.error(`${what} out of range from insn ${pc} to ${to}`, targetAt);
        if (insnAt[to] === -1)
          this.error(`${what} from insn ${pc} into the middle of the ld_imm64 at ${to - 1}`, targetAt);
      }
      return insn;
    });
  }
}

/** How an error names a control-flow instruction, or null for the others. */
function controlFlowWord(insn: Insn): string | null {
  switch (insn.kind) {
    case 'ja':
    case 'jmp':
      return 'jump';
    case 'call':
      return 'call';
    case 'ldfunc':
      return 'callback address';
    case 'alu':
    case 'neg':
    case 'ldx':
    case 'stx':
    case 'st':
    case 'lddw':
    case 'helper':
    case 'kfunc':
    case 'exit':
      return null;
    default: {
      const never: never = insn;
      return never;
    }
  }
}

/** Parse the text form. Throws SourceError (file:line:col) on any mistake. */
export function parseProgram(source: string, file = '<input>'): Program {
  const reader = new Reader(file);
  // A UTF-8 byte order mark (some editors write one) is not text: columns count from after it.
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  for (const line of sourceLines(text)) reader.read(line);
  return reader.finish();
}
