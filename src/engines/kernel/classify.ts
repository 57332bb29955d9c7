/**
 * Verifier messages → classes (SPEC §4). Each rule cites the kernel function that prints the message
 * (kernel/bpf/verifier.c unless noted); rules are tried in order, the first match wins. A message no rule
 * matches is `unclassified` (kernel-result.ts): add a rule when one shows up.
 */
import type { KernelClass } from './kernel-result.js';

interface Rule {
  readonly pattern: RegExp;
  readonly class: KernelClass | ((m: RegExpExecArray) => KernelClass);
}

/** MAX_BPF_STACK */
const MAX_STACK = 512;

export const CLASS_RULES: readonly Rule[] = [
  // verifier_bug() / verbose(env, "verifier internal error...") : the kernel's own bug (EFAULT, WARN)
  { pattern: /^verifier bug\b/, class: 'verifier-bug' },
  { pattern: /verifier internal error/, class: 'verifier-bug' },

  // check_reference_leak, check_resource_leak
  { pattern: /^Unreleased reference id=\d+ alloc_insn=\d+$/, class: 'ref-leak' },
  { pattern: / would lead to reference leak$/, class: 'ref-leak' },
  // check_resource_leak: RCU / preemption still held at a throw or at main's exit
  { pattern: / cannot be used inside bpf_(rcu_read_lock|preempt_disable)-ed region$/, class: 'region-open' },
  { pattern: /^bpf_(rcu_read_unlock|preempt_enable) is missing$/, class: 'region-open' },
  // check_kfunc_call: bpf_throw in a callback (mainline)
  {
    pattern: /^bpf_throw kfunc \(insn \d+\) cannot be called from callback subprog \d+$/,
    class: 'throw-in-callback',
  },
  // check_kfunc_call: RCU / preemption pairing; check_func_call / check_helper_call inside regions
  { pattern: /^nested rcu read lock \(kernel function \w+\)$/, class: 'region-misuse' },
  { pattern: /^unmatched rcu read unlock \(kernel function \w+\)$/, class: 'region-misuse' },
  { pattern: /^unmatched attempt to enable preemption \(kernel function \w+\)$/, class: 'region-misuse' },
  { pattern: /function calls are not allowed while holding a lock/, class: 'region-misuse' },
  {
    pattern: /^(global functions|sleepable helper|kernel func) .* (region|context)$/,
    class: 'region-misuse',
  },

  // check_max_stack_depth_subprog
  // (check_max_stack_depth_subprog's static walk ends the sentence with ` !`; setup_func_entry does not)
  { pattern: /^the call stack of \d+ frames is too deep(?: !)?$/, class: 'call-depth' },
  { pattern: /^combined stack size of \d+ calls is \d+\. Too large$/, class: 'stack' },
  { pattern: /^stack size of subprog \d+ is \d+\. Too large$/, class: 'stack' },
  // check_stack_access_within_bounds: past MAX_BPF_STACK it is the stack limit, otherwise a bad access
  {
    pattern: /^invalid (?:write to|read from) stack R\d+ off=(-?\d+) size=\d+$/,
    class: (m) => (Number(m[1]) < -MAX_STACK ? 'stack' : 'bad-access'),
  },

  // check_subprogs, check_cfg, check_btf_func, check_ld_imm: the shape of the program
  { pattern: /^last insn is not an exit or jmp/, class: 'structure' },
  { pattern: /^jump out of range from insn \d+ to \d+$/, class: 'structure' },
  { pattern: /^unreachable insn \d+$/, class: 'structure' },
  { pattern: /^back-edge from insn \d+ to \d+$/, class: 'structure' },
  { pattern: /^callback function not static$/, class: 'structure' },
  { pattern: /func_info/, class: 'structure' },
  { pattern: /^invalid BPF_LD_IMM insn$/, class: 'structure' },
  // check_alu_op, check_cond_jmp_op, do_check, check_subprogs: malformed instructions
  {
    pattern: /^BPF_(?:ALU|NEG|END|MOV|JA|JMP|CALL|EXIT|LDX|STX|ST) uses reserved fields$/,
    class: 'structure',
  },
  { pattern: /^call to invalid destination$/, class: 'structure' },
  // btf_prepare_func_args: a global's prototype
  { pattern: /^Global function \w+\(\) doesn't return scalar/, class: 'structure' },

  // do_check, is_state_visited: the verifier gave up
  { pattern: /^BPF program is too large\. Processed \d+ insn$/, class: 'too-complex' },
  { pattern: /^The sequence of \d+ jumps is too complex\.$/, class: 'too-complex' },
  { pattern: /^infinite loop detected at insn \d+$/, class: 'too-complex' },

  // check_reg_arg, check_mem_access: reading what was never written
  { pattern: /^R\d+ !read_ok$/, class: 'uninit' },
  { pattern: /^invalid (?:indirect )?read from stack .*uninit/, class: 'uninit' },

  // check_kfunc_args, check_func_arg, btf_check_subprog_call: arguments
  { pattern: /^Possibly NULL pointer passed to trusted arg\d+$/, class: 'bad-arg' },
  { pattern: /^R\d+ type=\S+ expected=/, class: 'bad-arg' },
  { pattern: /^Caller passes invalid args into func#\d+/, class: 'bad-arg' },
  { pattern: /^R\d+ is not a scalar$/, class: 'bad-arg' },
  { pattern: /^R\d+ is not a pointer/, class: 'bad-arg' },
  { pattern: /^release kernel function \w+ expects refcounted PTR_TO_BTF_ID$/, class: 'bad-arg' },
  { pattern: /^R\d+ must be referenced when passed to release function$/, class: 'bad-arg' },
  { pattern: /^R\d+ must be referenced or trusted$/, class: 'bad-arg' },
  // check_func_arg_reg_off: a moved object pointer released
  { pattern: /^R\d+ must have zero offset when passed to release func/, class: 'bad-arg' },
  // check_kfunc_call: release_reference found no such reference
  { pattern: /^kfunc \w+#\d+ reference has not been acquired before$/, class: 'bad-arg' },
  { pattern: /^Possibly NULL pointer passed to helper arg\d+$/, class: 'bad-arg' },
  // check_stack_read: a variable-offset stack pointer given to a helper
  { pattern: /^variable offset stack pointer cannot be passed into helper function/, class: 'bad-arg' },
  { pattern: /^(kernel function \w+ )?arg#\d+ /, class: 'bad-arg' },

  // check_return_code, check_subprog_return (callbacks and globals)
  { pattern: /^At (?:program exit|callback return|subprogram exit) the register R\d+ /, class: 'bad-return' },
  // check_return_code (a callback or main returning a pointer), prepare_func_exit
  { pattern: /^R\d+ not a scalar value$/, class: 'bad-return' },
  { pattern: /^R\d+ leaks addr as return value$/, class: 'bad-return' },
  { pattern: /^cannot return stack pointer to the caller$/, class: 'bad-return' },

  // check_mem_access, check_ctx_access, adjust_ptr_min_max_vals, check_stack_*: memory and pointers
  { pattern: /^R\d+ invalid mem access '/, class: 'bad-access' },
  { pattern: /^invalid bpf_context access off=-?\d+ size=\d+$/, class: 'bad-access' },
  // __check_ptr_off_reg: the sign of the fixed offset, then a fixed offset, then a variable one
  { pattern: /^negative offset \S+ ptr R\d+ off=-?\d+ disallowed$/, class: 'bad-access' },
  { pattern: /^dereference of modified \S+ ptr R\d+ off=-?\d+ disallowed$/, class: 'bad-access' },
  { pattern: /^variable \S+ access var_off=\(.*\) disallowed$/, class: 'bad-access' },
  // cannot spill pointers to stack into stack frame of the caller: check_stack_write_fixed_off
  { pattern: /^cannot spill pointers to stack into stack frame of the caller$/, class: 'bad-access' },
  { pattern: /^misaligned (?:stack )?access /, class: 'bad-access' },
  { pattern: /^R\d+ pointer arithmetic with .* operator prohibited$/, class: 'bad-access' },
  { pattern: /^R\d+ pointer arithmetic on .* prohibited/, class: 'bad-access' },
  // adjust_reg_min_max_vals, adjust_ptr_min_max_vals, check_reg_sane_offset: pointer arithmetic
  {
    pattern: /^math between .* pointer and register with unbounded min value is not allowed$/,
    class: 'bad-access',
  },
  { pattern: /^math between \S+ pointer and -?\d+ is not allowed$/, class: 'bad-access' },
  { pattern: /^\S+ pointer offset -?\d+ is not allowed$/, class: 'bad-access' },
  { pattern: /^value -?\d+ makes \S+ pointer be out of bounds$/, class: 'bad-access' },
  { pattern: /^R\d+ subtraction from stack pointer prohibited$/, class: 'bad-access' },
  { pattern: /^R\d+ tried to subtract pointer from scalar$/, class: 'bad-access' },
  { pattern: /^R\d+ bitwise operator \S+ on pointer prohibited$/, class: 'bad-access' },
  { pattern: /^R\d+ pointer \S+ pointer prohibited$/, class: 'bad-access' },
  { pattern: /^R\d+ 32-bit pointer arithmetic prohibited$/, class: 'bad-access' },
  { pattern: /^R\d+ pointer arithmetic prohibited$/, class: 'bad-access' },
  { pattern: /^R\d+ (?:sign-extension part|partial copy) of pointer$/, class: 'bad-access' },
  // sanitize_err, check_stack_access_for_ptr_arithmetic: unprivileged loaders only
  { pattern: /prohibited for !root(?:; off=-?\d+)?$/, class: 'bad-access' },
  { pattern: /^R\d+ unbounded memory access, /, class: 'bad-access' },
  { pattern: /^invalid access to memory, mem_size=\d+ off=-?\d+ size=\d+$/, class: 'bad-access' },
  {
    pattern: /^invalid (?:unbounded )?variable-offset (?:read from|write to|indirect access to) stack /,
    class: 'bad-access',
  },
  {
    pattern: /^R\d+ (?:min|max) value is (?:negative|outside of the allowed memory range)/,
    class: 'bad-access',
  },
  { pattern: /^frame pointer is read only$/, class: 'bad-access' },
  // check_stack_read_fixed_off / check_stack_write_fixed_off: partial spill or fill of a pointer
  { pattern: /^invalid size of register (?:fill|spill)$/, class: 'bad-access' },
  // adjust_scalar_min_max_vals / check_alu_op: a shift by more than the width
  { pattern: /^invalid shift -?\d+$/, class: 'bad-access' },
  { pattern: /^div by zero$/, class: 'bad-access' },
  { pattern: /^R\d+ leaks addr /, class: 'bad-access' },

  // check_helper_call, check_kfunc_call, resolve_pseudo_ldimm64: not something this kernel offers
  { pattern: /^invalid func unknown#\d+$/, class: 'unsupported' },
  { pattern: /^unknown func /, class: 'unsupported' },
  { pattern: /^calling kernel function \w+ is not allowed$/, class: 'unsupported' },
  { pattern: /^program of this type cannot use helper /, class: 'unsupported' },
  { pattern: /^unknown opcode [0-9a-f]+$/, class: 'unsupported' },
  { pattern: /^invalid BPF_(?:ALU|JMP\/JMP32) opcode [0-9a-f]+$/, class: 'unsupported' },

  // bpf_check_attach_target (rfc attach checks; the live kernel engine never attaches)
  { pattern: /^Cannot attach throwing /, class: 'attach' },
  { pattern: /\(\) is not a global function$/, class: 'attach' },

  // add_subprog: more than BPF_MAX_SUBPROGS subprograms (main included), E2BIG
  { pattern: /^too many subprograms$/, class: 'structure' },

  // bpf_prog_load (kernel/bpf/syscall.c): E2BIG for a program past BPF_COMPLEXITY_LIMIT_INSNS, before the
  // verifier and without a log; the words are throwfuzz's (prog-size.ts)
  {
    pattern: /^too many insns: \d+ \(limit \d+; bpf_prog_load answers E2BIG with no log\)$/,
    class: 'too-complex',
  },
];

export function classifyKernelMessage(message: string): KernelClass {
  for (const rule of CLASS_RULES) {
    const m = rule.pattern.exec(message);
    if (m) return typeof rule.class === 'function' ? rule.class(m) : rule.class;
  }
  return 'unclassified';
}
