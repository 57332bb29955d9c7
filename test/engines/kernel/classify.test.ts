/**
 * The classifier on the verifier's messages that fragment programs reach (ALU and pointer arithmetic,
 * loads and stores on ctx and stack, kfunc and helper arguments, calls, exits), one row per rule. Rows
 * marked `live` are messages Linux 6.18.44 printed here for programs in corpus/kernel or written while
 * sweeping kernel/bpf/verifier.c; the others are the kernel's format strings filled in by hand, for paths
 * a privileged loader of the fragment does not take but a rule still covers.
 */
import { describe, expect, it } from 'vitest';
import { classifyKernelMessage } from '../../../src/engines/kernel/classify.js';
import type { KernelClass } from '../../../src/engines/kernel/kernel-result.js';
import { kernelExpectation, loadCases } from '../../corpus/cases.js';

const RULES: readonly [message: string, cls: KernelClass, source: 'live' | 'format'][] = [
  // check_max_stack_depth_subprog (static walk) and setup_func_entry (do_check)
  ['the call stack of 8 frames is too deep !', 'call-depth', 'live'],
  ['the call stack of 9 frames is too deep', 'call-depth', 'live'],
  // check_stack_write_fixed_off
  ['cannot spill pointers to stack into stack frame of the caller', 'bad-access', 'live'],
  // adjust_reg_min_max_vals, adjust_ptr_min_max_vals, check_reg_sane_offset
  ['R1 subtraction from stack pointer prohibited', 'bad-access', 'live'],
  ['R2 tried to subtract pointer from scalar', 'bad-access', 'live'],
  ['R1 bitwise operator &= on pointer prohibited', 'bad-access', 'live'],
  ['R1 bitwise operator |= on pointer prohibited', 'bad-access', 'live'],
  ['R1 bitwise operator ^= on pointer prohibited', 'bad-access', 'live'],
  ['R1 pointer arithmetic with s>>= operator prohibited', 'bad-access', 'live'],
  ['R1 pointer arithmetic with <<= operator prohibited', 'bad-access', 'live'],
  ['R2 pointer += pointer prohibited', 'bad-access', 'live'],
  ['R2 pointer &= pointer prohibited', 'bad-access', 'live'],
  ['R1 32-bit pointer arithmetic prohibited', 'bad-access', 'live'],
  ['R0 pointer arithmetic on ptr_or_null_ prohibited, null-check it first', 'bad-access', 'live'],
  ['math between ctx pointer and 536870912 is not allowed', 'bad-access', 'live'],
  ['math between ctx pointer and -536870912 is not allowed', 'bad-access', 'live'],
  ['math between fp pointer and register with unbounded min value is not allowed', 'bad-access', 'live'],
  ['fp pointer offset 536870912 is not allowed', 'bad-access', 'live'],
  ['ctx pointer offset 805306368 is not allowed', 'bad-access', 'live'],
  ['value 536870912 makes ctx pointer be out of bounds', 'bad-access', 'live'],
  ['value -536870912 makes ctx pointer be out of bounds', 'bad-access', 'live'],
  ['R1 pointer arithmetic prohibited', 'bad-access', 'format'],
  ['R1 partial copy of pointer', 'bad-access', 'format'],
  ['R1 sign-extension part of pointer', 'bad-access', 'format'],
  [
    'R2 has unknown scalar with mixed signed bounds, pointer arithmetic with it prohibited for !root',
    'bad-access',
    'format',
  ],
  ['R1 stack pointer arithmetic goes out of range, prohibited for !root; off=8', 'bad-access', 'format'],
  // check_alu_op
  ['div by zero', 'bad-access', 'live'],
  ['invalid shift 40', 'bad-access', 'live'],
  ['invalid BPF_ALU opcode f0', 'unsupported', 'format'],
  ['BPF_ALU uses reserved fields', 'structure', 'format'],
  ['BPF_MOV uses reserved fields', 'structure', 'format'],
  // __check_ptr_off_reg, via check_mem_access and check_func_arg_reg_off
  ['negative offset ctx ptr R1 off=-8 disallowed', 'bad-access', 'live'],
  ['negative offset ctx ptr R1 off=-3 disallowed', 'bad-access', 'live'],
  ['dereference of modified ctx ptr R1 off=8 disallowed', 'bad-access', 'live'],
  ['dereference of modified func ptr R2 off=8 disallowed', 'bad-access', 'live'],
  ['variable ctx access var_off=(0x0; 0xff) disallowed', 'bad-access', 'live'],
  ['variable ? access var_off=(0x0; 0xffffffffffffffff) disallowed', 'bad-access', 'live'],
  // check_mem_access, check_stack_access_within_bounds, check_mem_region_access
  ["R1 invalid mem access 'func'", 'bad-access', 'live'],
  ["R0 invalid mem access 'ptr_or_null_'", 'bad-access', 'live'],
  ['invalid read from stack R1 off=-8 size=40', 'bad-access', 'live'],
  ['invalid read from stack R1 off=-520 size=40', 'stack', 'live'],
  ['invalid unbounded variable-offset write to stack R2', 'bad-access', 'format'],
  [
    'invalid variable-offset indirect access to stack R3 var_off=(0x0; 0xff) off=-8 size=8',
    'bad-access',
    'format',
  ],
  ['R1 unbounded memory access, make sure to bounds check any such access', 'bad-access', 'format'],
  ['invalid access to memory, mem_size=40 off=40 size=8', 'bad-access', 'format'],
  // check_kfunc_args, check_func_arg_reg_off, check_kfunc_call, check_stack_read
  ['R1 type=func expected=fp', 'bad-arg', 'live'],
  ['R3 type=ptr_ expected=fp', 'bad-arg', 'live'],
  ['R1 must have zero offset when passed to release func or trusted arg to kfunc', 'bad-arg', 'live'],
  ['R1 must be referenced or trusted', 'bad-arg', 'format'],
  ['kfunc bpf_cpumask_release#63692 reference has not been acquired before', 'bad-arg', 'format'],
  ['Possibly NULL pointer passed to helper arg2', 'bad-arg', 'format'],
  [
    'variable offset stack pointer cannot be passed into helper function; var_off=(0x0; 0xff) off=-8 size=8',
    'bad-arg',
    'format',
  ],
  // check_return_code, btf_prepare_func_args, check_subprogs
  ['R0 leaks addr as return value', 'bad-return', 'format'],
  ["Global function g() doesn't return scalar. Only those are supported.", 'structure', 'format'],
  ['call to invalid destination', 'structure', 'format'],
];

describe('the classifier, one row per rule', () => {
  it.each(RULES)('%s → %s (%s)', (message, cls) => {
    expect(classifyKernelMessage(message)).toBe(cls);
  });
});

describe('the classifier on every message recorded in corpus/kernel', () => {
  const recorded = loadCases('kernel')
    .flatMap(({ case: c }) => kernelExpectation(c) ?? [])
    .filter((k) => k.message !== null);
  it('gives each its recorded class, and none is unclassified', () => {
    expect(recorded.length).toBeGreaterThan(40);
    for (const k of recorded) {
      expect(k.class, k.message!).not.toBe('unclassified');
      expect(classifyKernelMessage(k.message!), k.message!).toBe(k.class);
    }
  });
});
