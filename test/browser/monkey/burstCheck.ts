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
 *   another run, unless that other run began right next to this run's characters (someone clicked into the
 *   middle of it, which is theirs to do).
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

function burstIndex(bursts: readonly Burst[]) {
  const byClient = new Map<number, Burst[]>()
  for (const burst of bursts) {
    const list = byClient.get(burst.client) ?? []
    list.push(burst)
    byClient.set(burst.client, list)
  }
  return (client: number, clock: number): Burst | undefined => byClient.get(client)?.find((b) => clock >= b.start && clock < b.end)
}

/** The surviving characters of each text node, in document order. */
function textNodes(doc: Y.Doc, burstOf: ReturnType<typeof burstIndex>): Char[][] {
  const nodes: Char[][] = []
  const visit = (type: Y.XmlElement | Y.XmlFragment | Y.XmlText) => {
    if (type instanceof Y.XmlText) {
      const chars: Char[] = []
      for (let item = type._start; item !== null; item = item.right) {
        if (item.deleted || !(item.content instanceof Y.ContentString)) continue
        const { client, clock } = item.id
        const text = item.content.str
        for (let k = 0; k < text.length; k++) chars.push({ client, clock: clock + k, char: text[k]!, burst: burstOf(client, clock + k) })
      }
      nodes.push(chars)
      return
    }
    for (const child of type.toArray()) visit(child as Y.XmlElement | Y.XmlText)
  }
  visit(doc.getXmlFragment(YLayout.richTextFragment))
  return nodes
}

/** The item holding the character `id`, if the store still has it as an item. */
function itemAt(doc: Y.Doc, id: Y.ID): Y.Item | null {
  try {
    const struct = Y.getItem(doc.store, id)
    return struct instanceof Y.Item ? struct : null
  } catch {
    return null
  }
}

/** Skips formatting markers (someone's bold) to the nearest character on one side. */
function nearestChar(item: Y.Item | null, side: 'left' | 'right'): Y.ID | null {
  while (item && item.content instanceof Y.ContentFormat) item = item[side]
  if (!item) return null
  return side === 'left' ? Y.createID(item.id.client, item.id.clock + item.length - 1) : item.id
}

/** Whether run `intruder` began right next to a character of run `host` (someone clicked into it). */
function beganInside(doc: Y.Doc, firstBurst: Burst, host: number, burstOf: ReturnType<typeof burstIndex>): boolean {
  const first = itemAt(doc, Y.createID(firstBurst.client, firstBurst.start))
  if (!first) return false
  // The first character may have been merged into an item that started earlier: its left neighbour is then
  // the character before it in that item.
  const offset = firstBurst.start - first.id.clock
  const left = offset > 0 ? Y.createID(first.id.client, firstBurst.start - 1) : first.origin ? nearestChar(itemAt(doc, first.origin), 'left') : null
  const right = first.rightOrigin ? nearestChar(itemAt(doc, first.rightOrigin), 'right') : null
  return [left, right].some((id) => id !== null && burstOf(id.client, id.clock)?.run === host)
}

/** Problems found, each saying which run and showing the text node. */
export function checkBursts(doc: Y.Doc, bursts: readonly Burst[]): string[] {
  const problems: string[] = []
  const burstOf = burstIndex(bursts)
  const nodes = textNodes(doc, burstOf)
  const firstBurstOfRun = new Map<number, Burst>()
  for (const burst of bursts) if (!firstBurstOfRun.has(burst.run) || firstBurstOfRun.get(burst.run)!.start > burst.start) firstBurstOfRun.set(burst.run, burst)
  const show = (chars: Char[]) => JSON.stringify(chars.map((c) => c.char).join(''))

  // Invented letters: each burst's surviving characters, in clock order, are a subsequence of its text.
  const all = nodes.flat()
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
  for (const chars of nodes) {
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
        if (beganInside(doc, firstBurstOfRun.get(other)!, run, burstOf)) continue
        const label = (r: number) => firstBurstOfRun.get(r)!.label
        problems.push(`${label(run)} is split by ${label(other)}: ${show(chars.slice(first, last + 1))}`)
      }
    }
  }
  return problems
}
