import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyKernelMessage } from '../../../src/engines/kernel/classify.js';
import type { KernelClass } from '../../../src/engines/kernel/kernel-result.js';
import { parseVerifierLog } from '../../../src/engines/kernel/verifier-log.js';

const fixture = (name: string): string =>
  readFileSync(join(import.meta.dirname, 'fixtures/logs', name), 'utf8');

/** Real logs (fixtures/README.md): message, class and processed count as the engine must read them. */
const REAL: readonly [
  file: string,
  message: string | null,
  cls: KernelClass | null,
  processed: number | null,
][] = [
  ['ref-held-at-throw.level1.log', 'bpf_throw would lead to reference leak', 'ref-leak', 5],
  ['ref-held-at-throw.level2.log', 'bpf_throw would lead to reference leak', 'ref-leak', 5],
  [
    'ref-leak-at-exit.level1.log',
    'BPF_EXIT instruction in main prog would lead to reference leak',
    'ref-leak',
    4,
  ],
  [
    'rcu-open-at-exit.level1.log',
    'BPF_EXIT instruction in main prog cannot be used inside bpf_rcu_read_lock-ed region',
    'region-open',
    3,
  ],
  [
    'preempt-open-at-throw.level1.log',
    'bpf_throw cannot be used inside bpf_preempt_disable-ed region',
    'region-open',
    3,
  ],
  [
    'throw-in-loop-callback.level1.log',
    'bpf_throw kfunc (insn 9) cannot be called from callback subprog 1',
    'throw-in-callback',
    9,
  ],
  ['recursion.level1.log', 'the call stack of 9 frames is too deep', 'call-depth', 8],
  [
    'func-info-mismatch.level1.log',
    "number of funcs in func_info doesn't match number of subprogs",
    'structure',
    0,
  ],
  ['last-insn-not-exit.level1.log', 'last insn is not an exit or jmp', 'structure', 0],
  ['callback-global.level1.log', 'callback function not static', 'structure', 2],
  ['maybe-null-release.level1.log', 'Possibly NULL pointer passed to trusted arg0', 'bad-arg', 3],
  ['double-release.level1.log', 'R1 type=scalar expected=fp', 'bad-arg', 7],
  ['global-pointer-arg.level1.log', "Caller passes invalid args into func#1 ('g')", 'bad-arg', 1],
  [
    'loop-callback-bad-return.level1.log',
    'At callback return the register R0 has smin=2 smax=2 should have been in [0, 1]',
    'bad-return',
    9,
  ],
  ['stack-combined.level1.log', 'combined stack size of 2 calls is 608. Too large', 'stack', 9],
  ['stack-oob.level1.log', 'invalid write to stack R10 off=-520 size=8', 'stack', 2],
  ['ctx-modified.level1.log', 'dereference of modified ctx ptr R1 off=8 disallowed', 'bad-access', 2],
  ['r0-uninit.level1.log', 'R0 !read_ok', 'uninit', 1],
  ['unknown-helper.level1.log', 'invalid func unknown#32766', 'unsupported', 1],
  // is_state_visited prints both states after the message: they are skipped.
  ['infinite-loop.level1.log', 'infinite loop detected at insn 1', 'too-complex', 10],
  ['loop-ctx-as-count.level1.log', 'verifier bug: backtracking misuse', 'verifier-bug', 4],
  [
    'loop-zero-in-static.level1.log',
    'verifier bug: No program to jit at insn 29 (subprog < 0)',
    'verifier-bug',
    10,
  ],
  ['too-complex.level1.tail.log', 'BPF program is too large. Processed 1000001 insn', 'too-complex', 1000001],
  // Accepted programs: the log (level 1) is the count alone, or (level 2) ends with the last instruction.
  ['throw-main-cookie.level1.log', null, null, 3],
];

