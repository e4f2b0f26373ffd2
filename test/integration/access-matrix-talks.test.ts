import { describe, it } from 'vitest'
import { talkRows } from '../../workers/features/talks/talks.matrix'
import { checkRow } from './matrix'

// The talk routes are many: half of them here, half in access-matrix-talks-2.test.ts (fresh storage each).
const keys = Object.keys(talkRows)
describe('role × route matrix: talks (1)', () => {
  for (const key of keys.slice(0, Math.ceil(keys.length / 2))) it(key, () => checkRow(key))
})
