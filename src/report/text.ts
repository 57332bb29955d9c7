/** Small text helpers the writers share: escaping for each target and number formatting. Pure. */

/** HTML text and attribute values (`&<>"'`). */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * XML text and attribute values: the five entities, and the characters XML 1.0 cannot hold at all (C0
 * controls but tab, newline and return; lone surrogates; U+FFFE/U+FFFF) as `\uXXXX`, so a parser never
 * chokes on a program's bytes.
 */
export function escapeXml(s: string): string {
  return s
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A Markdown table cell: one line, pipes escaped. */
export function mdCell(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** Inline code that survives backticks inside (a longer fence, CommonMark). */
export function mdCode(s: string): string {
  const runs = s.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** A diff value as one line: strings as JSON too, so `"5"` and `5` differ. */
export function valueText(v: unknown): string {
  if (v === undefined) return '(none)';
  // JSON.stringify gives undefined for a function or symbol, which a report never holds.
  return JSON.stringify(v) ?? typeof v;
}

export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** Cut in the middle: a signature's start (oracle) and end (cause) are what tell two apart. */
export function clipMiddle(s: string, max: number): string {
  if (s.length <= max) return s;
  const head = Math.ceil((max - 1) / 2);
  return `${s.slice(0, head)}…${s.slice(s.length - (max - 1 - head))}`;
}

export const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** A count with thousands separators. */
export const grouped = (n: number): string => n.toLocaleString('en-US');
