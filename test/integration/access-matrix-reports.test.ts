import { describe, it } from 'vitest'
import { reportRows } from '../../workers/features/reports/reports.matrix'
import { checkRow } from './matrix'

describe('role × route matrix: reports, comments, news and follow-ups', () => {
  for (const key of Object.keys(reportRows)) it(key, () => checkRow(key))
})
