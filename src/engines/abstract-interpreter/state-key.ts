/**
 * The identity of a state for merging (the interpreter's hot path): equal keys have equal futures. Link
 * ids and reference ids are renumbered by first appearance; registers dead at the frame's resume point are
 * left out.
 *
 * A key is a template (every value with its ids left out) followed by the renumbered ids in order of
 * appearance; template and id list together determine the spelled-out key (ids put back in order) and
 * back. Inside the template each scalar's text and each frame's text are interned as small numbers, one
 * table per interpreter (`KeyCache`), so equal numbers mean equal texts and keys stay short. Frames and
 * scalars are immutable and shared between states (a step copies only the frame it changes), so their
 * numbers are also remembered per object; those object caches are only shortcuts and may be dropped.
 */
import { scalarKey, type Scalar } from './scalar.js';
import type { Frame, State, Val } from './state.js';

/** A frame's interned template under one live mask, and the raw ids it mentions in order (0: no id). */
interface FrameKey {
  readonly mask: number;
  readonly text: string;
  readonly ids: readonly number[];
}

interface StackKey {
  readonly n: number;
  readonly ids: readonly number[];
}

/** Past this many objects remembered, the object caches start over (the interning tables stay). */
const OBJECT_CACHE_LIMIT = 100_000;

/** The interning tables of one interpreter. Keys are comparable only between states of one cache. */
export class KeyCache {
  private readonly scalarText = new Map<string, number>();
  private readonly frameText = new Map<string, number>();
  private scalarOf = new Map<Scalar, string>();
  private readonly stackText = new Map<string, number>();
  private frameOf = new Map<Frame, FrameKey>();
  private stackOf = new Map<Frame['stack'], StackKey>();

  /** A scalar's text in a frame template: its interned bounds and its delta (the link id goes to the list). */
  private scalar(s: Scalar): string {
    let text = this.scalarOf.get(s);
    if (text === undefined) {
      const bounds = scalarKey(s);
      let n = this.scalarText.get(bounds);
      if (n === undefined) this.scalarText.set(bounds, (n = this.scalarText.size));
      text = `s${n}+${s.delta}`;
      if (this.scalarOf.size >= OBJECT_CACHE_LIMIT) this.scalarOf = new Map();
      this.scalarOf.set(s, text);
    }
    return text;
  }

  private val(v: Val, ids: number[]): string {
    switch (v.k) {
      case 'none':
        return '-';
      case 'scalar':
        ids.push(v.s.id);
        return this.scalar(v.s);
      case 'ctx':
        return `c${v.off}`;
      case 'fp':
        return `f${v.frame}:${v.off}`;
      case 'obj':
        ids.push(v.id, v.ref);
        return v.maybeNull ? 'o?' : 'o';
      case 'func':
        return `F${v.subprog}`;
      default: {
        const never: never = v;
        throw new Error(`unknown value ${String(never)}`);
      }
    }
  }

  /** A stack's slots as one interned number and their ids: a step that writes no slot shares the array. */
  private stack(stack: Frame['stack']): StackKey {
    let known = this.stackOf.get(stack);
    if (known === undefined) {
      const ids: number[] = [];
      let text = '';
      for (let j = 0; j < stack.length; j++) {
        const slot = stack[j];
        if (slot !== undefined) text += `[${j}${slot.bytes}${slot.spill ? this.val(slot.spill, ids) : ''}]`;
      }
      let n = this.stackText.get(text);
      if (n === undefined) this.stackText.set(text, (n = this.stackText.size));
      known = { n, ids };
      if (this.stackOf.size >= OBJECT_CACHE_LIMIT) this.stackOf = new Map();
      this.stackOf.set(stack, known);
    }
    return known;
  }

  frame(f: Frame, mask: number): FrameKey {
    const known = this.frameOf.get(f);
    if (known !== undefined && known.mask === mask) return known;
    const ids: number[] = [];
    let text = `${f.subprog},${f.callsite},${f.callback ? 1 : 0}:`;
    for (let r = 0; r < 10; r++) text += ((mask >> r) & 1 ? this.val(f.regs[r]!, ids) : '-') + ',';
    const st = this.stack(f.stack);
    text += `${st.n}`;
    for (const i of st.ids) ids.push(i);
    let n = this.frameText.get(text);
    if (n === undefined) this.frameText.set(text, (n = this.frameText.size));
    const fk: FrameKey = { mask, text: `|${n}`, ids };
    if (this.frameOf.size >= OBJECT_CACHE_LIMIT) this.frameOf = new Map();
    this.frameOf.set(f, fk);
    return fk;
  }
}

export function stateKey(s: State, live: (frame: number) => number, cache: KeyCache): string {
  // Ids renumbered by first appearance (a state holds few: a linear search beats a Map).
  const seen: number[] = [];
  const id = (n: number): number => {
    if (n === 0) return 0;
    const i = seen.indexOf(n);
    if (i >= 0) return i + 1;
    seen.push(n);
    return seen.length;
  };
  let text = '';
  let order = '';
  for (let i = 0; i < s.frames.length; i++) {
    const fk = cache.frame(s.frames[i]!, live(i));
    text += fk.text;
    for (const n of fk.ids) order += `${id(n)},`;
  }
  text += 'R';
  for (const r of s.refs) {
    text += `@${r.insn}^${r.cb},`;
    order += `${id(r.id)},`;
  }
  return `${text}L${s.rcu ? 1 : 0}${s.preempt}#${order}`;
}
