import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const apiTarget = `http://127.0.0.1:${process.env.PORT ?? 3000}`

export default defineConfig({
  root: 'client',
  plugins: [react()],
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
