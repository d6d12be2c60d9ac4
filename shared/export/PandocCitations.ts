import type { CslItem } from '../sources/cslTypes.js'
import { escapeText } from './escape.js'
import type { BodyContext } from './ExportSerializer.js'
import { citationKey } from './pandocReferences.js'

/** Pandoc style: citations as `[@key]` / `[@key, locator]`, remembering which sources they cite. */
export class PandocCitations {
  /** Ids of the cited sources that exist, in order of first citation. */
  readonly citedIds: string[] = []
  private readonly cited = new Set<string>()

  constructor(
    private readonly sources: ReadonlyMap<string, CslItem>,
    private readonly keys: ReadonlyMap<string, string>,
  ) {}

  /** Adjacent citations share one pair of brackets: `[@a, p. 4; @b]`. */
  readonly cite: BodyContext['citations'] = (run) => {
    let out = ''
    let group: string[] = []
    const closeGroup = () => {
      if (group.length > 0) out += `[${group.join('; ')}]`
      group = []
    }
    for (const { sourceId, locator } of run) {
      const source = sourceId === null ? undefined : this.sources.get(sourceId)
      if (!source) {
        // A key pandoc cannot resolve would print as "(src_x?)" with a warning: say plainly what is missing.
        closeGroup()
        out += escapeText(sourceId ? `[Missing source: ${sourceId}]` : '[Missing source]', { dialect: 'pandoc' })
        continue
      }
      if (!this.cited.has(source.id)) {
        this.cited.add(source.id)
        this.citedIds.push(source.id)
      }
      // `;` would start another citation inside the brackets.
      const suffix = locator ? `, ${escapeText(locator, { dialect: 'pandoc' }).replace(/;/g, '\\;')}` : ''
      group.push(`${citationKey(this.keys.get(source.id)!)}${suffix}`)
    }
    closeGroup()
    return out
  }
}
