import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { startChildServer } from '../helpers/childServer.js'
import { tempDir } from '../helpers/tempDir.js'
import { appendParagraph, paragraphTexts } from '../helpers/statementBody.js'
import { createDoc } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync, type TestClient } from '../helpers/yClient.js'

interface Write {
  token: string
  client: TestClient
  /** The writer's clock just after this write: the write is stored once the saved vector reaches it. */
  clockAfter: number
  acked: boolean
}

test('every write acknowledged as saved survives the server being killed with SIGKILL', async () => {
  const dataDir = tempDir()
  const first = await startChildServer(dataDir)
  const docId = await createDoc(first.url)
  const writers = [0, 1].map(() => connectClient(first.wsUrl, docId, { savedAcks: true }))
  await Promise.all(writers.map((writer) => waitForSync(writer.provider)))

  const writes: Write[] = []
  const markAcked = () => {
    for (const write of writes) write.acked ||= write.client.saved!.covers(write.client.doc.clientID, write.clockAfter)
  }
  const timers = writers.map((client, n) => {
    let i = 0
    return setInterval(() => {
      const token = `w${n}-${i++}`
      appendParagraph(client.doc, token)
      writes.push({ token, client, clockAfter: Y.getState(client.doc.store, client.doc.clientID), acked: false })
      markAcked()
    }, 5)
  })

  try {
    // Kill mid-stream, once a fair number of writes have been acknowledged (and more are in flight).
    await waitFor(() => (markAcked(), writes.filter((write) => write.acked).length >= 50), {
      timeoutMs: 15_000,
      message: () => `50 acknowledged writes (server output: ${first.output()})`,
    })
    await first.kill('SIGKILL')
  } finally {
    for (const timer of timers) clearInterval(timer)
  }
  // Freeze the verdicts now and drop the writers before anything restarts, so that nothing they still
  // hold in memory can be re-sent to the new server and hide a loss.
  markAcked()
  for (const writer of writers) writer.destroy()
  const acked = writes.filter((write) => write.acked)

  const second = await startChildServer(dataDir)
  const reader = connectClient(second.wsUrl, docId)
  await waitForSync(reader.provider)
  const stored = new Set(paragraphTexts(reader.doc))

  const lost = acked.filter((write) => !stored.has(write.token)).map((write) => write.token)
  expect(lost).toEqual([])
  expect(acked.length).toBeGreaterThan(0)
  console.info(`crash safety: ${writes.length} writes, ${acked.length} acknowledged, ${stored.size} stored after the crash`)
  // Unacknowledged writes may or may not have made it, but never with a hole: what a writer got stored is
  // a prefix of what it wrote, since its edits reach the server, and are committed, in order.
  for (const [n] of writers.entries()) {
    const mine = writes.filter((write) => write.token.startsWith(`w${n}-`)).map((write) => stored.has(write.token))
    const firstMissing = mine.indexOf(false)
    expect(firstMissing === -1 ? [] : mine.slice(firstMissing).filter(Boolean)).toEqual([])
  }
})
