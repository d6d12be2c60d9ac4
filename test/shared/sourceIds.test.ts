import { expect, test } from 'vitest'
import { newSourceId, SOURCE_ID_PATTERN } from '../../shared/sources/index.js'

test('source ids are URL-safe, prefixed and do not repeat', () => {
  const ids = Array.from({ length: 2000 }, newSourceId)
  for (const id of ids) {
    expect(id).toMatch(SOURCE_ID_PATTERN)
    expect(encodeURIComponent(id)).toBe(id)
  }
  expect(new Set(ids).size).toBe(ids.length)
})
