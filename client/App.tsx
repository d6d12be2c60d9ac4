import { lazy, Suspense } from 'react'
import { EditorPage } from './editor/EditorPage.js'
import { linkProps, useRoute } from './routing.js'

// The editor is what most visits open (shared links): the documents list loads only when it is shown.
const DocumentsPage = lazy(() => import('./documents/DocumentsPage.js').then((module) => ({ default: module.DocumentsPage })))

/** Picks the page for the current address. */
export function App() {
  const route = useRoute()
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
