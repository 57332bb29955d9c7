/**
 * The engine registry: every engine the CLI and the harness can ask about a program. The model engines are
 * `ModelEngine` objects (src/engines/contract.ts), listed once in MODEL_ENGINES; the live kernel is opened
 * through its descriptor. A new model engine is one import, one entry here and one member of
 * `ModelEngineName`; consumers switch on `engine === 'kernel'` versus any model engine, never on a model
 * engine's name. Nothing an engine imports imports this file back.
 */
import type { Profile, Quirk } from '../bpf/profile.js';
import type { Program } from '../bpf/program.js';
import type { EngineName, EngineResult, ModelEngine, ModelEngineName, ModelOptions } from './contract.js';
import { kernelEngine, type KernelEngineDescriptor } from './kernel/engine.js';
import { abstractInterpreter } from './abstract-interpreter/index.js';
import { pathExplorer } from './path-explorer/index.js';

export type {
  EngineName,
  EngineResult,
  ModelAnswer,
  ModelEngine,
  ModelEngineName,
  ModelOptions,
} from './contract.js';

/** Every model engine, in the order the CLI lists them. */
export const MODEL_ENGINES: readonly ModelEngine[] = [pathExplorer, abstractInterpreter];

/** The live kernel's descriptor (SPEC §8): opening it starts the executor, or says why it cannot. */
export const KERNEL_ENGINE: KernelEngineDescriptor = kernelEngine();

export const ENGINE_NAMES: readonly EngineName[] = ['kernel', ...MODEL_ENGINES.map((e) => e.name)];

export const isEngineName = (s: string): s is EngineName => (ENGINE_NAMES as readonly string[]).includes(s);

export const isModelEngineName = (s: string): s is ModelEngineName => MODEL_ENGINES.some((e) => e.name === s);

/** The model engine of that name (the registry lists every member of ModelEngineName). */
export function modelEngine(name: ModelEngineName): ModelEngine {
  const engine = MODEL_ENGINES.find((e) => e.name === name);
  if (engine === undefined) throw new Error(`model engine ${name} is not in MODEL_ENGINES`);
  return engine;
}

/**
 * The model engine a command that asks one engine uses (`rewrite`, `gen --stats`): the first registered.
 * Any correct engine gives the same rewrite (SPEC §5); `check --engine` asks any of them.
 */
export function firstModelEngine(): ModelEngine {
  const [first] = MODEL_ENGINES;
  if (first === undefined) throw new Error('MODEL_ENGINES is empty');
  return first;
}

/** What the CLI asks model engines under (the kernel ignores it: it is mainline, without quirks). */
export interface EngineOptions {
  /** Overrides each program's `.profile`. */
  readonly profile?: Profile;
  readonly quirks?: readonly Quirk[];
  /** Keep a kernel-style log. */
  readonly log?: boolean;
  /** Join mode, for the model engines that support it (`ModelEngine.join === null`); the others ignore it. */
  readonly join?: boolean;
}

/** The ModelOptions for one program: the chosen profile, else the program's own `.profile`. */
export function modelOptionsFor(program: Program, options: EngineOptions): ModelOptions {
  return {
    profile: options.profile ?? program.profile,
    quirks: options.quirks ?? [],
    log: options.log === true,
    ...(options.join === true ? { join: true } : {}),
  };
}

/** The model engines that support join mode (`ModelEngine.join === null`). */
export const joinEngines = (engines: readonly ModelEngine[]): ModelEngine[] =>
  engines.filter((e) => e.join === null);

/** An engine ready to check programs; `close` releases what it holds (processes, fds). */
export interface OpenEngine {
  readonly name: EngineName;
  /** One line about what it runs on (e.g. the kernel release). */
  readonly about: string;
  check(program: Program): Promise<EngineResult>;
  close(): Promise<void>;
}

export type EngineAvailability =
  | { readonly available: true; readonly engine: OpenEngine }
  /** One line saying why the engine cannot run here; callers skip it and say so. */
  | { readonly available: false; readonly reason: string };

/** Open one engine by name: the kernel may be unavailable; a model engine always is available. */
export async function openEngine(name: EngineName, options: EngineOptions): Promise<EngineAvailability> {
  if (name === 'kernel') {
    const opened = await KERNEL_ENGINE.open();
    if (!opened.available) return opened;
    const { engine } = opened;
    return {
      available: true,
      engine: {
        name,
        about: engine.about,
        check: async (program) => ({ engine: 'kernel', result: await engine.check(program) }),
        close: () => engine.close(),
      },
    };
  }
  const model = modelEngine(name);
  return {
    available: true,
    engine: {
      name,
      about: `model engine (${model.name})`,
      check: (program) =>
        Promise.resolve({
          engine: name,
          result: model.verify(
            program,
            modelOptionsFor(program, { ...options, join: options.join === true && model.join === null }),
          ),
        }),
      close: () => Promise.resolve(),
    },
  };
}
