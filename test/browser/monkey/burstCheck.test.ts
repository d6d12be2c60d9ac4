import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { YLayout } from '../../../shared/yLayout.js'
import { checkBursts, type Burst } from './burstCheck.js'

/** Two people's Y.Docs with one paragraph "Hello." from a third, and a way to sync them (runs in node). */
function twoPeople() {
  const seed = new Y.Doc()
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText('Hello.')])
  seed.getXmlFragment(YLayout.richTextFragment).insert(0, [paragraph])
  const [a, b] = [new Y.Doc(), new Y.Doc()]
  // Fixed client ids, so Yjs orders concurrent letters the same way every run.
  ;[a.clientID, b.clientID] = [1, 2]
  for (const doc of [a, b]) Y.applyUpdate(doc, Y.encodeStateAsUpdate(seed))
  const text = (doc: Y.Doc) => (doc.getXmlFragment(YLayout.richTextFragment).get(0) as Y.XmlElement).get(0) as Y.XmlText
  const sync = () => {
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  }
  const bursts: Burst[] = []
  /** Types `chars` one by one at `at(i)` (the caret for the i-th character), recorded as a burst of run `run`. */
  const type = (doc: Y.Doc, run: number, chars: string, at: (i: number) => number, between?: (i: number) => void) => {
    const start = Y.getState(doc.store, doc.clientID)
    for (let i = 0; i < chars.length; i++) {
      text(doc).insert(at(i), chars[i]!)
      between?.(i)
    }
    bursts.push({ run, client: doc.clientID, start, end: Y.getState(doc.store, doc.clientID), text: chars, label: `run ${run}` })
  }
  return { a, b, text, sync, bursts, type }
}

describe('the monkey’s burst check', () => {
  it('accepts two people typing at one spot whose carets stay after their own text', () => {
    const { a, b, text, sync, bursts, type } = twoPeople()
    type(a, 1, ' abc', (i) => 6 + i)
    type(b, 2, ' 123', (i) => 6 + i)
    sync()
    expect(text(a).toString()).toMatch(/^Hello\.( abc 123| 123 abc)$/)
    expect(checkBursts(a, bursts)).toEqual([])
  })

  it('finds typing interleaved by carets that jump past the other person’s letters', () => {
    const { a, b, text, sync, bursts } = twoPeople()
    // Both start at the end of "Hello." at once; after each exchange both carets go to the end of the
    // paragraph, past the other's letter (the bug of issue 13, row 1).
    const [startA, startB] = [Y.getState(a.store, a.clientID), Y.getState(b.store, b.clientID)]
    for (let i = 0; i < 3; i++) {
      text(a).insert(text(a).length, 'abc'[i]!)
      text(b).insert(text(b).length, '123'[i]!)
      sync()
    }
    bursts.push({ run: 1, client: a.clientID, start: startA, end: Y.getState(a.store, a.clientID), text: 'abc', label: 'run 1' })
    bursts.push({ run: 2, client: b.clientID, start: startB, end: Y.getState(b.store, b.clientID), text: '123', label: 'run 2' })
    const expected: Record<string, string[]> = {
      'Hello.a1b2c3': ['run 1 is split by run 2: "a«1»b«2»c"', 'run 2 is split by run 1: "1«b»2«c»3"'],
      'Hello.1a2b3c': ['run 1 is split by run 2: "a«2»b«3»c"', 'run 2 is split by run 1: "1«a»2«b»3"'],
    }
    expect(checkBursts(a, bursts).sort()).toEqual(expected[text(a).toString()])
  })

  it('finds a first letter that moved to the end, and a letter that was never typed', () => {
    const { a, text, bursts, type } = twoPeople()
    // The caret stayed before the first letter: "bc" goes in front of "a".
    type(a, 1, 'abc', (i) => (i === 0 ? 6 : 6 + i - 1))
    expect(text(a).toString()).toBe('Hello.bca')
    const start = Y.getState(a.store, a.clientID)
    text(a).insert(9, 'xB')
    bursts.push({ run: 2, client: a.clientID, start, end: Y.getState(a.store, a.clientID), text: 'B', label: 'run 2' })
    expect(checkBursts(a, bursts)).toEqual(['run 2: characters that were never typed in "B": "xB"', 'run 1: "a" was typed before "c" but stands after it'])
  })

  it('accepts someone clicking into the middle of another person’s words and typing there', () => {
    const { a, b, text, sync, bursts, type } = twoPeople()
    type(a, 1, ' abcdef', (i) => 6 + i)
    sync()
    type(b, 2, 'XYZ', (i) => 9 + i)
    sync()
    expect(text(b).toString()).toBe('Hello. abXYZcdef')
    expect(checkBursts(b, bursts)).toEqual([])
  })

  it('accepts a third person clicking into what the second typed into the first one’s words', () => {
    const { a, b, text, sync, bursts, type } = twoPeople()
    type(a, 1, ' abcdef', (i) => 6 + i)
    sync()
    type(b, 2, 'XY', (i) => 9 + i)
    sync()
    type(a, 3, '12', (i) => 10 + i)
    sync()
    expect(text(a).toString()).toBe('Hello. abX12Ycdef')
    expect(checkBursts(a, bursts)).toEqual([])
  })

  it('does not count text recreated by someone else (a split, a paste) against a run', () => {
    const { a, b, text, sync, bursts, type } = twoPeople()
    type(a, 1, ' abcdef', (i) => 6 + i)
    sync()
    // B cuts "cd" and pastes it back: the same letters, now B's items, between A's.
    text(b).delete(9, 2)
    text(b).insert(9, 'cd')
    sync()
    expect(text(a).toString()).toBe('Hello. abcdef')
    expect(checkBursts(a, bursts)).toEqual([])
  })
})
