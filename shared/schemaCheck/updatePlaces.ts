import * as Y from 'yjs'

/** Any Yjs shared type (Yjs's own typings make the event type invariant, hence `any`). */
export type SharedType = Y.AbstractType<any>

/** A struct of a decoded update: an item, a garbage-collected range, or a gap. */
export type UpdateStruct = Y.Item | Y.GC | Y.Skip

/** Where an item of an update would land if the update were applied to the document now. */
export type Place =
  /** Directly in the root type `root` (under map key `key`, or in its list when `key` is null). */
  | { kind: 'root'; root: string; key: string | null }
  /** Inside the nested shared type `parent`, which lives under the root `root`. */
  | { kind: 'nested'; root: string; parent: SharedType; key: string | null }
  /** Yjs garbage-collects it on arrival (a neighbour or its parent was collected): it adds nothing. */
  | { kind: 'collected' }
  /** It depends on an edit the document does not hold yet (Yjs would keep it pending until that arrives). */
  | { kind: 'missing' }
  /** It cannot come from Yjs (a forged reference, or nesting beyond reason). */
  | { kind: 'broken'; reason: string }

/**
 * Answers, without applying anything, where each item of a decoded update would land in `doc`: the update names
 * its parent (a root's name or the id of the item holding a shared type) or only its neighbours, and those can
 * be items of the document or of the same update. This follows the rules of Yjs's own integration (Item.getMissing).
 */
export class UpdatePlaces {
  /** The update's structs per client, in clock order (as Y.decodeUpdate returns them). */
  private readonly byClient = new Map<number, UpdateStruct[]>()
  /** Per client, the first clock of this update that the document cannot take yet (a gap before it). */
  private readonly gapFrom = new Map<number, number>()
  /** The item that holds each shared type created by this update. */
  private readonly creators = new Map<SharedType, Y.Item>()
  private readonly places = new Map<Y.Item, Place>()

