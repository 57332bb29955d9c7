/**
 * Exception slots (SPEC §6): where an instrumented program's `bpf_throw` records (thrown, cookie) and where
 * `bpf_get_exception` / `bpf_reset_exception` look. The three models are the design space of the RFC v1 3/9
 * review thread:
 * - `task-ctx`: `current->bpf_exception_thrown[interrupt_context_level()]`, one slot per task and interrupt
 *   level, shared by every program that runs there (the RFC);
 * - `prog-global`: `prog->aux->exception`, one slot per program, shared by all CPUs (the reviewer's proposal);
 * - `per-cpu`: one slot per program and CPU (the per-cpu variant raised in the same thread).
 */
import type { SlotState } from '../bpf/result.js';
import { u64String } from './u64.js';

export type SlotModel = 'task-ctx' | 'prog-global' | 'per-cpu';
export const SLOT_MODELS: readonly SlotModel[] = ['task-ctx', 'prog-global', 'per-cpu'];
export const isSlotModel = (s: string): s is SlotModel => (SLOT_MODELS as readonly string[]).includes(s);

/** Interrupt levels of `interrupt_context_level()`: task, softirq, hardirq, NMI. */
export const MAX_LEVEL = 3;

/** One mutable slot. The cookie is kept as int32 halves like the interpreter's registers. */
export class ExceptionSlot {
  thrown = false;
  cookieLo = 0;
  cookieHi = 0;

  set(lo: number, hi: number): void {
    this.thrown = true;
    this.cookieLo = lo;
    this.cookieHi = hi;
  }

  clear(): void {
    this.thrown = false;
    this.cookieLo = 0;
    this.cookieHi = 0;
  }

  state(): SlotState {
    return { thrown: this.thrown, cookie: u64String(this.cookieLo, this.cookieHi) };
  }
}

/** Where an invocation runs: what decides which slot it uses. */
export interface ExecutionContext {
  readonly cpu: number;
  readonly task: number;
  /** 0 task, 1 softirq, 2 hardirq, 3 NMI. */
  readonly level: number;
  /** Identity of the program (invocations of the same program share prog-global and per-cpu slots). */
  readonly programId: number;
}

/** The slots of one simulated machine under one model, created on first use. */
export class SlotStore {
  private readonly slots = new Map<string, ExceptionSlot>();

  constructor(readonly model: SlotModel) {}

  slotFor(where: ExecutionContext): ExceptionSlot {
    const key = this.keyOf(where);
    let slot = this.slots.get(key);
    if (!slot) {
      slot = new ExceptionSlot();
      this.slots.set(key, slot);
    }
    return slot;
  }

  private keyOf(where: ExecutionContext): string {
    switch (this.model) {
      case 'task-ctx':
        return `task${where.task}/level${where.level}`;
      case 'prog-global':
        return `prog${where.programId}`;
      case 'per-cpu':
        return `prog${where.programId}/cpu${where.cpu}`;
      default: {
        const unreachable: never = this.model;
        throw new Error(`unhandled slot model ${String(unreachable)}`);
      }
    }
  }
}
