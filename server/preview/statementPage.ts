import type { DocumentInfo } from '../../shared/apiTypes.js'
import { displayTitle, UNTITLED } from '../../shared/documentTitle.js'
import { StatementPreview } from '../../shared/statementPreview.js'
import { escapeHtml } from './escapeHtml.js'
import type { StatementHtml } from './statementHtml.js'

const ROOT = '<div id="root"></div>'


/** JSON that is safe inside a `<script>` element (no `</script>`, no `<!--`). */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')

/**
 * The single-page app's `index.html` cut where the statement goes, so the part with the scripts and styles can
 * be sent while the statement is still being rendered. Null when the page has no empty `#root` to fill.
 */
export interface StatementPageTemplate {
  /** Everything before `#root`, titled with the document's title. */
  head(info: DocumentInfo): string
  /** `#root` holding the statement, laid out as the editor page lays it out, and the rest of the page. */
  filled(info: DocumentInfo, statement: StatementHtml): string
  /** `#root` empty (the app shows what it can), and the rest of the page. */
  unfilled(): string
}

export function statementPageTemplate(indexHtml: string): StatementPageTemplate | null {
  const at = indexHtml.indexOf(ROOT)
  if (at < 0) return null
  const before = indexHtml.slice(0, at)
  const after = indexHtml.slice(at + ROOT.length)
  return {
    // A replacer function, not a string: a title holding `$&` must come out as typed.
    head: (info) => before.replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(displayTitle(info.title))} · Caucus</title>`),
    filled: (info, statement) => `${shell(info, statement)}${after}`,
    unfilled: () => `${ROOT}${after}`,
  }
}

/** The editor page's frame (header, an empty toolbar, the paper, the sources panel) around the statement. */
function shell(info: DocumentInfo, statement: StatementHtml): string {
  const { display } = statement
  return `<div id="root"><div class="editor-page">
<header class="editor-header"><a class="back-link" href="/" aria-label="All documents">← Documents</a>
<form class="title-form"><label for="doc-title" class="visually-hidden">Document title</label><input id="doc-title" class="title-input" value="${escapeHtml(info.title)}" placeholder="${UNTITLED}" disabled></form>
<p class="save-status save-connecting" role="status" data-state="connecting"><span class="save-dot" aria-hidden="true"></span>Opening the editor…</p></header>
<div class="editor-layout"><main class="editor-main"><div class="toolbar-wrap"><div class="toolbar toolbar-pending" aria-hidden="true"></div></div>
<article class="paper citations-as-${display}"><div id="${StatementPreview.elementId}" class="statement statement-preview" data-doc-id="${escapeHtml(info.id)}" data-citation-display="${display}" role="document" aria-label="Statement text (the editor is opening)" aria-busy="true">${statement.html}</div></article></main>
<aside class="sources" aria-labelledby="sources-heading" aria-busy="true"><h2 id="sources-heading">Sources</h2></aside></div>
</div></div>
<script type="application/json" id="${StatementPreview.infoId}">${scriptJson(info)}</script>`
}
