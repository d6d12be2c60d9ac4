import type {
  BillVersionInput,
  GenericSourceInput,
  NewsArticleInput,
  OtherSourceInput,
} from '../../shared/sources/index.js'

/** Made-up sample sources: a fictional bill, newspaper and coalition, on example domains. */

export function billVersionInput(overrides: Partial<BillVersionInput> = {}): BillVersionInput {
  return {
    kind: 'billVersion',
    jurisdiction: 'California',
    legislativeBody: 'California State Senate',
    session: '2019–2020',
    billNumber: 'SB 101',
    versionLabel: 'Amended in Senate',
    versionDate: '2019-03-29',
    title: 'Public Parks and Trails Access Act',
    url: 'https://legislature.example.gov/bills/sb101/amended-senate-2019-03-29',
    ...overrides,
  }
}

export function newsArticleInput(overrides: Partial<NewsArticleInput> = {}): NewsArticleInput {
  return {
    kind: 'newsArticle',
    authors: [{ family: 'Rivera', given: 'Marisol' }],
    title: 'County weighs new trail funding',
    outlet: 'The Daily Ledger',
    section: 'Metro',
    date: '2019-04-02',
    url: 'https://ledger.example.com/2019/04/02/trail-funding',
    accessed: '2019-05-01',
    ...overrides,
  }
}

export function webPageInput(overrides: Partial<GenericSourceInput> = {}): GenericSourceInput {
  return {
    kind: 'webPage',
    authors: [{ literal: 'Parks For All Coalition' }],
    title: 'Our position on trail access',
    publisher: 'Parks For All Coalition',
    date: '2019-05',
    url: 'https://parksforall.example.org/position',
    ...overrides,
  }
}

export function reportInput(overrides: Partial<GenericSourceInput> = {}): GenericSourceInput {
  return {
    kind: 'report',
    authors: [{ family: 'Okafor', given: 'Chidi' }],
    title: 'Access to Green Space in Urban Counties',
    publisher: 'Institute for Civic Data',
    date: '2018',
    url: 'https://civicdata.example.org/reports/green-space.pdf',
    ...overrides,
  }
}

export function statementInput(overrides: Partial<GenericSourceInput> = {}): GenericSourceInput {
  return {
    kind: 'statement',
    authors: [{ literal: 'Riverside Tenants Union' }],
    title: 'Statement on SB 101',
    date: '2019-06-01',
    url: 'https://tenants.example.org/statements/sb101',
    ...overrides,
  }
}

export function otherInput(overrides: Partial<OtherSourceInput> = {}): OtherSourceInput {
  return {
    kind: 'other',
    cslType: 'book',
    authors: [{ family: 'Lindqvist', given: 'Sara' }],
    title: 'Commons and Cities',
    publisher: 'Harbor Press',
    date: '2015',
    ...overrides,
  }
}
