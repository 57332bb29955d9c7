/**
 * Random programs made for join mode: scalars from ctx loads and constants, ALU, stack spills and fills,
 * forward branches (so states meet at labels), an optional bpf_loop whose callback changes a caller stack
 * slot, and guarded bad ends (a NULL read, or a throw) whose reachability depends on what a join forgets.
 */
import fc from 'fast-check';

const REGS = ['r2', 'r3', 'r4', 'r5', 'r7', 'r8', 'r9'];
const SLOTS = [-8, -16, -24];
const COND = ['==', '!=', '>', '>=', '<', '<=', 's>', 's>=', 's<', 's<=', '&'];
const ALU = ['+=', '-=', '&=', '|=', '^='];

type Item = { readonly text: string } | { readonly jump: string; readonly ahead: number };

const reg = fc.constantFrom(...REGS);
const slot = fc.constantFrom(...SLOTS);
const small = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constantFrom(255, 256, 0x7fffffff, -1, -8));
const jumpTo = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 6 }), weight: 6 },
  { arbitrary: fc.constantFrom(100, 101), weight: 1 },
);

const item: fc.Arbitrary<Item> = fc.oneof(
  fc.tuple(reg, small).map(([r, k]) => ({ text: `${r} = ${k}` })),
  fc
    .tuple(reg, fc.constantFrom('u8', 'u16', 'u32'), fc.integer({ min: 0, max: 7 }))
    .map(([r, size, i]) => ({ text: `${r} = *(${size} *)(r6 +${i * 4})` })),
  fc.tuple(reg, fc.constantFrom(...ALU), small).map(([r, op, k]) => ({ text: `${r} ${op} ${k}` })),
  fc.tuple(reg, fc.constantFrom(...ALU), reg).map(([r, op, s]) => ({ text: `${r} ${op} ${s}` })),
  fc
    .tuple(reg, fc.constantFrom('<<=', '>>='), fc.integer({ min: 0, max: 40 }))
    .map(([r, op, k]) => ({ text: `${r} ${op} ${k}` })),
  fc.tuple(reg, reg).map(([r, s]) => ({ text: `${r} = ${s}` })),
  fc.tuple(slot, reg).map(([o, r]) => ({ text: `*(u64 *)(r10 ${o}) = ${r}` })),
  fc.tuple(slot, fc.constantFrom(0, 7)).map(([o, k]) => ({ text: `*(u64 *)(r10 ${o}) = ${k}` })),
  fc.tuple(slot, reg).map(([o, r]) => ({ text: `*(u8 *)(r10 ${o}) = ${r}` })),
  fc.tuple(reg, slot).map(([r, o]) => ({ text: `${r} = *(u64 *)(r10 ${o})` })),
  fc.tuple(reg, slot).map(([r, o]) => ({ text: `${r} = *(u8 *)(r10 ${o})` })),
  fc
    .tuple(reg, fc.constantFrom(...COND), fc.oneof(small.map(String), reg), jumpTo)
    .map(([r, op, rhs, ahead]) => ({ jump: `if ${r} ${op} ${rhs} goto`, ahead })),
  fc
    .tuple(reg, fc.constantFrom(...COND), small, jumpTo)
    .map(([r, op, rhs, ahead]) => ({ jump: `if ${r} ${op} ${rhs} goto`, ahead })),
  fc
    .tuple(reg, fc.constantFrom(...COND), small, jumpTo)
    .map(([r, op, rhs, ahead]) => ({ jump: `if ${r} ${op} ${rhs} goto`, ahead })),
);

/** rA becomes an unknown byte, so the branch on it is undecided and two states meet after it. */
const fresh = (a: string): Item => ({ text: `${a} = *(u8 *)(r6 +${REGS.indexOf(a) * 4})` });

/** `rB = K1; if rA op K goto +1; rB = K2`: rB tells the two paths apart, which a join forgets. */
const select: fc.Arbitrary<Item[]> = fc
  .tuple(reg, reg, fc.constantFrom(...COND), small, small, small)
  .map(([a, b, op, k, k1, k2]) => [
    fresh(a),
    { text: `${b} = ${k1}` },
    { jump: `if ${a} ${op} ${k} goto`, ahead: 2 },
    { text: `${b} = ${k2}` },
  ]);

/**
 * A select, a few random items, then a guard that only the path with `rB == K2` reaches, and there
 * `rA op K` (false on that path unless the items changed rA or rB) jumps to a bad end.
 */
const selectThenCheck: fc.Arbitrary<Item[]> = fc
  .tuple(reg, reg, fc.constantFrom(...COND), small, small, small, fc.array(item, { maxLength: 2 }))
  .filter(([a, b, , , k1, k2]) => a !== b && k1 !== k2)
  .chain(([a, b, op, k, k1, k2, middle]) =>
    fc
      .constantFrom(100, 101)
      .map((end) => [
        fresh(a),
        { text: `${b} = ${k1}` },
        { jump: `if ${a} ${op} ${k} goto`, ahead: 2 },
        { text: `${b} = ${k2}` },
        ...middle,
        { jump: `if ${b} != ${k2} goto`, ahead: 2 },
        { jump: `if ${a} ${op} ${k} goto`, ahead: end },
      ]),
  );

/**
 * A select made on a stack slot (spilled constants, or zero bytes against a spill, meet at the join), then
 * a guard on the value read back, often an (in)equality with one of the two.
 */
