import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { talkStates } from '../domain/talks'
import type { ClashInput } from './clashes'
import {
  availabilityFromLocal,
  availabilityToLocal,
  type CallQuestion,
  callProblem,
  checkAnswers,
  countByState,
  fillPlaceholders,
  isClosed,
  knownAvailability,
  nextQuestionId,
  organiserMayMove,
  organiserSources,
  organiserTargets,
  owedBy,
  parseAvailability,
  pickRefusal,
  publicSpeakers,
  speakerMayEdit,
  speakerMove,
  unknownPlaceholders,
  visitDates,
} from './talks'
import { zonedToUtc } from './time'

const zone = 'Europe/Amsterdam'
const day = '2027-06-12'
const at = (time: string, date = day) => zonedToUtc(date, time, zone)
const visit = { startDate: day, endDate: day, timeZone: zone }

describe('talk states', () => {
  it('let the speaker withdraw at any time before the end, and confirm or decline only once accepted', () => {
    for (const state of talkStates) {
      const open = !['withdrawn', 'rejected', 'cancelled'].includes(state)
      expect(speakerMove(state, 'withdraw'), state).toBe(open ? 'withdrawn' : null)
      expect(speakerMove(state, 'confirm'), state).toBe(state === 'accepted' ? 'confirmed' : null)
      expect(speakerMove(state, 'decline'), state).toBe(state === 'accepted' ? 'withdrawn' : null)
      expect(isClosed(state), state).toBe(!open)
    }
    expect(speakerMove('draft', 'submit')).toBe('submitted')
    expect(speakerMove('submitted', 'submit')).toBeNull()
  })

  it('let the speaker edit only while the talk is not yet accepted', () => {
    expect(talkStates.filter(speakerMayEdit)).toEqual(['draft', 'submitted', 'waitlisted'])
  })

  it('let the team decide, but never undo the speaker’s own withdrawal', () => {
    expect(organiserTargets('submitted')).toEqual(['accepted', 'waitlisted', 'rejected'])
    expect(organiserTargets('withdrawn')).toEqual([])
    expect(organiserMayMove('confirmed', 'cancelled')).toBe(true)
    expect(organiserMayMove('confirmed', 'rejected')).toBe(false)
    expect(organiserMayMove('rejected', 'accepted')).toBe(true)
    expect(organiserSources('accepted')).toEqual(['submitted', 'waitlisted', 'rejected'])
    // No state moves to itself.
    for (const state of talkStates) expect(organiserMayMove(state, state)).toBe(false)
  })

  it('are counted per state, zero included', () => {
    const counts = countByState([{ state: 'submitted' }, { state: 'submitted' }, { state: 'confirmed' }])
    expect(counts).toEqual({
      draft: 0,
      submitted: 2,
      accepted: 0,
      confirmed: 1,
      waitlisted: 0,
      rejected: 0,
      withdrawn: 0,
      cancelled: 0,
    })
  })
})

describe('the call', () => {
  const now = new Date('2027-05-01T10:00:00Z')

  it('takes submissions while open and before its deadline, not at it', () => {
    expect(callProblem({ open: true, deadline: null }, now)).toBeNull()
    expect(callProblem({ open: true, deadline: new Date('2027-05-01T10:00:01Z') }, now)).toBeNull()
    expect(callProblem({ open: true, deadline: new Date('2027-05-01T10:00:00Z') }, now)).toBe('past_deadline')
    expect(callProblem({ open: false, deadline: null }, now)).toBe('closed')
    expect(callProblem(null, now)).toBe('closed')
  })

  const questions: CallQuestion[] = [
    { id: 'q1', kind: 'choice', label: 'Werkgroep', options: ['Groen', 'Verkeer'], required: true },
    { id: 'q2', kind: 'text', label: 'Iets anders?', options: [], required: false },
  ]

  it('keeps answers to its own questions only, trimmed', () => {
    expect(checkAnswers(questions, { q1: ' Groen ', q2: '', q9: 'weg' })).toEqual({
      answers: { q1: 'Groen' },
      problems: [],
    })
  })

  it('refuses a required question left empty, a choice not offered and an answer too long', () => {
    expect(checkAnswers(questions, {}).problems).toEqual([{ field: 'answers.q1', message: 'required' }])
    expect(checkAnswers(questions, { q1: 'Groen!' }).problems).toEqual([
      { field: 'answers.q1', message: 'notAllowed' },
    ])
    expect(checkAnswers(questions, { q1: 'Groen', q2: 'x'.repeat(1001) }).problems).toEqual([
      { field: 'answers.q2', message: 'tooLong:1000' },
    ])
  })

  it('numbers new questions after the ones in use', () => {
    expect(nextQuestionId([])).toBe('q1')
    expect(nextQuestionId(['q1', 'q3'])).toBe('q2')
  })
})

