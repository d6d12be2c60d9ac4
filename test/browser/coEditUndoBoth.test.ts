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

      // Each undo is checked on the settled document: only the presser's words went, from the end backwards.
      const steps: [string, Person, (parts: { bob: string; alice: string }) => boolean][] = [
        [`Bob's ${UNDOS} undos`, bob, ({ bob: left, alice: kept }) => left !== typedByBob && kept === typedByAlice],
        [`then Alice's ${UNDOS} undos`, alice, ({ alice: left }) => left !== typedByAlice],
      ]
      let bobAfterHisUndos = ''
      for (const [step, person, expected] of steps) {
        await undo(person, UNDOS)
        const settled = await settle(server, docId, people)
        if (!settled.ok) {
          problems.push(`round ${round}, after ${step}: ${settled.divergence}`)
          break
        }
        const texts = blockTexts(settled.doc)
        const parts = texts.length === 1 ? isPrefixesAround(texts[0]!, typedByBob, typedByAlice) : null
        if (!parts || !expected(parts) || (person === alice && parts.bob !== bobAfterHisUndos)) {
          problems.push(`round ${round}, after ${step}: ${JSON.stringify(texts)}`)
          break
        }
        bobAfterHisUndos = parts.bob
      }
      const errors = newErrors(people, marks)
      if (errors.length > 0) problems.push(`round ${round}: page errors ${JSON.stringify(errors)}`)
    }
    expect(problems, `${problems.length} problems in ${ROUNDS} rounds`).toEqual([])
  })
})
