/**
 * Another process's CPU time, read from outside it: `process.cpuUsage` answers only for the
 * process that calls it, and a simulator started as an operator starts it (its own command, no
 * IPC channel) cannot be asked. Linux keeps every process's user and system time in
 * `/proc/<pid>/stat`; elsewhere there is nothing to read and the answer is null.
 */
import { readFile } from "node:fs/promises";

/**
 * `/proc` counts in clock ticks of USER_HZ, which Linux fixes at 100 for user space whatever the
 * kernel's own tick (`getconf CLK_TCK`).
 */
const clockTicksPerSecond = 100;
/** utime and stime are fields 14 and 15; counted from field 3, the first after the command. */
const utimeIndex = 14 - 3;
const stimeIndex = 15 - 3;

/** The process's user and system CPU time so far in milliseconds; null where unreadable. */
export async function processCpuMs(pid: number | undefined): Promise<number | null> {
  if (pid === undefined) return null;
  let stat: string;
  try {
    stat = await readFile(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // The command (field 2) is in parentheses and may hold spaces: count from after its end.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[utimeIndex]) + Number(fields[stimeIndex]);
  return Number.isFinite(ticks) ? (ticks * 1000) / clockTicksPerSecond : null;
}
