import { fork, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { repoRoot } from '../targets/index.js'
import type { TypistCommand, TypistReply } from './typists.js'

/** The typists' process (bench/browser/typists.ts), one command at a time over IPC. */
export class TypistsProcess {
  private readonly child: ChildProcess

  constructor() {
    this.child = fork(join(repoRoot, 'bench/browser/typists.ts'), [], {
      execArgv: ['--import', 'tsx'],
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
  }

  get pid(): number {
    return this.child.pid!
  }

  /** Sends one command and waits for its answer (an error if the process exits or stays silent). */
  send(command: TypistCommand, timeoutMs: number): Promise<Extract<TypistReply, { ok: true }>> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => finish(new Error(`typists: process exited (${code}) during ${command.kind}`))
      const onMessage = (reply: TypistReply) => (reply.ok ? finish(null, reply) : finish(new Error(`typists ${command.kind}: ${reply.error}`)))
      const timer = setTimeout(() => finish(new Error(`typists: no answer to ${command.kind} within ${timeoutMs} ms`)), timeoutMs)
      const finish = (error: Error | null, reply?: Extract<TypistReply, { ok: true }>) => {
        clearTimeout(timer)
        this.child.off('exit', onExit)
        this.child.off('message', onMessage)
        if (error) reject(error)
        else resolve(reply!)
      }
      this.child.once('exit', onExit)
      this.child.on('message', onMessage)
      this.child.send(command)
    })
  }

  /** Stops the typists and the process (killed if it does not exit within 5 s). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return
    const exited = new Promise((resolve) => this.child.once('exit', resolve))
    await this.send({ kind: 'stop' }, 5_000).catch(() => undefined)
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000)
    await exited
    clearTimeout(timer)
  }
}
