/*
 * throwfuzz kernel executor.
 *
 * A long-lived process that performs bpf(2) calls for the TypeScript harness, so that a kernel call that
 * hangs or a bug here can be killed without taking the harness down. It reads length-prefixed binary
 * requests on stdin and writes length-prefixed replies on stdout, one reply per request, in order.
 *
 * It can only do four things with the kernel: load BTF, load a program (always BPF_PROG_TYPE_SYSCALL,
 * sleepable, "GPL"), test-run a program it loaded, and close an fd it opened; it also reads the
 * verified-instruction count of a program it loaded. It never attaches, pins or creates maps, and it
 * closes every fd it still holds when stdin reaches EOF (the kernel closes the rest when the process dies).
 *
 * Framing (all integers little endian, which is what x86-64 and arm64 use natively):
 *   request: u32 length, then `length` bytes: u32 op, op-specific fields
 *   reply:   u32 length, then `length` bytes: i32 status (>= 0 success, < 0 -errno), op-specific fields
 * Ops (src/engines/kernel/protocol.ts is the other half of this table):
 *   0 PING       -                                           -> status = PROTOCOL_VERSION, u32 fds held
 *   1 BTF_LOAD   u32 log_level, u32 log_size, btf bytes      -> status = fd | -errno, log text
 *   2 PROG_LOAD  i32 btf_fd (-1: none), u32 log_level, u32 log_size, u32 insn_cnt, u32 func_info_cnt,
 *                insns (8 * insn_cnt), func_info (8 * func_info_cnt)
 *                                                           -> status = fd | -errno, u32 verified_insns, log text
 *   3 TEST_RUN   u32 prog_fd, ctx bytes                      -> status = 0 | -errno, u32 retval, ctx bytes
 *   4 CLOSE      u32 fd                                      -> status = 0 | -errno
 *   5 SLEEP      u32 milliseconds (a test aid for timeouts) -> status = 0
 *   6 CHECK      u32 explain_log_level, u32 log_size, u32 btf_size, u32 insn_cnt, u32 func_info_cnt,
 *                u32 ctx_size, u32 ctx_count, btf, insns, func_info, ctx_count ctxs of ctx_size bytes
 *                (the engine's check in one round trip; see do_check)
 *                                                           -> status = 0 (accepted) | -errno of the load,
 *                                                              u32 stage (0 BTF, 1 program), u32 verified_insns,
 *                                                              u32 explained (0 no, 1 rejected, 2 accepted),
 *                                                              u32 runs, runs x (i32 status, u32 retval,
 *                                                              u32 ctx_len, ctx bytes), log text
 *
 * Only system calls; no libbpf.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define PROTOCOL_VERSION 1
#define MAX_REQUEST (64u << 20)
#define MAX_LOG_SIZE ((1u << 30) - 1)
/* func_info records: one per subprogram, and the kernel allows BPF_MAX_SUBPROGS (256); generous. */
#define MAX_FUNC_INFO 65536u

enum op {
  OP_PING = 0,
  OP_BTF_LOAD = 1,
  OP_PROG_LOAD = 2,
  OP_TEST_RUN = 3,
  OP_CLOSE = 4,
  OP_SLEEP = 5,
  OP_CHECK = 6,
};
/* OP_CHECK: which load a status belongs to, and what the explaining load (with a log) did. */
enum check_stage { CHECK_STAGE_BTF = 0, CHECK_STAGE_PROG = 1 };
enum check_explained { EXPLAIN_NONE = 0, EXPLAIN_REJECTED = 1, EXPLAIN_ACCEPTED = 2 };

/* bpf(2) commands and constants used (include/uapi/linux/bpf.h). */
#define CMD_PROG_LOAD 5
#define CMD_PROG_TEST_RUN 10
#define CMD_OBJ_GET_INFO_BY_FD 15
#define CMD_BTF_LOAD 18
#define PROG_TYPE_SYSCALL 31
#define F_SLEEPABLE (1u << 4)
#define FUNC_INFO_REC_SIZE 8

/*
 * Attribute layouts by byte offset, so the executor builds without kernel headers. Where the system's
 * <linux/bpf.h> exists, the offsets are checked against it at compile time.
 */
