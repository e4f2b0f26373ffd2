import { describe, expect, it } from 'vitest'
import { isRealDate, isVisitYear, MAX_VISIT_DAYS, visitDays } from './visits'

describe('visit dates', () => {
  it('lie between 1990 and 2199', () => {
    expect(isVisitYear('2017-09-19')).toBe(true)
    expect(isVisitYear('1990-01-01')).toBe(true)
    expect(isVisitYear('2199-12-31')).toBe(true)
    expect(isVisitYear('1989-12-31')).toBe(false)
    expect(isVisitYear('9999-12-31')).toBe(false)
  })

  it('exist', () => {
    expect(isRealDate('2028-02-29')).toBe(true)
    expect(isRealDate('2027-02-29')).toBe(false)
    expect(isRealDate('2027-02-30')).toBe(false)
    expect(isRealDate('2027-2-3')).toBe(false)
  })

  it('count the days from the first to the last, across months and summer time', () => {
    expect(visitDays('2017-09-19', '2017-09-19')).toBe(0)
    expect(visitDays('2027-03-27', '2027-03-29')).toBe(2)
    expect(visitDays('2027-06-01', '2027-07-02')).toBe(MAX_VISIT_DAYS)
    expect(visitDays('2028-02-28', '2028-03-01')).toBe(2)
  })
})
