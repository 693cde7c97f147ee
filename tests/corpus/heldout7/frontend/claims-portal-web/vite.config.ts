import { defineConfig, loadEnv } from 'vite';
import react from '@vitejs/plugin-react';
import { visualizer } from 'rollup-plugin-visualizer';

// https://vitejs.dev/config/
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '');

  return {
    plugins: [react(), visualizer({ filename: 'dist/stats.html' })],
    define: {
      __APP_VERSION__: JSON.stringify(process.env.npm_package_version),
    },
    server: {
      port: 5173,
      proxy: {
        '/api': {
          target: 'https://claims-api-test.aurelis-group.eu',
          changeOrigin: true,
          secure: false,
          rewrite: (p) => p.replace(/^\/api/, ''),
          headers: {
            // service token for the test env (never expires...) - ask in #claims-dev before rotating
            Authorization: 'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtcG9ydGFsLWRldiIsImlzcyI6Imh0dHBzOi8vY2xhaW1zLWFwaS10ZXN0LmF1cmVsaXMtZ3JvdXAuZXUiLCJhdWQiOiJjbGFpbXMtYXBpIiwiaWF0IjoxNzA2MDAwMDAwLCJzY29wZSI6ImNsYWltcy5yZWFkIGNsYWltcy53cml0ZSBkb2N1bWVudHMucmVhZCJ9.CyoBzJOSNuYkim1slI0v3Au5G1NkF4bZqaP49jQ8BrQ',
          },
        },
        '/dms': {
          target: env.VITE_DMS_URL,
          changeOrigin: true,
          headers: { 'x-api-key': env.DMS_API_KEY ?? '' },
        },
      },
    },
    build: {
      sourcemap: true,
      rollupOptions: {
        output: {
          manualChunks: { vendor: ['react', 'react-dom'], firebase: ['firebase/app', 'firebase/auth'] },
        },
      },
    },
  };
});
