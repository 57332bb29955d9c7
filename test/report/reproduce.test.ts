/**
 * The reproduce command of a finding names every engine the finding involves, by its label (`ENGINE`,
 * `ENGINE~QUIRK`, `ENGINE@PROFILE`, `ENGINE+join`), for any number of model engines. A second model engine
 * is data here (its name cast): the function is pure and reads names only.
 */
import { describe, expect, it } from 'vitest';
import type { ModelEngineName } from '../../src/engines/contract.js';
import { reproduceCommand } from '../../src/report/reproduce.js';

const second = 'abstract-interpreter' as ModelEngineName;
const settings = {
  models: ['path-explorer' as ModelEngineName, second],
  kernel: true,
  profile: 'mainline' as const,
  quirks: { 'path-explorer': ['seed-global-resources' as const] },
};

describe('reproduceCommand', () => {
  it('an engine named with its quirk is that engine, with the quirk', () => {
    expect(reproduceCommand('f.s', ['kernel', 'path-explorer~seed-global-resources'], settings)).toBe(
      'throwfuzz check f.s --engine kernel,path-explorer --profile mainline --quirks seed-global-resources',
    );
  });

  it('two model engines: both named, the other engines of the run left out', () => {
    expect(reproduceCommand('f.s', [second, 'path-explorer@rfc'], settings)).toBe(
      'throwfuzz check f.s --engine path-explorer,abstract-interpreter --profile mainline --quirks seed-global-resources',
    );
    expect(reproduceCommand('f.s', ['kernel', second], settings)).toBe(
      'throwfuzz check f.s --engine kernel,abstract-interpreter --profile mainline',
    );
  });

  it('a join-mode answer adds --join', () => {
    expect(reproduceCommand('f.s', [second, `${second}+join`], settings)).toBe(
      'throwfuzz check f.s --engine abstract-interpreter --profile mainline --join',
    );
  });
});
