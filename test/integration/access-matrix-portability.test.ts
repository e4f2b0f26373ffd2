import { describe, it } from 'vitest'
import { portabilityRows } from '../../workers/features/portability/portability.matrix'
import { checkRow } from './matrix'

describe('role × route matrix: portability', () => {
  for (const key of Object.keys(portabilityRows)) it(key, () => checkRow(key))
})
