/**
 * What the three exporters (selftest, test_verifier, c-array) share: the expectation a reproducer states,
 * the subprogram layout, names that are valid C, C string literals, and the checks that say when a case
 * cannot be written in a form at all. Pure: a Case in, text out; the CLI reads and writes the files.
 */
import { kernelFnByName } from '../bpf/kernel-functions.js';
import type { Insn } from '../bpf/insn.js';
import { layoutOf, subprogsOf, type Subprog } from '../bpf/layout.js';
import type { Program } from '../bpf/program.js';
import type { Case, Expectation, KernelExpectation } from '../corpus/case.js';

/** A case that a form cannot express (a user's input problem: the CLI prints one line, exit code 2). */
export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

/** The export formats, in the order `--help` lists them. */
export type ExportFormat = 'selftest' | 'test_verifier' | 'c-array';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['selftest', 'test_verifier', 'c-array'];
export const isExportFormat = (s: string): s is ExportFormat =>
  (EXPORT_FORMATS as readonly string[]).includes(s);

/** What the exporters take besides the case. */
export interface ExportOptions {
  /** The test's name (a C identifier is made of it): the case file's base name. */
  readonly name: string;
  /** Where the case came from, for the header comment (the path as the user gave it). */
  readonly source: string;
}

/**
 * The verdict a reproducer asserts: the live kernel's when the case records one (it is what upstream runs),
 * else the first model engine's under the program's own profile without quirks (what the model says the
 * kernel should do), else none.
 */
export function statedExpectation(c: Case): Expectation | null {
  const kernel = c.expectations.find((e) => e.engine === 'kernel');
  if (kernel) return kernel;
  const profile = c.options?.profile ?? c.program.profile;
  return (
    c.expectations.find((e) => e.engine !== 'kernel' && e.profile === profile && e.quirks.length === 0) ??
    null
  );
}

/** Who stated the expectation, for a comment: `kernel 6.18.44` or `path-explorer@mainline`. */
export function expectationSource(e: Expectation): string {
  return e.engine === 'kernel' ? `Linux ${e.release}` : `${e.engine}@${e.profile} (model engine)`;
}

/**
 * The one return value a test loader can check, or why there is none. BPF_PROG_TEST_RUN of a syscall
 * program in the selftests' loader passes no ctx (test_loader.c do_prog_test_run: empty opts for
 * BPF_PROG_TYPE_SYSCALL), and bpf_prog_test_run_syscall refuses a ctx shorter than the program's
 * max_ctx_offset: a program that may touch its ctx can only be load-tested there.
 */
export function statedRetval(c: Case): { retval: number } | { why: string } {
  const e = statedExpectation(c);
  if (e === null || e.engine !== 'kernel') return { why: 'no kernel test-run recorded' };
  if (!e.accepted) return { why: 'rejected' };
  if (e.run === 'declined' || e.outcomes.length === 0)
    return { why: 'the kernel engine declined to test-run it' };
  const touches = c.program.insns.some(touchesMemoryOffStack);
  if (touches) return { why: ctxWhy(e) };
  const values = new Set(e.outcomes.map((o) => o.retval));
  if (values.size > 1)
    return { why: `the recorded return values differ per input (${[...values].join(', ')})` };
  return { retval: e.outcomes[0]!.retval };
}

function ctxWhy(e: KernelExpectation): string {
  const o = e.outcomes[0]!;
  return (
    `it accesses memory other than its stack (its ctx), and the test loader runs syscall programs without a ` +
    `ctx; throwfuzz recorded retval ${o.retval} for a ${o.input.length / 2}-byte ctx`
  );
}

/** A load or store whose base is not the frame pointer: it may reach the ctx. */
function touchesMemoryOffStack(insn: Insn): boolean {
  switch (insn.kind) {
    case 'ldx':
      return insn.src !== 10;
    case 'stx':
    case 'st':
      return insn.dst !== 10;
    default:
      return false;
  }
}

/** A return value as the selftests' annotations and test_verifier's `.retval` (an int) read it. */
export function retvalLiteral(retval: number): string {
  return retval <= 0x7fffffff ? `${retval}` : `0x${retval.toString(16)}`;
}

/** The subprograms with their instruction ranges; a program whose functions do not match the kernel's is refused. */
export interface FuncLayout extends Subprog {
  /** Index into Program.insns of the first and one past the last instruction. */
  readonly first: number;
  readonly end: number;
}

/**
 * What the selftest and test_verifier forms start from: a syscall program whose kernel functions the form
 * can name, and its functions' layout (each refusal an ExportError naming the form).
 */
export function syscallLayout(program: Program, form: string): FuncLayout[] {
  if (program.kind !== 'syscall')
    throw new ExportError(
      `cannot be written as ${form}: a .kind ${program.kind} program (only syscall programs)`,
    );
  checkKernelFunctions(program, form);
  return funcLayout(program, form);
}

