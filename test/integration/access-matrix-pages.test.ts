import { describe, it } from 'vitest'
import { checkRow } from './matrix'
import { pageRows } from './matrix-pages'

describe('role × route matrix: pages', () => {
  for (const key of Object.keys(pageRows)) it(key, () => checkRow(key))
})
