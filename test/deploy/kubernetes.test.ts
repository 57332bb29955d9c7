/**
 * deploy/kubernetes: an Indexed Job whose pod I runs shard I+1 of N of one campaign into the shared
 * volume, and a merge Job that reads exactly the directories the shards write. The pods' scripts are run
 * for real with a fake `node` (./shell.ts), the volume's mount point moved into a temporary directory.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDuration, parseEngines } from '../../src/cli/fuzz-options.js';
import { invocationsIn, runScript, tempDir, unknownUsage } from './shell.js';

interface Container {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  envFrom?: { configMapRef: { name: string } }[];
  env?: { name: string; value?: string; valueFrom?: { resourceFieldRef?: Record<string, string> } }[];
  resources?: { requests: Record<string, string>; limits: Record<string, string> };
  securityContext?: { capabilities?: { add?: string[]; drop?: string[] }; privileged?: boolean };
  volumeMounts?: { name: string; mountPath: string }[];
}
interface PodSpec {
  restartPolicy?: string;
  securityContext?: Record<string, unknown>;
  hostPID?: boolean;
  containers: Container[];
  volumes?: { name: string; persistentVolumeClaim?: { claimName: string } }[];
}
interface Job {
  kind: string;
  metadata: { name: string };
  spec: {
    completionMode?: string;
    completions?: number;
    parallelism?: number;
    backoffLimit?: number;
    backoffLimitPerIndex?: number;
    ttlSecondsAfterFinished?: number;
    suspend?: boolean;
    template: { spec: PodSpec };
  };
}

const dir = join(import.meta.dirname, '../../deploy/kubernetes');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');
const campaign = parse(read('campaign-job.yaml')) as Job;
const mergeJob = parse(read('merge-job.yaml')) as Job;
const pvc = parse(read('pvc.yaml')) as {
  kind: string;
  metadata: { name: string };
  spec: { accessModes: string[] };
};
const kustomization = parse(read('kustomization.yaml')) as {
  resources: string[];
  configMapGenerator: { name: string; literals: string[] }[];
};
const patch = parse(read('kernel-engine-patch.yaml')) as Job;
const only = <T>(xs: readonly T[]): T => {
  expect(xs).toHaveLength(1);
  return xs[0]!;
};
const fuzz = only(campaign.spec.template.spec.containers);
const merger = only(mergeJob.spec.template.spec.containers);
const config = only(kustomization.configMapGenerator);
const literals: Record<string, string> = Object.fromEntries(
  config.literals.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
);

/** A pod's shell script with the report volume's mount point moved to `reports`. */
function podScript(c: Container, reports: string): string {
  expect(c.command).toEqual(['/bin/sh', '-c']);
  return only(c.args!).replaceAll('/reports', reports);
}
const fixedEnv = (c: Container) =>
  Object.fromEntries((c.env ?? []).flatMap((e) => (e.value === undefined ? [] : [[e.name, e.value]])));

