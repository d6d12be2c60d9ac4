/** How citations are written: numbered Chicago footnotes, or pandoc citations with CSL-JSON references. */
export type ExportStyle = 'notes' | 'pandoc'

/** Which sources the Further Reading list (pandoc: the bibliography) shows. */
export type FurtherReading = 'cited' | 'all' | 'none'

// Kept apart from the serializer so callers can validate options without loading ProseMirror and markdown-it.
export const EXPORT_STYLES: readonly ExportStyle[] = ['notes', 'pandoc']

export const FURTHER_READING_OPTIONS: readonly FurtherReading[] = ['cited', 'all', 'none']