#define ATTR_SIZE 160
#define PL_PROG_TYPE 0
#define PL_INSN_CNT 4
#define PL_INSNS 8
#define PL_LICENSE 16
#define PL_LOG_LEVEL 24
#define PL_LOG_SIZE 28
#define PL_LOG_BUF 32
#define PL_PROG_FLAGS 44
#define PL_PROG_NAME 48
#define PL_PROG_BTF_FD 72
#define PL_FUNC_INFO_REC_SIZE 76
#define PL_FUNC_INFO 80
#define PL_FUNC_INFO_CNT 88
#define BTF_DATA 0
#define BTF_LOG_BUF 8
#define BTF_SIZE 16
#define BTF_LOG_SIZE 20
#define BTF_LOG_LEVEL 24
#define TR_PROG_FD 0
#define TR_RETVAL 4
#define TR_CTX_SIZE_IN 40
#define TR_CTX_IN 48
#define INFO_BPF_FD 0
#define INFO_LEN 4
#define INFO_INFO 8
#define PROG_INFO_SIZE 256
#define PROG_INFO_VERIFIED_INSNS 216

#if defined(__has_include)
#if __has_include(<linux/bpf.h>)
#include <linux/bpf.h>
_Static_assert(offsetof(union bpf_attr, prog_type) == PL_PROG_TYPE, "prog_type");
_Static_assert(offsetof(union bpf_attr, insn_cnt) == PL_INSN_CNT, "insn_cnt");
_Static_assert(offsetof(union bpf_attr, insns) == PL_INSNS, "insns");
_Static_assert(offsetof(union bpf_attr, license) == PL_LICENSE, "license");
_Static_assert(offsetof(union bpf_attr, log_level) == PL_LOG_LEVEL, "log_level");
_Static_assert(offsetof(union bpf_attr, log_size) == PL_LOG_SIZE, "log_size");
_Static_assert(offsetof(union bpf_attr, log_buf) == PL_LOG_BUF, "log_buf");
_Static_assert(offsetof(union bpf_attr, prog_flags) == PL_PROG_FLAGS, "prog_flags");
_Static_assert(offsetof(union bpf_attr, prog_name) == PL_PROG_NAME, "prog_name");
_Static_assert(offsetof(union bpf_attr, prog_btf_fd) == PL_PROG_BTF_FD, "prog_btf_fd");
_Static_assert(offsetof(union bpf_attr, func_info_rec_size) == PL_FUNC_INFO_REC_SIZE, "func_info_rec_size");
_Static_assert(offsetof(union bpf_attr, func_info) == PL_FUNC_INFO, "func_info");
_Static_assert(offsetof(union bpf_attr, func_info_cnt) == PL_FUNC_INFO_CNT, "func_info_cnt");
_Static_assert(offsetof(union bpf_attr, btf) == BTF_DATA, "btf");
_Static_assert(offsetof(union bpf_attr, btf_log_buf) == BTF_LOG_BUF, "btf_log_buf");
_Static_assert(offsetof(union bpf_attr, btf_size) == BTF_SIZE, "btf_size");
_Static_assert(offsetof(union bpf_attr, btf_log_size) == BTF_LOG_SIZE, "btf_log_size");
_Static_assert(offsetof(union bpf_attr, btf_log_level) == BTF_LOG_LEVEL, "btf_log_level");
_Static_assert(offsetof(union bpf_attr, test.prog_fd) == TR_PROG_FD, "test.prog_fd");
_Static_assert(offsetof(union bpf_attr, test.retval) == TR_RETVAL, "test.retval");
_Static_assert(offsetof(union bpf_attr, test.ctx_size_in) == TR_CTX_SIZE_IN, "test.ctx_size_in");
_Static_assert(offsetof(union bpf_attr, test.ctx_in) == TR_CTX_IN, "test.ctx_in");
_Static_assert(offsetof(union bpf_attr, info.bpf_fd) == INFO_BPF_FD, "info.bpf_fd");
_Static_assert(offsetof(union bpf_attr, info.info_len) == INFO_LEN, "info.info_len");
_Static_assert(offsetof(union bpf_attr, info.info) == INFO_INFO, "info.info");
_Static_assert(PL_FUNC_INFO_CNT + 4 <= ATTR_SIZE && sizeof(union bpf_attr) <= ATTR_SIZE, "attr size");
_Static_assert(offsetof(struct bpf_prog_info, verified_insns) == PROG_INFO_VERIFIED_INSNS, "verified_insns");
_Static_assert(sizeof(struct bpf_prog_info) <= PROG_INFO_SIZE, "prog_info size");
_Static_assert(sizeof(struct bpf_func_info) == FUNC_INFO_REC_SIZE, "func_info rec size");
#endif
#endif

#ifndef __NR_bpf
#error "this system has no bpf(2) system call number"
#endif

