import { describe, it } from 'vitest'
import { checkRow } from './matrix'
import { rsvpRows } from './matrix-rsvps'

describe('role × route matrix: rsvps', () => {
  for (const key of Object.keys(rsvpRows)) it(key, () => checkRow(key))
})
