import { describe, it } from 'vitest'
import { checkRow } from './matrix'
import { apiRows } from './matrix-api'

describe('role × route matrix: api', () => {
  for (const key of Object.keys(apiRows)) it(key, () => checkRow(key))
})
