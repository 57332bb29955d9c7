/** The README documents every option of every command and every verdict class, and points only inside the repository. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERDICT_CLASSES } from '../../src/bpf/result.js';
import { runCli } from './helpers.js';

const root = join(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const docs = readdirSync(join(root, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => join(root, 'docs', f));

describe('README.md', () => {
  it('names every command and every long option each takes (from --help)', async () => {
    const top = await runCli('--help');
    const commands = [...top.stdout.matchAll(/^ {2}([a-z]+) /gm)]
      .map((m) => m[1]!)
      .filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['fmt', 'encode', 'decode', 'run', 'check', 'rewrite']));
    // the README's option table: `| command | option | meaning |`
    const rows = readme.split('\n').filter((l) => l.startsWith('| `'));
    const missing: string[] = [];
    // a command with subcommands (`report show`, `report merge`): each subcommand is a command of its own
    for (const c of [...commands]) {
      const help = await runCli(c, '--help');
      if (help.stdout.includes('\nCommands:'))
        for (const [, sub] of help.stdout.matchAll(/^ {2}([a-z]+) /gm))
          if (sub !== 'help') commands.push(`${c} ${sub}`);
    }
    for (const c of commands) {
      if (!readme.includes(`throwfuzz ${c}`)) missing.push(c);
      const help = await runCli(...c.split(' '), '--help');
      for (const [option] of help.stdout.matchAll(/--[a-z][a-z-]*/g))
        if (
          option !== '--help' &&
          !rows.some((r) => r.startsWith(`| \`${c}\` `) && r.includes(`\`${option}`))
        )
          missing.push(`${c} ${option}`);
    }
    expect(missing).toEqual([]);
    expect(readme).toContain('--version');
  });

  it('explains every verdict class, and the kernel-only ones', () => {
    for (const c of [...VERDICT_CLASSES, 'verifier-bug', 'unclassified', 'not-applicable'])
      expect(readme, c).toMatch(new RegExp(`\\| \`${c}\` +\\|`));
  });

  it('links and paths stay inside the repository; the model is docs/spec.md', () => {
    expect(existsSync(join(root, 'docs/spec.md'))).toBe(true);
    expect(readme).toContain('docs/spec.md');
    for (const [file, text] of [
      [join(root, 'README.md'), readme],
      ...docs.map((d) => [d, readFileSync(d, 'utf8')] as const),
    ] as const) {
      expect(text, file).not.toContain('../shared');
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        const path = resolve(dirname(file), target!);
        expect(path.startsWith(root), `${file} -> ${target}`).toBe(true);
        expect(existsSync(path), `${file} -> ${target}`).toBe(true);
      }
    }
  });
});
