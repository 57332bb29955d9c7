/** The one place the oracles read a model engine's rewrite: its canonical text, compared model vs model. */
import { printProgram } from '../src/bpf/text/print.js';
import type { ModelAnswer } from '../src/engines/contract.js';

export function rewriteText(answer: ModelAnswer): string | null {
  const rewrite = answer.result.rewrite;
  return rewrite === null ? null : printProgram(rewrite);
}
