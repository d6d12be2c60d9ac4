import { expect, test } from 'vitest'
import { shortNoteTitle } from '../../shared/sources/index.js'

const titled = (title: string, titleShort?: string) => ({ id: 'src_x', type: 'article-newspaper', title, ...(titleShort ? { 'title-short': titleShort } : {}) })

test('short notes repeat short titles whole and cut long ones to four words, as Chicago does', () => {
  expect(shortNoteTitle(titled('Who pays for the trails?'))).toBe('Who pays for the trails?')
  expect(shortNoteTitle(titled('Trail Funds Split the County Board Again'))).toBe('Trail Funds Split')
  expect(shortNoteTitle(titled('The State of the Parks in the County Today'))).toBe('State of the Parks')
  expect(shortNoteTitle(titled('Parks and Power: How Counties Fund Their Green Space'))).toBe('Parks and Power')
  expect(shortNoteTitle(titled('New Limits on ‘Sanctuary Trails’ Rule Would Let Rangers Close Paths'))).toBe('New Limits on Sanctuary')
  expect(shortNoteTitle(titled('A very long headline that nobody wants repeated', 'Long Headline'))).toBe('Long Headline')
})
