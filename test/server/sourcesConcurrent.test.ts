import { expect, test } from 'vitest'
import type * as Y from 'yjs'
import { readSource, readSources, toCsl, writeSource, type CslItem } from '../../shared/sources/index.js'
import { createPrng } from '../helpers/prng.js'
import { getSources } from '../helpers/sourcesApi.js'
import { createDoc, startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, waitForSync } from '../helpers/yClient.js'
import { billVersionInput, newsArticleInput } from '../shared/fixtures.js'

/** What an edit form does: read the source as this client has it, change some fields, save. */
function edit(doc: Y.Doc, id: string, change: (item: CslItem) => CslItem): void {
  const stored = readSource(doc, id)
  if (!stored) throw new Error(`source ${id} is not in this client's document`)
  writeSource(doc, change(stored))
}

const retitle = (title: string) => (item: CslItem) => ({ ...item, title })
const relocate = (url: string, status: string) => (item: CslItem) => ({ ...item, URL: url, custom: { ...item.custom, status } })

test('two clients adding and editing sources at once, the same source included, converge with every edit kept', async () => {
  const server = await startTestServer()
  const docId = await createDoc(server.url)
  const alice = connectClient(server.wsUrl, docId)
  const bob = connectClient(server.wsUrl, docId)
  await Promise.all([waitForSync(alice.provider), waitForSync(bob.provider)])

  const bill = toCsl(billVersionInput({ id: 'src_sharedbill01' }))
  writeSource(alice.doc, bill)
  await waitFor(() => readSource(bob.doc, bill.id), { message: 'bob to receive the bill' })

  // Alice only ever edits titles, Bob only URLs and statuses: so the final value of every field is known.
  const titles = new Map<string, string>()
  const locations = new Map<string, { url: string; status: string }>()
  const aliceEdits = (id: string, title: string) => (edit(alice.doc, id, retitle(title)), titles.set(id, title))
  const bobEdits = (id: string, url: string, status: string) => (edit(bob.doc, id, relocate(url, status)), locations.set(id, { url, status }))

  // The same source, different fields, in one synchronous block: neither has seen the other's edit.
  aliceEdits(bill.id, 'Public Parks, Trails and Beaches Access Act')
  bobEdits(bill.id, 'https://legislature.example.gov/bills/sb101/v2', 'In committee')

  const prng = createPrng(20240917)
  const added: string[] = [bill.id]
  for (let round = 0; round < 40; round++) {
    const aliceId = `src_a${String(round).padStart(11, '0')}`
    const bobId = `src_b${String(round).padStart(11, '0')}`
    writeSource(alice.doc, toCsl(newsArticleInput({ id: aliceId, title: `Alice's article ${round}` })))
    writeSource(bob.doc, toCsl(newsArticleInput({ id: bobId, title: `Bob's article ${round}` })))
    added.push(aliceId, bobId)
    // Each edits one source the other may be editing right now (only those it has already received).
    const aliceSees = added.filter((id) => readSource(alice.doc, id))
    const bobSees = added.filter((id) => readSource(bob.doc, id))
    aliceEdits(prng.pick(aliceSees), `Title ${round} by Alice`)
    bobEdits(prng.pick(bobSees), `https://ledger.example.com/r${round}`, `status ${round}`)
    if (round % 4 === 0) await new Promise((resolve) => setImmediate(resolve))
  }

  const listed = (client: typeof alice) => JSON.stringify(readSources(client.doc))
  await waitFor(() => readSources(alice.doc).length === added.length && listed(alice) === listed(bob), {
    message: () => `alice and bob to converge (${readSources(alice.doc).length} / ${readSources(bob.doc).length} of ${added.length})`,
  })

  const merged = readSources(alice.doc)
  expect(merged.map((item) => item.id)).toEqual([...added].sort())
  for (const item of merged) {
    if (titles.has(item.id)) expect(item.title, item.id).toBe(titles.get(item.id))
    if (locations.has(item.id)) expect({ url: item.URL, status: item.custom?.status }, item.id).toEqual(locations.get(item.id))
  }
  // Both edits of the shared bill survived, and what neither touched is intact.
  expect(merged.find((item) => item.id === bill.id)).toEqual({
    ...bill,
    title: titles.get(bill.id),
    URL: locations.get(bill.id)!.url,
    custom: { ...bill.custom, status: locations.get(bill.id)!.status },
  })

  // The server's copy, read over HTTP, is the same merged list.
  expect(await getSources(server.url, docId)).toEqual(merged)
})
