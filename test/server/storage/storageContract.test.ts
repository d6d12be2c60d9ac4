import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import type { Storage } from '../../../server/storage/Storage.js'
import { ENGINES, type EngineDatabase } from './storageEngines.js'

/** A writer's edits, one Yjs update per edit, and the text they add up to. */
function edits(count: number, label: string): { updates: Uint8Array[]; text: () => string } {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const text = doc.getText('body')
  for (let i = 0; i < count; i++) {
    text.insert(text.length, `${label}${i} `)
    if (i % 5 === 4) text.delete(0, 1) // deletions too, so a snapshot has something to garbage-collect
  }
  return { updates, text: () => text.toString() }
}

/** What a document's stored log reads as. */
async function storedText(storage: Storage, docId: string): Promise<string> {
  const doc = new Y.Doc()
  for (const update of await storage.loadUpdates(docId)) Y.applyUpdate(doc, update)
  return doc.getText('body').toString()
}

describe.each(ENGINES)('storage contract: $name', (engine) => {
  let database: EngineDatabase
  let storage: Storage
  const opened: Storage[] = []
  const open = async () => {
    const next = await database.open()
    opened.push(next)
    return next
  }

  beforeEach(async (context) => {
    if (!engine.available) context.skip()
    database = await engine.create()
    storage = await open()
  })

  afterEach(async () => {
    if (!engine.available) return
    await Promise.all(opened.splice(0).map((each) => each.close()))
    await database.drop()
  })

  test('documents are created, listed newest first, renamed, and a missing one is reported missing', async () => {
    expect(await storage.listDocuments({ trashed: false })).toEqual([])
    await storage.createDocument({ id: 'a', title: 'First', now: 1000 })
    await storage.createDocument({ id: 'b', title: 'Second', now: 2000 })
    expect(await storage.getDocument('a')).toEqual({ id: 'a', title: 'First', createdAt: 1000, updatedAt: 1000, deletedAt: null })
    expect((await storage.listDocuments({ trashed: false })).map((d) => d.id)).toEqual(['b', 'a'])

    const renamed = await storage.updateDocument('a', { title: 'Renamed', now: 3000 })
    expect(renamed).toEqual({ id: 'a', title: 'Renamed', createdAt: 1000, updatedAt: 3000, deletedAt: null })
    expect((await storage.listDocuments({ trashed: false })).map((d) => d.id)).toEqual(['a', 'b'])
    expect(await storage.updateDocument('missing', { title: 'x', now: 4000 })).toBeUndefined()
    expect(await storage.getDocument('missing')).toBeUndefined()
    // Timestamps beyond 32 bits (every real one) come back as numbers, unchanged.
    await storage.createDocument({ id: 'c', title: 'Now', now: 1_764_000_000_123 })
    expect((await storage.getDocument('c'))?.createdAt).toBe(1_764_000_000_123)
  })

  test('trash and restore: a trashed document leaves the list for the trash and keeps its title', async () => {
    await storage.createDocument({ id: 'a', title: 'Kept', now: 1000 })
    await storage.createDocument({ id: 'b', title: 'Binned', now: 1000 })
    await storage.updateDocument('b', { deletedAt: 5000, now: 5000 })
    expect((await storage.listDocuments({ trashed: false })).map((d) => d.id)).toEqual(['a'])
    expect(await storage.listDocuments({ trashed: true })).toEqual([
      { id: 'b', title: 'Binned', createdAt: 1000, updatedAt: 5000, deletedAt: 5000 },
    ])
    await storage.updateDocument('b', { deletedAt: null, now: 6000 })
    expect(await storage.listDocuments({ trashed: true })).toEqual([])
    expect((await storage.getDocument('b'))?.deletedAt).toBeNull()
  })

  test('purge removes a document and its whole log, and reports a missing one', async () => {
    await storage.createDocument({ id: 'a', title: 'Gone', now: 1000 })
    await storage.appendUpdate('a', edits(1, 'x').updates[0]!, 1000)
    expect(await storage.purgeDocument('a')).toBe(true)
    expect(await storage.getDocument('a')).toBeUndefined()
    expect(await storage.loadUpdates('a')).toEqual([])
    expect(await storage.purgeDocument('a')).toBe(false)
  })

  test('the update log keeps every update byte for byte, in order, with growing positions', async () => {
    await storage.createDocument({ id: 'a', title: 'Log', now: 1000 })
    expect(await storage.loadUpdates('a')).toEqual([])
    const { updates, text } = edits(12, 'w')
    const seqs: number[] = []
    for (const update of updates) seqs.push((await storage.appendUpdate('a', update, 1000)).seq)
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs)
    expect(new Set(seqs).size).toBe(seqs.length)
    expect((await storage.loadUpdates('a')).map((u) => Array.from(u))).toEqual(updates.map((u) => Array.from(u)))
    expect(await storedText(storage, 'a')).toBe(text())
  })

  test('an append moves the document up the list (updated_at), at most every few seconds', async () => {
    await storage.createDocument({ id: 'a', title: 'A', now: 1000 })
    await storage.createDocument({ id: 'b', title: 'B', now: 2000 })
    const { updates } = edits(2, 'u')
    await storage.appendUpdate('a', updates[0]!, 10_000)
    expect((await storage.getDocument('a'))?.updatedAt).toBe(10_000)
    await storage.appendUpdate('a', updates[1]!, 11_000) // within the interval: not rewritten
    expect((await storage.getDocument('a'))?.updatedAt).toBe(10_000)
    expect((await storage.listDocuments({ trashed: false })).map((d) => d.id)).toEqual(['a', 'b'])
  })

  test('replaceLog folds the entries it covers into the snapshot and keeps the later ones', async () => {
    await storage.createDocument({ id: 'a', title: 'Fold', now: 1000 })
    const { updates, text } = edits(10, 'f')
    const seqs: number[] = []
    for (const update of updates) seqs.push((await storage.appendUpdate('a', update, 1000)).seq)
    await storage.replaceLog('a', Y.mergeUpdates(updates.slice(0, 6)), seqs[5]!)
    const log = await storage.loadUpdates('a')
    expect(log.length).toBe(1 + updates.length - 6)
    expect(await storedText(storage, 'a')).toBe(text())
    // The snapshot's position is after everything it replaced.
    expect((await storage.appendUpdate('a', edits(1, 'z').updates[0]!, 1000)).seq).toBeGreaterThan(seqs.at(-1)!)
  })

  test('replaceLog given a snapshot that lacks stored updates keeps what they inserted and deleted', async () => {
    await storage.createDocument({ id: 'a', title: 'Two processes', now: 1000 })
    // Both processes start from the same stored text; then each edits without hearing the other.
    const seed = new Y.Doc()
    seed.getText('body').insert(0, 'shared start. ')
    const base = Y.encodeStateAsUpdate(seed)
    await storage.appendUpdate('a', base, 1000)
    const [mine, theirs] = [new Y.Doc(), new Y.Doc()]
    for (const doc of [mine, theirs]) Y.applyUpdate(doc, base)
    let seq = 0
    for (const [doc, edit] of [
      [theirs, (text: Y.Text) => text.insert(text.length, 'theirs, never seen here. ')],
      [mine, (text: Y.Text) => text.insert(text.length, 'mine. ')],
      [theirs, (text: Y.Text) => text.delete(0, 'shared '.length)],
    ] as const) {
      const before = Y.encodeStateVector(doc)
      edit(doc.getText('body'))
      seq = (await storage.appendUpdate('a', Y.encodeStateAsUpdate(doc, before), 1000)).seq
    }
    // A compaction by the process that never received the other's updates, through all of them.
    await storage.replaceLog('a', Y.encodeStateAsUpdate(mine), seq)
    expect(await storage.loadUpdates('a')).toHaveLength(1)
    const everything = new Y.Doc()
    for (const update of [Y.encodeStateAsUpdate(mine), Y.encodeStateAsUpdate(theirs)]) Y.applyUpdate(everything, update)
    expect(await storedText(storage, 'a')).toBe(everything.getText('body').toString())
    expect(await storedText(storage, 'a')).toContain('theirs, never seen here.')
    expect(await storedText(storage, 'a')).not.toContain('shared')
  })

  test('the entry a compaction writes keeps the snapshot\'s garbage collection (deleted text is not stored again)', async () => {
    await storage.createDocument({ id: 'a', title: 'Collected', now: 1000 })
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    const text = doc.getText('body')
    text.insert(0, 'kept. ')
    text.insert(text.length, 'DELETED-WORDS')
    text.delete('kept. '.length, 'DELETED-WORDS'.length)
    let seq = 0
    for (const update of updates) seq = (await storage.appendUpdate('a', update, 1000)).seq
    await storage.replaceLog('a', Y.encodeStateAsUpdate(doc), seq)
    const [entry] = await storage.loadUpdates('a')
    expect(Buffer.from(entry!).includes('DELETED-WORDS')).toBe(false)
    expect(await storedText(storage, 'a')).toBe('kept. ')
  })

  test('a compaction racing appends loses none of them', async () => {
    await storage.createDocument({ id: 'a', title: 'Race', now: 1000 })
    const { updates, text } = edits(60, 'r')
    let through = 0
    for (const update of updates.slice(0, 20)) through = (await storage.appendUpdate('a', update, 1000)).seq
    // Appends of the rest start first and keep going while compactions of the first 20 commit in between.
    const appends = updates.slice(20).map((update) => storage.appendUpdate('a', update, 1000))
    const compactions = [0, 1, 2].map(() => storage.replaceLog('a', Y.mergeUpdates(updates.slice(0, 20)), through))
    await Promise.all([...appends, ...compactions])
    expect(await storedText(storage, 'a')).toBe(text())
    expect((await storage.loadUpdates('a')).length).toBe(updates.length - 20 + 3)
  })

  test('two connections (as two processes) appending and compacting the same document at once lose nothing', async () => {
    const other = await open()
    await storage.createDocument({ id: 'a', title: 'Shared', now: 1000 })
    const { updates, text } = edits(80, 'p')
    const half = Math.floor(updates.length / 2)
    const first = updates.slice(0, half)
    // Phase 1: both processes append, alternately; each compacts only what it knows has committed.
    const seqs = await Promise.all(first.map((update, i) => (i % 2 ? other : storage).appendUpdate('a', update, 1000)))
    const through = Math.max(...seqs.map((s) => s.seq))
    const snapshot = Y.mergeUpdates(first)
    // Phase 2: both compact the same range while both keep appending.
    await Promise.all([
      storage.replaceLog('a', snapshot, through),
      other.replaceLog('a', snapshot, through),
      ...updates.slice(half).map((update, i) => (i % 2 ? storage : other).appendUpdate('a', update, 1000)),
    ])
    expect(await storedText(storage, 'a')).toBe(text())
    expect(await storedText(other, 'a')).toBe(text())
    expect((await storage.loadUpdates('a')).length).toBe(updates.length - half + 2)
  })

  test('data survives closing and reopening, which migrates nothing twice', async () => {
    await storage.createDocument({ id: 'a', title: 'Durable', now: 1000 })
    const { updates, text } = edits(3, 'd')
    for (const update of updates) await storage.appendUpdate('a', update, 1000)
    await storage.close()
    opened.splice(opened.indexOf(storage), 1)
    const reopened = await open()
    expect((await reopened.getDocument('a'))?.title).toBe('Durable')
    expect(await storedText(reopened, 'a')).toBe(text())
  })

  test('a database written by a newer Caucus is refused rather than misread', async () => {
    await storage.close()
    opened.splice(opened.indexOf(storage), 1)
    await database.setSchemaVersion(999)
    await expect(database.open()).rejects.toThrow(/newer Caucus/)
  })
})
