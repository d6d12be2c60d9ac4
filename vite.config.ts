import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const apiTarget = `http://127.0.0.1:${process.env.PORT ?? 3000}`

export default defineConfig({
  root: 'client',
  plugins: [react()],
  resolve: {
    // citation-js (BibTeX/RIS import) imports node-fetch, which cannot load in a browser: use the browser's fetch.
    alias: { 'node-fetch': fileURLToPath(new URL('./client/shims/nodeFetch.ts', import.meta.url)) },
  },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    // `npm run dev:client` serves the client with hot reload and forwards the API and websockets to the server.
    proxy: {
      '/api': apiTarget,
      '/collab': { target: apiTarget.replace('http', 'ws'), ws: true },
    },
  },
})