describe('availability', () => {
  it('turns local ranges into instants in the visit’s zone, merged where they touch', () => {
    const { intervals, problems } = availabilityFromLocal(
      [
        { date: day, start: '10:00', end: '11:00' },
        { date: day, start: '11:00', end: '12:30' },
      ],
      visit,
    )
    expect(problems).toEqual([])
    // Summer time: Amsterdam is UTC+2.
    expect(intervals).toEqual([{ start: Date.UTC(2027, 5, 12, 8), end: Date.UTC(2027, 5, 12, 10, 30) }])
  })

  it('uses the offset of the day itself: winter time in November', () => {
    const winter = { startDate: '2027-11-20', endDate: '2027-11-20', timeZone: zone }
    const { intervals } = availabilityFromLocal(
      [{ date: '2027-11-20', start: '14:00', end: '15:00' }],
      winter,
    )
    expect(intervals).toEqual([{ start: Date.UTC(2027, 10, 20, 13), end: Date.UTC(2027, 10, 20, 14) }])
  })

  it('refuses ranges outside the visit’s days, and ranges that end before they start, by row', () => {
    const { problems } = availabilityFromLocal(
      [
        { date: day, start: '10:00', end: '11:00' },
        { date: '2027-06-13', start: '10:00', end: '11:00' },
        { date: day, start: '12:00', end: '12:00' },
      ],
      visit,
    )
    expect(problems).toEqual([
      { field: 'availability.1', message: 'talks.validation.availabilityOutside' },
      { field: 'availability.2', message: 'endBeforeStart' },
    ])
  })

  it('writes instants back as ranges per day, whatever they were entered as', () => {
    const twoDays = { startDate: day, endDate: '2027-06-13', timeZone: zone }
    expect(visitDates(twoDays)).toEqual([day, '2027-06-13'])
    const overMidnight = [{ start: at('22:00'), end: at('02:00', '2027-06-13') }]
    expect(availabilityToLocal(overMidnight, zone)).toEqual([
      { date: day, start: '22:00', end: '23:59' },
      { date: '2027-06-13', start: '00:00', end: '02:00' },
    ])
  })

  it('round-trips any ranges a form can hold', () => {
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`)
    fc.assert(
      fc.property(time, time, (a, b) => {
        fc.pre(a < b)
        const { intervals } = availabilityFromLocal([{ date: day, start: a, end: b }], visit)
        expect(availabilityToLocal(intervals, zone)).toEqual([{ date: day, start: a, end: b }])
      }),
    )
  })

  it('reads stored ranges defensively; none given means not known', () => {
    expect(parseAvailability('not json')).toEqual([])
    expect(parseAvailability('[{"start":2,"end":1},{"start":1,"end":2}]')).toEqual([{ start: 1, end: 2 }])
    expect(knownAvailability([])).toBeNull()
  })
})

describe('what the public sees', () => {
  const speakers = [
    { speakerId: 'co', name: 'Anna', consent: true, confirmedAt: new Date(), role: 'co' as const },
    { speakerId: 'main', name: 'Piet', consent: true, confirmedAt: new Date(), role: 'main' as const },
    { speakerId: 'shy', name: 'Bert', consent: false, confirmedAt: new Date(), role: 'co' as const },
    { speakerId: 'late', name: 'Cor', consent: true, confirmedAt: null, role: 'co' as const },
  ]

  it('shows only confirmed talks, and only speakers who confirmed and consented, main speaker first', () => {
    expect(publicSpeakers('confirmed', speakers)).toEqual([
      { id: 'main', name: 'Piet' },
      { id: 'co', name: 'Anna' },
    ])
    expect(publicSpeakers('accepted', speakers)).toEqual([])
  })

  it('lists what a confirmed talk still owes: slides, and a bio per speaker', () => {
    const people = [
      { speakerId: 'a', bio: 'Woont hier.' },
      { speakerId: 'b', bio: '  ' },
    ]
    expect(owedBy({ state: 'confirmed', currentFiles: 0 }, people)).toEqual({ slides: true, bioOf: ['b'] })
    expect(owedBy({ state: 'confirmed', currentFiles: 1 }, [people[0]!])).toBeNull()
    expect(owedBy({ state: 'submitted', currentFiles: 0 }, people)).toBeNull()
  })
})

describe('picking a slot', () => {
  const programme = (parts: Partial<ClashInput> = {}): ClashInput => ({
    visit: { ...visit, walkingSpeedKmh: 4.5, expectedGuests: null },
    venues: [],
    groups: [],
    items: [],
    speakers: [],
    talks: [],
    ...parts,
  })
  const talk = {
    id: 't1',
    title: 'Speelveld',
    state: 'confirmed' as const,
    durationMinutes: 10,
    heldSlotId: null,
  }
  const slot = { id: 's1', start: at('14:00'), end: at('14:15'), venueId: null, itemId: null, takenBy: null }
  const els = { id: 'els', name: 'Els', availability: [{ start: at('13:00'), end: at('15:00') }] }

  it('takes a free slot within the speaker’s availability', () => {
    expect(pickRefusal(talk, [els], slot, programme())).toBeNull()
  })

  it('refuses talks that are not confirmed, already scheduled, slots taken or too short', () => {
    expect(pickRefusal({ ...talk, state: 'accepted' }, [els], slot, programme())).toEqual({
      code: 'not_confirmed',
    })
    expect(pickRefusal({ ...talk, heldSlotId: 's0' }, [els], slot, programme())).toEqual({
      code: 'already_scheduled',
    })
    expect(pickRefusal(talk, [els], { ...slot, takenBy: 't2' }, programme())).toEqual({ code: 'taken' })
    expect(pickRefusal({ ...talk, durationMinutes: 20 }, [els], slot, programme())).toEqual({
      code: 'too_short',
    })
  })

  it('refuses outside the common availability of all speakers, naming who cannot', () => {
    const jan = { id: 'jan', name: 'Jan', availability: [{ start: at('14:10'), end: at('16:00') }] }
    const refusal = pickRefusal(talk, [els, jan], slot, programme())
    expect(refusal?.code).toBe('clash')
    expect(refusal && 'message' in refusal ? refusal.message.nl : '').toContain(
      '‘Jan’ is dan niet beschikbaar',
    )
  })

  it('refuses when a speaker already speaks then', () => {
    const busy = programme({
      items: [
        {
          id: 'i1',
          title: 'Eerder praatje',
          start: at('14:05'),
          end: at('14:20'),
          venueId: null,
          groupIds: [],
          kind: 'talk',
        },
      ],
      speakers: [els],
      talks: [{ id: 't0', title: 'Eerder', itemId: 'i1', speakerIds: ['els'] }],
    })
    const refusal = pickRefusal(talk, [els], slot, busy)
    expect(refusal?.code).toBe('clash')
    expect(refusal && 'message' in refusal ? refusal.message.en : '').toContain('at the same time')
  })
})

describe('mail templates the team words', () => {
  const values = { name: 'Marja', talk: 'Speelveld', visit: 'Bezoek', date: '12 juni' }

  it('fill the known placeholders and leave anything else as written', () => {
    expect(fillPlaceholders('Beste {name}, over {talk} op {date} ({visit}) – {naam}', values)).toBe(
      'Beste Marja, over Speelveld op 12 juni (Bezoek) – {naam}',
    )
  })

  it('find typos in placeholders before anything is sent', () => {
    expect(unknownPlaceholders('Hoi {naam}, {talk} {Titel} {naam}')).toEqual(['naam', 'Titel'])
    expect(unknownPlaceholders('{name} {talk} {visit} {date}')).toEqual([])
  })
})
