import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;
const apiPort = process.env.PORT ?? '3000';

/**
 * The web app: built into dist/web (served by the API at /, ADR 0013); `npm run dev:web` serves it
 * with hot reload and forwards /api to the API on PORT.
 */
export default defineConfig({
  root,
  base: '/',
  build: {
    outDir: resolve(root, '../../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Ant Design marks its modules "use client" (for React Server Components): moot in a SPA.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': `http://localhost:${apiPort}` },
  },
});