/* ---- fds this process opened (and only those may be closed on request) ---- */

static unsigned char *held;
static size_t held_cap;
static uint32_t held_count;

static void fatal(const char *what) {
  fprintf(stderr, "throwfuzz-executor: %s\n", what);
  exit(3);
}

static void hold(int fd) {
  if ((size_t)fd >= held_cap) {
    size_t cap = held_cap ? held_cap : 256;
    while (cap <= (size_t)fd) cap *= 2;
    held = realloc(held, cap);
    if (!held) fatal("out of memory");
    memset(held + held_cap, 0, cap - held_cap);
    held_cap = cap;
  }
  held[fd] = 1;
  held_count++;
}

static int is_held(int64_t fd) { return fd >= 0 && (size_t)fd < held_cap && held[fd]; }

static int release_fd(int64_t fd) {
  if (!is_held(fd)) return -EBADF;
  held[fd] = 0;
  held_count--;
  return close((int)fd) == 0 ? 0 : -errno;
}

static void release_all(void) {
  for (size_t fd = 0; fd < held_cap; fd++)
    if (held[fd]) release_fd((int64_t)fd);
}

/* ---- byte helpers ---- */

static uint32_t get_u32(const unsigned char *p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}
static void put_u32(unsigned char *p, uint32_t v) { memcpy(p, &v, 4); }
static void put_u64(unsigned char *p, uint64_t v) { memcpy(p, &v, 8); }
static void put_ptr(unsigned char *p, const void *ptr) { put_u64(p, (uint64_t)(uintptr_t)ptr); }

static long sys_bpf(int cmd, unsigned char *attr) {
  long r;
  do r = syscall(__NR_bpf, cmd, attr, ATTR_SIZE);
  while (r < 0 && errno == EINTR);
  return r < 0 ? -errno : r;
}

/* ---- I/O ---- */

