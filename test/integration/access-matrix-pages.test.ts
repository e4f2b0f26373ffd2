import { describe, it } from 'vitest'
import { pageRows } from '../../workers/features/visits/visits.matrix'
import { checkRow } from './matrix'

describe('role × route matrix: pages', () => {
  for (const key of Object.keys(pageRows)) it(key, () => checkRow(key))
})
