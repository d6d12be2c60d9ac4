import { Fragment, Mark, type Node, type NodeType, type Schema } from '@tiptap/pm/model'
import { cleanLocator } from '../citationNode.js'
import { isSafeLinkUrl } from '../safeUrl.js'
import { VIEW_ONLY_MARK_NAMES, VIEW_ONLY_NODE_NAMES } from '../unsupported/unsupportedNodes.js'

/**
 * Any client can write anything into a Y.Doc, and y-tiptap builds nodes without checking their content. Before
 * export the document is rebuilt into one the serializer can trust:
 * - the structure is fitted to the schema (stray text is wrapped in paragraphs, misplaced blocks are
 *   wrapped or unwrapped), so no block ends up where markdown cannot hold it;
 * - attributes are bounded (heading level 1–6, list start 0–999999999, code language a plain word);
 * - marks are made a valid set; links to anything but http, https or mailto and marks markdown has no syntax
 *   for (underline) are dropped, keeping their text;
 * - line breaks typed inside text become hard breaks (spaces inside headings, which markdown keeps on one
 *   line); citations carry no marks, so a link or emphasis is closed around them;
 * - whitespace and line breaks at the end of a block are dropped: nobody sees them, parsers strip them, and
 *   keeping them would take an entity (`link test&#32;`).
 */

const MAX_LIST_START = 999_999_999

function intAttr(value: unknown, min: number, max: number, fallback: number): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN
  return Number.isFinite(number) ? Math.min(max, Math.max(min, Math.trunc(number))) : fallback
}

function cleanMarks(marks: readonly Mark[]): readonly Mark[] {
  let set: readonly Mark[] = Mark.none
  for (const mark of marks) {
    if (mark.type.name === 'underline' || VIEW_ONLY_MARK_NAMES.includes(mark.type.name)) continue
    if (mark.type.name === 'link' && !(typeof mark.attrs.href === 'string' && isSafeLinkUrl(mark.attrs.href))) continue
    set = mark.addToSet(set)
  }
  return set
}

function cleanAttrs(node: Node): Record<string, unknown> {
  const { attrs } = node
  switch (node.type.name) {
    case 'heading':
      return { ...attrs, level: intAttr(attrs.level, 1, 6, 1) }
    case 'orderedList':
      return { ...attrs, start: intAttr(attrs.start, 0, MAX_LIST_START, 1) }
    case 'codeBlock':
      return { ...attrs, language: typeof attrs.language === 'string' ? attrs.language.replace(/[^\w+#.-]/g, '') || null : null }
    case 'citation':
      return { sourceId: typeof attrs.sourceId === 'string' && attrs.sourceId !== '' ? attrs.sourceId : null, locator: cleanLocator(attrs.locator) }
    default:
      return attrs
  }
}

/** The inline content of a textblock, with stray blocks flattened into it. */
function inlineContent(node: Node, schema: Schema, inHeading: boolean): Node[] {
  const out: Node[] = []
  node.forEach((child) => {
    if (!child.isInline) {
      if (out.length > 0) out.push(inHeading ? schema.text(' ') : schema.nodes.hardBreak!.create())
      out.push(...inlineContent(child, schema, inHeading))
    } else if (child.isText) {
      const marks = cleanMarks(child.marks)
      child.text!.split(/\r\n|\r|\n/).forEach((line, index) => {
        if (index > 0) out.push(inHeading ? schema.text(' ', marks) : schema.nodes.hardBreak!.create())
        if (line !== '') out.push(schema.text(line, marks))
      })
    } else if (child.type.name === 'hardBreak' && inHeading) {
      out.push(schema.text(' '))
    } else {
      out.push(child.type.create(cleanAttrs(child)))
    }
  })
  return out
}

/** Places `children` into a node of `type`, wrapping, filling or unwrapping what does not fit. */
function fitContent(type: NodeType, children: readonly Node[], schema: Schema): Fragment {
  let match = type.contentMatch
  const out: Node[] = []
  let pendingInline: Node[] = []
  const place = (child: Node): void => {
    const next = match.matchType(child.type)
    if (next) {
      out.push(child)
      match = next
      return
    }
    const filler = match.fillBefore(Fragment.from(child))
    if (filler && filler.childCount > 0) {
      filler.forEach((node) => place(node))
      place(child)
      return
    }
    const wrapping = match.findWrapping(child.type)
    if (wrapping && wrapping.length > 0) {
      const wrapped = wrapping.reduceRight<Node | null>((inner, wrapper) => (inner ? wrapper.createAndFill(null, inner) : null), child)
      if (wrapped) return place(wrapped)
    }
    if (child.isTextblock && child.type !== schema.nodes.paragraph) return place(schema.nodes.paragraph!.create(null, child.content))
    child.forEach((grandchild) => place(grandchild))
  }
  const flushInline = () => {
    if (pendingInline.length > 0) place(schema.nodes.paragraph!.create(null, pendingInline))
    pendingInline = []
  }
  for (const child of children) {
    if (child.isInline) pendingInline.push(child)
    else {
      flushInline()
      place(child)
    }
  }
  flushInline()
  return Fragment.from(out).append(match.fillBefore(Fragment.empty, true) ?? Fragment.empty)
}

/** `inline` without the whitespace and hard breaks it ends with. */
function withoutTrailingWhitespace(inline: Node[]): Node[] {
  const out = [...inline]
  for (let last = out.at(-1); last && (last.type.name === 'hardBreak' || (last.isText && /\s$/.test(last.text!))); last = out.at(-1)) {
    out.pop()
    const kept = last.isText ? last.text!.replace(/\s+$/, '') : ''
    if (kept !== '') {
      out.push(last.type.schema.text(kept, last.marks))
      break
    }
  }
  return out
}

function rebuild(node: Node, schema: Schema): Node[] {
  // Content this version cannot show has nothing it could be exported as (see shared/unsupported/).
  if (VIEW_ONLY_NODE_NAMES.includes(node.type.name)) return []
  if (node.isInline) return [node]
  if (node.type.name === 'codeBlock') {
    const text = node.textContent.replace(/\r\n?/g, '\n')
    return [node.type.create(cleanAttrs(node), text ? schema.text(text) : null)]
  }
  if (node.isTextblock) {
    // Fragment.from joins neighbouring text with the same marks (split apart by a dropped link, say).
    const inline = withoutTrailingWhitespace(inlineContent(node, schema, node.type.name === 'heading'))
    return [node.type.create(cleanAttrs(node), Fragment.fromArray(inline))]
  }
  if (node.isLeaf) return [node.type.create(cleanAttrs(node))]
  const children: Node[] = []
  node.forEach((child) => children.push(...rebuild(child, schema)))
  return [node.type.create(cleanAttrs(node), fitContent(node.type, children, schema))]
}

/** The document rebuilt to fit the schema, with only markup the export can write safely (see above). */
export function normalizeForExport(doc: Node): Node {
  return rebuild(doc, doc.type.schema)[0]!
}
