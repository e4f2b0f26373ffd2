import { defineConfig } from 'vitest/config'

// Pure code of shared/, run in Node: no Worker runtime needed.
export default defineConfig({
  test: {
    name: 'unit',
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
  },
})
