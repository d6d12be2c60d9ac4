import pino, { type DestinationStream, type Logger } from 'pino'
import { scrubLogFields } from './scrubLogFields.js'

export type { Logger }

/** The levels `CAUCUS_LOG_LEVEL` may name (`silent` turns logging off). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

/** Structured fields of one line; the names are shared by every part of the server so lines can be queried. */
export interface LogFields {
  /** What happened, as a dotted name (`connection.closed`, `save.failed`, …). */
  event?: string
  /** The line's level; without it a line with an error is `error`, one without `warn` (see `logFunction`). */
  level?: Exclude<LogLevel, 'silent'>
  docId?: string
  /** The collaboration connection's number (counted from 1 per process). */
  connection?: number
  /** A websocket close: its number and its name (ours from shared/closeCodes.ts, or the standard one). */
  closeCode?: { code: number; name: string }
  [field: string]: unknown
}

/**
 * How the collaboration layer and the HTTP routes report: a message, an error (for its message and stack), and
 * fields. It keeps that layer free of any logging library (and tests can pass a plain function).
 */
export type LogFunction = (message: string, error?: unknown, fields?: LogFields) => void

export interface LoggerOptions {
  /** @default 'info' */
  level?: LogLevel
  /** Where the JSON lines go; standard output (written synchronously) by default. */
  destination?: DestinationStream
}

/**
 * The server's logger: one JSON object per line. Every line goes through `scrubLogFields` first, so fields named
 * like credentials are redacted, errors keep only their message and stack, and binary data is replaced by its
 * size, whoever logs what.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        // "level":"warn" rather than 40: readable without a lookup table, and what log collectors expect.
        level: (label) => ({ level: label }),
        log: (fields) => scrubLogFields(fields),
      },
      // Errors were already reduced by scrubLogFields; pino's own serializer would add every enumerable property.
      serializers: { err: (value: unknown) => value },
    },
    // Synchronous, so the last lines before `process.exit` (shutdown, a failed start) are never lost.
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  )
}

/** `CAUCUS_LOG_LEVEL`, checked so that a typo stops the server at start. */
export function logLevelFrom(raw: string | undefined): LogLevel {
  if (raw === undefined || raw === '') return 'info'
  const level = raw.trim().toLowerCase()
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new Error(`CAUCUS_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}".`)
  return level as LogLevel
}

/** A `LogFunction` writing to `logger`. */
export function logFunction(logger: Logger): LogFunction {
  return (message, error, fields = {}) => {
    const { level = error === undefined ? 'warn' : 'error', ...rest } = fields
    logger[level](error === undefined ? rest : { ...rest, err: error }, message)
  }
}