  constructor(
    readonly doc: Y.Doc,
    structs: readonly UpdateStruct[],
  ) {
    for (const struct of structs) {
      const client = struct.id.client
      let list = this.byClient.get(client)
      if (!list) this.byClient.set(client, (list = []))
      list.push(struct)
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) this.creators.set(struct.content.type, struct)
    }
    for (const [client, list] of this.byClient) {
      let next = Y.getState(doc.store, client)
      for (const struct of list) {
        if (struct.id.clock > next) {
          this.gapFrom.set(client, struct.id.clock)
          break
        }
        if (!(struct instanceof Y.Skip)) next = Math.max(next, struct.id.clock + struct.length)
      }
    }
  }

  /** True when the document already holds all of `struct` (Yjs skips it). */
  isKnown(struct: UpdateStruct): boolean {
    return struct.id.clock + struct.length <= Y.getState(this.doc.store, struct.id.client)
  }

  /** True when `struct` comes after a gap in its client's clock: Yjs would keep it pending. */
  isAfterGap(struct: UpdateStruct): boolean {
    return struct.id.clock >= (this.gapFrom.get(struct.id.client) ?? Infinity)
  }

  /** The struct (of the document, or else of this update) that holds `id`; 'missing' when neither has it. */
  find(id: Y.ID): Y.Item | Y.GC | 'missing' {
    const { client, clock } = id
    if (clock < Y.getState(this.doc.store, client)) {
      const structs = this.doc.store.clients.get(client)!
      return structs[Y.findIndexSS(structs, clock)]!
    }
    if (clock >= (this.gapFrom.get(client) ?? Infinity)) return 'missing'
    const list = this.byClient.get(client)
    if (!list) return 'missing'
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const struct = list[middle]!
      if (clock < struct.id.clock) high = middle - 1
      else if (clock >= struct.id.clock + struct.length) low = middle + 1
      else return struct instanceof Y.Skip ? 'missing' : struct
    }
    return 'missing'
  }

  /**
   * Where `item` (of this update, or already in the document) lands. An item that names only a neighbour shares
   * the neighbour's place; such chains can be as long as the update, so they are followed in a loop.
   */
  placeOf(item: Y.Item, depth = 0): Place {
    const chain = new Set<Y.Item>()
    let place: Place | undefined
    for (let current: Y.Item = item; !place; ) {
      place = this.places.get(current)
      if (place) break
      // Neighbours that lead back to each other: Yjs can never place them, and keeps them pending.
      if (chain.has(current)) place = MISSING
      else {
        chain.add(current)
        const step = this.step(current, depth)
        if (step instanceof Y.Item) current = step
        else place = step
      }
    }
    for (const resolved of chain) this.places.set(resolved, place)
    return place
  }

  /** Where the shared type `type` itself lives, and so where its children land (under `key`). */
  placeInside(type: SharedType, key: string | null, depth = 0): Place {
    if (type.doc !== null) {
      if (type._item === null) return { kind: 'root', root: rootName(type), key }
      return { kind: 'nested', root: rootOfIntegrated(type), parent: type, key }
    }
    const creator = this.creators.get(type)
    if (!creator) return COLLECTED
    if (depth >= MAX_NESTING) return { kind: 'broken', reason: `shared types nested more than ${MAX_NESTING} deep` }
    const outer = this.placeOf(creator, depth + 1)
    return outer.kind === 'root' || outer.kind === 'nested' ? { kind: 'nested', root: outer.root, parent: type, key } : outer
  }

  /** The node name of the element a text run stands in ('' when it is not in an element). */
  enclosingElementName(text: Y.XmlText): string {
    const creator = text._item ?? this.creators.get(text)
    const place = creator ? this.placeOf(creator) : null
    return place?.kind === 'nested' && place.parent instanceof Y.XmlElement ? place.parent.nodeName : ''
  }

  /** One step towards an item's place, following Yjs's own rules: the place itself, or the neighbour it shares it with. */
  private step(item: Y.Item, depth: number): Place | Y.Item {
    const parent: unknown = item.parent
    // An item of the document: Yjs has resolved its parent already.
    if (parent instanceof Y.AbstractType) return this.placeInside(parent, item.parentSub, depth)
    if (this.isAfterGap(item)) return MISSING
    // Yjs creates an item after everything it refers to; a reference forward in its own client's clock is forged.
    for (const reference of [item.origin, item.rightOrigin, parent instanceof Y.ID ? parent : null]) {
      if (reference && reference.client === item.id.client && reference.clock >= item.id.clock) {
        return { kind: 'broken', reason: 'an item refers to a later item of its own client' }
      }
    }
    // Neighbours first: Yjs collects an item whose neighbour was collected, even when its parent is named.
    const left = item.origin ? this.find(item.origin) : null
    const right = item.rightOrigin ? this.find(item.rightOrigin) : null
    if (left === 'missing' || right === 'missing') return MISSING
    if (left instanceof Y.GC || right instanceof Y.GC) return COLLECTED
    if (typeof parent === 'string') return { kind: 'root', root: parent, key: item.parentSub }
    if (parent instanceof Y.ID) {
      const holder = this.find(parent)
      if (holder === 'missing') return MISSING
      // A parent that is not a shared type (collected, or emptied by garbage collection): Yjs collects the item.
      if (!(holder instanceof Y.Item) || !(holder.content instanceof Y.ContentType)) return COLLECTED
      return this.placeInside(holder.content.type, item.parentSub, depth)
    }
    return left ?? right ?? COLLECTED
  }
}

const MISSING: Place = { kind: 'missing' }
const COLLECTED: Place = { kind: 'collected' }

/** Deepest nesting of shared types that is judged (a statement's lists nest a few levels; forged ones, any). */
const MAX_NESTING = 1_000

const rootNames = new WeakMap<SharedType, string>()

/** The name of an integrated root type (remembered: roots never move). */
function rootName(type: SharedType): string {
  let name = rootNames.get(type)
  if (name === undefined) rootNames.set(type, (name = Y.findRootTypeKey(type)))
  return name
}

const rootsOfNested = new WeakMap<SharedType, string>()

/** The name of the root under which an integrated nested type lives (remembered: a type never moves). */
function rootOfIntegrated(type: SharedType): string {
  let name = rootsOfNested.get(type)
  if (name === undefined) {
    let outer = type
    while (outer._item !== null) outer = outer._item.parent as SharedType
    rootsOfNested.set(type, (name = rootName(outer)))
  }
  return name
}
