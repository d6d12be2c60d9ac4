import type { Awareness } from 'y-protocols/awareness'
import { usePresence } from './usePresence.js'

function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part[0]!.toUpperCase())
      .join('') || '?'
  )
}

/** Avatars of who is in the document, with their names for screen readers and on hover. */
export function PresenceList({ awareness }: { awareness: Awareness }) {
  const participants = usePresence(awareness)
  const others = participants.filter((p) => !p.isSelf).length
  return (
    <section className="presence" aria-label="People in this document">
      <ul>
        {participants.map((participant) => (
          <li key={participant.clientId} className="presence-person" title={participant.isSelf ? `${participant.name} (you)` : participant.name}>
            <span className="avatar" style={{ backgroundColor: participant.color }} aria-hidden="true">
              {initials(participant.name)}
            </span>
            <span className="presence-name">
              {participant.name}
              {participant.isSelf ? ' (you)' : ''}
            </span>
          </li>
        ))}
      </ul>
      <span className="visually-hidden" aria-live="polite">
        {others === 0 ? 'Only you are here.' : `${others} other ${others === 1 ? 'person' : 'people'} here.`}
      </span>
    </section>
  )
}
