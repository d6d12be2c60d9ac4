/**
 * Abbreviations legal citations use for U.S. jurisdictions ("(Cal. 2017)"). A jurisdiction not listed here is
 * written out as entered, which is always correct if less compact.
 */
const ABBREVIATIONS: Record<string, string> = {
  alabama: 'Ala.', alaska: 'Alaska', arizona: 'Ariz.', arkansas: 'Ark.', california: 'Cal.', colorado: 'Colo.',
  connecticut: 'Conn.', delaware: 'Del.', 'district of columbia': 'D.C.', florida: 'Fla.', georgia: 'Ga.',
  hawaii: 'Haw.', idaho: 'Idaho', illinois: 'Ill.', indiana: 'Ind.', iowa: 'Iowa', kansas: 'Kan.', kentucky: 'Ky.',
  louisiana: 'La.', maine: 'Me.', maryland: 'Md.', massachusetts: 'Mass.', michigan: 'Mich.', minnesota: 'Minn.',
  mississippi: 'Miss.', missouri: 'Mo.', montana: 'Mont.', nebraska: 'Neb.', nevada: 'Nev.', 'new hampshire': 'N.H.',
  'new jersey': 'N.J.', 'new mexico': 'N.M.', 'new york': 'N.Y.', 'north carolina': 'N.C.', 'north dakota': 'N.D.',
  ohio: 'Ohio', oklahoma: 'Okla.', oregon: 'Or.', pennsylvania: 'Pa.', 'rhode island': 'R.I.',
  'south carolina': 'S.C.', 'south dakota': 'S.D.', tennessee: 'Tenn.', texas: 'Tex.', utah: 'Utah', vermont: 'Vt.',
  virginia: 'Va.', washington: 'Wash.', 'west virginia': 'W. Va.', wisconsin: 'Wis.', wyoming: 'Wyo.',
  'united states': 'U.S.',
}

/** The citation abbreviation of a jurisdiction ("California" → "Cal."), or the name as entered. */
export function abbreviateJurisdiction(name: string): string {
  const key = name.trim().toLowerCase().replace(/^state of /, '').replace(/\s+/g, ' ')
  return ABBREVIATIONS[key] ?? name.trim()
}
