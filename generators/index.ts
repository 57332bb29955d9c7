/** The generators: seeded, shrinkable programs of the SPEC §3 fragment (docs/generators.md). */
export { GENERATOR_VERSION } from './version.js';
export {
  caseSeed,
  DEFAULT_FAULT_SHARE,
  generateCase,
  programFromChoices,
  type GenerateOptions,
  type GeneratedCase,
  type GeneratedOrigin,
} from './case.js';
export { programArbitrary, type GeneratedProgram } from './arbitrary.js';
export { planFeatures, type Features } from './features.js';
export { inFragment, kernelUnsafe } from './fragment.js';
export { mutateProgram } from './mutate.js';
export { beyondEdit, type BeyondEdit } from './beyond.js';
export type { Fault, ProgramPlan } from './plan.js';
