import path from 'node:path'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

// Integration tests run inside workerd with the real local D1 and R2 of wrangler.toml; migrations are read
// here (Node) and applied in test/integration/setup.ts (inside the Worker runtime).
export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, 'migrations'))
  return {
    plugins: [
      cloudflareTest({
        main: './test/integration/worker-entry.ts',
        wrangler: { configPath: './wrangler.toml' },
        miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
      }),
    ],
    test: {
      name: 'workers',
      include: ['test/integration/**/*.test.ts', 'workers/**/*.test.ts', 'workers/**/*.test.tsx'],
      exclude: ['**/*.unit.test.ts', '**/node_modules/**'],
      setupFiles: ['./test/integration/setup.ts'],
      // The role × route matrix builds a fresh world per actor: a row is several hundred requests' worth.
      testTimeout: 30_000,
    },
  }
})
