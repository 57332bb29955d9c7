/** The text form and codec on hostile or unusual input (the Hardening issue, items 2, 7 and 14). */
import { describe, expect, it } from 'vitest';
import { decode, encode, fromHex } from '../../src/bpf/codec.js';
import {
  MAX_ECHO_CHARS,
  MAX_INSNS,
  MAX_LINES,
  MAX_RAW_BYTES,
  MAX_STATEMENT_CHARS,
} from '../../src/bpf/limits.js';
import { makeProgram } from '../../src/bpf/program.js';
import { SourceError } from '../../src/bpf/source-error.js';
import { parseProgram } from '../../src/bpf/text/parse.js';
import { printProgram } from '../../src/bpf/text/print.js';

function errorOf(text: string): string {
  try {
    parseProgram(text, 'bad.s');
  } catch (e) {
    if (e instanceof SourceError) return e.format();
    throw e;
  }
  throw new Error('parsed without error');
}

describe('a UTF-8 byte order mark', () => {
  it('is not part of the first line: columns count from the first real character', () => {
    expect(errorOf('\uFEFFfrob\nexit\n')).toBe("bad.s:1:1: unknown instruction 'frob'");
    expect(errorOf('\uFEFFr0 = r12\nexit\n')).toBe("bad.s:1:6: unknown register 'r12'");
  });
  it('does not stop a program from parsing', () => {
    expect(parseProgram('\uFEFFr0 = 0\nexit\n')).toEqual(parseProgram('r0 = 0\nexit\n'));
  });
});

describe('echoed tokens are printable and short', () => {
  const oneLine = (s: string): void => {
    expect(s).not.toMatch(/[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffd]/);
  };
  it('escapes control bytes as \\xNN', () => {
    const e = errorOf('r0\x00x = 1\nexit\n');
    oneLine(e);
    expect(e).toBe("bad.s:1:1: unknown instruction 'r0\\x00x'");
  });
  it('escapes invisible and replacement characters as \\u{...}', () => {
    const e = errorOf('call \u202efoo\ufffd\nexit\n');
    oneLine(e);
    expect(e).toContain('\\u{202e}');
    expect(e).toContain('\\u{fffd}');
  });
  it('escapes a terminal escape sequence', () => {
    const e = errorOf('frob\x1b[31mred\nexit\n');
    oneLine(e);
    expect(e).toBe("bad.s:1:1: unknown instruction 'frob\\x1b[31mred'");
  });
  it('cuts a long token to MAX_ECHO_CHARS characters', () => {
    const e = errorOf(`${'x'.repeat(1000)} = 1\nexit\n`);
    expect(e.length).toBeLessThan(MAX_ECHO_CHARS + 60);
    expect(e).toBe(`bad.s:1:1: unknown instruction '${'x'.repeat(MAX_ECHO_CHARS)}...'`);
  });
  it('refuses a line longer than MAX_STATEMENT_CHARS before its comment, but not a long comment', () => {
    expect(errorOf(`r0 = 0\n  r0 = ${'0'.repeat(MAX_STATEMENT_CHARS)}\nexit\n`)).toBe(
      `bad.s:2:3: line longer than ${MAX_STATEMENT_CHARS} characters before its comment`,
    );
    expect(parseProgram(`exit ; ${')('.repeat(1_000_000)}\n`).notes).toHaveLength(1);
  });
  it('a huge line that starts like a log prefix is one error, not a regex stack overflow', () => {
    expect(errorOf(`0: ${'.'.repeat(10_000_000)}\n`)).toBe(
      `bad.s:1:1: line longer than ${MAX_STATEMENT_CHARS} characters before its comment`,
    );
  });
  it('escapes the file name too', () => {
    try {
      parseProgram('frob\n', 'a\nb.s');
      expect.unreachable();
    } catch (e) {
      expect((e as SourceError).format()).toBe("a\\x0ab.s:1:1: unknown instruction 'frob'");
    }
  });
});

describe('names, targets and calls', () => {
  it('a second .func of the same name is a duplicate function, at the second .func', () => {
    expect(errorOf('r0 = 0\nexit\n.func f static\nexit\n.func f static\nexit\n')).toBe(
      "bad.s:5:7: duplicate function 'f' (first at line 3)",
    );
  });
  it('a label and a function of the same name say which is which', () => {
    expect(errorOf('f:\nr0 = 0\nexit\n.func f static\nexit\n')).toBe(
      "bad.s:4:7: function 'f' has the name of the label at line 1",
    );
    expect(errorOf('r0 = 0\nexit\n.func f static\nf:\nexit\n')).toBe(
      "bad.s:4:1: label 'f' has the name of the function at line 3",
    );
  });
  it('a call out of range says call, not jump', () => {
    expect(errorOf('call pc+100\nexit\n')).toBe('bad.s:1:1: call out of range from insn 0 to 101');
    expect(errorOf('r2 = pc+100 ll\nexit\n')).toBe(
      'bad.s:1:1: callback address out of range from insn 0 to 101',
    );
    expect(errorOf('call pc+1\nr1 = 5 ll\nexit\n')).toBe(
      'bad.s:1:1: call from insn 0 into the middle of the ld_imm64 at 1',
    );
  });
  it('a call reaches further than a jump: its offset is 32 bits', () => {
    const far = 40_000;
    const text = `call pc+${far}\nexit\n${'r0 = 0\n'.repeat(far - 1)}exit\n`;
    const p = parseProgram(text);
    expect(p.insns[0]).toEqual({ kind: 'call', off: far });
  });
});

