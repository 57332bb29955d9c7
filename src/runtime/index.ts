/**
 * The runtime's public entry (SPEC §6): run programs in reference or instrumented mode, alone or on a
 * scheduled machine, and compare outcomes field by field.
 */
export type { RunOutcome, RunFault, RunFaultKind, SlotState, HeldResources } from '../bpf/result.js';
export { isMode, MODES, type Mode } from './machine.js';
export { isSlotModel, SLOT_MODELS, type SlotModel } from './slots.js';
export { DEFAULT_FUEL, DEFAULT_RUN_OPTIONS, runOnce, runProgram, type RunOptions } from './run.js';
export {
  jobOutcomes,
  runSchedule,
  type InvocationRecord,
  type Job,
  type NestSpec,
  type Nesting,
  type ScheduleResult,
  type ScheduleSpec,
  type ThreadSpec,
} from './scheduler.js';
export { compareOutcomes, OUTCOME_FIELDS, type OutcomeDiff, type OutcomeField } from './compare.js';
export { renderDiffs } from './render-diff.js';
export { EJUKEBOX } from './kernel-calls.js';
