/**
 * Reading a case file: the program (parseProgram, so every program file is a case without case lines) and
 * its `; case ...` head lines, each checked against its schema (case.ts). A mistake is a SourceError at the
 * file, line and column of the line, the one line the CLI prints with exit code 2.
 */
import type { z } from 'zod';
import { isProfile, isQuirk, type Quirk } from '../bpf/profile.js';
import type { Program } from '../bpf/program.js';
import { quoted, SourceError } from '../bpf/source-error.js';
import { parseProgram } from '../bpf/text/parse.js';
import type { ModelEngineName } from '../engines/contract.js';
import {
  CASE_MODEL_ENGINES,
  caseOptionsSchema,
  expectationKey,
  kernelExpectationSchema,
  modelExpectationSchema,
  provenanceSchema,
  type Case,
  type CaseOptions,
  type Expectation,
  type ModelExpectation,
  type Provenance,
} from './case.js';

/** A comment's text is a case line when its first word is `case`. */
export const CASE_COMMENT = /^case(?:\s|$)/;

interface CaseLine {
  readonly line: number;
  /** Column of the text after `case `. */
  readonly col: number;
  readonly body: string;
}

/** Where a comment starts, as the text form says: `;` anywhere, `#` at the start or after white space. */
function commentStart(raw: string): number {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === ';') return i;
    if (c === '#' && (i === 0 || /\s/.test(raw[i - 1]!))) return i;
  }
  return -1;
}

const LABELS_ONLY = /^(?:[A-Za-z_][A-Za-z0-9_.]*:\s*)+$/;

/**
 * The case lines of a source: comment lines of their own before the first instruction. A case comment on
 * a directive or label line, or after the first instruction, is a mistake (it would not stay where it is).
 */
function caseLines(source: string, file: string): CaseLine[] {
  const out: CaseLine[] = [];
  let seenInsn = false;
  let at = 0;
  for (let line = 1; at <= source.length; line++) {
    const nl = source.indexOf('\n', at);
    const end = nl < 0 ? source.length : nl;
    const raw = source.slice(at, end).replace(/\r$/, '');
    at = end + 1;
    const cut = commentStart(raw);
    const comment = cut < 0 ? null : raw.slice(cut + 1).trim();
    const text = (cut < 0 ? raw : raw.slice(0, cut)).trim();
    const isInsn = text !== '' && !text.startsWith('.') && !LABELS_ONLY.test(text);
    // A comment on an instruction's own line is that instruction's note, whatever it says.
    if (isInsn) seenInsn = true;
    else if (comment !== null && CASE_COMMENT.test(comment)) {
      if (seenInsn) throw new SourceError('case lines go before the first instruction', line, cut + 1, file);
      if (text !== '') throw new SourceError('a case line is a comment line of its own', line, cut + 1, file);
      const skip = raw.slice(cut + 1).search(/case/) + 'case'.length;
      const body = raw.slice(cut + 1 + skip);
      out.push({ line, col: cut + 2 + skip + (body.length - body.trimStart().length), body: body.trim() });
    }
    if (nl < 0) break;
  }
  return out;
}

function json<T>(schema: z.ZodType<T>, text: string, what: string, at: CaseLine, col: number, file: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new SourceError(`${what}: not JSON (${(e as Error).message})`, at.line, col, file);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new SourceError(`${what}: ${path}${issue.message}`, at.line, col, file);
  }
  return parsed.data;
}

/** `kernel`, or `ENGINE@PROFILE[+QUIRK...]`. */
function expectation(at: CaseLine, rest: string, col: number, file: string): Expectation {
  const space = rest.search(/\s/);
  const key = space < 0 ? rest : rest.slice(0, space);
  const body = space < 0 ? '' : rest.slice(space).trimStart();
  const bodyCol = col + rest.length - body.length;
  const bad = (message: string): never => {
    throw new SourceError(message, at.line, col, file);
  };
  if (key === 'kernel') {
    const e = json(kernelExpectationSchema, body, 'case expect kernel', at, bodyCol, file);
    return { engine: 'kernel', ...e };
  }
  const [engine, profileAndQuirks] = key.split('@', 2) as [string, string | undefined];
  if (!(CASE_MODEL_ENGINES as string[]).includes(engine))
    bad(`unknown engine ${quoted(engine)} (engines: kernel, ${CASE_MODEL_ENGINES.join(', ')})`);
  if (profileAndQuirks === undefined) return bad(`case expect ${key}: name the profile (${engine}@mainline)`);
  const [profile, ...quirks] = profileAndQuirks.split('+');
  if (!isProfile(profile!)) return bad(`unknown profile ${quoted(profile!)}`);
  for (const q of quirks) if (!isQuirk(q)) bad(`unknown quirk ${quoted(q)}`);
  const e = json(modelExpectationSchema, body, `case expect ${key}`, at, bodyCol, file);
  return { engine: engine as ModelEngineName, profile, quirks: quirks as Quirk[], ...e } as ModelExpectation;
}

const KEYWORDS = ['provenance', 'options', 'expect', 'note'] as const;

/** Read a case file (or any program file: a case with nothing but its program). */
export function readCase(source: string, file = '<input>'): Case {
  const parsed = parseProgram(source, file);
  const lines = caseLines(source, file);
  let provenance: Provenance | null = null;
  let options: CaseOptions | null = null;
  const expectations: Expectation[] = [];
  const keys = new Set<string>();
  const notes: string[] = [];
  for (const at of lines) {
    const space = at.body.search(/\s/);
    const keyword = space < 0 ? at.body : at.body.slice(0, space);
    const rest = space < 0 ? '' : at.body.slice(space).trimStart();
    const restCol = at.col + at.body.length - rest.length;
    const once = (done: boolean): void => {
      if (done) throw new SourceError(`a second case ${keyword} line`, at.line, at.col, file);
    };
    switch (keyword) {
      case 'provenance':
        once(provenance !== null);
        provenance = json(provenanceSchema, rest, 'case provenance', at, restCol, file);
        break;
      case 'options':
        once(options !== null);
        options = json(caseOptionsSchema, rest, 'case options', at, restCol, file);
        break;
      case 'expect': {
        const e = expectation(at, rest, restCol, file);
        const key = expectationKey(e);
        if (keys.has(key)) throw new SourceError(`a second case expect ${key} line`, at.line, at.col, file);
        keys.add(key);
        expectations.push(e);
        break;
      }
      case 'note':
        notes.push(rest);
        break;
      default:
        throw new SourceError(
          keyword === ''
            ? `a case line needs a keyword (${KEYWORDS.join(', ')})`
            : `unknown case line ${quoted(keyword)} (${KEYWORDS.join(', ')})`,
          at.line,
          at.col,
          file,
        );
    }
  }
  // The case lines are the program's notes at its head; what is left are the person's own comments.
  const program: Program =
    lines.length === 0
      ? parsed
      : {
          ...parsed,
          notes: parsed.notes.filter((n) => !(n.kind === 'line' && n.insn === 0 && CASE_COMMENT.test(n.text))),
        };
  return { program, provenance, options, expectations, note: notes.length > 0 ? notes.join('\n') : null };
}
