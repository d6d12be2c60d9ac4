/**
 * California's legislature site names a bill in its links: `bill_id=201720180SB54` is the 2017–2018 regular
 * session (the 0; 1, 2… are extraordinary sessions), Senate Bill 54. Reading it from the link fills the bill's
 * identity exactly, which a page title never does; which version is meant is left to the person.
 */

export interface CaliforniaBill {
  jurisdiction: 'California'
  legislativeBody: string
  /** "2017–2018", or "2017–2018 1st Extraordinary Session". */
  session: string
  /** "SB 54". */
  billNumber: string
}

const HOSTS = new Set(['leginfo.legislature.ca.gov', 'www.leginfo.legislature.ca.gov'])
const BILL_ID = /^(\d{4})(\d{4})(\d)([A-Z]{2,4})(\d{1,5})$/
const ORDINALS = ['', '1st', '2nd', '3rd']

/** The bill a leginfo link is about (its navigation, text, versions, history… pages), or undefined. */
export function californiaBillFromUrl(text: string): CaliforniaBill | undefined {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return undefined
  }
  if (!HOSTS.has(url.hostname.toLowerCase()) || !/^\/faces\/bill\w*Client\.xhtml$/i.test(url.pathname)) return undefined
  const match = BILL_ID.exec((url.searchParams.get('bill_id') ?? '').toUpperCase())
  if (!match) return undefined
  const [, start, end, special, type, number] = match as unknown as [string, string, string, string, string, string]
  // SB, SCA, SJR, SR, SCR are Senate measures; AB, ACA, AJR, AR, ACR the Assembly's.
  const house = type.startsWith('S') ? 'Senate' : type.startsWith('A') ? 'Assembly' : undefined
  if (!house) return undefined
  const extraordinary = Number(special)
  const ordinal = ORDINALS[extraordinary] ?? `${extraordinary}th`
  return {
    jurisdiction: 'California',
    legislativeBody: `California State ${house}`,
    session: `${start}–${end}${extraordinary ? ` ${ordinal} Extraordinary Session` : ''}`,
    billNumber: `${type} ${Number(number)}`,
  }
}