const zeroOr = fc.oneof(fc.constant(0), small);
const spilledSelect: fc.Arbitrary<Item[]> = fc
  .tuple(reg, reg, slot, fc.constantFrom(...COND), small, zeroOr, zeroOr, fc.array(item, { maxLength: 2 }))
  .filter(([a, b]) => a !== b)
  .chain(([a, b, o, op, k, k1, k2, middle]) =>
    fc
      .tuple(
        fc.oneof(fc.constantFrom('==', '!='), fc.constantFrom(...COND)),
        fc.oneof(fc.constantFrom(k1, k2), small),
        fc.constantFrom(100, 101),
      )
      .map(([op2, k3, end]) => [
        fresh(a),
        { text: `*(u64 *)(r10 ${o}) = ${k1}` },
        { jump: `if ${a} ${op} ${k} goto`, ahead: 2 },
        { text: `*(u64 *)(r10 ${o}) = ${k2}` },
        ...middle,
        { text: `${b} = *(u64 *)(r10 ${o})` },
        { jump: `if ${b} ${op2} ${k3} goto`, ahead: end },
      ]),
  );

/**
 * rC is a copy of rA on one path and of rB on the other (link ids that differ at the join); a branch on
 * rA then guards rC, which only the copies of rA follow.
 */
const linkedSelect: fc.Arbitrary<Item[]> = fc
  .tuple(reg, reg, reg, fc.constantFrom(...COND), small, fc.constantFrom(...COND), small)
  .filter(([a, b, c]) => a !== b && b !== c && a !== c)
  .chain(([a, b, c, op, k, op2, k2]) =>
    fc
      .constantFrom(100, 101)
      .map((end) => [
        fresh(a),
        fresh(b),
        { text: `${c} = ${a}` },
        { jump: `if ${b} ${op} ${k} goto`, ahead: 2 },
        { text: `${c} = ${b}` },
        { jump: `if ${a} ${op2} ${k2} goto`, ahead: 2 },
        { jump: `if ${c} ${op2} ${k2} goto`, ahead: end },
      ]),
  );

const items = (min: number, max: number): fc.Arbitrary<Item[]> =>
  fc
    .array(
      fc.oneof(
        { arbitrary: item.map((i) => [i]), weight: 3 },
        { arbitrary: select, weight: 1 },
        { arbitrary: selectThenCheck, weight: 1 },
        { arbitrary: spilledSelect, weight: 1 },
        { arbitrary: linkedSelect, weight: 1 },
      ),
      {
        minLength: min,
        maxLength: max,
      },
    )
    .map((groups) => groups.flat());

/** Items as text: a jump `ahead` items forward lands on a label there (100: bad, 101: the throw). */
function render(items: readonly Item[], prefix: string): string[] {
  const labels = new Set<number>();
  const target = (i: number, ahead: number): string => {
    if (ahead === 100) return 'bad';
    if (ahead === 101) return 'thr';
    const t = Math.min(i + ahead, items.length);
    labels.add(t);
    return `${prefix}${t}`;
  };
  const lines = items.map((it, i) =>
    'text' in it ? `    ${it.text}` : `    ${it.jump} ${target(i, it.ahead)}`,
  );
  const out: string[] = [];
  for (let i = 0; i <= items.length; i++) {
    if (labels.has(i)) out.push(`${prefix}${i}:`);
    if (i < items.length) out.push(lines[i]!);
  }
  return out;
}

/** A whole program: main's body, an optional bpf_loop over a callback body, the bad ends it jumps to. */
export const joinProgram: fc.Arbitrary<string> = fc
  .record({
    body: items(1, 6),
    loop: fc.option(items(0, 4), { nil: null }),
    count: fc.integer({ min: 1, max: 6 }),
  })
  .map(({ body, loop, count }) => {
    // Unknown scalars of several widths from ctx, and two constants.
    const init = [
      '    r2 = *(u8 *)(r6 +0)',
      '    r3 = *(u16 *)(r6 +4)',
      '    r4 = 2',
      '    r5 = 3',
      '    r7 = 0',
      '    r8 = 1',
      '    r9 = *(u8 *)(r6 +24)',
    ];
    const main = render(body, 'l');
    const call =
      loop === null
        ? []
        : [
            `    r1 = ${count}`,
            '    r2 = cb ll',
            '    r3 = r10',
            '    r3 += -8',
            '    r4 = 0',
            '    call bpf_loop#181',
            '    r2 = *(u64 *)(r10 -8)',
            '    r3 = *(u32 *)(r6 +8)',
            '    r4 = *(u64 *)(r6 +16)',
            '    r5 = 5',
          ];
    // In the callback r6 is the caller's fp-8 (its R2): every memory access goes there.
    const cb =
      loop === null
        ? []
        : [
            '.func cb static args=2',
            '    r6 = r2',
            ...REGS.map((r, i) => `    ${r} = ${i}`),
            '    r3 = *(u64 *)(r6 +0)',
            '    r4 = r1',
            ...render(loop, 'c').map((l) =>
              l.replace(/\((r10 -|r6 \+)\d+\)/g, '(r6 +0)').replace(/goto (bad|thr)$/, 'goto cend'),
            ),
            'cend:',
            '    r0 = 0',
            '    exit',
          ];
    const uses = (label: string): boolean => main.some((l) => l.endsWith(`goto ${label}`));
    return [
      '.ctx 32',
      '    r6 = r1',
      ...init,
      '    *(u64 *)(r10 -8) = r2',
      ...call,
      ...main,
      '    r0 = 0',
      '    exit',
      ...(uses('bad') ? ['bad:', '    r1 = 0', '    r0 = *(u64 *)(r1 +0)', '    exit'] : []),
      ...(uses('thr') ? ['thr:', '    r1 = 1', '    call bpf_throw', '    r0 = 0', '    exit'] : []),
      ...cb,
    ].join('\n');
  });
