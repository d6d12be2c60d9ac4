import * as Y from 'yjs'
import type { Storage } from '../storage/Storage.js'
import type { VersionRecord } from '../storage/VersionStore.js'

/** A stored version and its document, rebuilt from its state update (a fresh Y.Doc: nothing live is touched). */
export interface LoadedVersion {
  record: VersionRecord
  doc: Y.Doc
}

/** Loads version `number` of a document; undefined when there is no such version. */
export async function loadVersion(storage: Storage, docId: string, number: number): Promise<LoadedVersion | undefined> {
  const [record, content] = await Promise.all([storage.versions.get(docId, number), storage.versions.content(docId, number)])
  if (!record || !content) return undefined
  const doc = new Y.Doc()
  Y.applyUpdate(doc, content.state)
  return { record, doc }
}