describe('the instruction limit of a text program', () => {
  it(`accepts ${MAX_INSNS} slots and refuses the first instruction past them`, () => {
    const ok = 'r0 = 0\n'.repeat(MAX_INSNS - 1) + 'exit\n';
    expect(parseProgram(ok).insns).toHaveLength(MAX_INSNS);
    expect(errorOf('r0 = 0\n'.repeat(MAX_INSNS) + '  exit\n')).toBe(
      `bad.s:${MAX_INSNS + 1}:3: more than ${MAX_INSNS} instructions (the input limit, twice the kernel's)`,
    );
    // An ld_imm64 takes two slots: one that ends past the limit is the first one past it.
    expect(errorOf('r0 = 0\n'.repeat(MAX_INSNS - 1) + 'r1 = 1 ll\nexit\n')).toBe(
      `bad.s:${MAX_INSNS}:1: more than ${MAX_INSNS} instructions (the input limit, twice the kernel's)`,
    );
  });
  it(`refuses more than ${MAX_LINES} lines, even of comments`, () => {
    expect(errorOf('exit\n' + ';\n'.repeat(MAX_LINES))).toBe(
      `bad.s:${MAX_LINES + 1}:1: more than ${MAX_LINES} lines`,
    );
  });
  it('decode refuses more than the limit in bytes', () => {
    const bytes = new Uint8Array(MAX_RAW_BYTES + 8);
    expect(() => decode(bytes)).toThrow(`larger than ${MAX_RAW_BYTES} bytes`);
  });
});

describe('kfunc ids outside the model', () => {
  const kernelThrowId = 65979;
  const kernel = (id: number): string | undefined => (id === kernelThrowId ? 'bpf_throw' : undefined);

  it('decode names an id the caller resolves, and keeps the id', () => {
    const bytes = encode([{ kind: 'kfunc', name: 'bpf_throw', btfId: kernelThrowId }]);
    expect(decode(bytes, { kfuncName: kernel })).toEqual([
      { kind: 'kfunc', name: 'bpf_throw', btfId: kernelThrowId },
    ]);
  });

  it('an id nobody knows decodes as kfunc#N, prints, parses back and encodes to the same bytes', () => {
    const bytes = encode(parseProgram('call bpf_throw#66008\nexit\n').insns);
    const insns = decode(bytes, { kfuncName: kernel });
    expect(insns[0]).toEqual({ kind: 'kfunc', name: 'kfunc', btfId: 66008 });
    const text = printProgram(makeProgram(insns));
    expect(text).toBe('    call kfunc#66008\n    exit\n');
    expect(parseProgram(text).insns).toEqual(insns);
    expect(encode(parseProgram(text).insns)).toEqual(bytes);
    expect(decode(bytes)).toEqual(insns);
  });

  it('a name the caller gives that the model does not know is still kfunc#N (it must parse back)', () => {
    const bytes = encode([{ kind: 'kfunc', name: 'kfunc', btfId: 7 }]);
    expect(decode(bytes, { kfuncName: () => 'bpf_obj_new_impl' })).toEqual([
      { kind: 'kfunc', name: 'kfunc', btfId: 7 },
    ]);
  });

  it('kfunc without an id is not a kfunc call (it is a call to a function of that name)', () => {
    expect(errorOf('call kfunc\nexit\n')).toBe("bad.s:1:6: unknown function 'kfunc'");
    expect(errorOf('call kfunc#0\nexit\n')).toBe('bad.s:1:6: invalid BTF id 0');
  });
});

describe('hex', () => {
  it('takes a 0x prefix on each group and white space anywhere', () => {
    expect(fromHex('0xb700000005000000')).toEqual(fromHex('b700000005000000'));
    expect(fromHex('  0xb700000005000000\n 0X9500000000000000 \n')).toEqual(
      fromHex('b7000000050000009500000000000000'),
    );
    expect(fromHex('0xb7 0x00 00 00 05 00 00 00')).toEqual(fromHex('b700000005000000'));
  });
  it('still refuses a 0x in the middle of a group, and escapes what it echoes', () => {
    expect(() => fromHex('b70x0000')).toThrow("invalid hex digit 'x' at position 4");
    expect(() => fromHex('b7\x01')).toThrow("invalid hex digit '\\x01' at position 3");
  });
});

describe('fmt keeps the label a jump names', () => {
  it('a jump to a label at a function start prints the label; a call prints the function', () => {
    const text = [
      '    call f',
      '    exit',
      '.func f static',
      'entry:',
      '    r0 = 0',
      '    if r0 == 0x0 goto entry',
      '    goto entry',
      '    exit',
      '',
    ].join('\n');
    expect(printProgram(parseProgram(text))).toBe(text);
  });
  it('a callback address names the function', () => {
    const text = [
      '    r2 = f ll',
      '    exit',
      '.func f static',
      'top:',
      '    goto top',
      '    r0 = 0',
      '    exit',
      '',
    ].join('\n');
    expect(printProgram(parseProgram(text))).toBe(text);
  });
});
