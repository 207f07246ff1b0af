import { readFileSync } from 'node:fs';

/** The kernel's clock ticks per second, in which `/proc/<pid>/stat` counts CPU time (Linux). */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * The fields of `/proc/<pid>/stat` after the command name, from the state on: index 0 is the
 * state, 1 the parent's pid, 11 and 12 user and system time, 13 and 14 those of waited-for
 * children. The name is cut at its last `)`, as it may hold spaces and parentheses itself.
 */
export function statFields(pid: number | string): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

const ticksToUs = (ticks: number) => (ticks * 1e6) / CLOCK_TICKS_PER_SECOND;

/** User + system CPU time of a process so far, in microseconds. */
export function processCpuUs(pid: number): number {
  const fields = statFields(pid);
  return ticksToUs(Number(fields[11]) + Number(fields[12]));
}

/** User + system CPU time of this process's waited-for children so far, in microseconds. */
export function childrenCpuUs(): number {
  const fields = statFields('self');
  return ticksToUs(Number(fields[13]) + Number(fields[14]));
}
