import { describe, it } from 'vitest'
import { apiRows } from '../../workers/features/programme/programme.matrix'
import { checkRow } from './matrix'

describe('role × route matrix: api', () => {
  for (const key of Object.keys(apiRows)) it(key, () => checkRow(key))
})
