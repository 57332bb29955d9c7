/**
 * The call graph of a plan: which function calls which, and how (a call, a bpf_loop callback, a reference
 * factory, a region opener); forward edges only (no recursion unless a fault asks for it), every function
 * but main called at least once (a `.func` nothing targets is a `structure` rejection).
 */
import type { Decide } from './choices.js';

export type Kind = 'static' | 'global' | 'callback' | 'factory' | 'opener';

export interface Node {
  readonly kind: Kind;
  readonly args: number;
  readonly ctxParam: boolean;
}

export interface Edge {
  readonly from: number;
  readonly to: number;
}

export interface Graph {
  readonly nodes: readonly Node[];
  readonly edges: readonly Edge[];
}

const hosts = (k: Kind | 'main'): boolean =>
  k === 'main' || k === 'static' || k === 'global' || k === 'callback';

/** Who may call function `to`: earlier functions that run code, and for a static taking ctx only those that have it. */
function parentsOf(nodes: readonly Node[], kinds: readonly (Kind | 'main')[], to: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < to; j++) {
    if (!hosts(kinds[j]!)) continue;
    if (
      nodes[to]!.ctxParam &&
      nodes[to]!.kind === 'static' &&
      !(j === 0 || (kinds[j] === 'static' && nodes[j]!.ctxParam))
    )
      continue;
    out.push(j);
  }
  return out;
}

/** A call graph of 1 + `subprogs` functions; `chain` makes it one call chain (main → f1 → f2 → ...). */
export function buildGraph(d: Decide, subprogs: number, chain: boolean): Graph {
  const nodes: Node[] = [{ kind: 'static', args: 0, ctxParam: false }];
  const kinds: (Kind | 'main')[] = ['main'];
  const edges: Edge[] = [];
  for (let i = 1; i <= subprogs; i++) {
    const kind: Kind = chain
      ? d.weighted<Kind>([
          [3, 'static'],
          [1, 'global'],
        ])
      : d.weighted<Kind>([
          [5, 'static'],
          [2, 'global'],
          [3, 'callback'],
          [1, 'factory'],
          [1, 'opener'],
        ]);
    const args =
      kind === 'static' || kind === 'global'
        ? d.weighted([
            [3, 0],
            [3, 1],
            [2, 2],
            [2, 3],
            [1, 4],
            [1, 5],
          ])
        : 0;
    const ctxParam =
      (kind === 'static' && args >= 1 && !chain && d.chance(0.5)) || (kind === 'callback' && d.chance(0.5));
    nodes.push({ kind, args, ctxParam });
    kinds.push(kind);
    edges.push({ from: chain ? i - 1 : d.pick(parentsOf(nodes, kinds, i)), to: i });
  }
  // More callsites: the same static entered from several places with different arguments.
  if (!chain && subprogs > 0) {
    const extra = d.weighted([
      [3, 0],
      [2, 1],
      [1, 2],
    ]);
    for (let k = 0; k < extra; k++) {
      const to = d.range(1, subprogs);
      edges.push({ from: d.pick(parentsOf(nodes, kinds, to)), to });
    }
  }
  return { nodes, edges };
}

/** Per function: does it (or anything it calls) host a bpf_loop. */
export function loopHosts(g: Graph): boolean[] {
  const out = g.nodes.map(() => false);
  for (let i = g.nodes.length - 1; i >= 0; i--)
    out[i] = g.edges.some(
      (e) => e.from === i && e.to > i && (g.nodes[e.to]!.kind === 'callback' || out[e.to]!),
    );
  return out;
}

/** Per function: is it reachable from a function with the property (itself included), along forward edges. */
export function under(g: Graph, seed: (i: number) => boolean): boolean[] {
  const out = g.nodes.map((_, i) => seed(i));
  for (let i = 0; i < g.nodes.length; i++)
    if (!out[i]) out[i] = g.edges.some((e) => e.to === i && e.from < i && out[e.from]!);
  return out;
}
