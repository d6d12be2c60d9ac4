import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startTestServer } from '../helpers/testServer.js'
import { caretAtEndOf, caretBlock, KEY_DELAY_MS, timeTyping, openFreshDocument, openPeople, settledRoundTexts, type Person } from './coEdit.js'
import { chromiumAvailable } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')
const ROUNDS = 10
const SEED = ['First paragraph.', 'Second paragraph.']
/** Yjs's undo capture timeout, less a margin for the time between the page handling a key and Yjs stamping it. */
const STALL_MS = 450

/**
 * Alice types a sentence at the end of the first paragraph and presses Ctrl+Z once; the whole sentence must go,
 * as when she writes alone. Bob either types in the second paragraph all the while, or only watches.
 */
async function undoOneSentence(bobTypes: boolean): Promise<void> {
  const server = await startTestServer({ clientDir })
  const people = await openPeople(server, ['Alice', 'Bob'])
  const [alice, bob] = people as [Person, Person]
  const problems: string[] = []
  const stalled: string[] = []

  for (let round = 0; round < ROUNDS; round++) {
    const docId = await openFreshDocument(server, people, SEED)
    const marks = people.map((person) => person.errors.length)
    const sentence = ` Alice${round} writes a whole sentence.`
    // Bob's text is longer than Alice's: he is still typing when she presses Ctrl+Z.
    const typedByBob = bobTypes ? ` Bob${round} keeps on typing in his own paragraph, on and on.` : ''
    await Promise.all([caretAtEndOf(alice.page, 0), caretAtEndOf(bob.page, 1)])
    const longestPause = await timeTyping(alice.page)
    const bobTyping = bob.page.keyboard.type(typedByBob, { delay: KEY_DELAY_MS })
    await alice.page.keyboard.type(sentence, { delay: KEY_DELAY_MS })
    const pause = await longestPause()
    await alice.page.keyboard.press('Control+z')
    await bobTyping
    // Bob's caret was checked to be in his paragraph before he typed; if his words land elsewhere, it moved.
    const bobCaret = await caretBlock(bob.page)
    if (bobCaret !== 1) problems.push(`round ${round}: Bob's caret moved to paragraph ${bobCaret} while he typed`)

    const texts = await settledRoundTexts(server, docId, people, marks, round, problems)
    if (texts === null) continue
    const expected = [SEED[0], SEED[1] + typedByBob]
    if (JSON.stringify(texts) === JSON.stringify(expected)) continue
    // A stall of 500 ms in Alice's own typing starts a new undo step, as it would for anyone pausing.
    if (pause >= STALL_MS) stalled.push(`round ${round}: Alice's page stalled ${Math.round(pause)} ms; ${JSON.stringify(texts)}`)
    else problems.push(`round ${round}: ${JSON.stringify(texts)} (longest pause in her typing ${Math.round(pause)} ms)`)
  }
  expect(problems, `${problems.length} of ${ROUNDS} rounds went wrong`).toEqual([])
  // Stalled rounds test nothing: most rounds must be real ones.
  expect(stalled.length, stalled.join('; ')).toBeLessThanOrEqual(ROUNDS / 5)
}

describe.runIf(chromiumAvailable())('one Ctrl+Z after a sentence', () => {
  it('removes the whole sentence while someone types in another paragraph', { timeout: 240_000 }, () => undoOneSentence(true))
  it('removes the whole sentence when the other person is idle', { timeout: 240_000 }, () => undoOneSentence(false))
})
