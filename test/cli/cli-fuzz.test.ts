/**
 * The command line on arbitrary input: random bytes, random text lines, and near-valid programs (lines of
 * the corpus, mutated) go to `fmt`, `decode` (hex and --file) and `check --engine path-explorer`, run
 * in-process. Whatever the input, the CLI ends with 0, 1 or 2, says a bad input in one line, never shows
 * a stack trace or an error class, and finishes (a bound on hangs, not a speed test).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encode } from '../../src/bpf/codec.js';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { readFileBounded, writeFileAtomic, type Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/** One run seed; each property's seed derives from it, so every CI run sees the same inputs. */
const RUN_SEED = 0x7f3a_2c11;
const params = (k: number, numRuns: number) => ({ seed: RUN_SEED + k, numRuns });
/** Per input: bounds a hang or a blow-up (the inputs are small; ordinary runs take milliseconds). */
const BOUND_MS = 2000;

const root = join(import.meta.dirname, '../..');
const corpusPrograms = ['corpus/examples', 'corpus/kernel', 'corpus/selftests'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.s'))
    .sort()
    .map((f) => readFileSync(join(root, dir, f), 'utf8')),
);
const corpusLines = [...new Set(corpusPrograms.flatMap((p) => p.split('\n')))].sort();

/** Tokens that sit on the edges of what the text form accepts. */
const TOKENS = [
  ...['r0', 'r1', 'r10', 'r11', 'w0', 'w10', 'w11', 'pc', 'r01', 'r1x'],
  ...['0', '-1', '1x', '0x7fffffff', '0x80000000', '0xffffffff', '0x100000000', '-2147483649'],
  ...['32767', '-32768', '40000', '99999999999999999999999', '0x1ffffffffffffffff', '0x', '--1'],
  ...['pc+0', 'pc-1', 'pc+1', '+100', '-100', 'pc+32767', 'pc-32769', 'pc+2147483647'],
  ...['bpf_throw', 'bpf_throw#66008', 'bpf_throw#0', 'kfunc#1', 'kfunc#0', 'kfunc', 'bpf_loop#12'],
  ...['bpf_rcu_read_lock', 'bpf_cpumask_create', 'bpf_get_exception', 'helper#5'],
  ...['call', 'goto', 'if', 'exit', 'll', '.func', '.ctx', '.input', '.kind', '.profile', 'static', 'global'],
  ...['args=5', 'args=6', 'ctx=00', 'ctx=zz', '0', '65536', 'ext', 'fexit', 'rfc'],
  ...['*(u64 *)(r10 -8)', '*(u8 *)(r1 +0)', '*(u128 *)(r10 -8)', '*(u32 *)(r10 -40000)'],
  ...['=', '+=', 's>>=', '==', 's<', '&', '<>', ';', '#', ':', 'main', 'entry:', 'out', 'f:'],
  ...['\uFEFF', '\x00', '\x1b[31m', '\r', '\u202e', '\ud800', '\ufffd', 'é'],
];

const anyChars = fc.string({ unit: 'binary', maxLength: 60 });
const anyLine = fc.oneof(anyChars, fc.constantFrom(...corpusLines), fc.string({ maxLength: 60 }));

type Edit =
  | { kind: 'token'; line: number; at: number; token: string }
  | { kind: 'insert'; line: number; at: number; text: string }
  | { kind: 'cut'; line: number; at: number; length: number }
  | { kind: 'line'; line: number; text: string }
  | { kind: 'drop'; line: number }
  | { kind: 'dup'; line: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('token' as const),
    line: fc.nat(),
    at: fc.nat(),
    token: fc.constantFrom(...TOKENS),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    line: fc.nat(),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...TOKENS), anyChars),
  }),
  fc.record({
    kind: fc.constant('cut' as const),
    line: fc.nat(),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 8 }),
  }),
  fc.record({ kind: fc.constant('line' as const), line: fc.nat(), text: anyLine }),
  fc.record({ kind: fc.constant('drop' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('dup' as const), line: fc.nat() }),
);

function applyEdit(lines: string[], e: Edit): string[] {
  const out = [...lines];
  const i = e.line % Math.max(1, out.length);
  const line = out[i] ?? '';
  switch (e.kind) {
    case 'token': {
      const words = line.split(/(\s+)/);
      const w = (e.at % Math.max(1, Math.ceil(words.length / 2))) * 2;
      words[w] = e.token;
      out[i] = words.join('');
      break;
    }
    case 'insert': {
      const at = e.at % (line.length + 1);
      out[i] = line.slice(0, at) + e.text + line.slice(at);
      break;
    }
    case 'cut': {
      const at = e.at % (line.length + 1);
      out[i] = line.slice(0, at) + line.slice(at + e.length);
      break;
    }
    case 'line':
      out.splice(i, 0, e.text);
      break;
    case 'drop':
      out.splice(i, 1);
      break;
    case 'dup':
      out.splice(i, 0, line);
      break;
    default: {
      const never: never = e;
      return never;
    }
  }
  return out;
}

/** A corpus program with a few edits: mostly near-valid, so it reaches the parser's corners and engines. */
const mutatedProgram = fc
  .tuple(fc.constantFrom(...corpusPrograms), fc.array(edit, { minLength: 1, maxLength: 3 }))
  .map(([text, edits]) => edits.reduce(applyEdit, text.split('\n')).join('\n'));
