/**
 * Renders exported markdown to HTML for the preview, with the same CommonMark + footnote parser the tests use.
 * Raw HTML stays text (`html: false`), so the preview cannot run anything from the document. Loaded on
 * demand: the parser is not part of the editor's first load.
 */
export async function renderPreview(markdown: string): Promise<string> {
  const [{ default: MarkdownIt }, { default: footnote }] = await Promise.all([import('markdown-it'), import('markdown-it-footnote')])
  const parser = new MarkdownIt({ html: false, linkify: false, typographer: false })
  // The footnote plugin's types point at markdown-it's CommonJS declarations; at run time they are the same.
  parser.use(footnote as unknown as Parameters<typeof parser.use>[0])
  // Pandoc front matter would render as a rule and a paragraph: show it as a code block instead.
  const withFrontMatter = markdown.replace(/^---\n([\s\S]*?)\n---\n/, (_match, yaml: string) => `\`\`\`yaml\n${yaml}\n\`\`\`\n`)
  return parser.render(withFrontMatter)
}
