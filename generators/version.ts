/**
 * The generator version recorded in every case's origin: a run seed and case index reproduce a case only
 * with the same generator code. Bump it whenever a change alters what any (seed, index) produces.
 */
export const GENERATOR_VERSION = 'gen-2';
