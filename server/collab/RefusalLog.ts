import type { LogFields, LogFunction } from '../ops/logger.js'

export interface RefusalLogOptions {
  /** Lines written per window; further refusals in the window are only counted. @default 20 */
  maxLines?: number
  /** @default 10_000 */
  windowMs?: number
}

/**
 * Reports refused connections, one line each, at most `maxLines` per window: a flood of bad frames (one
 * connection each) must not flood the log. At the end of a window in which lines were left out, one line says
 * how many.
 */
export class RefusalLog {
  private readonly maxLines: number
  private readonly windowMs: number
  private windowStart = -Infinity
  private written = 0
  private suppressed = 0
  private summaryTimer: NodeJS.Timeout | null = null

  constructor(
    private readonly log: LogFunction,
    options: RefusalLogOptions = {},
  ) {
    this.maxLines = options.maxLines ?? 20
    this.windowMs = options.windowMs ?? 10_000
  }

  /** One refusal; `error` only for an unexpected failure (its stack is worth reading), never for a ProtocolError. */
  write(line: string, error?: unknown, fields?: LogFields): void {
    const now = performance.now()
    if (now - this.windowStart >= this.windowMs) {
      this.flush()
      this.windowStart = now
      this.written = 0
    }
    if (this.written < this.maxLines) {
      this.written++
      this.log(line, error, fields)
      return
    }
    this.suppressed++
    this.summaryTimer ??= setTimeout(() => this.flush(), this.windowStart + this.windowMs - now).unref()
  }

  /** Writes the summary of what was left out, if anything (also called when the server stops). */
  flush(): void {
    if (this.summaryTimer) clearTimeout(this.summaryTimer)
    this.summaryTimer = null
    if (this.suppressed === 0) return
    this.log(`… ${this.suppressed} more refusals suppressed in the last ${Math.round(this.windowMs / 1000)} s`, undefined, {
      event: 'connection.refusalsSuppressed',
      count: this.suppressed,
    })
    this.suppressed = 0
  }
}
