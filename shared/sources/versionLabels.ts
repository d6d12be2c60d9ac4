/**
 * Reads a bill's version label. People type the labels our form offers ("Amended in Senate"), but also copy
 * them from leginfo.legislature.ca.gov, whose version list drops the "in" ("Amended Senate", "Amended
 * Assembly"); both must read, sort and print the same, or a pasted label shows up raw in every citation.
 */

/** A recognised label: its verb ("amended in", "passed", "introduced"…) and, for some, the house ("Senate"). */
export interface VersionLabelParts {
  verb: 'introduced' | 'amended in' | 'passed' | 'engrossed' | 'enrolled' | 'chaptered'
  body?: string
}

const WITH_HOUSE = /^(?:(amended)\s+(?:in\s+)?|(passed)\s+)(\S.*)$/i
const SINGLE = /^(introduced|enrolled|engrossed|chaptered)$/i

/** The parts of a label, or undefined for free text ("Vetoed") and empty labels. */
export function parseVersionLabel(label: string | undefined): VersionLabelParts | undefined {
  const text = (label ?? '').trim().replace(/\s+/g, ' ')
  const withHouse = WITH_HOUSE.exec(text)
  // The house is a proper noun however it was typed: "amended senate" reads "am. Senate".
  const house = withHouse?.[3]
  if (house) return { verb: withHouse[1] ? 'amended in' : 'passed', body: house[0]!.toUpperCase() + house.slice(1) }
  const single = SINGLE.exec(text)
  return single ? { verb: single[1]!.toLowerCase() as VersionLabelParts['verb'] } : undefined
}
