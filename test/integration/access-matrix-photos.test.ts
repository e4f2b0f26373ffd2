import { describe, it } from 'vitest'
import { photoRows } from '../../workers/features/photos/photos.matrix'
import { checkRow } from './matrix'

describe('role × route matrix: photos', () => {
  for (const key of Object.keys(photoRows)) it(key, () => checkRow(key))
})
