import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startTestServer } from '../helpers/testServer.js'
import { waitFor } from '../helpers/waitFor.js'
import { blockTexts, caretAtEndOf, editorJson, KEY_DELAY_MS, openFreshDocument, openPeople, settledRoundTexts } from './coEdit.js'
import { chromiumAvailable } from './chromium.js'

const clientDir = join(import.meta.dirname, '../../dist/client')
const ROUNDS = 10
const SEED = 'Hello world.'

describe.runIf(chromiumAvailable())('two people typing in a paragraph one of them just made', () => {
  it('keeps each person’s words together: no letter moves or is doubled', { timeout: 240_000 }, async () => {
    const server = await startTestServer({ clientDir })
    const people = await openPeople(server, ['Alice', 'Bob'])
    const [alice, bob] = people as [(typeof people)[0], (typeof people)[0]]
    const problems: string[] = []

    for (let round = 0; round < ROUNDS; round++) {
      const docId = await openFreshDocument(server, people, [SEED])
      const marks = people.map((person) => person.errors.length)
      const typedByAlice = `Alice${round} types here.`
      const typedByBob = `Bob${round} types too.`
      // Alice makes the new paragraph; Bob clicks into it as soon as he sees it.
      await caretAtEndOf(alice.page, 0)
      await alice.page.keyboard.press('Enter')
      await waitFor(async () => blockTexts(await editorJson(bob.page)).length === 2, { message: 'Bob to see the new paragraph' })
      await caretAtEndOf(bob.page, 1)
      await Promise.all([alice.page.keyboard.type(typedByAlice, { delay: KEY_DELAY_MS }), bob.page.keyboard.type(typedByBob, { delay: KEY_DELAY_MS })])

      const texts = await settledRoundTexts(server, docId, people, marks, round, problems)
      if (texts === null) continue
      const allowed = [[SEED, typedByAlice + typedByBob], [SEED, typedByBob + typedByAlice]].map((t) => JSON.stringify(t))
      if (!allowed.includes(JSON.stringify(texts))) problems.push(`round ${round}: ${JSON.stringify(texts)}`)
    }
    expect(problems, `${problems.length} of ${ROUNDS} rounds went wrong`).toEqual([])
  })
})
