import { spawn, type ChildProcess } from 'node:child_process'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** Kernel clock ticks per second: /proc reports CPU time in these. */
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100

/** CPU time (user + system) a process has used so far, in µs (resolution: one clock tick, usually 10 ms). */
export function readCpuUs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name (field 2) may contain spaces; everything after its closing paren is space-separated.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // fields[0] is field 3 (state), so utime (field 14) is fields[11] and stime (field 15) fields[12].
  return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / CLK_TCK
}

/** The whole machine's CPU time so far, in clock ticks summed over all cores: busy and total. */
export function readMachineTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number)
  const total = fields.reduce((a, b) => a + b, 0)
  // idle + iowait are not busy.
  return { busy: total - fields[3]! - (fields[4] ?? 0), total }
}

/**
 * CPU used on the machine by processes other than the sampled ones between two samples, in % of one core. Other work on
 * a shared machine (someone's test run) skews a benchmark; this says by how much.
 */
export function otherCpuPct(before: MachineSample, after: MachineSample): number {
  const cores = Number(execFileSync('nproc').toString().trim()) || 1
  const machineBusyPct = (100 * cores * (after.machine.busy - before.machine.busy)) / Math.max(1, after.machine.total - before.machine.total)
  const ownUs = after.ownCpuUs - before.ownCpuUs
  const wallUs = (after.at - before.at) * 1000
  return Math.max(0, machineBusyPct - (100 * ownUs) / wallUs)
}

/** Machine-wide busy CPU over `windowMs`, in % of one core (200 = both cores of a 2-core machine busy). */
export async function machineBusyPct(windowMs: number): Promise<number> {
  const cores = Number(execFileSync('nproc').toString().trim()) || 1
  const before = readMachineTicks()
  await new Promise((resolve) => setTimeout(resolve, windowMs))
  const after = readMachineTicks()
  return (100 * cores * (after.busy - before.busy)) / Math.max(1, after.total - before.total)
}

/**
 * Waits (at most `maxWaitMs`) until the machine is nearly idle, so that a measurement does not start while
 * something else (another session's test run) is using the cores. Returns how long it waited and the last reading.
 */
export async function waitForQuietMachine(maxWaitMs: number, thresholdPct: number): Promise<{ waitedMs: number; busyPct: number }> {
  const started = performance.now()
  let busyPct = await machineBusyPct(500)
  while (busyPct > thresholdPct && performance.now() - started < maxWaitMs) busyPct = await machineBusyPct(1000)
  return { waitedMs: performance.now() - started, busyPct }
}

export interface MachineSample {
  at: number
  machine: { busy: number; total: number }
  ownCpuUs: number
}

/** Samples the machine and the CPU time of `pids` (the benchmark's own processes) at one moment. */
export function sampleMachine(pids: number[]): MachineSample {
  return { at: performance.now(), machine: readMachineTicks(), ownCpuUs: pids.reduce((sum, pid) => sum + readCpuUs(pid), 0) }
}

export interface MemorySample {
  /** Resident set size now, in kB. */
  rssKb: number
  /** Peak resident set size since the process started (VmHWM), in kB. */
  peakRssKb: number
}

/** Reads VmRSS and VmHWM from /proc/<pid>/status. */
export function readMemory(pid: number): MemorySample {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
  return { rssKb: kb('VmRSS'), peakRssKb: kb('VmHWM') }
}

/** The CPU time of several processes together (a target of two server processes counts both). */
export function sumCpuUs(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + readCpuUs(pid), 0)
}

/** The memory of several processes together (peaks summed: an upper bound of the peak of the sum). */
export function sumMemory(pids: readonly number[]): MemorySample {
  return pids.map(readMemory).reduce((sum, sample) => ({ rssKb: sum.rssKb + sample.rssKb, peakRssKb: sum.peakRssKb + sample.peakRssKb }), { rssKb: 0, peakRssKb: 0 })
}

export interface SpawnedServer {
  pid: number
  port: number
  child: ChildProcess
  /** ms from spawn until the port was printed. */
  startMs: number
  output(): string
  /** Sends `signal` (SIGTERM by default: a graceful stop that lets a server save), then SIGKILL after `graceMs`. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>
}

export interface SpawnOptions {
  args: string[]
  env: NodeJS.ProcessEnv
  cwd: string
  /** Pulls the port out of what the server prints. */
  portPattern: RegExp
  timeoutMs?: number
}

/** Starts a server process (node itself, so its pid is the one measured) and waits for it to print its port. */
export async function spawnServer(options: SpawnOptions): Promise<SpawnedServer> {
  const started = performance.now()
  const child = spawn(process.execPath, options.args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`no port printed within ${options.timeoutMs ?? 20_000} ms:\n${output}`)), options.timeoutMs ?? 20_000)
    const onData = () => {
      const match = options.portPattern.exec(output)
      if (match) finish(null, Number(match[1]))
    }
    const finish = (error: Error | null, value?: number) => {
      clearTimeout(timer)
      child.stdout!.off('data', onData)
      if (error) {
        child.kill('SIGKILL')
        reject(error)
      } else resolve(value!)
    }
    child.stdout!.on('data', onData)
    void exited.then(() => finish(new Error(`server exited (${child.exitCode ?? child.signalCode}) before listening:\n${output}`)))
  })

  return {
    pid: child.pid!,
    port,
    child,
    startMs: performance.now() - started,
    output: () => output,
    stop: async (signal = 'SIGTERM', graceMs = 15_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill(signal)
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
      await exited
      clearTimeout(timer)
    },
  }
}
