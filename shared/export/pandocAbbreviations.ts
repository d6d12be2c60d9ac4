/**
 * Pandoc's `smart` extension joins an abbreviation and the next word with a non-breaking space ("Mr. Smith",
 * "Mar. 29"), which changes the text. A backslash before the abbreviation's period stops it. The list is
 * pandoc's own (data/abbreviations, pandoc 2.17); pandoc compares whole words, case included.
 */
export const PANDOC_ABBREVIATIONS: ReadonlySet<string> = new Set(
  `
    aet. aetat. al. Apr. Aug. bk. Bros. c. Capt. cf. ch. chap. chs. Co. col. Corp. cp. d. Dec. Dr. e.g.
    ed. eds. esp. f. fasc. Feb. ff. fig. fl. fol. fols. Fr. Gen. Gov. Hon. i.e. ill. Inc. incl. Jan.
    Jr. Jul. Jun. Ltd. M.A. M.D. Mar. Mr. Mrs. Ms. n. n.b. nn. No. Nov. Oct. p. Ph.D. pp. Pres. Prof.
    pt. q.v. Rep. Rev. s.v. s.vv. saec. sec. Sen. Sep. Sept. Sgt. Sr. St. univ. viz. vol. vs.  `
    .trim()
    .split(/\s+/),
)
