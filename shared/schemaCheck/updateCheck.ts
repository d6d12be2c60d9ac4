import { equalityDeep } from 'lib0/function'
import * as Y from 'yjs'
import { YLayoutRootKinds } from '../yLayout.js'
import { editorContentRules, type ContentRules } from './contentRules.js'
import { UpdatePlaces, type Place, type SharedType, type UpdateStruct } from './updatePlaces.js'

/** What to do with a client's update. */
export type UpdateVerdict =
  | { kind: 'accepted' }
  /** It would put content into the document that this version cannot read. */
  | { kind: 'refused'; reason: string }
  /** It depends on edits the document does not hold yet; check it again once they arrived. */
  | { kind: 'waiting' }

/** Longest walk along a text run when looking for the formatting already in effect (a bound on hostile input). */
const MAX_FORMAT_WALK = 100_000

/**
 * Judges a decoded update against the document it would be applied to, before anything of it is applied: every
 * item must land in a root of the Caucus layout (YLayoutRootKinds), and in the rich text it must be content the
 * editor schema reads (see ContentRules). Deletions are always readable. Items that Yjs would skip (already
 * known) or garbage-collect on arrival add nothing and are not judged.
 */
export function checkUpdate(doc: Y.Doc, structs: readonly UpdateStruct[], rules: ContentRules = editorContentRules): UpdateVerdict {
  const places = new UpdatePlaces(doc, structs)
  let waiting = false
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || places.isKnown(struct)) continue
    const place = places.placeOf(struct)
    if (place.kind === 'missing') {
      waiting = true
      continue
    }
    if (place.kind === 'collected') continue
    if (place.kind === 'broken') return { kind: 'refused', reason: place.reason }
    const problem = itemProblem(struct, place, places, rules)
    if (problem) return { kind: 'refused', reason: problem }
  }
  return waiting ? { kind: 'waiting' } : { kind: 'accepted' }
}

function itemProblem(item: Y.Item, place: Extract<Place, { kind: 'root' | 'nested' }>, places: UpdatePlaces, rules: ContentRules): string | null {
  const rootKind: string | undefined = (YLayoutRootKinds as Record<string, string>)[place.root]
  if (!rootKind) return `writes to "${place.root}", which is not part of a Caucus document`
  const content = item.content
  // Deleted content is readable anywhere; a subdocument nowhere.
  if (content instanceof Y.ContentDeleted) return null
  if (content instanceof Y.ContentDoc) return 'a subdocument is not part of a Caucus document'
  if (rootKind === 'map') {
    // Entries of the data maps are checked by their readers (sources, settings); only their shape matters here.
    return place.kind === 'root' && place.key === null ? `"${place.root}" is a map: list content in it is not readable` : null
  }
  if (place.kind === 'root') {
    if (place.key !== null) return `the rich text has no attribute "${place.key}"`
    return childProblem(rules.topNode, content, rules)
  }
  const parent = place.parent
  if (parent instanceof Y.XmlText) return textRunProblem(item, parent, place.key, places, rules)
  if (parent instanceof Y.XmlElement) {
    if (place.key === null) return childProblem(parent.nodeName, content, rules)
    if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) return `attribute "${place.key}" of <${parent.nodeName}> must be a plain value`
    return rules.attributeProblem(parent.nodeName, place.key, content.arr[0])
  }
  return `content inside ${typeName(parent)} is not readable in the rich text`
}

/** What an element (named `parent`, or the root) may hold in its list of children. */
function childProblem(parent: string, content: Y.Item['content'], rules: ContentRules): string | null {
  if (content instanceof Y.ContentType) {
    const type = content.type
    if (type instanceof Y.XmlText) return rules.textProblem(parent)
    if (type instanceof Y.XmlElement) return rules.childProblem(parent, type.nodeName)
  }
  if (content instanceof Y.ContentString) return rules.textProblem(parent) ?? 'text must be inside a text run, not directly in an element'
  return `${contentName(content)} is not readable in the rich text`
}

/** What a text run may hold: characters, and formatting the schema knows. */
function textRunProblem(item: Y.Item, text: Y.XmlText, key: string | null, places: UpdatePlaces, rules: ContentRules): string | null {
  if (key !== null) return `a text run has no attribute "${key}"`
  const content = item.content
  if (content instanceof Y.ContentString) return null
  if (content instanceof Y.ContentFormat) {
    const problem = rules.formatProblem(places.enclosingElementName(text), content.key, content.value)
    return problem && !restoresFormatInEffect(item, content, places) ? problem : null
  }
  return `${contentName(content)} cannot stand inside a text run`
}

/**
 * True when a formatting item only restores, after new text, the value its key already has at that place in the
 * document. Yjs writes exactly this when someone types inside formatting that the editor keeps without reading
 * (written by a newer version, say): the new text gets the editor's formatting, and the old value resumes after
 * it. That puts nothing new into the document, so it must not be refused.
 */
function restoresFormatInEffect(item: Y.Item, format: Y.ContentFormat, places: UpdatePlaces): boolean {
  // Walk left past this update's own items to the place where the update is inserted…
  let step: Y.Item | Y.GC | 'missing' | null = item
  let steps = 0
  while (step instanceof Y.Item && !(step.parent instanceof Y.AbstractType)) {
    step = step.origin ? places.find(step.origin) : null
    if (++steps > MAX_FORMAT_WALK) return false
  }
  // …then along the document's text run: the nearest formatting item with this key holds the value in effect.
  for (let left = step instanceof Y.Item ? step : null; left !== null; left = left.left) {
    if (++steps > MAX_FORMAT_WALK) return false
    if (!(left.content instanceof Y.ContentFormat) || left.content.key !== format.key) continue
    if (equalityDeep(left.content.value, format.value)) return true
    if (!left.deleted) return false
  }
  return false
}

/** Names a piece of Yjs content for a refusal message. */
function contentName(content: Y.Item['content']): string {
  if (content instanceof Y.ContentType) return typeName(content.type)
  if (content instanceof Y.ContentString) return 'text'
  if (content instanceof Y.ContentEmbed) return 'an embedded object'
  if (content instanceof Y.ContentFormat) return `formatting "${content.key}"`
  if (content instanceof Y.ContentBinary) return 'binary data'
  return 'a plain value'
}

function typeName(type: SharedType): string {
  if (type instanceof Y.XmlElement) return `an element <${type.nodeName}>`
  if (type instanceof Y.XmlText) return 'a text run'
  return `a shared ${type.constructor.name.replace(/^Y/, 'Y.')}`
}
