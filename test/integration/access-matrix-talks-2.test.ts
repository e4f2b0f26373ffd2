import { describe, it } from 'vitest'
import { talkRows } from '../../workers/features/talks/talks.matrix'
import { checkRow } from './matrix'

// The talk routes are many: the other half in access-matrix-talks.test.ts (fresh storage each).
const keys = Object.keys(talkRows)
describe('role × route matrix: talks (2)', () => {
  for (const key of keys.slice(Math.ceil(keys.length / 2))) it(key, () => checkRow(key))
})
