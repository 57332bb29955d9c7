/**
 * Random programs in the fragment (SPEC §3), as text, for differential tests against the live kernel and
 * for the engine's laws. Deliberately rough: they exercise every rule, including the rejections.
 */

/** A small seeded PRNG (mulberry32), so a failing case is reproducible from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Fn {
  name: string;
  linkage: 'static' | 'global';
  args: number;
  callback: boolean;
}

const ALU = ['+=', '-=', '&=', '|=', '^=', '<<=', '>>=', 's>>=', '='];
const JMP = ['==', '!=', '>', '>=', '<', '<=', 's>', 's>=', 's<', 's<=', '&'];
const IMMS = [
  0, 1, 2, 3, 7, 8, 15, 16, 31, 32, 63, 64, 100, 255, 256, -1, -2, -8, 0x7fffffff, -0x80000000, 4096,
];

export interface GenOptions {
  readonly maxFuncs?: number;
  readonly maxStmts?: number;
  readonly profile?: 'mainline' | 'rfc';
}

export function randomProgram(seed: number, opts: GenOptions = {}): string {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const chance = (p: number): boolean => rnd() < p;
  const int = (n: number): number => Math.floor(rnd() * n);

  const nFuncs = int((opts.maxFuncs ?? 3) + 1);
  const fns: Fn[] = [{ name: 'main', linkage: 'static', args: 0, callback: false }];
  for (let i = 0; i < nFuncs; i++) {
    const callback = chance(0.25);
    fns.push({
      name: `f${i}`,
      linkage: callback ? 'static' : chance(0.4) ? 'global' : 'static',
      args: callback ? 2 : int(3),
      callback,
    });
  }
  const used = new Set<number>();
  let label = 0;
  const out: string[] = [];
  if (opts.profile === 'rfc') out.push('.profile rfc');
  const ctxOff = (size: number): number => size * int(64 / size);

  fns.forEach((fn, fi) => {
    const body: string[] = [];
    const pending: { name: string; at: number }[] = [];
    const emit = (s: string): void => {
      body.push(`    ${s}`);
    };
    if (fi > 0) out.push(`.func ${fn.name} ${fn.linkage}${fn.args ? ` args=${fn.args}` : ''}`);
    // registers: r6 = ctx in main, r7..r9 scalars
    if (fi === 0) emit('r6 = r1');
    // a callback may use its ctx argument (a pointer into the caller's stack, or NULL)
    if (fn.callback && chance(0.5)) {
      const name = `L${label++}`;
      emit(`if r2 == 0 goto ${name}`);
      emit('r3 = *(u64 *)(r2 +0)');
      emit('r3 += 1');
      emit('*(u64 *)(r2 +0) = r3');
      body.push(`${name}:`);
    }
    for (const r of [7, 8, 9]) {
      if (fi === 0 && chance(0.7)) emit(`r${r} = *(u${pick([8, 16, 32, 64])} *)(r6 +${ctxOff(8)})`);
      else if (fn.args > r - 7 && chance(0.5)) emit(`r${r} = r${r - 6}`);
      else emit(`r${r} = ${pick(IMMS)}`);
    }
    const n = 2 + int(opts.maxStmts ?? 12);
    for (let s = 0; s < n; s++) {
      // place labels whose time has come
      for (const p of pending.filter((p) => p.at === s)) body.push(`${p.name}:`);
      for (let i = pending.length - 1; i >= 0; i--) if (pending[i]!.at === s) pending.splice(i, 1);
      const k = rnd();
      const r = pick([0, 1, 2, 3, 7, 8, 9]);
      const q = pick([7, 8, 9]);
      if (k < 0.22) {
        const op = pick(ALU);
        const src = chance(0.5)
          ? `r${pick([7, 8, 9])}`
          : String(op.includes('<<') || op.includes('>>') ? int(64) : pick(IMMS));
        emit(`r${q} ${op} ${src}`);
      } else if (k < 0.27) {
        emit(`r${q} = -r${q}`);
      } else if (k < 0.45) {
        const name = `L${label++}`;
        pending.push({ name, at: s + 1 + int(Math.max(1, n - s)) });
        const src = chance(0.4) ? `r${pick([7, 8, 9])}` : String(pick(IMMS));
        emit(`if r${q} ${pick(JMP)} ${src} goto ${name}`);
      } else if (k < 0.52) {
        const off = 8 * (1 + int(6));
        if (chance(0.5)) emit(`*(u64 *)(r10 -${off}) = r${q}`);
        else if (chance(0.5)) emit(`*(u${pick([8, 16, 32, 64])} *)(r10 -${off}) = ${pick(IMMS)}`);
        else emit(`r${q} = *(u64 *)(r10 -${off})`);
      } else if (k < 0.6 && fi === 0) {
        emit(`r${q} = *(u${pick([8, 16, 32, 64])} *)(r6 +${ctxOff(8)})`);
      } else if (k < 0.68 && fns.length > fi + 1) {
        // calls only go forward (no recursion, no loops)
        const ti = fi + 1 + int(fns.length - fi - 1);
        const t = fns[ti]!;
        used.add(ti);
        if (t.callback) {
          emit(`r1 = ${pick([0, 1, 2, 3, 5])}`);
          if (chance(0.3)) emit(`r1 = r${q}`);
          emit(`r2 = ${t.name} ll`);
          if (chance(0.7)) emit('r3 = 0');
          else {
            emit('r3 = r10');
            emit(`r3 += -${8 * (1 + int(4))}`);
          }
          emit('r4 = 0');
          emit('call bpf_loop');
        } else {
          for (let a = 1; a <= t.args; a++) emit(`r${a} = r${pick([7, 8, 9])}`);
          emit(`call ${t.name}`);
        }
        if (chance(0.5)) emit(`r${q} = r0`);
      } else if (k < 0.74) {
        emit('call bpf_cpumask_create');
        if (chance(0.8)) {
          const name = `L${label++}`;
          emit('r9 = r0');
          emit(`if r9 == 0 goto ${name}`);
          if (chance(0.3)) {
            // keep the object in a stack slot across a call
            emit('*(u64 *)(r10 -64) = r9');
            emit(pick(['call bpf_get_prandom_u32', 'call bpf_rcu_read_lock', 'call bpf_preempt_disable']));
            emit('r9 = *(u64 *)(r10 -64)');
          }
          if (chance(0.7)) {
            emit('r1 = r9');
            emit('call bpf_cpumask_release');
          }
          body.push(`${name}:`);
          emit('r9 = 0');
        }
      } else if (k < 0.8) {
        emit(
          pick([
            'call bpf_rcu_read_lock',
            'call bpf_rcu_read_unlock',
            'call bpf_preempt_disable',
            'call bpf_preempt_enable',
          ]),
        );
      } else if (k < 0.88) {
        emit(`r1 = ${chance(0.5) ? pick(IMMS) : `r${pick([7, 8, 9])}`}`);
        emit('call bpf_throw');
      } else if (k < 0.93) {
        emit(pick(['call bpf_get_prandom_u32', 'call bpf_ktime_get_ns']));
        emit(`r${q} = r0`);
      } else {
        emit(`r${r} = ${pick(IMMS)}`);
      }
    }
    for (const p of pending) body.push(`${p.name}:`);
    body.push(
      fn.callback
        ? `    r0 = ${chance(0.9) ? int(2) : 2}`
        : `    r0 = ${chance(0.5) ? 'r7' : String(int(10))}`,
    );
    body.push('    exit');
    out.push(...body);
  });
  // every declared function must be a call target: drop the unused ones by making main call them
  const unused = fns.map((_, i) => i).filter((i) => i > 0 && !used.has(i));
  if (unused.length > 0) {
    // insert dead-but-reachable calls at the start of main: `if r7 == r7 goto skip` style would be pruned;
    // use a real call instead (kernel explores it)
    const calls: string[] = [];
    for (const i of unused) {
      const t = fns[i]!;
      if (t.callback)
        calls.push('    r1 = 1', `    r2 = ${t.name} ll`, '    r3 = 0', '    r4 = 0', '    call bpf_loop');
      else {
        for (let a = 1; a <= t.args; a++) calls.push(`    r${a} = 1`);
        calls.push(`    call ${t.name}`);
      }
    }
    const at = out.indexOf('    r6 = r1') + 1;
    out.splice(at, 0, ...calls);
  }
  return `${out.join('\n')}\n`;
}
