import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import type { Storage } from '../../../server/storage/Storage.js'
import type { NewVersion } from '../../../server/storage/VersionStore.js'
import { ENGINES, type EngineDatabase } from './storageEngines.js'

const ana = { userId: 'u-ana', name: 'Ana Reyes' }
const ben = { userId: 'u-ben', name: 'Ben Ortiz' }

/** A version of a document whose text is `text` (its state and snapshot as the server would take them). */
function versionOf(text: string, extra: Partial<NewVersion> = {}): NewVersion {
  const doc = new Y.Doc()
  doc.getText('body').insert(0, text)
  return {
    name: null,
    kind: 'auto',
    title: 'Statement',
    now: 1_764_000_000_000,
    createdBy: null,
    editors: [ana],
    restoredFrom: null,
    state: Y.encodeStateAsUpdate(doc),
    snapshot: Y.encodeSnapshot(Y.snapshot(doc)),
    ...extra,
  }
}

const sameSnapshot = (snapshot: Uint8Array) => (latest: Uint8Array) => Y.equalSnapshots(Y.decodeSnapshot(latest), Y.decodeSnapshot(snapshot))

describe.each(ENGINES)('version store contract: $name', (engine) => {
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
    await storage.createDocument({ id: 'a', title: 'Statement', now: 1000 })
    await storage.createDocument({ id: 'b', title: 'Other', now: 1000 })
  })

  afterEach(async () => {
    if (!engine.available) return
    await Promise.all(opened.splice(0).map((each) => each.close()))
    await database.drop()
  })

  test('versions are numbered per document, listed newest first, and keep every field and their content byte for byte', async () => {
    const first = versionOf('one')
    const named = versionOf('one two', { kind: 'named', name: 'Draft for the Dec. 5 meeting', createdBy: ben, editors: [ana, ben], now: 1_764_000_100_000 })
    expect(await storage.versions.create('a', first)).toMatchObject({ docId: 'a', number: 1, name: null, kind: 'auto', createdBy: null, editors: [ana], proposal: null })
    expect(await storage.versions.create('b', versionOf('other'))).toMatchObject({ number: 1 })
    const second = await storage.versions.create('a', named)
    expect(second).toEqual({
      docId: 'a',
      number: 2,
      name: 'Draft for the Dec. 5 meeting',
      kind: 'named',
      title: 'Statement',
      createdAt: 1_764_000_100_000,
      createdBy: ben,
      editors: [ana, ben],
      restoredFrom: null,
      proposal: null,
      stateBytes: named.state.length,
    })
    await storage.versions.create('a', versionOf('one', { kind: 'restore', restoredFrom: 1, createdBy: ana }))

    expect((await storage.versions.list('a', { limit: 10 })).map((v) => [v.number, v.kind, v.restoredFrom])).toEqual([
      [3, 'restore', 1],
      [2, 'named', null],
      [1, 'auto', null],
    ])
    expect((await storage.versions.list('a', { limit: 1, before: 3 })).map((v) => v.number)).toEqual([2])
    const content = await storage.versions.content('a', 2)
    expect(Array.from(content!.state)).toEqual(Array.from(named.state))
    expect(Array.from(content!.snapshot)).toEqual(Array.from(named.snapshot))
    expect(await storage.versions.get('a', 9)).toBeUndefined()
    expect(await storage.versions.content('a', 9)).toBeUndefined()
    expect(await storage.versions.list('missing', { limit: 10 })).toEqual([])
  })

  test('a version whose snapshot equals the latest is skipped when asked, even when two processes take it at once', async () => {
    const other = await open()
    const v = versionOf('same text')
    expect(await storage.versions.create('a', v, sameSnapshot(v.snapshot))).toMatchObject({ number: 1 })
    expect(await storage.versions.create('a', versionOf('same text'), sameSnapshot(v.snapshot))).toBeNull()

    const changed = versionOf('changed text')
    const taken = await Promise.all([storage, other, storage, other].map((each) => each.versions.create('a', changed, sameSnapshot(changed.snapshot))))
    expect(taken.filter((each) => each !== null).map((each) => each!.number)).toEqual([2])
    // Without the check, a version is always written (a named one, asked for by a person).
    expect(await other.versions.create('a', versionOf('changed text', { kind: 'named', name: 'Same, named' }))).toMatchObject({ number: 3 })
  })

  test('proposing freezes a version once; votes are one per person, changeable, and go with their version', async () => {
    await storage.versions.create('a', versionOf('one'))
    await storage.versions.create('a', versionOf('two'))
    const proposal = { name: 'Final text', proposedAt: 5000, proposedBy: ana, contentHash: 'ab'.repeat(32) }
    expect(await storage.versions.propose('a', 2, proposal)).toMatchObject({ number: 2, kind: 'proposed', name: 'Final text', proposal: { proposedAt: 5000, proposedBy: ana, contentHash: 'ab'.repeat(32) } })
    expect(await storage.versions.propose('a', 2, { ...proposal, name: 'Changed' })).toBeUndefined()
    expect(await storage.versions.propose('a', 7, proposal)).toBeUndefined()
    expect((await storage.versions.get('a', 2))!.name).toBe('Final text')

    await storage.versions.setVote({ docId: 'a', number: 2, voter: ana, vote: 'object', comment: 'Para 2 is wrong', votedAt: 6000 })
    await storage.versions.setVote({ docId: 'a', number: 2, voter: ben, vote: 'approve', comment: null, votedAt: 6500 })
    await storage.versions.setVote({ docId: 'a', number: 2, voter: { ...ana, name: 'Ana R.' }, vote: 'approve', comment: 'Fixed now', votedAt: 7000 })
    await storage.versions.setVote({ docId: 'a', number: 1, voter: ben, vote: 'object', comment: null, votedAt: 7500 })
    expect(await storage.versions.votes('a', 2)).toEqual([
      { docId: 'a', number: 2, voter: ben, vote: 'approve', comment: null, votedAt: 6500 },
      { docId: 'a', number: 2, voter: { userId: 'u-ana', name: 'Ana R.' }, vote: 'approve', comment: 'Fixed now', votedAt: 7000 },
    ])
    expect((await storage.versions.votes('a')).map((v) => [v.number, v.voter.userId])).toEqual([
      [2, 'u-ben'],
      [2, 'u-ana'],
      [1, 'u-ben'],
    ])
  })

  test('compaction leaves versions alone, they survive reopening, and purging a document removes them and their votes', async () => {
    const { state } = versionOf('kept')
    await storage.appendUpdate('a', state, 1000)
    const { seq } = await storage.appendUpdate('a', versionOf('more').state, 1000)
    await storage.versions.create('a', versionOf('kept'))
    await storage.versions.propose('a', 1, { name: 'Kept', proposedAt: 2000, proposedBy: ana, contentHash: 'cd'.repeat(32) })
    await storage.versions.setVote({ docId: 'a', number: 1, voter: ben, vote: 'approve', comment: null, votedAt: 3000 })
    await storage.replaceLog('a', state, seq)
    await storage.close()
    opened.splice(opened.indexOf(storage), 1)

    const reopened = await open()
    expect((await reopened.versions.get('a', 1))!.proposal!.contentHash).toBe('cd'.repeat(32))
    expect(await reopened.versions.votes('a', 1)).toHaveLength(1)
    await reopened.purgeDocument('a')
    expect(await reopened.versions.list('a', { limit: 10 })).toEqual([])
    expect(await reopened.versions.votes('a')).toEqual([])
    expect(await reopened.versions.list('b', { limit: 10 })).toEqual([])
  })
})
