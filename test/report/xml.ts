/**
 * A tiny XML reader for the JUnit test: elements, attributes, text; throws on what a real parser rejects
 * (an unbalanced tag, a raw `<` or `&` in text, an unknown entity, a character XML 1.0 cannot hold).
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s)) throw new Error('a character XML cannot hold');
  if (/<|&(?!(amp|lt|gt|quot|apos);)/.test(s)) throw new Error(`raw < or & in ${JSON.stringify(s)}`);
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);
}

export function parseXml(text: string): XmlElement {
  const body = text.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: XmlElement = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  const tag = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w.-]+="[^"]*")*)\s*(\/?)>/g;
  let at = 0;
  for (let m = tag.exec(body); m !== null; m = tag.exec(body)) {
    stack[stack.length - 1]!.text += decode(body.slice(at, m.index));
    at = m.index + m[0].length;
    const [, close, name, attrText, selfClose] = m;
    if (close) {
      const open = stack.pop()!;
      if (open.name !== name) throw new Error(`</${name}> closes <${open.name}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText!.matchAll(/([\w.-]+)="([^"]*)"/g)) attrs[a[1]!] = decode(a[2]!);
    const el: XmlElement = { name: name!, attrs, children: [], text: '' };
    stack[stack.length - 1]!.children.push(el);
    if (!selfClose) stack.push(el);
  }
  if (decode(body.slice(at)).trim() !== '' || stack.length !== 1) throw new Error('unbalanced document');
  if (root.children.length !== 1) throw new Error('not one root element');
  return root.children[0]!;
}

export function all(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const todo = [el];
  while (todo.length > 0) {
    const e = todo.pop()!;
    if (e.name === name) out.push(e);
    todo.push(...e.children);
  }
  return out;
}
