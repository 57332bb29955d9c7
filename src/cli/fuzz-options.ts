/**
 * `throwfuzz fuzz` arguments as data: durations, engine lists, quirks per model engine (`NAME@ENGINE` or
 * `NAME` for every model engine asked), slot models. Pure: each parser throws UsageError with one line.
 */
import { InvalidArgumentError } from 'commander';
import { isQuirk, QUIRKS, type Quirk } from '../bpf/profile.js';
import type { ModelEngineName } from '../engines/contract.js';
import { MODEL_ENGINES, modelEngine } from '../engines/index.js';
import type { SlotModel } from '../../oracles/observation.js';
import { SLOT_MODELS } from '../runtime/index.js';
import { UsageError } from './io.js';

const MODEL_ENGINE_NAMES: readonly ModelEngineName[] = MODEL_ENGINES.map((e) => e.name);

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `60s`, `2m`, `1h`, `500ms`, or a bare number of seconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new InvalidArgumentError(`'${text}' is not a duration (e.g. 60s, 2m, 1h, 500ms)`);
  const ms = Number(m[1]) * UNITS[m[2] ?? 's']!;
  if (!(ms > 0) || !Number.isFinite(ms)) throw new InvalidArgumentError('a duration must be more than 0');
  return Math.round(ms);
}

export function parseCount(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text)))
    throw new InvalidArgumentError(`'${text}' is not a positive whole number`);
  return Number(text);
}

/** A share of cases, 0 to 1 (`0.05`, or a percentage `5%`). */
export function parseShare(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(%)?$/.exec(text.trim());
  const v = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!(v >= 0 && v <= 1))
    throw new InvalidArgumentError(`'${text}' is not a share from 0 to 1 (or 0% to 100%)`);
  return v;
}

const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** `kernel,path-explorer`, or `all`: which engines a campaign asks. */
export function parseEngines(text: string): { kernel: boolean; models: ModelEngineName[] } {
  const names = list(text);
  if (names.length === 0)
    throw new UsageError(`--engines needs engine names (kernel, ${MODEL_ENGINE_NAMES.join(', ')}, all)`);
  if (names.includes('all')) return { kernel: true, models: [...MODEL_ENGINE_NAMES] };
  const models: ModelEngineName[] = [];
  let kernel = false;
  for (const n of names) {
    if (n === 'kernel') kernel = true;
    else if ((MODEL_ENGINE_NAMES as readonly string[]).includes(n)) {
      if (!models.includes(n as ModelEngineName)) models.push(n as ModelEngineName);
    } else
      throw new UsageError(`unknown engine '${n}' (engines: kernel, ${MODEL_ENGINE_NAMES.join(', ')}, all)`);
  }
  return { kernel, models };
}

/** `--quirks seed-global-order@path-explorer,seed-loop-inline`: per model engine, each engine able to apply it. */
export function parseQuirks(
  text: string,
  models: readonly ModelEngineName[],
): { [E in ModelEngineName]?: readonly Quirk[] } {
  const out: { [E in ModelEngineName]?: Quirk[] } = {};
  for (const item of list(text)) {
    const [name = '', engine] = item.split('@');
    if (!isQuirk(name)) throw new UsageError(`unknown quirk '${name}' (quirks: ${QUIRKS.join(', ')})`);
    let targets: readonly ModelEngineName[];
    if (engine === undefined) targets = models;
    else if (!models.includes(engine as ModelEngineName))
      throw new UsageError(
        `--quirks ${item}: '${engine}' is not a model engine of this campaign (${models.join(', ') || 'none'})`,
      );
    else targets = [engine as ModelEngineName];
    for (const e of targets) {
      const whyNot = modelEngine(e).quirks[name];
      if (whyNot !== null) throw new UsageError(`--quirks ${name}: ${e} cannot apply it: ${whyNot}`);
      const q = (out[e] ??= []);
      if (!q.includes(name)) q.push(name);
    }
  }
  return out;
}

export function parseSlots(text: string): SlotModel[] {
  const names = list(text);
  if (names.length === 0) throw new UsageError(`--slots needs slot models (${SLOT_MODELS.join(', ')})`);
  const out: SlotModel[] = [];
  for (const n of names) {
    if (!(SLOT_MODELS as readonly string[]).includes(n))
      throw new UsageError(`unknown slot model '${n}' (slot models: ${SLOT_MODELS.join(', ')})`);
    if (!out.includes(n as SlotModel)) out.push(n as SlotModel);
  }
  return out;
}
