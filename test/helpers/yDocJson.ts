import { join } from 'node:path'
import type { JSONContent } from '@tiptap/core'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import { editorSchema } from '../../shared/editorSchema.js'
import { YLayout } from '../../shared/yLayout.js'
import { connectClient, waitForSync } from './yClient.js'

/**
 * The statement of a Y.Doc as the editor's ProseMirror JSON. Read from a copy: the Yjs → ProseMirror
 * conversion repairs what it cannot read by editing the Yjs types, and looking must not change the document.
 */
export function yDocJson(doc: Y.Doc): JSONContent {
  const copy = new Y.Doc()
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    return yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(YLayout.richTextFragment), editorSchema).toJSON() as JSONContent
  } finally {
    copy.destroy()
  }
}

/** A stock y-websocket client that has just joined `docId` (a "fresh client"); destroyed after the test. */
export async function freshClient(wsUrl: string, docId: string) {
  const client = connectClient(wsUrl, docId)
  await waitForSync(client.provider)
  return client
}

/** The statement as stored in the server's SQLite file (read through a second connection, as WAL allows). */
export async function storedJson(dataDir: string, docId: string): Promise<JSONContent> {
  const storage = new SqliteStorage(join(dataDir, 'caucus.sqlite'))
  const doc = new Y.Doc()
  try {
    for (const update of await storage.loadUpdates(docId)) Y.applyUpdate(doc, update)
    return yDocJson(doc)
  } finally {
    doc.destroy()
    await storage.close()
  }
}
