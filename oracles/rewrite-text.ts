/**
 * The one place the oracles read a model engine's rewrite. Today `ModelResult.rewrite` is the rewrite's
 * text; when it becomes a Program this prints it (src/bpf/text/print.ts), and nothing else changes.
 */
import type { ModelAnswer } from '../src/engines/contract.js';

export function rewriteText(answer: ModelAnswer): string | null {
  return answer.result.rewrite;
}
