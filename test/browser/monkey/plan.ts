import { createPrng, type Prng } from '../../helpers/prng.js'

/**
 * The monkey's script, derived from the seed alone: the same seed gives the same actions, places, lengths and
 * pauses for every page, so a failing seed replays exactly (only the timing of the pages against each other
 * varies, as it does for people).
 */

/**
 * Where an action happens. Places are fractions, resolved against the page's document when the action runs:
 * the top-level block at `block` × the number of blocks, and the offset at `offset` × its length. `hot` is the
 * end of the first paragraph, a spot every page goes to now and then, so people collide there.
 */
export type Place = { kind: 'hot' } | { kind: 'random'; block: number; offset: number }

export type MonkeyAction =
  /** `place` null: keep typing where the caret is (the previous action was typing too). */
  | { kind: 'type'; place: Place | null; text: string; keyDelayMs: number }
  /** With `selectLength` > 0, selects that much from the place and presses `key` once; else presses it `count` times. */
  | { kind: 'delete'; place: Place | null; key: 'Backspace' | 'Delete'; count: number; selectLength: number }
  | { kind: 'enter'; place: Place | null }
  /** Copies `length` characters from `from` and pastes them at `to`. */
  | { kind: 'paste'; from: Place; length: number; to: Place }
  | { kind: 'undo'; count: number }
  | { kind: 'redo'; count: number }
  /** Cites the document's source: with its Cite button, or by typing `[@` and a few letters of its title. */
  | { kind: 'cite'; place: Place | null; via: 'button' | 'picker' }
  | { kind: 'format'; place: Place; length: number; key: 'Control+b' | 'Control+i' }

export interface Step {
  /** How long the person waits before this action. */
  pauseMs: number
  action: MonkeyAction
}

export interface MonkeyPlan {
  seed: number
  pages: number
  /** One list of steps per page. */
  steps: Step[][]
}

export interface PlanOptions {
  /** Number of pages; derived from the seed (3 to 5) when not given. */
  pages?: number
  actionsPerPage: number
}

// Plain words only: no markdown shortcuts (`#`, `- `, `1. `, `**`), no `[@`, no dots inside words (autolink).
const WORDS = ['the', 'draft', 'rights', 'schools', 'county', 'we', 'support', 'oppose', 'funding', 'access', 'parks', 'for', 'all', 'now', 'bill', 'vote', 'public', 'safety', 'housing', 'water', 'tenants', 'fair']

const ACTION_WEIGHTS: [MonkeyAction['kind'], number][] = [
  ['type', 40],
  ['delete', 10],
  ['enter', 8],
  ['paste', 7],
  ['undo', 10],
  ['redo', 5],
  ['cite', 8],
  ['format', 12],
]

function weighted(prng: Prng): MonkeyAction['kind'] {
  const total = ACTION_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0)
  let roll = prng.next() * total
  for (const [kind, weight] of ACTION_WEIGHTS) {
    if ((roll -= weight) < 0) return kind
  }
  return 'type'
}

function place(prng: Prng): Place {
  return prng.next() < 0.3 ? { kind: 'hot' } : { kind: 'random', block: prng.next(), offset: prng.next() }
}

function sentence(prng: Prng): string {
  const words = Array.from({ length: 1 + prng.int(6) }, () => prng.pick(WORDS))
  return (prng.next() < 0.6 ? ' ' : '') + words.join(' ') + (prng.next() < 0.3 ? '.' : '')
}

function action(prng: Prng, previous: MonkeyAction | undefined): MonkeyAction {
  const kind = weighted(prng)
  switch (kind) {
    case 'type': {
      const keepGoing = previous?.kind === 'type' && prng.next() < 0.4
      // About 25 keys a second, give or take.
      return { kind, place: keepGoing ? null : place(prng), text: sentence(prng), keyDelayMs: 25 + prng.int(35) }
    }
    case 'delete': {
      const selectLength = prng.next() < 0.3 ? 1 + prng.int(12) : 0
      return { kind, place: prng.next() < 0.3 ? null : place(prng), key: prng.next() < 0.7 ? 'Backspace' : 'Delete', count: 1 + prng.int(5), selectLength }
    }
    case 'enter':
      return { kind, place: prng.next() < 0.4 ? null : place(prng) }
    case 'paste':
      return { kind, from: place(prng), length: 1 + prng.int(20), to: place(prng) }
    case 'undo':
      return { kind, count: 1 + prng.int(2) }
    case 'redo':
      return { kind, count: 1 }
    case 'cite':
      return { kind, place: prng.next() < 0.3 ? null : place(prng), via: prng.next() < 0.5 ? 'button' : 'picker' }
    case 'format':
      return { kind, place: place(prng), length: 1 + prng.int(15), key: prng.next() < 0.5 ? 'Control+b' : 'Control+i' }
  }
}

/** The whole script of one seed. */
export function planMonkey(seed: number, options: PlanOptions): MonkeyPlan {
  const prng = createPrng(seed)
  // Drawn even when given, so a replay that names the pages a seed chose plays the same script.
  const drawnPages = 3 + prng.int(3)
  const pages = options.pages ?? drawnPages
  const steps = Array.from({ length: pages }, () => {
    const list: Step[] = []
    for (let i = 0; i < options.actionsPerPage; i++) {
      // Mostly short pauses, sometimes a longer one: people type in bursts.
      const pauseMs = prng.next() < 0.2 ? 300 + prng.int(700) : prng.int(200)
      list.push({ pauseMs, action: action(prng, list.at(-1)?.action) })
    }
    return list
  })
  return { seed, pages, steps }
}
