/**
 * Runs the shell scripts of the deployment files (a workflow step's `run`, a pod's `sh -c` argument) with a
 * fake `node` first on PATH: it records the arguments it was given and exits with a chosen code. So a
 * test sees the exact argv a script would hand to `node bin/throwfuzz.js`, and how the script treats
 * throwfuzz's exit codes, without running a campaign.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/helpers.js';

export interface ScriptRun {
  /** The script's exit status. */
  status: number;
  /** Each `node` invocation's arguments, in order. */
  nodeCalls: string[][];
  stderr: string;
}

const FAKE_NODE = `#!/bin/sh
# one line per call: the arguments separated by US (0x1f)
(IFS=$(printf '\\037'); printf '%s\\n' "$*") >> "$FAKE_NODE_LOG"
exit "\${FAKE_NODE_EXIT:-0}"
`;

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `throwfuzz-${prefix}-`));
}

/** `shell` is the interpreter's argv (`['bash', '-e']` as GitHub runs a step's file, `['/bin/sh']`...). */
export function runScript(
  shell: readonly string[],
  script: string,
  env: Readonly<Record<string, string>>,
  options: { cwd: string; nodeExit?: number },
): ScriptRun {
  const bin = tempDir('fake-node');
  writeFileSync(join(bin, 'node'), FAKE_NODE);
  chmodSync(join(bin, 'node'), 0o755);
  const log = join(bin, 'calls.log');
  const file = join(bin, 'script.sh');
  writeFileSync(file, script);
  const [command, ...args] = shell;
  const r = spawnSync(command!, [...args, file], {
    cwd: options.cwd,
    encoding: 'utf8',
    env: {
      PATH: `${bin}:/usr/local/bin:/usr/bin:/bin`,
      FAKE_NODE_LOG: log,
      FAKE_NODE_EXIT: String(options.nodeExit ?? 0),
      ...env,
    },
  });
  if (r.error) throw r.error;
  const nodeCalls = existsSync(log)
    ? readFileSync(log, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => l.split('\x1f'))
    : [];
  return { status: r.status ?? -1, nodeCalls, stderr: r.stderr };
}

/** One `throwfuzz` invocation written in a file: its command (`fuzz`, `report merge`) and long options. */
export interface Invocation {
  command: string;
  options: string[];
}

/** Every `throwfuzz.js ...` or `npx throwfuzz ...` command line in a text (a workflow, a manifest), as written. */
export function invocationsIn(text: string): Invocation[] {
  const found: Invocation[] = [];
  for (const line of text.split('\n')) {
    const m = /(?:throwfuzz\.js|npx throwfuzz) /.exec(line);
    if (!m || line.trimStart().startsWith('#')) continue;
    const words = line
      .slice(m.index + m[0].length)
      .split(/\s+/)
      .filter((w) => w !== '');
    const end = words.findIndex((w) => /^(&&|\|\||;|\||>|2>)/.test(w));
    const args = end < 0 ? words : words.slice(0, end);
    const command = args[0] === 'report' ? `report ${args[1] ?? ''}` : (args[0] ?? '');
    found.push({ command, options: args.filter((w) => w.startsWith('--')) });
  }
  return found;
}

/** The invocations whose command or options `throwfuzz ... --help` does not know. */
export async function unknownUsage(invocations: readonly Invocation[]): Promise<string[]> {
  const top = await runCli('--help');
  const commands = new Set([...top.stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!));
  const wrong: string[] = [];
  for (const { command, options } of invocations) {
    const [name] = command.split(' ');
    if (!commands.has(name!)) {
      wrong.push(`unknown command '${command}'`);
      continue;
    }
    const help = (await runCli(...command.split(' '), '--help')).stdout;
    const known = new Set([...help.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]));
    for (const o of options) if (!known.has(o)) wrong.push(`${command} ${o}`);
  }
  return wrong;
}
