/** Simple stroke icons for the toolbar (decorative: every button also has an aria-label). */
const paths: Record<string, string> = {
  link: 'M9 15l6-6M10.5 6.5l1.8-1.8a4 4 0 015.7 5.7l-1.8 1.8M13.5 17.5l-1.8 1.8a4 4 0 01-5.7-5.7l1.8-1.8',
  bulletList: 'M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01',
  orderedList: 'M10 6h10M10 12h10M10 18h10M4 5l1.5-1v5M3.5 14.5a1.5 1.5 0 013 .5c0 1-3 2-3 3.5h3',
  blockquote: 'M6 8h4v4c0 2-1 4-4 5M14 8h4v4c0 2-1 4-4 5',
  horizontalRule: 'M4 12h16',
  undo: 'M9 14L4 9l5-5M4 9h10a6 6 0 010 12h-3',
  redo: 'M15 14l5-5-5-5M20 9H10a6 6 0 000 12h3',
  comment: 'M5 5h14a1 1 0 011 1v9a1 1 0 01-1 1h-8l-4 3.5V16H5a1 1 0 01-1-1V6a1 1 0 011-1z',
}

export function ToolIcon({ name, fallback }: { name: string; fallback: string }) {
  const d = paths[name]
  if (!d) return <span className="tool-icon">{fallback}</span>
  return (
    <svg className="tool-svg" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}