describe('verifier log parsing on real logs', () => {
  for (const [file, message, cls, processed] of REAL) {
    it(file, () => {
      const parsed = parseVerifierLog(fixture(file));
      expect(parsed.message).toBe(message);
      expect(parsed.insnsProcessed).toBe(processed);
      if (cls !== null) expect(classifyKernelMessage(parsed.message!)).toBe(cls);
      expect(parsed.tail.at(-1)).toMatch(/^processed \d+ insns /);
    });
  }

  it('keeps the tail up to the processed line, Unreleased reference included', () => {
    const { tail } = parseVerifierLog(fixture('ref-held-at-throw.level1.log'), 3);
    expect(tail).toEqual([
      'Unreleased reference id=2 alloc_insn=0',
      'bpf_throw would lead to reference leak',
      'processed 5 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0',
    ]);
  });

  it('reads a level-2 log of an accepted program: the count, and a last line that is no message', () => {
    const parsed = parseVerifierLog(fixture('throw-global-subprog.level2.log'));
    expect(parsed.insnsProcessed).toBe(9);
  });
});

describe('verifier log parsing, edge cases', () => {
  it('an empty log has no message and no count', () => {
    expect(parseVerifierLog('')).toEqual({ message: null, insnsProcessed: null, tail: [] });
  });

  it('without a processed line the message is the last line (errors before do_check)', () => {
    expect(parseVerifierLog('func#0 @0\nlast insn is not an exit or jmp\n')).toMatchObject({
      message: 'last insn is not an exit or jmp',
      insnsProcessed: null,
    });
  });
});

describe('message classes', () => {
  it.each<[string, KernelClass]>([
    ['Unreleased reference id=4 alloc_insn=12', 'ref-leak'],
    ['bpf_rcu_read_unlock is missing', 'region-open'],
    ['bpf_preempt_enable is missing', 'region-open'],
    ['nested rcu read lock (kernel function bpf_rcu_read_lock)', 'region-misuse'],
    ['unmatched rcu read unlock (kernel function bpf_rcu_read_unlock)', 'region-misuse'],
    ['unmatched attempt to enable preemption (kernel function bpf_preempt_enable)', 'region-misuse'],
    ['invalid read from stack R3 off=8 size=1', 'bad-access'],
    ['invalid read from stack R1 off=-8 size=40', 'bad-access'],
    ['invalid write to stack R10 off=-512 size=8', 'bad-access'],
    ['invalid write to stack R10 off=-520 size=8', 'stack'],
    ['At subprogram exit the register R0 is not a scalar value (fp)', 'bad-return'],
    ['R1 is not a scalar', 'bad-arg'],
    ['release kernel function bpf_cpumask_release expects refcounted PTR_TO_BTF_ID', 'bad-arg'],
    ['R2 type=scalar expected=func', 'bad-arg'],
    ['frame pointer is read only', 'bad-access'],
    ['R0 not a scalar value', 'bad-return'],
    ['cannot return stack pointer to the caller', 'bad-return'],
    ['invalid size of register fill', 'bad-access'],
    ['invalid size of register spill', 'bad-access'],
    ['invalid shift 64', 'bad-access'],
    ['misaligned stack access off 0+0+-4 size 8', 'bad-access'],
    ["R0 invalid mem access 'ptr_or_null_'", 'bad-access'],
    ['math between ctx pointer and register with unbounded min value is not allowed', 'bad-access'],
    ['R1 pointer arithmetic with *= operator prohibited', 'bad-access'],
    ['invalid variable-offset read from stack R3 var_off=(0x0; 0xff) off=-8 size=1', 'bad-access'],
    ['R6 !read_ok', 'uninit'],
    ['unreachable insn 2', 'structure'],
    ['jump out of range from insn 3 to 9', 'structure'],
    ['The sequence of 8193 jumps is too complex.', 'too-complex'],
    ['too many subprograms', 'structure'],
    ['too many insns: 1000001 (limit 1000000; bpf_prog_load answers E2BIG with no log)', 'too-complex'],
    ['Cannot attach throwing extension to main subprog', 'attach'],
    ['something the kernel has never said', 'unclassified'],
  ])('%s → %s', (message, cls) => {
    expect(classifyKernelMessage(message)).toBe(cls);
  });
});
