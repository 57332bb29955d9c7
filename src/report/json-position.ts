/**
 * Where a JSON text first goes wrong, as line and column (1-based): Node 20's JSON.parse names no position
 * for many errors. An iterative scanner (an explicit stack, no recursion per nesting level). Pure.
 */

export interface TextPosition {
  readonly line: number;
  readonly col: number;
}

export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  return { line, col: offset - start + 1 };
}

const WS = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

function match(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex : -1;
}

/**
 * A string starting at `at` (a quote): the offset past its closing quote, or `{ error }` at the first
 * character that cannot be there (a raw control character, a bad escape, the end of the text).
 */
function scanString(text: string, at: number): number | { readonly error: number } {
  let i = at + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return { error: i };
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e === 'u') {
        const hex = /^[0-9a-fA-F]{4}/.exec(text.slice(i + 2, i + 6));
        if (hex === null) return { error: Math.min(i + 2, text.length) };
        i += 6;
        continue;
      }
      if (e === undefined || !'"\\/bfnrt'.includes(e)) return { error: i + 1 };
      i += 2;
      continue;
    }
    i++;
  }
  return { error: text.length };
}

/** The offset of the first syntax error, or null when the text is valid JSON. */
export function jsonErrorOffset(text: string): number | null {
  // What may come next: a value, or in a container a key/close, a comma/close, a colon.
  type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  for (;;) {
    i = match(WS, text, i);
    if (i >= text.length) return expect === 'end' ? null : i;
    const c = text[i]!;
    const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'comma-or-close');
    switch (expect) {
      case 'end':
        return i;
      case 'colon':
        if (c !== ':') return i;
        i++;
        expect = 'value';
        continue;
      case 'comma-or-close':
        if (c === ',') {
          i++;
          expect = stack[stack.length - 1] === '{' ? 'key' : 'value';
          continue;
        }
        if (
          (c === '}' && stack[stack.length - 1] === '{') ||
          (c === ']' && stack[stack.length - 1] === '[')
        ) {
          stack.pop();
          i++;
          expect = afterValue();
          continue;
        }
        return i;
      case 'key':
      case 'key-or-close': {
        if (expect === 'key-or-close' && c === '}') {
          stack.pop();
          i++;
          expect = afterValue();
          continue;
        }
        if (c !== '"') return i;
        const end = scanString(text, i);
        if (typeof end !== 'number') return end.error;
        i = end;
        expect = 'colon';
        continue;
      }
      case 'value':
      case 'value-or-close': {
        if (expect === 'value-or-close' && c === ']') {
          stack.pop();
          i++;
          expect = afterValue();
          continue;
        }
        if (c === '{' || c === '[') {
          stack.push(c);
          i++;
          expect = c === '{' ? 'key-or-close' : 'value-or-close';
          continue;
        }
        if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end.error;
          i = end;
          expect = afterValue();
          continue;
        }
        const end = Math.max(match(NUMBER, text, i), match(LITERAL, text, i));
        // a cut-off literal or number (`tr`, `-`) goes wrong where the text ends
        if (end < 0)
          return /^(t(r(ue?)?)?|f(a(l(se?)?)?)?|n(u(ll?)?)?|-)$/.test(text.slice(i)) ? text.length : i;
        i = end;
        expect = afterValue();
        continue;
      }
      default: {
        const never: never = expect;
        return never;
      }
    }
  }
}
