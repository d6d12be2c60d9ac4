import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { Identity } from './identity.js'

export interface Participant {
  clientId: number
  name: string
  color: string
  isSelf: boolean
}

function readParticipants(awareness: Awareness): Participant[] {
  const participants: Participant[] = []
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: Partial<Identity> }).user
    if (!user || typeof user.name !== 'string') continue
    participants.push({
      clientId,
      name: user.name.slice(0, 40),
      color: typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#57606a',
      isSelf: clientId === awareness.clientID,
    })
  }
  return participants.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name))
}

function sameParticipants(a: Participant[], b: Participant[]): boolean {
  return a.length === b.length && a.every((p, i) => p.clientId === b[i]!.clientId && p.name === b[i]!.name && p.color === b[i]!.color && p.isSelf === b[i]!.isSelf)
}

/**
 * Everyone with the document open (including you), kept current from awareness. Awareness changes with every
 * caret move of every collaborator: the list keeps its identity (no re-render) unless someone came, went or
 * changed name or colour.
 */
export function usePresence(awareness: Awareness): Participant[] {
  const [participants, setParticipants] = useState(() => readParticipants(awareness))
  useEffect(() => {
    const update = () => {
      const next = readParticipants(awareness)
      setParticipants((previous) => (sameParticipants(previous, next) ? previous : next))
    }
    awareness.on('change', update)
    update()
    return () => awareness.off('change', update)
  }, [awareness])
  return participants
}