static int read_full(void *buf, size_t n) {
  unsigned char *p = buf;
  while (n > 0) {
    ssize_t r = read(0, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return -1;
    p += r;
    n -= (size_t)r;
  }
  return 0;
}

static void write_full(const void *buf, size_t n) {
  const unsigned char *p = buf;
  while (n > 0) {
    ssize_t r = write(1, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) {
      /* The client is gone: nothing left to answer. */
      release_all();
      exit(0);
    }
    p += r;
    n -= (size_t)r;
  }
}

/* A reply is built in one growable buffer: 4 bytes of length, then the payload. */
static unsigned char *out;
static size_t out_cap, out_len;

static void out_reserve(size_t n) {
  if (out_len + n <= out_cap) return;
  size_t cap = out_cap ? out_cap : 4096;
  while (cap < out_len + n) cap *= 2;
  out = realloc(out, cap);
  if (!out) fatal("out of memory");
  out_cap = cap;
}
static void out_begin(int32_t status) {
  out_len = 0;
  out_reserve(8);
  out_len = 4;
  memcpy(out + out_len, &status, 4);
  out_len += 4;
}
static void out_u32(uint32_t v) {
  out_reserve(4);
  put_u32(out + out_len, v);
  out_len += 4;
}
static void out_bytes(const void *p, size_t n) {
  out_reserve(n);
  if (n) memcpy(out + out_len, p, n);
  out_len += n;
}
static void out_send(void) {
  put_u32(out, (uint32_t)(out_len - 4));
  write_full(out, out_len);
}

/* One log buffer, grown to the largest size a request asked for. */
static char *log_buf;
static size_t log_cap;

static char *log_buffer(uint32_t size) {
  if (size == 0) return NULL;
  if (size > log_cap) {
    free(log_buf);
    log_buf = malloc(size);
    if (!log_buf) fatal("out of memory");
    log_cap = size;
  }
  log_buf[0] = 0;
  return log_buf;
}

static size_t log_length(const char *log, uint32_t size) {
  return log ? strnlen(log, size) : 0;
}

/* ---- ops ---- */

/* Answer a malformed or refused request with -errno and nothing else. */
#define REPLY_ERROR(e) \
  do {                 \
    out_begin(-(e));   \
    return;            \
  } while (0)

/* bpf(BPF_BTF_LOAD); the fd is held. Returns the fd or -errno. */
static long load_btf(const unsigned char *btf, uint32_t size, uint32_t log_level, char *log, uint32_t log_size) {
  unsigned char attr[ATTR_SIZE] = {0};
  put_ptr(attr + BTF_DATA, btf);
  put_u32(attr + BTF_SIZE, size);
  if (log) {
    put_ptr(attr + BTF_LOG_BUF, log);
    put_u32(attr + BTF_LOG_SIZE, log_size);
    put_u32(attr + BTF_LOG_LEVEL, log_level);
  }
  long fd = sys_bpf(CMD_BTF_LOAD, attr);
  if (fd >= 0) hold((int)fd);
  return fd;
}

static uint32_t verified_insns(int fd) {
  unsigned char info[PROG_INFO_SIZE] = {0};
  unsigned char attr[ATTR_SIZE] = {0};
  put_u32(attr + INFO_BPF_FD, (uint32_t)fd);
  put_u32(attr + INFO_LEN, sizeof info);
  put_ptr(attr + INFO_INFO, info);
  if (sys_bpf(CMD_OBJ_GET_INFO_BY_FD, attr) < 0) return 0;
  if (get_u32(attr + INFO_LEN) < PROG_INFO_VERIFIED_INSNS + 4) return 0;
  return get_u32(info + PROG_INFO_VERIFIED_INSNS);
}

/*
 * bpf(BPF_PROG_LOAD) of the only kind of program this executor ever loads: sleepable
 * BPF_PROG_TYPE_SYSCALL, "GPL" (SPEC §8). btf_fd -1: no BTF and no func_info. The fd is held.
 * Returns the fd or -errno; *verified is bpf_prog_info.verified_insns of a loaded program.
 */
static long load_prog(int32_t btf_fd, const unsigned char *insns, uint32_t insn_cnt, const unsigned char *func_info,
                      uint32_t func_info_cnt, uint32_t log_level, char *log, uint32_t log_size, uint32_t *verified) {
  static const char license[] = "GPL";
  unsigned char attr[ATTR_SIZE] = {0};
  put_u32(attr + PL_PROG_TYPE, PROG_TYPE_SYSCALL);
  put_u32(attr + PL_PROG_FLAGS, F_SLEEPABLE);
  put_u32(attr + PL_INSN_CNT, insn_cnt);
  put_ptr(attr + PL_INSNS, insns);
  put_ptr(attr + PL_LICENSE, license);
  memcpy(attr + PL_PROG_NAME, "throwfuzz", 9);
  if (log) {
    put_u32(attr + PL_LOG_LEVEL, log_level);
    put_u32(attr + PL_LOG_SIZE, log_size);
    put_ptr(attr + PL_LOG_BUF, log);
  }
  if (btf_fd != -1) {
    put_u32(attr + PL_PROG_BTF_FD, (uint32_t)btf_fd);
    put_u32(attr + PL_FUNC_INFO_REC_SIZE, FUNC_INFO_REC_SIZE);
    put_ptr(attr + PL_FUNC_INFO, func_info);
    put_u32(attr + PL_FUNC_INFO_CNT, func_info_cnt);
  }
  long fd = sys_bpf(CMD_PROG_LOAD, attr);
  *verified = 0;
  if (fd >= 0) {
    hold((int)fd);
    *verified = verified_insns((int)fd);
  }
  return fd;
}

/*
 * The instruction count is not checked here: bpf_prog_load answers E2BIG for 0 or more than
 * BPF_COMPLEXITY_LIMIT_INSNS itself, and the harness wants the kernel's own answer. MAX_REQUEST bounds it.
 */
static int bad_sizes(uint32_t func_info_cnt, uint32_t log_size) {
  return func_info_cnt > MAX_FUNC_INFO || log_size > MAX_LOG_SIZE;
}

static void do_btf_load(const unsigned char *req, size_t len) {
  if (len < 8) REPLY_ERROR(EINVAL);
  uint32_t log_level = get_u32(req), log_size = get_u32(req + 4);
  if (log_size > MAX_LOG_SIZE) REPLY_ERROR(EINVAL);
  char *log = log_level ? log_buffer(log_size) : NULL;
  long fd = load_btf(req + 8, (uint32_t)(len - 8), log_level, log, log_size);
  out_begin((int32_t)fd);
  out_bytes(log, log_length(log, log_size));
}

static void do_prog_load(const unsigned char *req, size_t len) {
  if (len < 20) REPLY_ERROR(EINVAL);
  int32_t btf_fd;
  memcpy(&btf_fd, req, 4);
  uint32_t log_level = get_u32(req + 4), log_size = get_u32(req + 8);
  uint32_t insn_cnt = get_u32(req + 12), func_info_cnt = get_u32(req + 16);
  if (bad_sizes(func_info_cnt, log_size)) REPLY_ERROR(EINVAL);
  if (len != 20 + 8ull * insn_cnt + 8ull * func_info_cnt) REPLY_ERROR(EINVAL);
  /* A BTF fd is used only if this process loaded it. */
  if (btf_fd != -1 && !is_held(btf_fd)) REPLY_ERROR(EBADF);
  if (btf_fd == -1 && func_info_cnt != 0) REPLY_ERROR(EINVAL);
  char *log = log_level ? log_buffer(log_size) : NULL;
  uint32_t verified;
  const unsigned char *insns = req + 20;
  long fd = load_prog(btf_fd, insns, insn_cnt, insns + 8ull * insn_cnt, func_info_cnt, log_level, log, log_size,
                      &verified);
  out_begin((int32_t)fd);
  out_u32(verified);
  out_bytes(log, log_length(log, log_size));
}

/* bpf(BPF_PROG_TEST_RUN) with ctx_in only; the kernel writes the final ctx back into it. Returns 0 or -errno. */
static long test_run(int prog_fd, unsigned char *ctx, uint32_t ctx_len, uint32_t *retval) {
  unsigned char attr[ATTR_SIZE] = {0};
  put_u32(attr + TR_PROG_FD, (uint32_t)prog_fd);
  put_u32(attr + TR_CTX_SIZE_IN, ctx_len);
  if (ctx_len) put_ptr(attr + TR_CTX_IN, ctx);
  long r = sys_bpf(CMD_PROG_TEST_RUN, attr);
  *retval = r < 0 ? 0 : get_u32(attr + TR_RETVAL);
  return r < 0 ? r : 0;
}

/*
 * The engine's whole check of one program in one round trip: BTF_LOAD and PROG_LOAD without a log; if
 * rejected, the same again with a log (explain_log_level, when non-zero) to read why; if accepted, one
 * TEST_RUN per ctx, in order, stopping at the first the kernel refuses. Every fd is closed before the reply.
 */
static void do_check(const unsigned char *req, size_t len) {
  if (len < 28) REPLY_ERROR(EINVAL);
  uint32_t explain_level = get_u32(req), log_size = get_u32(req + 4), btf_size = get_u32(req + 8);
  uint32_t insn_cnt = get_u32(req + 12), func_info_cnt = get_u32(req + 16);
  uint32_t ctx_size = get_u32(req + 20), ctx_count = get_u32(req + 24);
  if (bad_sizes(func_info_cnt, log_size) || btf_size == 0 || ctx_size > 0xffff) REPLY_ERROR(EINVAL);
  if (len != 28ull + btf_size + 8ull * insn_cnt + 8ull * func_info_cnt + (uint64_t)ctx_size * ctx_count)
    REPLY_ERROR(EINVAL);
  const unsigned char *btf = req + 28, *insns = btf + btf_size, *func_info = insns + 8ull * insn_cnt;
  const unsigned char *ctxs = func_info + 8ull * func_info_cnt;
  char *log = explain_level ? log_buffer(log_size) : NULL;
  uint32_t verified = 0, explained = EXPLAIN_NONE;

  long btf_fd = load_btf(btf, btf_size, 0, NULL, 0);
  if (btf_fd < 0) {
    if (log) {
      long again = load_btf(btf, btf_size, 1, log, log_size);
      explained = again < 0 ? EXPLAIN_REJECTED : EXPLAIN_ACCEPTED;
      if (again >= 0) release_fd(again);
    }
    out_begin((int32_t)btf_fd);
    out_u32(CHECK_STAGE_BTF);
    out_u32(0);
    out_u32(explained);
    out_u32(0);
    out_bytes(log, log_length(log, log_size));
    return;
  }
  long fd = load_prog((int32_t)btf_fd, insns, insn_cnt, func_info, func_info_cnt, 0, NULL, 0, &verified);
  if (fd < 0) {
    if (log) {
      uint32_t ignored;
      long again = load_prog((int32_t)btf_fd, insns, insn_cnt, func_info, func_info_cnt, explain_level, log,
                             log_size, &ignored);
      explained = again < 0 ? EXPLAIN_REJECTED : EXPLAIN_ACCEPTED;
      if (again >= 0) release_fd(again);
    }
    release_fd(btf_fd);
    out_begin((int32_t)fd);
    out_u32(CHECK_STAGE_PROG);
    out_u32(0);
    out_u32(explained);
    out_u32(0);
    out_bytes(log, log_length(log, log_size));
    return;
  }
  /* The program holds its own reference to the BTF. */
  release_fd(btf_fd);
  out_begin(0);
  out_u32(CHECK_STAGE_PROG);
  out_u32(verified);
  out_u32(EXPLAIN_NONE);
  size_t count_at = out_len;
  out_u32(0);
  unsigned char *ctx = malloc(ctx_size ? ctx_size : 1);
  if (!ctx) fatal("out of memory");
  uint32_t runs = 0;
  for (uint32_t i = 0; i < ctx_count; i++) {
    memcpy(ctx, ctxs + (size_t)ctx_size * i, ctx_size);
    uint32_t retval;
    long r = test_run((int)fd, ctx, ctx_size, &retval);
    runs++;
    out_u32((uint32_t)(int32_t)r);
    out_u32(retval);
    out_u32(r < 0 ? 0 : ctx_size);
    if (r < 0) break;
    out_bytes(ctx, ctx_size);
  }
  free(ctx);
  put_u32(out + count_at, runs);
  release_fd(fd);
}

static void do_test_run(const unsigned char *req, size_t len) {
  if (len < 4) REPLY_ERROR(EINVAL);
  uint32_t prog_fd = get_u32(req);
  if (!is_held(prog_fd)) REPLY_ERROR(EBADF);
  uint32_t ctx_len = (uint32_t)(len - 4), retval;
  /* The kernel copies the final ctx back into ctx_in (bpf_prog_test_run_syscall): give it a copy. */
  unsigned char *ctx = malloc(ctx_len ? ctx_len : 1);
  if (!ctx) fatal("out of memory");
  memcpy(ctx, req + 4, ctx_len);
  long r = test_run((int)prog_fd, ctx, ctx_len, &retval);
  out_begin((int32_t)r);
  out_u32(retval);
  if (r >= 0) out_bytes(ctx, ctx_len);
  free(ctx);
}

static void do_sleep(const unsigned char *req, size_t len) {
  if (len < 4) REPLY_ERROR(EINVAL);
  uint32_t ms = get_u32(req);
  struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) < 0 && errno == EINTR) {
  }
  out_begin(0);
}

