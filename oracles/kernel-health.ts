/**
 * The kernel-health oracle: the live kernel's own bugs, of the highest severity, on every program (also
 * those outside the fragment on purpose: both kernel defects found so far sit on that edge).
 * - a rejection the kernel classifies `verifier-bug` (`verifier bug: ...`, EFAULT, a WARN in dmesg); the
 *   symptom is the message's first words with numbers normalised, which tells the known bugs apart
 *   (`backtracking-misuse`, `no-program-to-jit-at-insn`) whatever else the program does;
 * - the executor dying or hanging on a program (status `fault`): the stage and the fault's kind.
 */
import type { Finding } from './finding.js';
import type { Observation } from './observation.js';
import { slug } from './normalise.js';
import { signatureOf } from './signature.js';

export function kernelHealthOracle(obs: Observation): Finding[] {
  if (!obs.kernel.asked) return [];
  const r = obs.kernel.result;
  if (r.status === 'rejected' && r.class === 'verifier-bug') {
    const symptom = slug(r.message.replace(/^verifier bug:\s*/i, ''));
    return [
      {
        oracle: 'kernel-health',
        severity: 'critical',
        signature: signatureOf('kernel-health', ['kernel=verifier-bug'], symptom, '-'),
        title: `the kernel reports its own bug: ${r.message}`,
        engines: ['kernel'],
        diffs: [
          {
            field: 'message',
            expectedFrom: 'a verifier',
            expected: 'a verdict',
            actualFrom: 'kernel',
            actual: r.message,
          },
        ],
        input: null,
      },
    ];
  }
  if (r.status === 'fault') {
    return [
      {
        oracle: 'kernel-health',
        severity: 'critical',
        signature: signatureOf('kernel-health', ['kernel=fault'], `${r.stage}-${r.fault.kind}`, '-'),
        title: `the kernel executor failed (${r.fault.kind}) during ${r.stage}`,
        engines: ['kernel'],
        diffs: [
          {
            field: 'fault',
            expectedFrom: 'the executor',
            expected: 'an answer',
            actualFrom: 'kernel',
            actual: r.fault,
          },
        ],
        input: null,
      },
    ];
  }
  return [];
}
