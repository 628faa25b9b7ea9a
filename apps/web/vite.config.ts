import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';

const contractsSrc = decodeURIComponent(new URL('../../packages/contracts/src/', import.meta.url).pathname);

// The server (port 3000) serves dist/ in production; in development Vite proxies the API and its WebSocket
// (CIVICDESK_API_URL points elsewhere). Origin and Host stay those of the Vite server (no changeOrigin) so the
// server's cross-site guard accepts them.
export default defineConfig(({ mode }) => ({
  plugins: [react()],
  resolve: {
    alias: [{ find: /^@civicdesk\/contracts\/(.*)$/, replacement: `${contractsSrc}$1.ts` }],
  },
  server: {
    port: 5173,
    proxy: {
      '/api': {
        target: loadEnv(mode, '.', 'CIVICDESK_').CIVICDESK_API_URL ?? 'http://localhost:3000',
        ws: true,
      },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
  },
}));