/*
 * Die with the client: EOF on stdin arrives only after the current request (a 1M-instruction load takes
 * seconds), so a killed client would otherwise leave this process verifying. The kernel sends SIGKILL when
 * the parent dies, which also ends a load in progress (the verifier checks for pending signals). The client
 * names itself in THROWFUZZ_EXECUTOR_PARENT: if it died before prctl took effect, getppid() already names
 * someone else, and this process goes.
 */
static void die_with_parent(void) {
  if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0) fatal("prctl(PR_SET_PDEATHSIG) failed");
  const char *parent = getenv("THROWFUZZ_EXECUTOR_PARENT");
  if (parent) {
    char *end;
    long expected = strtol(parent, &end, 10);
    if (*end != 0 || expected <= 0) fatal("THROWFUZZ_EXECUTOR_PARENT is not a pid");
    if (getppid() != (pid_t)expected) exit(0);
  }
}

int main(void) {
  die_with_parent();
  /* A dead client must end this process through EOF or EPIPE, never leave it blocked. */
  signal(SIGPIPE, SIG_IGN);
  unsigned char *req = NULL;
  size_t req_cap = 0;
  for (;;) {
    unsigned char hdr[4];
    if (read_full(hdr, 4) < 0) break;
    uint32_t len = get_u32(hdr);
    if (len < 4 || len > MAX_REQUEST) fatal("malformed request length");
    if (len > req_cap) {
      free(req);
      req = malloc(len);
      if (!req) fatal("out of memory");
      req_cap = len;
    }
    if (read_full(req, len) < 0) break;
    uint32_t op = get_u32(req);
    const unsigned char *body = req + 4;
    size_t body_len = len - 4;
    switch (op) {
      case OP_PING:
        out_begin(PROTOCOL_VERSION);
        out_u32(held_count);
        break;
      case OP_BTF_LOAD:
        do_btf_load(body, body_len);
        break;
      case OP_PROG_LOAD:
        do_prog_load(body, body_len);
        break;
      case OP_TEST_RUN:
        do_test_run(body, body_len);
        break;
      case OP_CLOSE:
        out_begin(body_len < 4 ? -EINVAL : release_fd(get_u32(body)));
        break;
      case OP_SLEEP:
        do_sleep(body, body_len);
        break;
      case OP_CHECK:
        do_check(body, body_len);
        break;
      default:
        fatal("unknown op");
    }
    out_send();
  }
  release_all();
  return 0;
}
