import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { editorSchema } from '../../shared/editorSchema.js'
import { UnsupportedNames } from '../../shared/unsupported/unsupportedNodes.js'
import { YLayout } from '../../shared/yLayout.js'
import { documentWith, invalidContentCases } from './invalidYContent.js'

describe('content the schema cannot read, turned into what the editor shows', () => {
  for (const kind of invalidContentCases) {
    it(`shows ${kind.name} as unsupported, keeps the good paragraphs, and leaves the Y.Doc untouched`, () => {
      const doc = documentWith(kind)
      const before = Y.encodeStateAsUpdate(doc)
      const root = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(YLayout.richTextFragment), editorSchema)
      root.check()
      const json = root.toJSON() as { content: { type: string; content?: { text?: string; marks?: { type: string }[] }[] }[] }
      expect(json.content.map((block) => block.type)).toEqual(
        kind.name === 'an unknown mark' ? ['paragraph', 'paragraph', 'paragraph'] : ['paragraph', UnsupportedNames.block, 'paragraph'],
      )
      if (kind.name === 'an unknown mark') {
        const text = json.content[1]!.content![0]!
        expect(text.text).toBe('Text with a future mark')
        expect(text.marks?.map((mark) => mark.type)).toEqual([UnsupportedNames.mark])
      }
      expect(Buffer.from(Y.encodeStateAsUpdate(doc)).equals(Buffer.from(before))).toBe(true)
    })
  }
})
