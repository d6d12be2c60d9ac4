import { expect, test } from 'vitest'
import { exportMarkdown } from '../../shared/export/index.js'
import { specialTextDoc } from './specialText.js'
import { readBack } from './yWrite.js'
import { pandoc, runPandocTests } from './pandoc.js'
import type { Node as PmNode } from '@tiptap/pm/model'

/** Pandoc AST elements: `{ t: type, c: content }`. */
type Element = { t: string; c?: unknown }

// What text turned into markup would show up as in pandoc's AST.
const FORBIDDEN = ['RawInline', 'RawBlock', 'Math', 'Quoted', 'Superscript', 'Subscript', 'Cite', 'Note', 'Image', 'Span', 'Div', 'Table', 'DefinitionList', 'LineBlock', 'Header']

function collectTypes(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) value.forEach((inner) => collectTypes(inner, into))
  else if (value !== null && typeof value === 'object') {
    const element = value as Element
    if (typeof element.t === 'string') into.add(element.t)
    collectTypes(element.c, into)
  }
}

/** The text of an inline list as pandoc read it. */
function inlineText(inlines: Element[]): string {
  return inlines
    .map((inline) => {
      switch (inline.t) {
        case 'Str': return inline.c as string
        case 'Space': case 'SoftBreak': return ' '
        case 'LineBreak': return '\n'
        case 'Code': return (inline.c as [unknown, string])[1]
        case 'Link': return inlineText((inline.c as [unknown, Element[]])[1])
        case 'Emph': case 'Strong': case 'Strikeout': return inlineText(inline.c as Element[])
        default: return `<${inline.t}>`
      }
    })
    .join('')
}

/** Text per paragraph-like block, in order (headings, list items and quotes flattened into their paragraphs). */
function pandocTexts(blocks: Element[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.t) {
      case 'Para': case 'Plain': return [inlineText(block.c as Element[])]
      case 'Header': return [inlineText((block.c as [number, unknown, Element[]])[2])]
      case 'BlockQuote': return pandocTexts(block.c as Element[])
      case 'BulletList': return (block.c as Element[][]).flatMap(pandocTexts)
      case 'OrderedList': return (block.c as [unknown, Element[][]])[1].flatMap(pandocTexts)
      default: return [`<${block.t}>`]
    }
  })
}

function docTexts(doc: PmNode): string[] {
  const texts: string[] = []
  doc.descendants((node) => {
    if (!node.isTextblock) return true
    let text = ''
    node.forEach((child) => (text += child.isText ? child.text : child.type.name === 'hardBreak' ? (node.type.name === 'heading' ? ' ' : '\n') : ''))
    texts.push(text.replace(/\r\n?/g, '\n').replace(/\n$/, ''))
    return false
  })
  return texts
}

// Pandoc's model keeps one space between words, and none at line ends.
const spaces = (text: string) => text.replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').trim()

test.runIf(runPandocTests)('pandoc reads the pandoc-style export of text full of markup characters as the same text', () => {
  const doc = specialTextDoc()
  const markdown = exportMarkdown(doc, { style: 'pandoc' })
  const ast = JSON.parse(pandoc(markdown, ['--to', 'json']).stdout) as { blocks: Element[] }

  const types = new Set<string>()
  collectTypes(ast.blocks, types)
  // Headers are the document's own headings: count them rather than forbid them.
  expect([...types].filter((type) => FORBIDDEN.includes(type) && type !== 'Header')).toEqual([])
  const expected = docTexts(readBack(doc)).map(spaces)
  const actual = pandocTexts(ast.blocks).map(spaces)
  expect(actual.length).toBe(expected.length)
  expected.forEach((text, index) => expect(actual[index], JSON.stringify(text)).toBe(text))
})
