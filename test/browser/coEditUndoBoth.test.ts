import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startTestServer } from '../helpers/testServer.js'
import { blockTexts, caretAtEndOf, caretAtStartOf, KEY_DELAY_MS, newErrors, openFreshDocument, openPeople, settle, type Person } from './coEdit.js'
import { chromiumAvailable } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')
const ROUNDS = 10
const SEED = 'Hello world.'
const UNDOS = 3

/** Presses Ctrl+Z `times` times at a person's pace. */
async function undo(person: Person, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await person.page.keyboard.press('Control+z', { delay: KEY_DELAY_MS })
}

/** Whether `text` is `bobsPrefix + SEED + alicesPrefix` with each part a prefix of what that person typed. */
function isPrefixesAround(text: string, typedByBob: string, typedByAlice: string): { bob: string; alice: string } | null {
  const at = text.indexOf(SEED)
  if (at < 0) return null
  const bob = text.slice(0, at)
  const alice = text.slice(at + SEED.length)
  return typedByBob.startsWith(bob) && typedByAlice.startsWith(alice) ? { bob, alice } : null
}

describe.runIf(chromiumAvailable())('two people undoing in one paragraph', () => {
  it('never throws or leaves a page showing something else, and undoes only the presser’s own words', { timeout: 300_000 }, async () => {
    const server = await startTestServer({ clientDir })
    const people = await openPeople(server, ['Alice', 'Bob'])
    const [alice, bob] = people as [Person, Person]
    const problems: string[] = []

    for (let round = 0; round < ROUNDS; round++) {
      const docId = await openFreshDocument(server, people, [SEED])
      const marks = people.map((person) => person.errors.length)
      const typedByAlice = ` Alice${round} adds a sentence.`
      const typedByBob = `Bob${round} opens. `
      await Promise.all([caretAtEndOf(alice.page, 0), caretAtStartOf(bob.page, 0)])
      await Promise.all([alice.page.keyboard.type(typedByAlice, { delay: KEY_DELAY_MS }), bob.page.keyboard.type(typedByBob, { delay: KEY_DELAY_MS })])

      // Each person's undos are checked on the settled document: only the presser's words went (from the end).
      const undoAndRead = async (person: Person, step: string): Promise<{ bob: string; alice: string } | null> => {
        await undo(person, UNDOS)
        const settled = await settle(server, docId, people)
        if (!settled.ok) {
          problems.push(`round ${round}, after ${step}: ${settled.divergence}`)
          return null
        }
        const texts = blockTexts(settled.doc)
        const parts = texts.length === 1 ? isPrefixesAround(texts[0]!, typedByBob, typedByAlice) : null
        if (!parts) problems.push(`round ${round}, after ${step}: ${JSON.stringify(texts)}`)
        return parts
      }
      const afterBob = await undoAndRead(bob, `Bob's ${UNDOS} undos`)
      if (afterBob && (afterBob.alice !== typedByAlice || afterBob.bob === typedByBob)) {
        problems.push(`round ${round}, Bob's undos took "${typedByBob.slice(afterBob.bob.length)}" of his and "${typedByAlice.slice(afterBob.alice.length)}" of Alice's`)
      }
      const afterAlice = afterBob && (await undoAndRead(alice, `then Alice's ${UNDOS} undos`))
      if (afterBob && afterAlice && (afterAlice.bob !== afterBob.bob || afterAlice.alice === typedByAlice)) {
        problems.push(`round ${round}, Alice's undos took "${typedByAlice.slice(afterAlice.alice.length)}" of hers and "${afterBob.bob.slice(afterAlice.bob.length)}" of Bob's`)
      }
      const errors = newErrors(people, marks)
      if (errors.length > 0) problems.push(`round ${round}: page errors ${JSON.stringify(errors)}`)
    }
    expect(problems, `${problems.length} problems in ${ROUNDS} rounds`).toEqual([])
  })
})
