/** The stack of pending branch states (push_stack / pop_stack) and branch counting. */
import { Reject, type Env } from './env.js';
import { copyState, type VState } from './state.js';

/** BPF_COMPLEXITY_LIMIT_JMP_SEQ */
const MAX_PENDING = 8192;

/** push_stack: a copy of the current state continues at `insnIdx` later. */
export function pushStack(env: Env, insnIdx: number, prevInsnIdx: number): VState {
  const st = copyState(env.cur);
  env.stack.push({ state: st, insnIdx, prevInsnIdx });
  if (env.stack.length > MAX_PENDING)
    throw new Reject('too-complex', `The sequence of ${env.stack.length} jumps is too complex.`, env.insnIdx);
  if (st.parent) st.parent.branches++;
  return st;
}

/** update_branch_counts: a path ended; checkpoints whose every path ended can prune. */
export function updateBranchCounts(st: VState | null): void {
  for (let s = st; s; s = s.parent) {
    s.branches--;
    if (s.branches > 0) break;
  }
}
