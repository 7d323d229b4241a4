/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// Relative base: the built folder works from any static host or sub-path.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    // Classroom networks fail: once visited, the app (every lazy chunk included) works offline.
    VitePWA({
      registerType: 'autoUpdate',
      // main.tsx registers the worker itself, so that a refusal (an embed in another site's page
      // whose browser blocks third-party storage) is caught instead of logged as an error.
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'lvs-flow · Linux Virtual Server hop by hop',
        short_name: 'lvs-flow',
        description: 'An interactive packet-flow simulator that teaches LVS/IPVS (中文 / English).',
        theme_color: '#1d4ed8',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 800 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // The engine, share codec and CLI run without a DOM; UI tests opt into jsdom per file.
    pool: 'threads',
    testTimeout: 60_000,
    setupFiles: ['src/test/fc-setup.ts'],
  },
});
