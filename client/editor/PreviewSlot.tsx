import { useLayoutEffect, useRef } from 'react'
import type { ServerPreview } from './serverPreview.js'

/** Puts the server-rendered statement here (before the frame is painted, so it never blinks). */
export function PreviewSlot({ preview }: { preview: ServerPreview }) {
  const slot = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    slot.current?.replaceChildren(preview.element)
  }, [preview])
  return <div ref={slot} className="preview-slot" />
}
