/**
 * Reading and writing the document's sources validates every item (zod schemas, a quarter of the app's
 * JavaScript). SourcesStore loads this module on demand, so the editor's first load does not wait for it.
 */
export { parseCslItem } from '../../shared/sources/cslItem.js'
export { observeSources, readSources, writeSource } from '../../shared/sources/ySources.js'
