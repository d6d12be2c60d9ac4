import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { YLayout } from '../../../shared/yLayout.js'
import { appendParagraph, paragraphTexts } from '../../helpers/statementBody.js'
import { createDoc, startTestServer } from '../../helpers/testServer.js'
import { apiFetch } from '../../helpers/testAuth.js'
import { diffVersions, getVersion, listVersions, nameVersion, restoreVersion } from '../../helpers/versionsApi.js'
import { waitFor } from '../../helpers/waitFor.js'
import { connectClient, waitForSync } from '../../helpers/yClient.js'

const fragmentXml = (doc: Y.Doc) => doc.getXmlFragment(YLayout.richTextFragment).toString()

test('a named version, edits, then a restore brings the exact old text back live for two connected clients; the diff lists exactly the changed words', async () => {
  const server = await startTestServer()
  const docId = await createDoc(server.url, 'Parks statement')
  const [ana, ben] = [connectClient(server.wsUrl, docId, { savedAcks: true }), connectClient(server.wsUrl, docId, { savedAcks: true })]
  await Promise.all([waitForSync(ana.provider), waitForSync(ben.provider)])

  ana.doc.transact(() => {
    appendParagraph(ana.doc, 'The council must act quickly to protect the trails.')
    appendParagraph(ana.doc, 'We ask for a public hearing.')
  })
  await waitFor(() => ana.saved!.isAllSaved() && paragraphTexts(ben.doc).length === 2, { message: 'the first text saved and seen by Ben' })
  const first = await nameVersion(server.url, docId, 'Draft for the Dec. 5 meeting')
  expect(first).toMatchObject({ number: 1, kind: 'named', name: 'Draft for the Dec. 5 meeting', title: 'Parks statement', editors: [{ name: 'Test Writer' }] })
  const oldXml = fragmentXml(ana.doc)

  // Ben rewrites a phrase and adds a paragraph; Ana deletes the second paragraph.
  const firstRun = ben.doc.getXmlFragment(YLayout.richTextFragment).get(0) as Y.XmlElement
  const run = firstRun.get(0) as Y.XmlText
  const at = run.toString().indexOf('quickly')
  ben.doc.transact(() => {
    run.delete(at, 'quickly'.length)
    run.insert(at, 'slowly and fairly')
    appendParagraph(ben.doc, 'Signed by the coalition.')
  })
  await waitFor(() => paragraphTexts(ana.doc).length === 3, { message: 'Ben’s edit to reach Ana' })
  ana.doc.getXmlFragment(YLayout.richTextFragment).delete(1, 1)
  await waitFor(() => ana.saved!.isAllSaved() && ben.saved!.isAllSaved() && paragraphTexts(ben.doc).length === 2, { message: 'both edits saved everywhere' })
  expect(paragraphTexts(ben.doc)).toEqual(['The council must act slowly and fairly to protect the trails.', 'Signed by the coalition.'])
  const second = await nameVersion(server.url, docId, 'After the meeting')
  expect(second.number).toBe(2)

  const diff = await diffVersions(server.url, docId, 1, 2)
  // Word by word: the final period of the replaced paragraph is the same in both.
  expect(diff.deleted).toEqual(['quickly', 'We ask for a public hearing'])
  expect(diff.inserted).toEqual(['slowly and fairly', 'Signed by the coalition'])
  expect(diff.parts.filter((part) => part.kind === 'same').map((part) => part.text).join('')).toBe('The council must act  to protect the trails.\n\n.')
  expect(diff.citations).toEqual({ added: [], removed: [], repinned: [] })

  // Restore version 1: both clients show exactly its text, live, and a new version records the restore.
  const restored = await restoreVersion(server.url, docId, 1)
  expect(restored.before).toBeNull() // the text before was already version 2
  expect(restored.version).toMatchObject({ number: 3, kind: 'restore', restoredFrom: 1, createdBy: { name: 'Test Writer' } })
  await waitFor(() => fragmentXml(ana.doc) === oldXml && fragmentXml(ben.doc) === oldXml, { message: 'both clients to hold version 1’s text' })
  expect(paragraphTexts(ben.doc)).toEqual(['The council must act quickly to protect the trails.', 'We ask for a public hearing.'])
  await waitFor(() => ana.saved!.isAllSaved(), { message: 'the restore to be acknowledged as saved' })

  // History is not rewritten: every version is still there, and the live export is version 1's export.
  expect((await listVersions(server.url, docId)).versions.map((v) => [v.number, v.kind])).toEqual([
    [3, 'restore'],
    [2, 'named'],
    [1, 'named'],
  ])
  expect((await getVersion(server.url, docId, 2)).statement).toMatchObject({ type: 'doc' })
  const live = await (await apiFetch(`${server.url}/api/docs/${docId}/export.md`)).text()
  const versionOne = await (await apiFetch(`${server.url}/api/docs/${docId}/versions/1/export.md`)).text()
  expect(live).toBe(versionOne)
  expect(live).toContain('The council must act quickly')

  // Text typed since the latest version is kept, as an automatic version, before another restore replaces it.
  appendParagraph(ben.doc, 'Typed after the restore.')
  await waitFor(() => ben.saved!.isAllSaved(), { message: 'the new paragraph to be saved' })
  const again = await restoreVersion(server.url, docId, 2)
  expect(again.before).toMatchObject({ number: 4, kind: 'auto', editors: [{ name: 'Test Writer' }] })
  expect(again.version).toMatchObject({ number: 5, kind: 'restore', restoredFrom: 2 })
  expect(JSON.stringify((await getVersion(server.url, docId, 4)).statement)).toContain('Typed after the restore.')
  await waitFor(() => paragraphTexts(ana.doc).join('|') === 'The council must act slowly and fairly to protect the trails.|Signed by the coalition.', { message: 'version 2’s text on Ana’s page' })
})
