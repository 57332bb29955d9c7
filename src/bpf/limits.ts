/**
 * Every size limit on what throwfuzz reads, in one place. Input past a limit is refused with one line
 * (exit code 2) before it can cost memory or time: `fmt /dev/zero` must end.
 */

/**
 * BPF_COMPLEXITY_LIMIT_INSNS: the most instructions (8-byte slots; an ld_imm64 takes two) bpf_prog_load
 * accepts from a privileged loader (insn_cnt above it is E2BIG, before the verifier runs).
 */
export const KERNEL_MAX_INSNS = 1_000_000;

/**
 * Instructions in one program read from a file: twice the kernel's limit. Not the kernel's limit itself,
 * because a program past it is the engines' to answer as the kernel does (E2BIG, class too-complex); twice
 * is enough to show that and still bounds memory.
 */
export const MAX_INSNS = 2 * KERNEL_MAX_INSNS;

/** Raw instructions in the kernel's encoding: MAX_INSNS slots of 8 bytes (struct bpf_insn). */
export const MAX_RAW_BYTES = MAX_INSNS * 8;

/**
 * A text file (a program in text form, or hex for `decode --file`): 64 MiB. A program at MAX_INSNS with a
 * comment on every line, or MAX_RAW_BYTES as spaced hex (`b7 00 00 ...`, 48 MB), fits with room to spare.
 */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;

/** Characters of a token an error message echoes; longer tokens are cut and end in `...`. */
export const MAX_ECHO_CHARS = 40;

/**
 * Lines of a text program: four per instruction at MAX_INSNS (an instruction, a comment, a label, a
 * `.func`). Past it a file of empty or comment lines is refused before it fills memory with notes.
 */
export const MAX_LINES = 4 * MAX_INSNS;

/**
 * Characters of a line before its comment (labels, a statement or a directive). The longest instruction is
 * under 50; the cap keeps every pattern the parser tries on a line cheap, however the line is built.
 */
export const MAX_STATEMENT_CHARS = 1024;

/** The running kernel's BTF (`/sys/kernel/btf/vmlinux`, about 6 MB on 6.18), read to name kfunc ids. */
export const MAX_KERNEL_BTF_BYTES = 64 * 1024 * 1024;
