/**
 * Where things live inside a Caucus Y.Doc. Every reader and writer (editor, server, export) takes the names
 * from here.
 */
export const YLayout = {
  /** The statement's rich text, as Tiptap's Collaboration extension stores it. */
  richTextFragment: 'default',
  /** The document's sources: a Y.Map of source id → Y.Map of CSL fields (see shared/sources/ySources.ts). */
  sources: 'sources',
  /** Shared document settings: a Y.Map (see shared/documentSettings.ts). */
  settings: 'settings',
  /** Comment threads on passages of the text: a Y.Map of thread id → Y.Map (see shared/comments/commentThreads.ts). */
  comments: 'comments',
} as const

/** What kind of shared type each root is. A root that is not listed here is not part of a Caucus document. */
export const YLayoutRootKinds: Readonly<Record<(typeof YLayout)[keyof typeof YLayout], 'xmlFragment' | 'map'>> = {
  [YLayout.richTextFragment]: 'xmlFragment',
  [YLayout.sources]: 'map',
  [YLayout.settings]: 'map',
  [YLayout.comments]: 'map',
}
