import { describe, expect, test } from 'vitest'
import { isHttpUrl, parseCslItem, toCsl, validateSource } from '../../shared/sources/index.js'
import { billVersionInput, newsArticleInput, statementInput } from './fixtures.js'

const badUrls = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'ftp://x',
  'file:///etc/passwd',
  'not a url',
  '/bills/sb101',
  '//ledger.example.com/story',
  'http:ledger.example.com',
  'https://',
  'https://ledger.example.com/a\nb',
  'https://trusted.example.org@evil.example.com/',
]

describe('a form refuses URLs that are not absolute http(s) addresses, naming the field', () => {
  test.each(badUrls)('%j', (url) => {
    for (const input of [billVersionInput({ url }), newsArticleInput({ url }), statementInput({ url })]) {
      const checked = validateSource(input)
      expect(checked.ok).toBe(false)
      if (checked.ok) continue
      expect(checked.issues).toHaveLength(1)
      expect(checked.issues[0]!.path).toBe('url')
      expect(checked.issues[0]!.message).toMatch(/^URL /)
    }
  })
})

test('the scheme message says what is allowed', () => {
  const checked = validateSource(newsArticleInput({ url: 'javascript:alert(1)' }))
  expect(checked).toEqual({ ok: false, issues: [{ path: 'url', message: 'URL must start with http:// or https://' }] })
})

describe('a CSL item from outside (import, another client) with a bad URL is refused', () => {
  test.each(badUrls)('%j', (url) => {
    const item = { ...toCsl(newsArticleInput()), URL: url }
    const checked = parseCslItem(item)
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.issues.map((issue) => issue.path)).toEqual(['URL'])
  })
})

test('plain web addresses are accepted', () => {
  for (const url of ['http://example.org', 'https://example.org/a/b?c=d#e', 'HTTPS://EXAMPLE.ORG/', ' https://example.org/x ']) {
    expect(isHttpUrl(url), url).toBe(true)
  }
})
