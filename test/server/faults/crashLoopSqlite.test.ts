import { test } from 'vitest'
import { storedDoc } from '../../helpers/storedDoc.js'
import { CRASH_LOOP_TIMEOUT_MS, CYCLES, runCrashLoop, WRITERS } from './crashLoop.js'

test(
  `SQLite: ${CYCLES} SIGKILL/restart cycles under ${WRITERS} writers asking for acks lose no acknowledged edit and duplicate none`,
  () => runCrashLoop({ name: 'sqlite', env: {}, read: storedDoc }),
  CRASH_LOOP_TIMEOUT_MS,
)
