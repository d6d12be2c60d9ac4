/**
 * Examples shown under a bill's fields (and read with them, through aria-describedby). A new user could not
 * guess what "Session" or "Version" wanted; the examples use leginfo.legislature.ca.gov's own wording, since
 * that is where bill versions are usually copied from, and the app reads that wording (see
 * shared/sources/versionLabels.ts).
 */
export const FIELD_HINTS: Readonly<Record<string, string>> = {
  jurisdiction: 'The state, or United States for Congress. E.g. California',
  session: 'The legislative session, as years. E.g. 2017–2018',
  billNumber: 'E.g. SB 54, AB 450',
  versionLabel: 'As leginfo lists it. E.g. Introduced, Amended Senate, Amended Assembly, Enrolled, Chaptered',
}
