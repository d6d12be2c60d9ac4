// citation-js ships no types; these are the parts `referenceFiles.ts` uses.
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      /** Parses `data` of the forced type into CSL-JSON items. */
      chain(data: string, options: { forceType: string; generateGraph?: boolean }): unknown[]
    }
  }
}
// Loading a plugin registers its formats with the core.
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-ris'