const randomText = fc.array(anyLine, { maxLength: 30 }).map((lines) => lines.join('\n'));
const programText = fc.oneof(
  { weight: 3, arbitrary: mutatedProgram },
  { weight: 1, arbitrary: randomText },
  { weight: 1, arbitrary: anyChars },
);
const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
const fileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  programText.map(utf8),
  fc.uint8Array({ maxLength: 400 }).map((b) => utf8(Buffer.from(b).toString('hex'))),
);

/** The input file of a run: served from memory; every other path (the kernel's BTF) is the real one. */
const INPUT = '/fuzz/input';
let input: Uint8Array = new Uint8Array();
let stdout = '';
let stderr = '';
const io: Io = {
  stdout: (t) => (stdout += t),
  stderr: (t) => (stderr += t),
  readFile: (path, maxBytes) =>
    path === INPUT
      ? Promise.resolve(Buffer.from(input.subarray(0, maxBytes + 1)))
      : readFileBounded(path, maxBytes),
  writeFile: writeFileAtomic,
  isTty: false,
};

const ONE_LINE = /^[^\x00-\x1f\x7f-\x9f\u2028\u2029]*\n$/;
const STACK_LINE = /^\s+at /m;
const ERROR_CLASS = /\b(?:Range|Type|Reference|Syntax|Eval|URI|Aggregate|Internal)Error\b|^Error:|\bError: /m;

/** Run one command on one input and check what any run must satisfy. */
async function runChecked(argv: readonly string[], data: Uint8Array = new Uint8Array()): Promise<number> {
  input = data;
  stdout = '';
  stderr = '';
  const started = performance.now();
  const code = await main(argv, io);
  const elapsed = performance.now() - started;
  const what = `${argv.join(' ')} (stderr: ${JSON.stringify(stderr.slice(0, 300))})`;
  expect([0, 1, 2], what).toContain(code);
  if (code === 2) {
    // One line a terminal shows as one line: no other line break, no control character (\r, ESC...).
    expect(stderr, what).toMatch(ONE_LINE);
  }
  for (const out of [stdout, stderr]) {
    expect(out, what).not.toMatch(STACK_LINE);
    expect(out, what).not.toMatch(ERROR_CLASS);
  }
  expect(elapsed, what).toBeLessThan(BOUND_MS);
  return code;
}

describe('the CLI on arbitrary input (fuzz, deterministic seeds)', () => {
  it('fmt', async () => {
    const codes = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fileBytes, async (data) => {
        codes.add(await runChecked(['fmt', INPUT], data));
      }),
      params(1, 400),
    );
    // The inputs reach both ends: programs that print and programs that are refused.
    expect([...codes].sort()).toEqual([0, 2]);
  });

  it('decode HEX', async () => {
    const hexArg = fc.oneof(
      fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('hex')),
      fc
        .tuple(fc.array(fc.uint8Array({ minLength: 8, maxLength: 8 }), { maxLength: 20 }), fc.boolean())
        .map(([insns, prefix]) =>
          insns.map((b) => (prefix ? '0x' : '') + Buffer.from(b).toString('hex')).join(prefix ? ' ' : '\n'),
        ),
      anyChars,
    );
    await fc.assert(
      fc.asyncProperty(hexArg, async (hex) => {
        // `--` so that input starting with '-' is data, as a user would pass it.
        await runChecked(['decode', '--', hex]);
      }),
      params(2, 400),
    );
  });

  it('decode --file', async () => {
    // Corpus programs encoded, with a few bytes changed, as raw bytes or as hex.
    const encoded = fc
      .tuple(
        fc.constantFrom(...corpusPrograms.map((text) => encode(parseProgram(text).insns))),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
        fc.boolean(),
      )
      .map(([bytes, changes, asHex]) => {
        const out = Uint8Array.from(bytes);
        for (const [at, value] of changes) out[at % out.length] = value;
        return asHex ? utf8(Buffer.from(out).toString('hex')) : out;
      });
    const codes = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fileBytes, encoded), async (data) => {
        codes.add(await runChecked(['decode', '--file', INPUT], data));
      }),
      params(3, 300),
    );
    expect([...codes].sort()).toEqual([0, 2]);
  });

  it('check --engine path-explorer', async () => {
    // Mostly one edit away from a corpus program, so that most inputs parse and reach the engine.
    const oneEdit = fc
      .tuple(fc.constantFrom(...corpusPrograms), edit)
      .map(([text, e]) => applyEdit(text.split('\n'), e).join('\n'));
    const checkedText = fc.oneof({ weight: 4, arbitrary: oneEdit }, { weight: 1, arbitrary: programText });
    const codes = new Map<number, number>();
    const verdicts = new Set<string>();
    await fc.assert(
      fc.asyncProperty(checkedText, async (text) => {
        const code = await runChecked(['check', '--engine', 'path-explorer', INPUT], utf8(text));
        codes.set(code, (codes.get(code) ?? 0) + 1);
        if (code === 0) verdicts.add(/path-explorer: (\w+)/.exec(stdout)?.[1] ?? stdout);
      }),
      params(4, 500),
    );
    // Both ends again, and a fair share of the inputs got past the parser to the engine's verdicts.
    expect([...codes.keys()].sort()).toEqual([0, 2]);
    expect(codes.get(0)).toBeGreaterThan(100);
    // Every verdict is one of the three answers (`not applicable` for programs outside the fragment), and
    // both real verdicts were reached.
    expect([...verdicts].filter((v) => !['accepted', 'rejected', 'not'].includes(v))).toEqual([]);
    expect(verdicts).toContain('accepted');
    expect(verdicts).toContain('rejected');
  });
});
