import { DocumentsPage } from './documents/DocumentsPage.js'
import { EditorPage } from './editor/EditorPage.js'
import { linkProps, useRoute } from './routing.js'

/** Picks the page for the current address. */
export function App() {
  const route = useRoute()
  switch (route.page) {
    case 'documents':
      return <DocumentsPage view="active" />
    case 'trash':
      return <DocumentsPage view="trash" />
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
