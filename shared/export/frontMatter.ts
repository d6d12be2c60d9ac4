import { itemLines, yamlValue } from './yamlBlock.js'

/**
 * YAML front matter. Single values are written as JSON values: JSON is YAML 1.2, so no YAML quoting rule (a
 * leading `-`, `: `, `#`, a bare `yes`) can change what a value means. Characters YAML refuses or reads as line
 * breaks are written as \u escapes. Lists of mappings (pandoc's `references`) are block YAML (yamlBlock.ts).
 */

/** A YAML entry: a key and its value; a list is written one item per line, mappings in block style (yamlBlock.ts). */
export type FrontMatterEntry = [key: string, value: unknown]

/** `---`-fenced YAML front matter; empty when there is nothing to say. */
export function frontMatterBlock(entries: readonly FrontMatterEntry[]): string {
  const present = entries.filter(([, value]) => value !== undefined)
  if (present.length === 0) return ''
  const lines = present.map(([key, value]) => {
    if (!Array.isArray(value)) return `${key}: ${yamlValue(value)}`
    if (value.length === 0) return `${key}: []`
    return [`${key}:`, ...value.flatMap((item) => itemLines(item, ''))].join('\n')
  })
  return ['---', ...lines, '---'].join('\n')
}
