import { describe, it } from 'vitest'
import { cateringRows } from '../../workers/features/catering/catering.matrix'
import { checkRow } from './matrix'

// The other half of the catering routes (see access-matrix-catering.test.ts).
const keys = Object.keys(cateringRows)
describe('role × route matrix: catering (2)', () => {
  for (const key of keys.slice(Math.ceil(keys.length / 2))) it(key, () => checkRow(key))
})
