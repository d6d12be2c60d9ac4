import type { Editor } from '@tiptap/core'
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react'
import type { CommentAuthor } from '../../shared/comments/commentRecords.js'
import { addReply, createThread, setResolved } from '../../shared/comments/commentThreads.js'
import { useAccount } from '../account/AccountContext.js'
import { COMMENTS_ORIGIN, type CommentsStore } from './CommentsStore.js'
import { NewComment } from './NewComment.js'
import { ThreadCard, type ThreadActions } from './ThreadCard.js'
import { NoThreads, ResolvedThreads } from './ThreadList.js'
import { useCommentsView, type CommentsView } from './useCommentsView.js'
import { useMarginLayout } from './useMarginLayout.js'
import { useMediaQuery } from './useMediaQuery.js'
import './comments.css'

/** From this width the threads sit in a margin beside the text; below it they are a list that opens from the text. */
const WIDE = '(min-width: 1100px)'
const PENDING_KEY = 'new-comment'

/** True for Ctrl+Alt+N (next) or Ctrl+Alt+P (previous), Cmd+Option on a Mac; by key position, as Option changes the letter. */
function threadStep(event: KeyboardEvent): 1 | -1 | null {
  if (!(event.ctrlKey || event.metaKey) || !event.altKey) return null
  return event.code === 'KeyN' ? 1 : event.code === 'KeyP' ? -1 : null
}

/**
 * The comment threads of the statement: in the margin beside their passages on wide screens, in a list that opens
 * from the text (a highlighted passage, or the Comments button) on narrow ones. Those who can edit start threads,
 * reply, resolve and reopen; viewers read. Everything is reachable by keyboard: Ctrl+Alt+M comments on the
 * selection, Ctrl+Alt+N / Ctrl+Alt+P move between threads (from the text or from a thread), Escape goes back to
 * the text.
 */
