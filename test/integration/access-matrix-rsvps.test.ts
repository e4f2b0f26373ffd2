import { describe, it } from 'vitest'
import { rsvpRows } from '../../workers/features/rsvps/rsvps.matrix'
import { checkRow } from './matrix'

describe('role × route matrix: rsvps', () => {
  for (const key of Object.keys(rsvpRows)) it(key, () => checkRow(key))
})
