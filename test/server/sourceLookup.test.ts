import { expect, test } from 'vitest'
import { parseCslItem } from '../../shared/sources/index.js'
import { lookup } from '../helpers/lookupApi.js'
import { html, startPageServer } from '../helpers/pageServer.js'
import { httpOrigin } from '../helpers/testAuth.js'
import { startTestServer } from '../helpers/testServer.js'
import * as pages from './lookupPages/pages.js'

/** A Caucus server that may fetch from 127.0.0.1, and a local site serving the saved pages. */
async function setUp() {
  const caucus = await startTestServer({ security: { fetchAllowLoopback: true } })
  const site = await startPageServer(Object.fromEntries(Object.entries(pages).map(([name, body]) => [`/${name}`, html(body)])))
  return { caucus, site }
}

const today = () => {
  const now = new Date()
  return [now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()]
}

test('each metadata vocabulary on its own fills the item, which is a valid CSL item and is not saved', async () => {
  const { caucus, site } = await setUp()
  const read = async (name: string) => {
    const { status, body } = await lookup(caucus.url, `${site.url}/${name}`)
    expect(status, JSON.stringify(body)).toBe(200)
    expect(parseCslItem(body.item).ok).toBe(true)
    expect(body.item.id).toMatch(/^src_/)
    return body.item
  }

  // Highwire says who wrote it and when, but not that it is news: a web page, with its publisher.
  expect(await read('highwire')).toMatchObject({
    type: 'webpage',
    title: 'County weighs new trail funding',
    author: [{ family: 'Rivera', given: 'Marisol' }, { family: 'Okafor', given: 'Dana' }],
    publisher: 'Ledger Media Group',
    issued: { 'date-parts': [[2019, 4, 2]] },
    URL: `${site.url}/highwire`,
    custom: { caucusKind: 'webPage' },
  })
  // A complete news article declares its kind.
  const news = await read('jsonLdNews')
  expect(news).toMatchObject({
    type: 'article-newspaper',
    title: 'County weighs new trail funding',
    author: [{ family: 'Rivera', given: 'Marisol' }],
    'container-title': 'The Daily Ledger',
    section: 'Metro',
    issued: { 'date-parts': [[2019, 4, 2]] },
    custom: { caucusKind: 'newsArticle' },
  })
  expect(news.accessed).toEqual({ 'date-parts': [today()] })
  // A profile URL in article:author names nobody and is skipped.
  expect(await read('openGraph')).toMatchObject({
    type: 'article-newspaper',
    title: 'County weighs new trail funding',
    author: [{ family: 'Rivera', given: 'Marisol' }],
    'container-title': 'The Daily Ledger',
    section: 'Metro',
    issued: { 'date-parts': [[2019, 4, 2]] },
  })
  expect(await read('dublinCore')).toMatchObject({
    type: 'webpage',
    title: 'Our position on trail access',
    author: [{ family: 'Coalition', given: 'Parks For All' }],
    publisher: 'Parks For All Coalition',
    issued: { 'date-parts': [[2019, 5]] },
  })
  expect(await read('jsonLdReport')).toMatchObject({
    type: 'report',
    title: 'Access to Green Space in Urban Counties',
    author: [{ family: 'Okafor', given: 'Chidi' }],
    publisher: 'Institute for Civic Data',
    issued: { 'date-parts': [[2018]] },
    custom: { caucusKind: 'report' },
  })
  // Only a title: a web page without author or publisher is incomplete, so it declares no kind (the form,
  // which infers it from the type, shows what is missing).
  const bare = await read('titleOnly')
  expect(bare).toMatchObject({ type: 'webpage', title: 'Our position on trail access', URL: `${site.url}/titleOnly` })
  expect(bare.custom).toBeUndefined()
  expect(bare.author).toBeUndefined()

  // Nothing was saved: a lookup touches no document (the user still has none).
  const docs = await fetch(`${caucus.url}/api/docs`, { headers: { cookie: `caucus_session=${caucus.auth!.session}`, origin: httpOrigin(caucus.url) } })
  expect(((await docs.json()) as { documents: unknown[] }).documents).toEqual([])
})

test('when vocabularies disagree, each field comes from the first of Highwire, JSON-LD, OpenGraph, Dublin Core, <title>', async () => {
  const { caucus, site } = await setUp()
  const { status, body } = await lookup(caucus.url, `${site.url}/conflicting`)
  expect(status).toBe(200)
  expect(body.item).toMatchObject({
    // Highwire's, over everything else's.
    title: 'Title from Highwire',
    author: [{ family: 'Highwire', given: 'Author' }],
    issued: { 'date-parts': [[2021, 2, 3]] },
    // Highwire has no outlet or kind: JSON-LD's, over OpenGraph's.
    type: 'article-newspaper',
    'container-title': 'Outlet from JSON-LD',
    // Only OpenGraph has a section.
    section: 'Section from OpenGraph',
  })
})

test('a page without any title is refused with a sentence; the request body is checked', async () => {
  const { caucus, site } = await setUp()
  const { status, body } = await lookup(caucus.url, `${site.url}/noTitle`)
  expect(status).toBe(502)
  expect(body.error).toMatchObject({ code: 'no_title', message: expect.stringMatching(/no title/) })
  expect((await lookup(caucus.url, 42)).body.error.code).toBe('invalid_body')
  expect((await lookup(caucus.url, '')).body.error.code).toBe('invalid_body')
})

test('the lookup needs a signed-in person (401) and counts against the write rate limit (429)', async () => {
  const caucus = await startTestServer({ security: { fetchAllowLoopback: true, writesPerMinute: 2 } })
  const site = await startPageServer({ '/page': html(pages.titleOnly) })
  const anonymous = await lookup(caucus.url, `${site.url}/page`, null)
  expect(anonymous.status).toBe(401)
  expect(anonymous.body.error.code).toBe('unauthorized')
  expect(site.hits).toEqual([])

  const statuses: number[] = []
  for (let i = 0; i < 3; i += 1) statuses.push((await lookup(caucus.url, `${site.url}/page`)).status)
  expect(statuses).toContain(429)
})
