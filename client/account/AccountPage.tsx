import type { ReactNode } from 'react'
import { linkProps } from '../routing.js'
import { AccountMenu } from './AccountMenu.js'

/** The frame of an account page (tokens, invitations): the documents page's header, the way back, the content. */
export function AccountPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="page account-page">
      <header className="page-header">
        <div>
          <p className="brand">Caucus</p>
          <h1>{title}</h1>
        </div>
        <nav aria-label="Account pages" className="page-nav">
          <a {...linkProps('/')}>← All statements</a>
          <AccountMenu />
        </nav>
      </header>
      {children}
    </main>
  )
}
