import { defineConfig } from 'vitest/config'

// Pure code (shared/ and the features' rules), run in Node: no Worker runtime needed. Tests sit beside the code.
export default defineConfig({
  test: {
    name: 'unit',
    include: ['shared/**/*.unit.test.ts', 'workers/**/*.unit.test.ts', 'test/integration/*.unit.test.ts'],
    environment: 'node',
  },
})