export function funcLayout(program: Program, form: string): FuncLayout[] {
  const s = subprogsOf(program);
  if (!s.ok) throw new ExportError(`cannot be written as ${form}: ${s.message}`);
  const { insnAt } = layoutOf(program.insns);
  return s.subprogs.map((sp) => ({
    ...sp,
    first: insnAt[sp.startPc]!,
    end: sp.endPc >= insnAt.length - 1 ? program.insns.length : insnAt[sp.endPc]!,
  }));
}

/** Refuse what no kernel loads: the model's instrumentation helpers and kfuncs known only by a number. */
export function checkKernelFunctions(program: Program, form: string): void {
  program.insns.forEach((insn, i) => {
    if (insn.kind === 'helper') {
      const fn = helperIdName(insn.id);
      if (fn === null || kernelFnByName(fn)?.modelOnly)
        throw new ExportError(
          `cannot be written as ${form}: insn ${i} calls ${fn ?? `helper#${insn.id}`}, which only the model's rewrites have`,
        );
    }
    if (insn.kind === 'kfunc' && kernelFnByName(insn.name)?.kind !== 'kfunc')
      throw new ExportError(
        `cannot be written as ${form}: insn ${i} calls kfunc#${insn.btfId}, which has no name`,
      );
  });
}

function helperIdName(id: number): string | null {
  for (const name of [
    'bpf_loop',
    'bpf_get_prandom_u32',
    'bpf_ktime_get_ns',
    'bpf_get_exception',
    'bpf_reset_exception',
  ])
    if (kernelFnByName(name)?.helperId === id) return name;
  return null;
}

/** The name of a helper the model knows (checkKernelFunctions has refused any other). */
export function helperName(id: number): string {
  const name = helperIdName(id);
  if (name === null) throw new Error(`unknown helper ${id}`);
  return name;
}

const C_KEYWORDS = new Set(
  (
    'auto break case char const continue default do double else enum extern float for goto if inline int long ' +
    'register restrict return short signed sizeof static struct switch typedef union unsigned void volatile while ' +
    'asm main'
  ).split(' '),
);

/** A C identifier for a name of the text form (which may hold `.`), kept clear of keywords and kernel names. */
export function cIdent(name: string): string {
  let id = name.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z_]/.test(id)) id = `_${id}`;
  if (C_KEYWORDS.has(id) || kernelFnByName(id) !== undefined) id = `${id}_`;
  return id;
}

/** Distinct C identifiers for names, in order (a later clash gets `_2`, `_3`...). */
export function distinctIdents(names: readonly string[], taken: Iterable<string> = []): string[] {
  const used = new Set(taken);
  return names.map((n) => {
    const base = cIdent(n);
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}_${k}`;
    used.add(id);
    return id;
  });
}

/** A C string literal's body: the text escaped so it reads back the same. */
export function cString(text: string): string {
  return text
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/[\x00-\x1f\x7f]/g, (c) => {
      const code = c.charCodeAt(0);
      if (c === '\n') return '\\n';
      if (c === '\t') return '\\t';
      return `\\x${code.toString(16).padStart(2, '0')}`;
    });
}

/** A comment's text made safe inside `/* ... *\/`. */
export function cComment(text: string): string {
  return text.replace(/\*\//g, '* /');
}

/** The case's description: the first sentence of its head comments (at most 120 characters), or its name. */
export function describeCase(c: Case, name: string): string {
  const head = c.program.notes
    .filter((n) => n.kind === 'line' && n.insn === 0 && n.text !== '')
    .map((n) => n.text)
    .join(' ');
  if (head === '') return name;
  const end = head.search(/[.:](\s|$)/);
  const sentence = end < 0 ? head : head.slice(0, end + 1);
  const text = sentence.replace(/:$/, '');
  return text.length <= 120 ? text : `${text.slice(0, 117)}...`;
}

/** The head comment every form starts with (C comment lines, without the opening and closing). */
export function headerLines(c: Case, opts: ExportOptions, form: string): string[] {
  const e = statedExpectation(c);
  const lines = [
    `${form} of ${opts.source}, exported by throwfuzz.`,
    ...c.program.notes.filter((n) => n.kind === 'line' && n.insn === 0).map((n) => n.text),
  ];
  if (e === null) lines.push('No expectation recorded: the verdict is not asserted.');
  else
    lines.push(
      `Expected (${expectationSource(e)}): ${e.accepted ? 'accepted' : `rejected, ${e.class}: ${e.message}`}`,
    );
  lines.push('Loaded as BPF_PROG_TYPE_SYSCALL with BPF_F_SLEEPABLE, as throwfuzz loads it.');
  return lines.map(cComment);
}
