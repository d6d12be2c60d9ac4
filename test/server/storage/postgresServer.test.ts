import { describe, expect, test } from 'vitest'
import { bodyString, bodyText } from '../../helpers/statementBody.js'
import { postgresAvailable } from '../../helpers/postgres.js'
import { apiFetch } from '../../helpers/testAuth.js'
import { createDoc, startTestServer } from '../../helpers/testServer.js'
import { waitFor } from '../../helpers/waitFor.js'
import { connectClient, waitForSync } from '../../helpers/yClient.js'

describe.runIf(await postgresAvailable())('the server on PostgreSQL', () => {
  test('accounts, documents and edits are kept in PostgreSQL and read back after a restart', async () => {
    const server = await startTestServer({ postgres: true, collab: { compactAfter: 4 } })
    const docId = await createDoc(server.url, 'On Postgres')
    const writer = connectClient(server.wsUrl, docId, { savedAcks: true })
    await waitForSync(writer.provider)
    const body = bodyText(writer.doc)
    for (let i = 0; i < 10; i++) {
      body.insert(body.length, `line ${i}\n`)
      await waitFor(() => writer.saved!.isAllSaved(), { message: `edit ${i} to be saved` })
    }
    const expected = body.toString()
    writer.destroy()
    await server.close()

    const restarted = await startTestServer({ postgres: true, dataDir: server.dataDir })
    const reader = connectClient(restarted.wsUrl, docId)
    await waitForSync(reader.provider)
    expect(bodyString(reader.doc)).toBe(expected)
    const listed = await (await apiFetch(`${restarted.url}/api/docs`)).json()
    expect(JSON.stringify(listed)).toContain('On Postgres')
    reader.destroy()
  })

  test('of many people signing up at once on a fresh install, exactly one becomes the admin', async () => {
    const server = await startTestServer({ postgres: true, defaultUser: false })
    const people = await Promise.all(['Ana', 'Bo', 'Cy', 'Di', 'Ed'].map((name) => server.signUp(name)))
    const admins = []
    for (const person of people) {
      const me = (await (await apiFetch(`${server.url}/api/me`, { auth: person })).json()) as { user?: { isAdmin?: boolean } }
      if (me.user?.isAdmin) admins.push(person)
    }
    expect(admins).toHaveLength(1)
  })
})
