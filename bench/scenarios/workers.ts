import { fork, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type { Job, JobReply, Metrics, ReceiversReady, ReceiversStop } from '../clients/jobs.js'
import { repoRoot } from '../targets/index.js'

/** Client worker processes (bench/clients/worker.ts), driven over IPC. */

function forkWorker(): ChildProcess {
  // BENCH_CLIENT_CPU_PROF=<folder> profiles the client workers too (to see when the clients, not the server, are the limit).
  const profile = process.env.BENCH_CLIENT_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CLIENT_CPU_PROF}`] : []
  return fork(join(repoRoot, 'bench/clients/worker.ts'), [], {
    execArgv: [...profile, '--import', 'tsx'],
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
}

/** The next IPC message from a worker, or an error if it exits or stays silent for `timeoutMs`. */
function nextMessage(worker: ChildProcess, what: string, timeoutMs: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => finish(new Error(`${what}: client worker exited (${code}) without answering`))
    const onMessage = (message: unknown) => finish(null, message)
    const timer = setTimeout(() => finish(new Error(`${what}: no answer within ${timeoutMs} ms`)), timeoutMs)
    const finish = (error: Error | null, message?: unknown) => {
      clearTimeout(timer)
      worker.off('exit', onExit)
      worker.off('message', onMessage)
      if (error) reject(error)
      else resolve(message)
    }
    worker.once('exit', onExit)
    worker.once('message', onMessage)
  })
}

/** Lets a worker exit by itself (writing its profile, if any); one still running after 10 s is killed. */
async function reap(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return
  const exited = new Promise((resolve) => worker.once('exit', resolve))
  const timer = setTimeout(() => worker.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

function metricsOf(reply: JobReply): Metrics {
  if (!reply.ok) throw new Error(reply.error)
  return reply.metrics
}

/** Runs one job in a fresh client process and returns its metrics; the process is killed after `timeoutMs`. */
export async function runJob(job: Job, timeoutMs: number): Promise<Metrics> {
  const worker = forkWorker()
  try {
    const reply = nextMessage(worker, `${job.kind} on ${job.target.name}`, timeoutMs)
    worker.send(job)
    return metricsOf((await reply) as JobReply)
  } catch (error) {
    worker.kill('SIGKILL')
    throw error
  } finally {
    await reap(worker)
  }
}

/** A running receivers worker (scenario 5's load): stop it to learn how many markers it received. */
export interface ReceiversWorker {
  stop(expectedReceipts: number, drainMs: number): Promise<Metrics>
}

/** Starts a receivers worker and resolves once all its clients have joined. */
export async function startReceivers(job: Extract<Job, { kind: 'receivers' }>, timeoutMs: number): Promise<ReceiversWorker> {
  const worker = forkWorker()
  const what = `receivers on ${job.target.name}`
  try {
    const ready = nextMessage(worker, what, timeoutMs)
    worker.send(job)
    const message = (await ready) as ReceiversReady | JobReply
    if (!('ready' in message)) metricsOf(message)
  } catch (error) {
    worker.kill('SIGKILL')
    throw error
  }
  return {
    stop: async (expectedReceipts, drainMs) => {
      try {
        const reply = nextMessage(worker, what, drainMs + 15_000)
        worker.send({ stop: true, expectedReceipts, drainMs } satisfies ReceiversStop)
        return metricsOf((await reply) as JobReply)
      } catch (error) {
        worker.kill('SIGKILL')
        throw error
      } finally {
        await reap(worker)
      }
    },
  }
}
