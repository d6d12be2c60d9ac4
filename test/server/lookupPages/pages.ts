/**
 * Saved pages for the link-lookup tests, cut down to what the lookup reads. Made up, on example domains; each
 * speaks one metadata vocabulary, and `conflicting` speaks all of them, differently, to prove their order.
 */

const page = (head: string, body = '<p>Text.</p>') => `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`

export const highwire = page(`
  <title>Trail funding | Ledger</title>
  <meta name="citation_title" content="County weighs new trail funding">
  <meta name="citation_author" content="Rivera, Marisol">
  <meta name="citation_author" content="Dana Okafor">
  <meta name="citation_publication_date" content="2019/04/02">
  <meta name="citation_publisher" content="Ledger Media Group">`)

export const jsonLdNews = page(`
  <title>Trail funding - The Daily Ledger</title>
  <script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: 'The Daily Ledger' },
      {
        '@type': 'NewsArticle',
        headline: 'County weighs new trail funding',
        author: [{ '@type': 'Person', name: 'Marisol Rivera' }],
        datePublished: '2019-04-02T08:30:00-07:00',
        publisher: { '@type': 'Organization', name: 'The Daily Ledger' },
        articleSection: ['Metro'],
      },
    ],
  })}</script>`)

export const openGraph = page(`
  <title>Trail funding</title>
  <meta property="og:type" content="article">
  <meta property="og:title" content="County weighs new trail funding">
  <meta property="og:site_name" content="The Daily Ledger">
  <meta property="article:published_time" content="2019-04-02T08:30:00Z">
  <meta property="article:author" content="https://ledger.example.com/staff/rivera">
  <meta property="article:author" content="Marisol Rivera">
  <meta property="article:section" content="Metro">`)

export const dublinCore = page(`
  <title>Position paper</title>
  <meta name="DC.title" content="Our position on trail access">
  <meta name="DC.creator" content="Parks For All Coalition">
  <meta name="DC.publisher" content="Parks For All Coalition">
  <meta name="DC.date" content="2019-05">`)

export const titleOnly = page('<title>\n  Our position   on trail access\n</title>')

export const noTitle = page('')

export const jsonLdReport = page(`
  <title>Report</title>
  <script type="application/ld+json">{ "@type": "Report", "name": "Access to Green Space in Urban Counties",
    "author": { "@type": "Person", "name": "Chidi Okafor" }, "datePublished": "2018",
    "publisher": { "@type": "Organization", "name": "Institute for Civic Data" } }</script>`)

/** Every vocabulary, each with its own title, author and date: the lookup must take Highwire's where it can. */
export const conflicting = page(`
  <title>Title from the title tag</title>
  <meta name="DC.title" content="Title from Dublin Core">
  <meta name="DC.publisher" content="Publisher from Dublin Core">
  <meta property="og:title" content="Title from OpenGraph">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="Outlet from OpenGraph">
  <meta property="article:section" content="Section from OpenGraph">
  <script type="application/ld+json">{ "@type": "NewsArticle", "headline": "Title from JSON-LD",
    "author": { "@type": "Person", "name": "Json Author" }, "datePublished": "2020-01-01",
    "publisher": { "@type": "Organization", "name": "Outlet from JSON-LD" } }</script>
  <meta name="citation_title" content="Title from Highwire">
  <meta name="citation_author" content="Highwire, Author">
  <meta name="citation_date" content="2021-02-03">`)
