import { spawn, type StdioOptions } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

/** One run of a peer (or of our CLI) as a fresh process: its wall time and the peak RSS of that whole process. */
export interface ChildRun {
  readonly ms: number
  /** VmHWM of the child, MB; null where /proc is missing (not Linux). */
  readonly peakMb: number | null
  /**
   * The child's user + system CPU time, ms, from /proc/<pid>/stat at the last poll (in USER_HZ ticks, which Linux
   * fixes at 100/s); null without /proc. Wall time on a shared 2-core machine swings with the load; this much less.
   */
  readonly cpuMs: number | null
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

const POLL_MS = 20

/**
 * Spawn `command args`, time it from spawn to exit and poll /proc/<pid>/status for VmHWM, the kernel's high-water
 * mark of the process's RSS. The mark only rises, so the last reading before exit is the peak, short only of growth
 * in the final POLL_MS (checked by hand against `/usr/bin/time -f %M`, which is not installed everywhere).
 * `stdout` 'pipe' collects the output; a file descriptor sends it there without passing through this process.
 */
export const runChild = async (
  command: string,
  args: readonly string[],
  stdout: 'pipe' | number = 'pipe',
): Promise<ChildRun> => {
  const stdio: StdioOptions = ['ignore', stdout, 'pipe']
  const start = performance.now()
  const child = spawn(command, args, { stdio })
  let out = ''
  let err = ''
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
  let peakKb: number | null = null
  let cpuTicks: number | null = null
  const poll = setInterval(() => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid ?? 0}/status`, 'utf8'))
      if (match !== null) peakKb = Math.max(peakKb ?? 0, Number(match[1]))
      // Fields 14 and 15 (utime, stime) follow the parenthesised command name, which may itself hold spaces.
      const stat = readFileSync(`/proc/${child.pid ?? 0}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      cpuTicks = Number(fields[11]) + Number(fields[12])
    } catch {
      // not Linux, or the process has just exited
    }
  }, POLL_MS)
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', resolve)
  }).finally(() => clearInterval(poll))
  const ms = performance.now() - start
  const peakMb = peakKb === null ? null : peakKb / 1024
  return { ms, peakMb, cpuMs: cpuTicks === null ? null : cpuTicks * 10, code, stdout: out, stderr: err }
}
