/** Human-readable rendering of outcome diffs: one line per field, pointing at the first difference. */
import type { OutcomeDiff } from './compare.js';

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Where two hex strings first differ, as a byte offset. */
function firstByteDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return Math.floor(i / 2);
}

function renderOne(d: OutcomeDiff): string {
  const { field, expected, actual } = d;
  if ((field === 'ctx' || field === 'input') && typeof expected === 'string' && typeof actual === 'string') {
    const at = firstByteDifference(expected, actual);
    const window = (hex: string) => hex.slice(at * 2, at * 2 + 16) || '(end)';
    return `${field}: first difference at byte ${at}: expected ${window(expected)}..., actual ${window(actual)}...`;
  }
  if (field === 'events' && Array.isArray(expected) && Array.isArray(actual)) {
    let i = 0;
    while (i < expected.length && i < actual.length && expected[i] === actual[i]) i++;
    const e: unknown = i < expected.length ? expected[i] : '(none)';
    const a: unknown = i < actual.length ? actual[i] : '(none)';
    return `events: first difference at #${i}: expected ${show(e)}, actual ${show(a)} (${expected.length} vs ${actual.length} events)`;
  }
  return `${field}: expected ${show(expected)}, actual ${show(actual)}`;
}

export function renderDiffs(diffs: readonly OutcomeDiff[]): string {
  return diffs.length === 0 ? 'outcomes agree' : diffs.map(renderOne).join('\n');
}
