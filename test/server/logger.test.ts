import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { readConfig } from '../../server/config.js'
import { createLogger, logFunction } from '../../server/ops/logger.js'

/** The server's real logger, writing its JSON lines into an array. */
function capturingLogger() {
  const lines: string[] = []
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } })
  return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) }
}

test('fields named like credentials are redacted at any depth and in any case; the rest is kept', () => {
  const { logger, lines, parsed } = capturingLogger()
  const request = {
    method: 'POST',
    headers: { Authorization: 'Bearer cau_secret-token', Cookie: 'caucus_session=ses_abc', 'set-cookie': 'caucus_session=ses_def', accept: 'application/json' },
    body: { email: 'fay@example.org', password: 'hunter2 hunter2', newPassword: 'again hunter2' },
    principal: { credential: { kind: 'session', id: 'ses_ghi' }, nested: { deeper: { sessionId: 'ses_jkl', apiKey: 'k-123' } } },
  }
  logger.info({ event: 'test', docId: 'd1', connection: 7, token: 'cau_top', secret: 'top secret', request }, 'a request')

  const text = lines.join('')
  for (const credential of ['cau_secret-token', 'ses_abc', 'ses_def', 'hunter2', 'ses_ghi', 'ses_jkl', 'k-123', 'cau_top', 'top secret']) {
    expect(text).not.toContain(credential)
  }
  const [line] = parsed()
  expect(line).toMatchObject({
    level: 'info',
    msg: 'a request',
    event: 'test',
    docId: 'd1',
    connection: 7,
    token: '[redacted]',
    secret: '[redacted]',
    request: {
      method: 'POST',
      headers: { Authorization: '[redacted]', Cookie: '[redacted]', 'set-cookie': '[redacted]', accept: 'application/json' },
      body: { email: 'fay@example.org', password: '[redacted]', newPassword: '[redacted]' },
      principal: { credential: '[redacted]', nested: { deeper: { sessionId: '[redacted]', apiKey: '[redacted]' } } },
    },
  })
  // The caller's object is left as it was.
  expect(request.headers.Authorization).toBe('Bearer cau_secret-token')
})

test('an error is logged with its message and stack only, never what it carries; bytes are logged as their size', () => {
  const { logger, parsed } = capturingLogger()
  const doc = new Y.Doc()
  doc.getText('t').insert(0, 'confidential draft sentence')
  const update = Y.encodeStateAsUpdate(doc)
  const failure = Object.assign(new Error('saving failed', { cause: new Error('disk full') }), { update, body: 'confidential draft sentence', password: 'pw' })
  logFunction(logger)('saving d1 failed', failure, { event: 'save.failed', docId: 'd1', frame: update })
  logFunction(logger)('something odd was thrown', update)

  const [saved, odd] = parsed()
  expect(JSON.stringify([saved, odd])).not.toContain('confidential')
  expect(saved).toMatchObject({ level: 'error', event: 'save.failed', docId: 'd1', frame: `[${update.byteLength} bytes]`, msg: 'saving d1 failed' })
  expect(Object.keys(saved!.err as object).sort()).toEqual(['cause', 'message', 'stack'])
  expect(saved!.err).toMatchObject({ message: 'saving failed', cause: { message: 'disk full' } })
  expect((saved!.err as { stack: string }).stack).toContain('logger.test.ts')
  expect(odd).toMatchObject({ level: 'error', err: { message: 'a non-Error value was thrown (Uint8Array)' } })
})

test('a line without an error is a warning unless its fields say its level; the level comes from the configuration', () => {
  const { logger, parsed } = capturingLogger()
  const log = logFunction(logger)
  log('closing connection 3 to d1: textFrame (text frame)', undefined, { event: 'connection.refused' })
  log('connection accepted', undefined, { level: 'info', event: 'connection.accepted' })
  logger.level = 'warn'
  log('room loaded', undefined, { level: 'info', event: 'room.loaded' })
  expect(parsed().map((line) => [line.level, line.event])).toEqual([
    ['warn', 'connection.refused'],
    ['info', 'connection.accepted'],
  ])
})

test('CAUCUS_LOG_LEVEL is info by default, any case of a pino level, and a typo stops the server at start', () => {
  expect(readConfig({}).logLevel).toBe('info')
  expect(readConfig({ CAUCUS_LOG_LEVEL: 'WARN' }).logLevel).toBe('warn')
  expect(readConfig({ CAUCUS_LOG_LEVEL: 'silent' }).logLevel).toBe('silent')
  expect(() => readConfig({ CAUCUS_LOG_LEVEL: 'loud' })).toThrow(/CAUCUS_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"/)
})
