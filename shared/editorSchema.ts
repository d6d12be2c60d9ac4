import { getSchema, type AnyExtension } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { Citation } from './citationNode.js'
import { SafeLink } from './safeLink.js'
import { isSafeLinkUrl } from './safeUrl.js'
import { UnsupportedBlock, UnsupportedFormatting } from './unsupported/unsupportedNodes.js'

/**
 * The editor's document model, shared by the browser editor and the server (export, validation).
 * The client adds DOM-only extensions (collaboration, carets, placeholders) on top of this list.
 */
export function createSchemaExtensions(overrides: { citation?: AnyExtension } = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      // Collaboration brings its own Yjs-aware undo manager (only your own edits are undone).
      undoRedo: false,
      // Links come from SafeLink below: the document chooses a link's address, never its rel, target or class.
      link: false,
    }),
    SafeLink.configure({
      openOnClick: false,
      autolink: true,
      protocols: ['mailto'],
      defaultProtocol: 'https',
      isAllowedUri: (url) => isSafeLinkUrl(url),
    }),
    // The browser swaps in a Citation extended with its node view; the schema stays the same.
    overrides.citation ?? Citation,
    // View-only placeholders for content this version cannot show (never stored; see shared/unsupported/).
    UnsupportedBlock,
    UnsupportedFormatting,
  ]
}

/** The ProseMirror schema built from the shared extension list. */
export const editorSchema = getSchema(createSchemaExtensions())
