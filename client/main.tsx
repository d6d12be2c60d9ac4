import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.js'
import { adoptServerPreview } from './editor/serverPreview.js'
import './styles.css'
// After the screen styles, so that on paper its rules win.
import './print/print.css'

const container = document.getElementById('root')
if (!container) throw new Error('The page has no #root element.')
adoptServerPreview()
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
