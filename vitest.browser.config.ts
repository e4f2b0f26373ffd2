import { defineConfig } from 'vitest/config'

// Real headless Chromium against a real `wrangler dev` (started once by the global setup).
export default defineConfig({
  test: {
    name: 'browser',
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./test/browser/global-setup.ts'],
    // Room for a sign-in that waits out the per-address limit once (Retry-After up to 60 s).
    testTimeout: 150_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
