import { describe, expect, it } from 'vitest'
import { planMonkey } from './plan.js'

describe('the monkey’s script', () => {
  it('comes from the seed alone, so a seed replays exactly', () => {
    expect(planMonkey(42, { actionsPerPage: 30 })).toEqual(planMonkey(42, { actionsPerPage: 30 }))
    expect(planMonkey(42, { actionsPerPage: 30 })).not.toEqual(planMonkey(43, { actionsPerPage: 30 }))
  })

  it('plays the same script when a replay names the number of pages the seed chose', () => {
    const chosen = planMonkey(7, { actionsPerPage: 20 })
    expect(chosen.pages).toBeGreaterThanOrEqual(3)
    expect(chosen.pages).toBeLessThanOrEqual(5)
    expect(planMonkey(7, { actionsPerPage: 20, pages: chosen.pages })).toEqual(chosen)
  })

  it('uses every kind of action, and the shared hot spot, over a few seeds', () => {
    const actions = [1, 2, 3].flatMap((seed) => planMonkey(seed, { pages: 3, actionsPerPage: 12 }).steps.flat().map((step) => step.action))
    expect(new Set(actions.map((action) => action.kind))).toEqual(new Set(['type', 'delete', 'enter', 'paste', 'undo', 'redo', 'cite', 'format']))
    expect(actions.some((action) => 'place' in action && action.place?.kind === 'hot')).toBe(true)
  })
})
