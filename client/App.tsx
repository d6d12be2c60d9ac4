import { lazy, Suspense } from 'react'
import { AccountProvider } from './account/AccountContext.js'
import { AuthGate } from './account/AuthGate.js'
import { EditorPage } from './editor/EditorPage.js'
import { serverPreviewOf } from './editor/serverPreview.js'
import { linkProps, useRoute, type Route } from './routing.js'

// The editor is what most visits open (shared links): the documents list loads only when it is shown.
const DocumentsPage = lazy(() => import('./documents/DocumentsPage.js').then((module) => ({ default: module.DocumentsPage })))
const AccessTokensPage = lazy(() => import('./account/AccessTokensPage.js').then((module) => ({ default: module.AccessTokensPage })))
const InvitationsPage = lazy(() => import('./account/InvitationsPage.js').then((module) => ({ default: module.InvitationsPage })))
const JoinPage = lazy(() => import('./share/JoinPage.js').then((module) => ({ default: module.JoinPage })))

/** Picks the page for the current address; every page needs someone signed in. */
export function App() {
  const route = useRoute()
  const page = <RoutePage route={route} />
  // The server put the statement in the page only for a signed-in member: show it at once, while the client
  // asks who is signed in.
  const showWhileLoading = route.page === 'editor' && serverPreviewOf(route.docId) ? page : null
  return (
    <AccountProvider>
      <AuthGate loading={showWhileLoading}>{page}</AuthGate>
    </AccountProvider>
  )
}

function RoutePage({ route }: { route: Route }) {
  switch (route.page) {
    case 'documents':
      return (
        <Suspense fallback={null}>
          <DocumentsPage view="active" />
        </Suspense>
      )
    case 'trash':
      return (
        <Suspense fallback={null}>
          <DocumentsPage view="trash" />
        </Suspense>
      )
    case 'editor':
      return <EditorPage key={route.docId} docId={route.docId} />
    case 'tokens':
      return (
        <Suspense fallback={null}>
          <AccessTokensPage />
        </Suspense>
      )
    case 'invitations':
      return (
        <Suspense fallback={null}>
          <InvitationsPage />
        </Suspense>
      )
    case 'join':
      return (
        <Suspense fallback={null}>
          <JoinPage key={route.secret} secret={route.secret} />
        </Suspense>
      )
    case 'notFound':
      return (
        <main className="page narrow">
          <h1>Page not found</h1>
          <p>
            There is nothing at this address. <a {...linkProps('/')}>Go to your documents</a>.
          </p>
        </main>
      )
  }
}
