import type { Transaction } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'

/** True for an editor transaction the Yjs binding made: a collaborator's edit (or an undo) arriving through Yjs. */
export const isRemoteChange = (tr: Transaction): boolean =>
  Boolean((tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin)
