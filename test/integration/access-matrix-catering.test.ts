import { describe, it } from 'vitest'
import { cateringRows } from '../../workers/features/catering/catering.matrix'
import { checkRow } from './matrix'

// The catering routes are many: half of them here, half in access-matrix-catering-2.test.ts (fresh storage each).
const keys = Object.keys(cateringRows)
describe('role × route matrix: catering (1)', () => {
  for (const key of keys.slice(0, Math.ceil(keys.length / 2))) it(key, () => checkRow(key))
})
