import { describe, it } from 'vitest'
import { privacyRows } from '../../workers/features/privacy/privacy.matrix'
import { checkRow } from './matrix'

describe('role × route matrix: privacy', () => {
  for (const key of Object.keys(privacyRows)) it(key, () => checkRow(key))
})
