/**
 * The engine registry: every engine the CLI and the harness can ask about a program, by name. An engine
 * adds one member to `EngineResult` (its name and its own result type) and one entry to `ENGINES`; every
 * consumer switches over `EngineResult['engine']` exhaustively, so the compiler lists what must learn the
 * new engine.
 */
import type { Profile, Quirk } from '../bpf/profile.js';
import type { Program } from '../bpf/program.js';
import { kernelEngine } from './kernel/engine.js';
import type { KernelResult } from './kernel/kernel-result.js';
import { PATH_EXPLORER_QUIRKS, pathExplorerEngine, type PathExplorerResult } from './path-explorer-engine.js';

/** One engine's answer on one program. */
export type EngineResult =
  | { readonly engine: 'kernel'; readonly result: KernelResult }
  | { readonly engine: 'path-explorer'; readonly result: PathExplorerResult };

/** What a model engine is asked to verify under (the kernel ignores it: it is mainline, no quirks). */
export interface EngineOptions {
  /** Overrides each program's `.profile`. */
  readonly profile?: Profile;
  readonly quirks?: readonly Quirk[];
  /** Keep a kernel-style log. */
  readonly log?: boolean;
}

export type EngineName = EngineResult['engine'];

export type EngineResultOf<N extends EngineName> = Extract<EngineResult, { readonly engine: N }>;

/** An engine ready to check programs; `close` releases what it holds (processes, fds). */
export interface OpenEngine<N extends EngineName = EngineName> {
  readonly name: N;
  /** One line about what it runs on (e.g. the kernel release). */
  readonly about: string;
  check(program: Program): Promise<EngineResultOf<N>>;
  close(): Promise<void>;
}

export type EngineAvailability<N extends EngineName = EngineName> =
  | { readonly available: true; readonly engine: OpenEngine<N> }
  /** One line saying why the engine cannot run here; callers skip it and say so. */
  | { readonly available: false; readonly reason: string };

export interface EngineDescriptor<N extends EngineName = EngineName> {
  readonly name: N;
  readonly description: string;
  open(): Promise<EngineAvailability<N>>;
}

export const ENGINES: { readonly [N in EngineName]: (options?: EngineOptions) => EngineDescriptor<N> } = {
  kernel: () => kernelEngine() as EngineDescriptor<'kernel'>,
  'path-explorer': (options) => pathExplorerEngine(options),
};

export const ENGINE_NAMES = Object.keys(ENGINES) as EngineName[];

/**
 * What each engine takes of `EngineOptions`. A model engine verifies under a profile and quirks, and says
 * for each quirk why it cannot reproduce it (null: it can), so the CLI refuses a quirk that would do
 * nothing. The live kernel is what it is: null, it takes neither.
 */
export const MODEL_OPTIONS: { readonly [N in EngineName]: { readonly [Q in Quirk]: string | null } | null } =
  {
    kernel: null,
    'path-explorer': PATH_EXPLORER_QUIRKS,
  };

export const isEngineName = (s: string): s is EngineName => (ENGINE_NAMES as string[]).includes(s);
