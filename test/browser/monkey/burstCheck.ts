import * as Y from 'yjs'
import { YLayout } from '../../../shared/yLayout.js'

/**
 * Whether each person's typing stayed together, read from the Yjs items of the final document.
 *
 * A burst is one `keyboard.type` of one page: the text typed and the clock range its Yjs client used meanwhile.
 * A run is a person's uninterrupted typing at one place (bursts typed one after the other without moving the
 * caret or doing anything else). Characters are identified by their Yjs id, so text copied, recreated by a
 * split or restored by undo/redo is nobody's burst and is never counted against one.
 *
 * For every burst and run, on the characters that survive:
 * - invented: read in clock order, they are a subsequence of what was typed (no letter doubled or made up);
 * - moved: in document order they come in the order typed;
 * - interleaved: within one text node, between a run's first and last character there is no character of
 *   another run, unless that other run's first letter went in between them (someone put the caret in the middle
 *   of the words, which is theirs to do).
 */

export interface Burst {
  run: number
  client: number
  /** First clock the burst used, and the clock after its last. */
  start: number
  end: number
  text: string
  label: string
}

interface Char {
  client: number
  clock: number
  char: string
  burst: Burst | undefined
}

/**
 * One text node: its surviving characters in document order, and where every unit of its items stands
 * (deleted characters and formatting markers included), to tell what lies between what.
 */
interface TextNode {
  chars: Char[]
  /** `client:clock` → position among all units of the node. */
  slotOf: Map<string, number>
  /** The position of each surviving character among all units. */
  charSlots: number[]
}

const key = (client: number, clock: number) => `${client}:${clock}`

function burstIndex(bursts: readonly Burst[]) {
  const byClient = new Map<number, Burst[]>()
  for (const burst of bursts) {
    const list = byClient.get(burst.client) ?? []
    list.push(burst)
    byClient.set(burst.client, list)
  }
  return (client: number, clock: number): Burst | undefined => byClient.get(client)?.find((b) => clock >= b.start && clock < b.end)
}

function textNodes(doc: Y.Doc, burstOf: ReturnType<typeof burstIndex>): TextNode[] {
  const nodes: TextNode[] = []
  const visit = (type: Y.XmlElement | Y.XmlFragment | Y.XmlText) => {
    if (type instanceof Y.XmlText) {
      const node: TextNode = { chars: [], slotOf: new Map(), charSlots: [] }
      let slot = 0
      for (let item = type._start; item !== null; item = item.right) {
        const { client, clock } = item.id
        const text = !item.deleted && item.content instanceof Y.ContentString ? item.content.str : null
        for (let k = 0; k < item.length; k++, slot++) {
          node.slotOf.set(key(client, clock + k), slot)
          if (text === null) continue
          node.chars.push({ client, clock: clock + k, char: text[k]!, burst: burstOf(client, clock + k) })
          node.charSlots.push(slot)
        }
      }
      nodes.push(node)
      return
    }
    for (const child of type.toArray()) visit(child as Y.XmlElement | Y.XmlText)
  }
  visit(doc.getXmlFragment(YLayout.richTextFragment))
  return nodes
}

/** The item holding the unit `id`, if the store still has it as an item. */
function itemAt(doc: Y.Doc, id: Y.ID): Y.Item | null {
  try {
    const struct = Y.getItem(doc.store, id)
    return struct instanceof Y.Item ? struct : null
  } catch {
    return null
  }
}

/**
 * Whether a run that begins with `firstBurst` was begun inside the slots `from`…`to` of `node`: its first letter
 * went in right after or right before something that lies there (the person put the caret in there).
 */
function beganWithin(doc: Y.Doc, firstBurst: Burst, node: TextNode, from: number, to: number): boolean {
  const first = itemAt(doc, Y.createID(firstBurst.client, firstBurst.start))
  if (!first) return false
  // The first letter may have been merged into an item that started earlier: its left neighbour then is the
  // unit before it in that item; merged items share their right origin.
  const left = firstBurst.start > first.id.clock ? Y.createID(first.id.client, firstBurst.start - 1) : first.origin
  return [left, first.rightOrigin].some((id) => {
    const slot = id ? node.slotOf.get(key(id.client, id.clock)) : undefined
    return slot !== undefined && slot >= from && slot <= to
  })
}

/** Problems found, each saying which run and showing the text node. */
export function checkBursts(doc: Y.Doc, bursts: readonly Burst[]): string[] {
  const problems: string[] = []
  const burstOf = burstIndex(bursts)
  const nodes = textNodes(doc, burstOf)
  const firstBurstOfRun = new Map<number, Burst>()
  for (const burst of bursts) {
    const known = firstBurstOfRun.get(burst.run)
    if (burst.end > burst.start && (!known || known.start > burst.start)) firstBurstOfRun.set(burst.run, burst)
  }
  const show = (chars: Char[]) => JSON.stringify(chars.map((c) => c.char).join(''))

  // Invented letters: each burst's surviving characters, in clock order, are a subsequence of its text.
  const all = nodes.flatMap((node) => node.chars)
  for (const burst of bursts) {
    const mine = all.filter((c) => c.burst === burst).sort((a, b) => a.clock - b.clock)
    let at = 0
    for (const c of mine) {
      at = burst.text.indexOf(c.char, at)
      if (at < 0) {
        problems.push(`${burst.label}: characters that were never typed in ${JSON.stringify(burst.text)}: ${show(mine)}`)
        break
      }
      at++
    }
  }

  // Moved letters: each run's characters in document order come in the order typed.
  const lastClock = new Map<number, Char>()
  const moved = new Set<number>()
  for (const c of all) {
    if (!c.burst || moved.has(c.burst.run)) continue
    const previous = lastClock.get(c.burst.run)
    if (previous && previous.clock > c.clock) {
      moved.add(c.burst.run)
      problems.push(`${c.burst.label}: "${c.char}" was typed before "${previous.char}" but stands after it`)
    }
    lastClock.set(c.burst.run, c)
  }

  // Interleaving, within each text node.
  for (const node of nodes) {
    const { chars } = node
    const runs = new Set(chars.flatMap((c) => (c.burst ? [c.burst.run] : [])))
    for (const run of runs) {
      const first = chars.findIndex((c) => c.burst?.run === run)
      let last = chars.length - 1
      while (chars[last]!.burst?.run !== run) last--
      const intruders = new Set<number>()
      for (let i = first + 1; i < last; i++) {
        const other = chars[i]!.burst?.run
        if (other !== undefined && other !== run) intruders.add(other)
      }
      for (const other of intruders) {
        const firstOfOther = firstBurstOfRun.get(other)
        if (firstOfOther && beganWithin(doc, firstOfOther, node, node.charSlots[first]!, node.charSlots[last]!)) continue
        const label = (r: number) => firstBurstOfRun.get(r)?.label ?? `run ${r}`
        // The other run's letters in brackets: «abc».
        const span = chars.slice(first, last + 1).map((c, i, all) => {
          const theirs = (k: number) => all[k]?.burst?.run === other
          return (theirs(i) && !theirs(i - 1) ? '«' : '') + c.char + (theirs(i) && !theirs(i + 1) ? '»' : '')
        })
        problems.push(`${label(run)} is split by ${label(other)}: ${JSON.stringify(span.join(''))}`)
      }
    }
  }
  return problems
}
