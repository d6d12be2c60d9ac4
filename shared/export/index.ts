/** Markdown export of a statement: headless (no DOM), shared by the HTTP route, the CLI and the editor. */
export { EXPORT_STYLES, exportMarkdown, FURTHER_READING_HEADING, FURTHER_READING_OPTIONS, readStatement, renderMarkdown } from './exportMarkdown.js'
export type { ExportOptions, ExportStyle, FurtherReading } from './exportMarkdown.js'
export { escapeLinkDestination, escapeText } from './escape.js'
export type { Dialect } from './escape.js'
export { noteToMarkdown } from './noteMarkdown.js'
export { safeFilename } from './safeFilename.js'