export function CommentsPanel({ editor, store, readOnly }: { editor: Editor; store: CommentsStore; readOnly: boolean }) {
  const account = useAccount()
  const user = account.state.kind === 'signedIn' ? account.state.user : null
  const author: CommentAuthor | null = user && { id: user.id, name: user.name, colour: user.colour }
  const canWrite = !readOnly && author !== null
  const [announcement, setAnnouncement] = useState('')
  const announce = useCallback((text: string) => setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text)), [])
  const onNeedSelection = useCallback(() => announce(readOnly ? 'View only: you can read comments but not add them.' : 'Select the words to comment on first.'), [announce, readOnly])
  const view = useCommentsView(editor, store, onNeedSelection)
  const wide = useMediaQuery(WIDE)
  const [sheetOpen, setSheetOpen] = useState(false)
  const root = useRef<HTMLElement>(null)
  const track = useRef<HTMLDivElement>(null)
  const dock = useRef<HTMLButtonElement>(null)
  const focusRequest = useRef<string | null>(null)
  const pending = canWrite ? view.pending : null

  const rangeOf = (id: string) => [...view.open, ...view.resolved].find((thread) => thread.thread.id === id)?.range ?? null
  const backToText = (id: string | null) => {
    const range = id ? rangeOf(id) : null
    if (range) editor.chain().focus().setTextSelection(range.from).scrollIntoView().run()
    else editor.commands.focus()
  }
  const actions: ThreadActions = {
    reply: (id, body) => {
      if (author && addReply(store.doc, id, { author, body }, COMMENTS_ORIGIN)) announce('Reply added.')
    },
    resolve: (id) => {
      if (!author) return
      // The card leaves the list of open threads: focus goes on to the next one, or back to the text.
      const order = view.open.map((thread) => thread.thread.id)
      const next = order[order.indexOf(id) + 1] ?? order[order.indexOf(id) - 1] ?? null
      setResolved(store.doc, id, author, COMMENTS_ORIGIN)
      announce('Comment resolved.')
      if (next) editor.commands.setActiveThread(next, 'keyboard')
      else backToText(null)
    },
    reopen: (id) => {
      if (!author) return
      setResolved(store.doc, id, null, COMMENTS_ORIGIN)
      announce('Comment reopened.')
      editor.commands.setActiveThread(id, 'keyboard')
    },
    showInText: (id) => backToText(id),
    activate: (id) => {
      if (view.active?.id !== id) editor.commands.setActiveThread(id, 'panel')
    },
  }
  const submitNew = (body: string) => {
    if (!pending || !author) return
    const id = createThread(store.doc, { anchor: pending.anchor, quote: pending.quote, author, body }, COMMENTS_ORIGIN)
    editor.chain().cancelComment().setActiveThread(id, 'panel').focus().run()
    announce('Comment added.')
  }
  const cancelNew = () => editor.chain().cancelComment().focus().run()

  // A thread reached by keyboard gets the focus; on a narrow screen the list opens for it, and for a click in a
  // passage (which leaves the focus in the text) or a comment being started.
  const activeSerial = view.active?.serial
  // A layout effect, before the one that focuses: both run in the commit that shows the new active thread.
  useLayoutEffect(() => {
    const active = view.active
    if (!active) return
    if (active.reason === 'keyboard') focusRequest.current = active.id
    if (!wide && active.reason !== 'panel') setSheetOpen(true)
    // Only a new activation matters here, not every render that carries the same one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeSerial, wide])
  useEffect(() => {
    if (pending && !wide) setSheetOpen(true)
  }, [pending, wide])
  useLayoutEffect(() => {
    const id = focusRequest.current ?? (!wide && sheetOpen && view.active?.reason === 'click' ? view.active.id : null)
    if (!id) return
    const card = root.current?.querySelector<HTMLElement>(`[data-thread-card="${CSS.escape(id)}"]`)
    if (!card) return
    if (focusRequest.current) card.focus({ preventScroll: true })
    focusRequest.current = null
    card.scrollIntoView({ block: 'nearest' })
  })

  // In the margin, the heading starts level with the top of the page of text (the toolbar above may wrap or grow).
  useLayoutEffect(() => {
    const aside = root.current
    const main = aside?.parentElement
    const paper = main?.querySelector<HTMLElement>(':scope > .paper')
    if (!wide || !aside || !paper) return
    const place = () => (aside.style.top = `${paper.offsetTop}px`)
    place()
    const observer = new ResizeObserver(place)
    observer.observe(main!.querySelector(':scope > .toolbar-wrap') ?? paper)
    return () => observer.disconnect()
  })

  const closeSheet = () => {
    setSheetOpen(false)
    requestAnimationFrame(() => dock.current?.focus())
  }
  const onKeyDown = (event: KeyboardEvent) => {
    const card = (event.target as HTMLElement).closest<HTMLElement>('[data-thread-card]')
    const step = threadStep(event)
    if (step) {
      event.preventDefault()
      const order = [...view.open, ...view.resolved].map((thread) => thread.thread.id).filter((id) => root.current?.querySelector(`[data-thread-card="${CSS.escape(id)}"]`))
      const at = card ? order.indexOf(card.dataset.threadCard!) : -1
      const next = order[(at + step + order.length) % order.length]
      if (next) editor.commands.setActiveThread(next, 'keyboard')
    } else if (event.key === 'Escape' && (card || !wide)) {
      event.preventDefault()
      if (!wide && !card) closeSheet()
      else backToText(card!.dataset.threadCard!)
    }
  }

  const status = (
    <p className="visually-hidden" role="status">
      {announcement}
    </p>
  )
  const hasAny = view.open.length > 0 || view.resolved.length > 0 || pending !== null
  if (wide) {
    if (!hasAny) return status
    return (
      <>
        <aside className="comments-margin" aria-labelledby="comments-heading" ref={root} onKeyDown={onKeyDown}>
          <MarginHead view={view} readOnly={readOnly} />
          <MarginTrack track={track} editor={editor} view={view} readOnly={!canWrite} actions={actions} pending={pending && <NewComment quote={pending.quote} onSubmit={submitNew} onCancel={cancelNew} />} />
          <ResolvedThreads view={view} readOnly={!canWrite} actions={actions} />
        </aside>
        {status}
      </>
    )
  }
  return (
    <>
      {hasAny && (
        <button type="button" ref={dock} className="comments-dock" hidden={sheetOpen} aria-expanded={sheetOpen} aria-controls="comments-sheet" onClick={() => setSheetOpen(true)}>
          Comments <span className="comments-count">{view.open.length}</span>
        </button>
      )}
      {sheetOpen && (
        <section id="comments-sheet" className="comments-sheet" role="dialog" aria-modal="false" aria-labelledby="comments-heading" ref={root} onKeyDown={onKeyDown}>
          <div className="comments-sheet-head">
            <MarginHead view={view} readOnly={readOnly} />
            <button type="button" onClick={closeSheet}>
              Close
            </button>
          </div>
          <div className="comments-list">
            {pending && <NewComment quote={pending.quote} onSubmit={submitNew} onCancel={cancelNew} />}
            {view.open.map((thread) => (
              <ThreadCard key={thread.thread.id} view={thread} active={view.active?.id === thread.thread.id} readOnly={!canWrite} actions={actions} />
            ))}
            {view.open.length === 0 && !pending && <NoThreads canWrite={canWrite} />}
            <ResolvedThreads view={view} readOnly={!canWrite} actions={actions} />
          </div>
        </section>
      )}
      {status}
    </>
  )
}

function MarginHead({ view, readOnly }: { view: CommentsView; readOnly: boolean }) {
  const count = view.open.length
  return (
    <div className="comments-head">
      <h2 id="comments-heading">Comments</h2>
      <p className="comments-summary">
        {count === 0 ? 'None open' : `${count} open`}
        {readOnly ? ' · view only, you can read them but not reply' : ''}
      </p>
    </div>
  )
}

/** The open threads level with their passages (and the comment being written, level with its words). */
function MarginTrack({ track, editor, view, readOnly, actions, pending }: { track: RefObject<HTMLDivElement | null>; editor: Editor; view: CommentsView; readOnly: boolean; actions: ThreadActions; pending: ReactNode }) {
  const slots = [
    ...view.open.map((thread) => ({ key: thread.thread.id, from: thread.range?.from ?? null, node: <ThreadCard view={thread} active={view.active?.id === thread.thread.id} readOnly={readOnly} actions={actions} /> })),
    ...(pending && view.pending ? [{ key: PENDING_KEY, from: view.pending.range?.from ?? null, node: pending }] : []),
  ].sort((a, b) => (a.from === null ? 1 : b.from === null ? -1 : a.from - b.from))
  useMarginLayout(track, editor, slots, true)
  return (
    <div className="comments-track" ref={track}>
      {slots.map((slot) => (
        <div key={slot.key} className="comments-slot" data-margin-key={slot.key}>
          {slot.node}
        </div>
      ))}
    </div>
  )
}
