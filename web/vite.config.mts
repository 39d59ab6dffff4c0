import { defineConfig } from 'vite';

/**
 * The console: React with Vite's own JSX transform (no plugin), built to web/dist and served
 * by the Nest app at `/`. `npm run web:dev` serves it with hot reload and sends /graphql to
 * the service on :3000.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // One file per screen group: the sign-in page loads only what it needs.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      onLog(level, log, handler) {
        // React Router marks its files "use client" for server components; nothing to keep here.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    proxy: { '/graphql': { target: 'http://localhost:3000', ws: true } },
  },
});
