import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The example RP's build: `vite build --config example-rp/vite.config.ts` from the repository root
 * writes example-rp/dist/, which example-rp/server serves. Its configuration (authority, client_id)
 * is not built in: the app reads /config.json at startup, so one build works against any provider.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Everything as files: the server's Content-Security-Policy allows no inline script or style.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
});
