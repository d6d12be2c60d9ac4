import type { AttributeSpec, MarkType, NodeType, Schema } from '@tiptap/pm/model'
import { editorSchema } from '../editorSchema.js'
import { VIEW_ONLY_MARK_NAMES, VIEW_ONLY_NODE_NAMES } from '../unsupported/unsupportedNodes.js'

export { VIEW_ONLY_MARK_NAMES, VIEW_ONLY_NODE_NAMES }

/**
 * What the rich text of a Caucus document may hold, read off a ProseMirror schema, as questions about Yjs content
 * (`Y.XmlElement`s named after node types, `Y.XmlText` runs whose formatting attributes are marks). Each answer is
 * null when the content is readable, or a short reason a person can act on. The server asks them of every update
 * (see updateCheck.ts); the editor can ask them of a document it is about to show.
 *
 * "May hold" means "may appear at all": a node type is allowed in a parent when the parent's content expression
 * mentions it; counts and order are not judged (a concurrent edit can always leave a list item empty).
 */
export interface ContentRules {
  /** The node type the root `Y.XmlFragment` stands for (`doc`). */
  readonly topNode: string
  /** Whether an element named `child` may stand inside one named `parent`. */
  childProblem(parent: string, child: string): string | null
  /** Whether a text run (`Y.XmlText`) may stand inside an element named `parent`. */
  textProblem(parent: string): string | null
  /** Whether attribute `key` = `value` is readable on an element named `node`. */
  attributeProblem(node: string, key: string, value: unknown): string | null
  /**
   * Whether formatting attribute `key` = `value` of a text run inside an element named `textParent` is a mark
   * the editor reads. `null` values end formatting (Yjs writes them for any key) and are always readable.
   */
  formatProblem(textParent: string, key: string, value: unknown): string | null
  /** The mark name a formatting attribute stands for (y-tiptap suffixes overlapping marks with `--<hash>`). */
  markNameOf(formatKey: string): string
}

/** How @tiptap/y-tiptap names one instance of a mark that may overlap itself: `<mark>--<8 base64 characters>`. */
const HASHED_MARK_KEY = /^(.*)--[a-zA-Z0-9+/=]{8}$/

interface NodeRules {
  type: NodeType
  children: ReadonlySet<string>
  attributes: Readonly<Record<string, AttributeSpec>>
}

/** Builds the rules of `schema`; node and mark names in `viewOnly…` exist only in the view and are never readable. */
export function createContentRules(
  schema: Schema,
  viewOnlyNodes: readonly string[] = VIEW_ONLY_NODE_NAMES,
  viewOnlyMarks: readonly string[] = VIEW_ONLY_MARK_NAMES,
): ContentRules {
  const hiddenNodes = new Set(viewOnlyNodes)
  const nodes = new Map<string, NodeRules>()
  for (const type of Object.values(schema.nodes)) {
    if (hiddenNodes.has(type.name)) continue
    const children = new Set([...typesMentioned(type)].map((child) => child.name).filter((name) => !hiddenNodes.has(name)))
    nodes.set(type.name, { type, children, attributes: type.spec.attrs ?? {} })
  }
  const hiddenMarks = new Set(viewOnlyMarks)
  const marks = new Map<string, MarkType>(Object.values(schema.marks).filter((mark) => !hiddenMarks.has(mark.name)).map((mark) => [mark.name, mark]))
  const textName = schema.nodes.text?.name ?? 'text'
  const markNameOf = (formatKey: string) => HASHED_MARK_KEY.exec(formatKey)?.[1] ?? formatKey

  const known = (name: string, role: string): NodeRules | string =>
    nodes.get(name) ??
    (hiddenNodes.has(name) ? `${role} <${name}> exists only in the editor's view and is never stored` : `${role} <${name}> is not a node this version knows`)

  return {
    topNode: schema.topNodeType.name,
    markNameOf,

    childProblem(parent, child) {
      const parentRules = known(parent, 'its parent')
      if (typeof parentRules === 'string') return parentRules
      if (child === textName) return `<${child}> must be a text run, not an element`
      const childRules = known(child, 'the node')
      if (typeof childRules === 'string') return childRules
      return parentRules.children.has(child) ? null : `<${child}> cannot stand inside ${describeNode(parent, schema)}`
    },

    textProblem(parent) {
      const parentRules = known(parent, 'its parent')
      if (typeof parentRules === 'string') return parentRules
      return parentRules.children.has(textName) ? null : `text cannot stand directly inside ${describeNode(parent, schema)}`
    },

    attributeProblem(node, key, value) {
      const nodeRules = known(node, 'the node')
      if (typeof nodeRules === 'string') return nodeRules
      return attributeValueProblem(nodeRules.attributes, key, value, `<${node}>`)
    },

    formatProblem(textParent, key, value) {
      if (value === null) return null
      const mark = marks.get(markNameOf(key))
      if (!mark) {
        const kind = hiddenMarks.has(markNameOf(key)) ? "exists only in the editor's view and is never stored" : 'is not a mark this version knows'
        return `formatting "${key}" ${kind}`
      }
      const parentRules = known(textParent, 'its parent')
      if (typeof parentRules === 'string') return parentRules
      if (!parentRules.type.allowsMarkType(mark)) return `the mark ${mark.name} is not allowed inside <${textParent}>`
      // y-tiptap stores a mark's attributes as an object; ProseMirror also reads a bare `true` (Y.Text's own style).
      if (typeof value !== 'object') return null
      const attributes: Readonly<Record<string, AttributeSpec>> = mark.spec.attrs ?? {}
      for (const [name, attributeValue] of Object.entries(value)) {
        const problem = attributeValueProblem(attributes, name, attributeValue, `the mark ${mark.name}`)
        if (problem) return problem
      }
      return null
    },
  }
}

/** Every node type a content expression mentions (the edges of its automaton). */
function typesMentioned(type: NodeType): Set<NodeType> {
  const found = new Set<NodeType>()
  const seen = new Set([type.contentMatch])
  const pending = [type.contentMatch]
  for (let match = pending.pop(); match; match = pending.pop()) {
    for (let i = 0; i < match.edgeCount; i++) {
      const { type: child, next } = match.edge(i)
      found.add(child)
      if (!seen.has(next)) {
        seen.add(next)
        pending.push(next)
      }
    }
  }
  return found
}

const describeNode = (name: string, schema: Schema) => (name === schema.topNodeType.name ? 'the top level of the document' : `<${name}>`)

/** ProseMirror's own attribute check (`Node.check`): the name must be declared and its validator must pass. */
function attributeValueProblem(attributes: Readonly<Record<string, AttributeSpec>>, name: string, value: unknown, owner: string): string | null {
  if (!Object.hasOwn(attributes, name)) return `attribute "${name}" is not one ${owner} has`
  const validate = attributes[name]!.validate
  if (typeof validate === 'string') {
    const allowed = validate.split('|')
    const kind = value === null ? 'null' : typeof value
    return allowed.includes(kind) ? null : `attribute "${name}" of ${owner} must be ${validate}, not ${kind}`
  }
  if (typeof validate === 'function') {
    try {
      validate(value)
    } catch (error) {
      return `attribute "${name}" of ${owner} is not valid: ${error instanceof Error ? error.message : String(error)}`
    }
  }
  return null
}

/** The rules of the editor's schema: one definition for the server's update check and the editor. */
export const editorContentRules: ContentRules = createContentRules(editorSchema)
