/** The machine a run ran on, for the report: the one place src/report asks the operating system. */
import { cpus, hostname, platform, release, totalmem } from 'node:os';
import type { ReportMachine } from './model.js';

export function collectMachine(): ReportMachine {
  const cpuList = cpus();
  return {
    hostname: hostname(),
    platform: `${platform()} ${release()}`,
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    memoryMiB: Math.round(totalmem() / (1024 * 1024)),
    node: process.version,
  };
}