describe('kubernetes campaign', () => {
  it('is N parallel indexed pods that never restart in place, bounded and cleaned up', () => {
    expect(campaign.kind).toBe('Job');
    expect(campaign.spec.completionMode).toBe('Indexed');
    const n = campaign.spec.completions!;
    expect(n).toBeGreaterThan(1);
    expect(campaign.spec.parallelism).toBe(n);
    expect(campaign.spec.backoffLimitPerIndex ?? campaign.spec.backoffLimit).toBeGreaterThanOrEqual(0);
    for (const job of [campaign, mergeJob]) {
      expect(job.spec.template.spec.restartPolicy, job.metadata.name).toBe('Never');
      expect(job.spec.ttlSecondsAfterFinished, job.metadata.name).toBeGreaterThan(0);
    }
  });

  it('asks for as many workers as CPUs, and gets them', () => {
    const workers = fuzz.env!.find((e) => e.name === 'THROWFUZZ_WORKERS')!;
    expect(workers.valueFrom!.resourceFieldRef).toMatchObject({
      containerName: fuzz.name,
      resource: 'limits.cpu',
    });
    expect(fuzz.resources!.requests.cpu).toBe(fuzz.resources!.limits.cpu);
    expect(fuzz.resources!.limits.memory).toBeDefined();
    expect(merger.resources!.limits.cpu).toBeDefined();
  });

  it('shares one run (seed, time, engines) between every shard and the merge, from one ConfigMap', () => {
    for (const c of [fuzz, merger]) expect(c.envFrom).toEqual([{ configMapRef: { name: config.name } }]);
    expect(literals.THROWFUZZ_SEED).toMatch(/^(0|[1-9]\d{0,18})$/);
    expect(literals.THROWFUZZ_RUN).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(parseDuration(literals.THROWFUZZ_TIME!)).toBeGreaterThan(0);
    // no kernel unless the kernel-engine patch is applied
    expect(literals.THROWFUZZ_ENGINES).toBe('path-explorer');
    expect(() => parseEngines(literals.THROWFUZZ_ENGINES!)).not.toThrow();
    expect(kustomization.resources.sort()).toEqual(['campaign-job.yaml', 'merge-job.yaml', 'pvc.yaml']);
  });

  it('mounts one ReadWriteMany claim at the same place in the shards and the merge', () => {
    expect(pvc.kind).toBe('PersistentVolumeClaim');
    expect(pvc.spec.accessModes).toEqual(['ReadWriteMany']);
    const mountOf = (job: Job, c: Container) => {
      const volume = only(job.spec.template.spec.volumes!.filter((v) => v.persistentVolumeClaim));
      expect(volume.persistentVolumeClaim!.claimName).toBe(pvc.metadata.name);
      return only(c.volumeMounts!.filter((m) => m.name === volume.name)).mountPath;
    };
    expect(mountOf(campaign, fuzz)).toBe('/reports');
    expect(mountOf(mergeJob, merger)).toBe('/reports');
  });

  it('pod I runs shard I+1/N with the run seed into /reports/<run>/shard-<I+1>, and the merge reads exactly those', () => {
    const n = campaign.spec.completions!;
    const reports = tempDir('k8s-reports');
    const env = { ...literals, THROWFUZZ_WORKERS: '2' };
    const run = join(reports, literals.THROWFUZZ_RUN!);
    for (let index = 0; index < n; index++) {
      const r = runScript(
        ['/bin/sh'],
        podScript(fuzz, reports),
        { ...env, JOB_COMPLETION_INDEX: String(index) },
        {
          cwd: reports,
          nodeExit: index % 2, // some shards find something: they still complete
        },
      );
      expect(r.status, r.stderr).toBe(0);
      const argv = only(r.nodeCalls);
      expect(argv.slice(0, 2)).toEqual(['/opt/throwfuzz/bin/throwfuzz.js', 'fuzz']);
      const arg = (o: string) => argv[argv.indexOf(o) + 1];
      expect(arg('--shard')).toBe(`${index + 1}/${n}`);
      expect(arg('--seed')).toBe(literals.THROWFUZZ_SEED);
      expect(arg('--time')).toBe(literals.THROWFUZZ_TIME);
      expect(arg('--engines')).toBe(literals.THROWFUZZ_ENGINES);
      expect(arg('--workers')).toBe('2');
      expect(arg('--out')).toBe(join(run, `shard-${index + 1}`));
      mkdirSync(arg('--out')!, { recursive: true }); // what throwfuzz would have written
    }

    expect(mergeJob.spec.suspend).toBe(true);
    expect(mergeJob.spec.backoffLimit).toBe(0);
    expect(fixedEnv(merger).THROWFUZZ_SHARDS).toBe(String(n));
    const m = runScript(
      ['/bin/sh'],
      podScript(merger, reports),
      { ...literals, ...fixedEnv(merger) },
      {
        cwd: reports,
        nodeExit: 1,
      },
    );
    expect(m.status).toBe(1);
    const argv = only(m.nodeCalls);
    expect(argv.slice(0, 3)).toEqual(['/opt/throwfuzz/bin/throwfuzz.js', 'report', 'merge']);
    expect(argv.slice(3)).toEqual([
      ...Array.from({ length: n }, (_, i) => join(run, `shard-${i + 1}`)),
      '--out',
      join(run, 'merged'),
    ]);
  });

  it('a shard exiting 2 or crashing fails its pod; the merge refuses while a shard has not finished', () => {
    const reports = tempDir('k8s-fail');
    const env = { ...literals, THROWFUZZ_WORKERS: '2', JOB_COMPLETION_INDEX: '0' };
    for (const code of [2, 137]) {
      const r = runScript(['/bin/sh'], podScript(fuzz, reports), env, { cwd: reports, nodeExit: code });
      expect(r.status).toBe(code);
    }
    // bad configuration: no seed
    const noSeed = runScript(
      ['/bin/sh'],
      podScript(fuzz, reports),
      { ...env, THROWFUZZ_SEED: '' },
      { cwd: reports },
    );
    expect(noSeed.status).not.toBe(0);
    expect(noSeed.nodeCalls).toEqual([]);

    const m = runScript(
      ['/bin/sh'],
      podScript(merger, reports),
      { ...literals, ...fixedEnv(merger) },
      { cwd: reports },
    );
    expect(m.status).toBe(2);
    expect(m.nodeCalls).toEqual([]);
    expect(m.stderr).toContain('shard 1/');
  });

  it('runs unprivileged by default; the kernel-engine patch adds CAP_BPF + CAP_PERFMON and all engines to the shards only', () => {
    for (const job of [campaign, mergeJob]) {
      const pod = job.spec.template.spec;
      expect(pod.securityContext!.runAsNonRoot, job.metadata.name).toBe(true);
      expect(pod.hostPID).toBeUndefined();
      const c = only(pod.containers);
      expect(c.securityContext!.capabilities!.drop).toEqual(['ALL']);
      expect(c.securityContext!.capabilities!.add).toBeUndefined();
      expect(c.securityContext!.privileged).toBeUndefined();
    }
    expect(patch.kind).toBe('Job');
    expect(patch.metadata.name).toBe(campaign.metadata.name);
    const p = only(patch.spec.template.spec.containers);
    expect(p.name).toBe(fuzz.name);
    expect(p.securityContext!.capabilities!.add!.sort()).toEqual(['BPF', 'PERFMON']);
    // only uid 0 gets added capabilities in its effective set
    expect(patch.spec.template.spec.securityContext).toMatchObject({ runAsUser: 0, runAsNonRoot: false });
    expect(p.env).toEqual([{ name: 'THROWFUZZ_ENGINES', value: 'all' }]);
    expect(patch.spec.template.spec.hostPID).toBeUndefined();
    expect(read('kustomization.yaml')).toMatch(/^# +- path: kernel-engine-patch\.yaml$/m);
  });

  it('calls throwfuzz only with commands and options that exist', async () => {
    const calls = [...invocationsIn(read('campaign-job.yaml')), ...invocationsIn(read('merge-job.yaml'))];
    expect(calls.map((c) => c.command)).toEqual(['fuzz', 'report merge']);
    expect(await unknownUsage(calls)).toEqual([]);
  });
});

describe('deploy/Dockerfile', () => {
  const text = readFileSync(join(import.meta.dirname, '../../deploy/Dockerfile'), 'utf8');
  const instructions = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((l) => /^[A-Z]+ /.test(l));

  it('builds on Node 20 with npm ci and a C compiler for the native executor', () => {
    const froms = instructions.filter((l) => l.startsWith('FROM '));
    expect(froms.length).toBeGreaterThan(0);
    for (const f of froms) expect(f).toMatch(/^FROM node:20(-[a-z-]+)?( AS \w+)?$/);
    const runs = instructions.filter((l) => l.startsWith('RUN '));
    const npmCi = runs.findIndex((r) => /\bnpm ci\b/.test(r));
    const compiler = runs.findIndex((r) => /apt-get install .*\bgcc\b/.test(r));
    expect(npmCi).toBeGreaterThanOrEqual(0);
    expect(compiler).toBeGreaterThanOrEqual(0);
    expect(compiler).toBeLessThan(npmCi);
  });

  it('runs throwfuzz where the pods call it', () => {
    expect(instructions).toContain('ENTRYPOINT ["node", "/opt/throwfuzz/bin/throwfuzz.js"]');
    expect(
      instructions.filter((l) => l.startsWith('WORKDIR ')).every((l) => l === 'WORKDIR /opt/throwfuzz'),
    ).toBe(true);
    // the final stage runs as `node` (uid 1000, as the pods' runAsUser)
    const final = instructions.slice(instructions.map((l) => l.startsWith('FROM ')).lastIndexOf(true));
    expect(final).toContain('USER node');
  });
});
