import { expect, test } from 'vitest'
import { parse } from 'yaml'
import { itemLines, yamlString } from '../../shared/export/yamlBlock.js'

// Strings YAML would read as something else unquoted: indicators, keywords, numbers, dates, comments, keys.
const TRICKY = [
  '', ' ', 'plain words', '2019', '2019-06-01', '0x1F', '1e3', '.5', '-1', '+1', '.inf', '.NaN', 'yes', 'No', 'ON', 'y',
  'null', '~', 'true', '- item', '? key', ': value', 'a: b', 'a:b', 'ends with:', 'x #comment', '#tag', '&anchor', '*alias',
  '!tag', '|', '>', "'single'", '"double"', '%directive', '@at', '`tick`', '[flow]', '{flow}', 'a, b', 'tab\there',
  'line\nbreak', 'separator\u2028here', 'bom\ufeff', 'del\u007f', 'trailing ', ' leading', 'back\\slash', "it's",
  'https://example.org/a_b?x=1&y=2#top', 'Zoë “quoted” — 😀', '2019–2020 Reg. Sess.',
]

test('every string reads back the same from its YAML scalar, in YAML 1.2 and 1.1', () => {
  for (const text of TRICKY) {
    const yaml = `- ${yamlString(text)}`
    expect(parse(yaml), yaml).toEqual([text])
    expect(parse(yaml, { version: '1.1' }), yaml).toEqual([text])
  }
})

test('plain where it is safe, so the YAML reads like the text', () => {
  expect(yamlString('https://example.org/a_b?x=1&y=2#top')).toBe('https://example.org/a_b?x=1&y=2#top')
  expect(yamlString('as amended in Senate, March 29, 2019')).toBe('as amended in Senate, March 29, 2019')
  expect(yamlString('2019')).toBe("'2019'")
  expect(yamlString("a: it's")).toBe("'a: it''s'")
})

test('nested mappings and lists are block YAML that reads back as the same value', () => {
  const value = { id: 'a', author: [{ family: 'Rivera', given: 'Marisol' }, { literal: 'yes' }], issued: { 'date-parts': [[2019, 4, 2]] }, empty: [], none: {}, flag: true, n: 3 }
  const lines = itemLines(value, '')
  expect(lines.slice(0, 5)).toEqual(['- id: a', '  author:', '  - family: Rivera', '    given: Marisol', "  - literal: 'yes'"])
  expect(parse(lines.join('\n'))).toEqual([value])
})
