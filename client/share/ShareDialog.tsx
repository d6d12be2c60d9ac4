import { useCallback, useEffect, useRef, useState } from 'react'
import type { LinkInfo, MemberInfo } from '../../shared/authApiTypes.js'
import { displayTitle } from '../../shared/documentTitle.js'
import { accessApi } from '../account/accessApi.js'
import { useDialogFocus } from '../dialog/useDialogFocus.js'
import { LinksSection } from './LinksSection.js'
import { MembersSection } from './MembersSection.js'

interface Props {
  docId: string
  title: string
  /** The signed-in person's account id (their own row says "you"). */
  selfId: string
  /** Something changed the signed-in person's own role (they may no longer be an owner). */
  onOwnRoleChanged: () => void
  onClose: () => void
}

/** What a section reports after an action: a sentence for screen readers, or the server's refusal. */
export interface Outcome {
  notice?: string
  error?: string
}

/**
 * Share (owners): the document's members with their roles, adding someone by email, and share links. The server
 * refuses what an owner may not do (the last owner leaving, an unknown email): its sentence is shown as is.
 */
export function ShareDialog({ docId, title, selfId, onOwnRoleChanged, onClose }: Props) {
  const dialogRef = useRef<HTMLDivElement>(null)
  const [members, setMembers] = useState<MemberInfo[] | null>(null)
  const [links, setLinks] = useState<LinkInfo[] | null>(null)
  const [outcome, setOutcome] = useState<Outcome>({})
  useDialogFocus(dialogRef, onClose)

  const reload = useCallback(async () => {
    try {
      const [nextMembers, nextLinks] = await Promise.all([accessApi.listMembers(docId), accessApi.listLinks(docId)])
      setMembers(nextMembers)
      setLinks(nextLinks)
    } catch (caught) {
      setOutcome({ error: (caught as Error).message })
    }
  }, [docId])
  useEffect(() => {
    void reload()
    // People join through links meanwhile (in another tab, on another device): coming back shows them.
    const onFocus = () => void reload()
    window.addEventListener('focus', onFocus)
    return () => window.removeEventListener('focus', onFocus)
  }, [reload])

  /** Runs one change, then shows what the server now holds (also after a refusal: the selects go back). */
  const run = useCallback(
    async (action: () => Promise<unknown>, notice: string): Promise<boolean> => {
      try {
        await action()
        setOutcome({ notice })
        return true
      } catch (caught) {
        setOutcome({ error: (caught as Error).message })
        return false
      } finally {
        await reload()
      }
    },
    [reload],
  )

  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div className="dialog share-dialog" role="dialog" aria-modal="true" aria-labelledby="share-title" aria-describedby="share-intro" ref={dialogRef}>
        <h2 id="share-title">Share “{displayTitle(title)}”</h2>
        <p id="share-intro" className="muted">
          Only the people listed here can open this statement. Owners share it, editors write, viewers read.
        </p>
        {outcome.error && (
          <p className="banner error share-error" role="alert">
            {outcome.error}
          </p>
        )}
        <p className="visually-hidden" role="status">
          {outcome.notice}
        </p>
        <div className="share-body">
          <MembersSection docId={docId} members={members} selfId={selfId} run={run} onOwnRoleChanged={onOwnRoleChanged} />
          <LinksSection docId={docId} links={links} members={members} run={run} />
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  )
}
