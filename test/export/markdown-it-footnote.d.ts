// markdown-it-footnote ships no types, and @types/markdown-it-footnote still targets markdown-it 13's typings.
declare module 'markdown-it-footnote' {
  import type MarkdownIt from 'markdown-it'
  const footnote: MarkdownIt.PluginSimple
  export default footnote
}
