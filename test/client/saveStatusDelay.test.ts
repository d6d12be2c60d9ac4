import { expect, test } from 'vitest'
import { SaveTracker, SHOW_UNSAVED_AFTER_MS, type SaveState } from '../../client/collab/SaveTracker.js'
import { FlakyStorage } from '../helpers/FlakyStorage.js'
import { bodyText } from '../helpers/statementBody.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

test('the save status stays "saved" while acknowledged edits come in, and says "unsaved" once one waits', async () => {
  let storage: FlakyStorage | undefined
  const server = await startTestServer({ storage: (file) => (storage = new FlakyStorage(file)), collab: { retryDelayMs: 20 } })
  const docId = await createDoc(server.url)
  const client = connectClient(server.wsUrl, docId)
  const tracker = new SaveTracker(client.doc, client.provider)
  const shown: SaveState['kind'][] = []
  tracker.subscribe(() => shown.push(tracker.getState().kind))
  await waitForSync(client.provider)
  await waitFor(() => tracker.getState().kind === 'saved', { message: 'the status to say saved after the first sync' })
  shown.length = 0

  // Twenty keystrokes, each acknowledged within milliseconds: the status never changes.
  const text = bodyText(client.doc)
  for (let i = 0; i < 20; i++) {
    text.insert(text.length, 'x')
    expect(tracker.hasUnsavedEdits).toBe(true)
    await waitFor(() => !tracker.hasUnsavedEdits, { message: `keystroke ${i} to be acknowledged` })
  }
  await sleep(SHOW_UNSAVED_AFTER_MS + 100)
  expect(shown).toEqual([])

  // Storage cannot write: the edit is not acknowledged, and the status says so after the delay, not before.
  storage!.failAppends = true
  const typedAt = performance.now()
  text.insert(text.length, 'y')
  await waitFor(() => tracker.getState().kind === 'unsaved', { message: 'the status to say unsaved' })
  expect(performance.now() - typedAt).toBeGreaterThanOrEqual(SHOW_UNSAVED_AFTER_MS - 5)
  expect(tracker.hasUnsavedEdits).toBe(true)

  storage!.failAppends = false
  await waitFor(() => tracker.getState().kind === 'saved', { timeoutMs: 10_000, message: 'the status to say saved once storage recovers' })
  expect(shown).toEqual(['unsaved', 'saved'])
  tracker.destroy()
})
