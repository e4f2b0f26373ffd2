/**
 * Talks and their speakers as pure rules: the states a talk goes through and who may move it, whether a call
 * takes submissions, availability entered in the visit's zone, answers to the team's questions, what the
 * public may see, who still owes slides or a bio, and whether a self-scheduled slot may be taken.
 */
import {
  type ClashInput,
  type ClashItem,
  type ClashSpeaker,
  findClashes,
  type LocalisedText,
} from './clashes'
import { type Interval, union } from './interval'
import { templatePlaceholders } from './placeholders'
import { type TalkState, talkStates } from './talk-states'
import { dayBounds, nextDate, utcToZoned, zonedToUtc } from './time'

export {
  fillPlaceholders,
  type TemplatePlaceholder,
  templatePlaceholders,
} from './placeholders'
export { type TalkState, talkStates } from './talk-states'

/** What a speaker does through their private link. */
export type SpeakerAction = 'submit' | 'withdraw' | 'confirm' | 'decline'

/** The states an organiser may move a talk to, and from where. */
const organiserMoves: Record<TalkState, readonly TalkState[]> = {
  draft: [],
  submitted: ['accepted', 'waitlisted', 'rejected'],
  accepted: ['submitted', 'waitlisted', 'rejected', 'confirmed', 'cancelled'],
  confirmed: ['cancelled'],
  waitlisted: ['submitted', 'accepted', 'rejected'],
  rejected: ['submitted', 'accepted', 'waitlisted'],
  // The speaker's own decision; the team does not undo it.
  withdrawn: [],
  cancelled: [],
}

/** The states a speaker's actions lead to, and from where. Withdrawing is possible at any time before the end. */
const speakerMoves: Record<SpeakerAction, { from: readonly TalkState[]; to: TalkState }> = {
  submit: { from: ['draft'], to: 'submitted' },
  withdraw: { from: ['draft', 'submitted', 'waitlisted', 'accepted', 'confirmed'], to: 'withdrawn' },
  confirm: { from: ['accepted'], to: 'confirmed' },
  decline: { from: ['accepted'], to: 'withdrawn' },
}

/** The states an organiser may move a talk to from its current state (empty when it is the speaker's to decide). */
export function organiserTargets(state: TalkState): readonly TalkState[] {
  return organiserMoves[state]
}

/** True when an organiser may move a talk from one state to the other. */
export function organiserMayMove(from: TalkState, to: TalkState): boolean {
  return organiserMoves[from].includes(to)
}

/** The states an organiser's move to `to` may start from (for a conditional update). */
export function organiserSources(to: TalkState): TalkState[] {
  return talkStates.filter((from) => organiserMoves[from].includes(to))
}

/** The state a speaker's action leads to, or null when it is not possible from this state. */
export function speakerMove(state: TalkState, action: SpeakerAction): TalkState | null {
  const move = speakerMoves[action]
  return move.from.includes(state) ? move.to : null
}

/** The states a speaker's action may start from (for a conditional update). */
export function speakerSources(action: SpeakerAction): readonly TalkState[] {
  return speakerMoves[action].from
}

/** While not yet accepted, the speaker may still change what they submitted. */
export function speakerMayEdit(state: TalkState): boolean {
  return state === 'draft' || state === 'submitted' || state === 'waitlisted'
}

/** A talk that is over (withdrawn, rejected or cancelled): its link only shows it, it changes nothing. */
export function isClosed(state: TalkState): boolean {
  return state === 'withdrawn' || state === 'rejected' || state === 'cancelled'
}

/** Talks that take part in the programme: they may be placed, and count in the clash check. */
export function isPlaceable(state: TalkState): boolean {
  return state === 'accepted' || state === 'confirmed'
}

/** How many talks there are in each state, zero included. */
export function countByState(rows: readonly { state: TalkState }[]): Record<TalkState, number> {
  const counts = Object.fromEntries(talkStates.map((s) => [s, 0])) as Record<TalkState, number>
  for (const row of rows) counts[row.state] += 1
  return counts
}

// --- the call for talks -------------------------------------------------------------------------------------

/** What decides whether a call takes submissions now. */
export type CallWindow = { open: boolean; deadline: Date | null }

/** Why a call takes no submissions now, or null when it does: closed by the team, or past its deadline. */
export function callProblem(call: CallWindow | null, now: Date): 'closed' | 'past_deadline' | null {
  if (!call?.open) return 'closed'
  if (call.deadline !== null && now.getTime() >= call.deadline.getTime()) return 'past_deadline'
  return null
}

/** An extra question the team asks: short text, or a choice from options. */
export type CallQuestion = {
  id: string
  kind: 'text' | 'choice'
  label: string
  options: string[]
  required: boolean
}

/** The most questions a call may ask; a form for residents stays short. */
export const MAX_QUESTIONS = 10
/** The longest answer to a short-text question. */
export const MAX_ANSWER = 1000

/** One problem with an input, by field and a dictionary key (see shared/i18n `talks.validation`). */
export type TalkProblem = { field: string; message: string }

/**
 * The answers kept for the call's questions (unknown questions dropped, text trimmed), and the problems: a
 * required question left empty, a choice not among the options, an answer too long.
 */
export function checkAnswers(
  questions: readonly CallQuestion[],
  given: Readonly<Record<string, string>>,
): { answers: Record<string, string>; problems: TalkProblem[] } {
  const answers: Record<string, string> = {}
  const problems: TalkProblem[] = []
  for (const q of questions) {
    const value = (given[q.id] ?? '').trim()
    const field = `answers.${q.id}`
    if (value === '') {
      if (q.required) problems.push({ field, message: 'required' })
      continue
    }
    if (q.kind === 'choice' && !q.options.includes(value)) problems.push({ field, message: 'notAllowed' })
    else if (value.length > MAX_ANSWER) problems.push({ field, message: `tooLong:${MAX_ANSWER}` })
    else answers[q.id] = value
  }
  return { answers, problems }
}

/** The first ID not yet used for a new question: q1, q2, … (stable, so answers keep pointing at it). */
export function nextQuestionId(used: readonly string[]): string {
  for (let n = 1; ; n++) if (!used.includes(`q${n}`)) return `q${n}`
}

// --- availability -------------------------------------------------------------------------------------------

/** A time range as people enter it: a local date and two local times in the visit's zone. */
export type LocalRange = { date: string; start: string; end: string }
/** The visit's days and zone. */
export type VisitDays = { startDate: string; endDate: string; timeZone: string }

/** The local dates of a visit, first to last. */
export function visitDates(visit: Pick<VisitDays, 'startDate' | 'endDate'>): string[] {
  const dates: string[] = []
  // A visit lasts days, not years: the cap only guards against a corrupt row.
  for (let d = visit.startDate; d <= visit.endDate && dates.length < 366; d = nextDate(d)) dates.push(d)
  return dates
}

/**
 * Turns ranges entered in the visit's zone into instants, merged where they touch. Each range must end after
 * it starts and lie on a day of the visit; problems are named `availability.{index}`.
 */
export function availabilityFromLocal(
  ranges: readonly LocalRange[],
  visit: VisitDays,
): { intervals: Interval[]; problems: TalkProblem[] } {
  const days = new Set(visitDates(visit))
  const intervals: Interval[] = []
  const problems: TalkProblem[] = []
  ranges.forEach((range, i) => {
    const field = `availability.${i}`
    if (!days.has(range.date)) {
      problems.push({ field, message: 'talks.validation.availabilityOutside' })
      return
    }
    // '24:00' is not a time people type; the end of the day is 23:59 or the next range.
    const start = zonedToUtc(range.date, range.start, visit.timeZone)
    const end = zonedToUtc(range.date, range.end, visit.timeZone)
    if (end <= start) {
      problems.push({ field, message: 'endBeforeStart' })
      return
    }
    intervals.push({ start, end })
  })
  return { intervals: union(intervals), problems }
}

/** Instants written back as ranges in the visit's zone, for a form; a range over midnight is split per day. */
export function availabilityToLocal(intervals: readonly Interval[], timeZone: string): LocalRange[] {
  const out: LocalRange[] = []
  for (const interval of union(intervals)) {
    let start = interval.start
    while (start < interval.end) {
      const from = utcToZoned(start, timeZone)
      const dayEnd = dayBounds(from.date, timeZone).end
      const end = Math.min(interval.end, dayEnd)
      // A range to midnight is shown as ending 23:59, the last minute a form can hold.
      const to = end === dayEnd ? '23:59' : utcToZoned(end, timeZone).time
      out.push({ date: from.date, start: from.time, end: to })
      start = end
    }
  }
  return out
}

/** Stored availability (JSON of { start, end }) as intervals; anything unreadable counts as not given. */
export function parseAvailability(json: string): Interval[] {
  try {
    const value: unknown = JSON.parse(json)
    if (!Array.isArray(value)) return []
    return value.flatMap((r: unknown) => {
      const range = r as { start?: unknown; end?: unknown }
      return typeof range?.start === 'number' && typeof range.end === 'number' && range.start < range.end
        ? [{ start: range.start, end: range.end }]
        : []
    })
  } catch {
    return []
  }
}

/** For the clash check: no ranges given means "not known" (not checked), never "never available". */
export function knownAvailability(intervals: readonly Interval[]): readonly Interval[] | null {
  return intervals.length > 0 ? intervals : null
}

// --- what the public sees, and what the team still waits for -------------------------------------------------

/** A speaker of a talk, as the public-facing rules need them. */
export type SpeakerOfTalk = {
  speakerId: string
  name: string
  consent: boolean
  confirmedAt: Date | null
  role: 'main' | 'co'
}

/**
 * The speakers the public may see for a talk: only of a confirmed talk, and only those who confirmed and
 * consented to publication. Main speakers first.
 */
export function publicSpeakers(
  talkState: TalkState,
  speakers: readonly SpeakerOfTalk[],
): { id: string; name: string }[] {
  if (talkState !== 'confirmed') return []
  return speakers
    .filter((s) => s.consent && s.confirmedAt !== null)
    .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'main' ? -1 : 1))
    .map((s) => ({ id: s.speakerId, name: s.name }))
}

/** What a confirmed talk still lacks: slides (no current file) and the speakers without a bio. */
export type Owed = { slides: boolean; bioOf: string[] }

/** What a talk still owes the team; only confirmed talks owe anything. */
export function owedBy(
  talk: { state: TalkState; currentFiles: number },
  speakers: readonly { speakerId: string; bio: string }[],
): Owed | null {
  if (talk.state !== 'confirmed') return null
  const owed = {
    slides: talk.currentFiles === 0,
    bioOf: speakers.filter((s) => s.bio.trim() === '').map((s) => s.speakerId),
  }
  return owed.slides || owed.bioOf.length > 0 ? owed : null
}

// --- self-scheduling ----------------------------------------------------------------------------------------

/** A slot the team opened: its time, venue, the programme item it belongs to (if any) and who took it. */
export type SlotForPick = {
  id: string
  start: number
  end: number
  venueId: string | null
  itemId: string | null
  takenBy: string | null
}

/** Why a slot may not be taken, with a sentence for people when it is a clash. */
export type PickRefusal =
  | { code: 'not_confirmed' | 'taken' | 'already_scheduled' | 'too_short' }
  | { code: 'clash'; message: LocalisedText }

/**
 * Whether a confirmed talk may take a slot. The programme as it would be after the pick is checked for the
 * clashes that concern the speakers (outside their common availability, double-booked); any of those refuses
 * the pick with its explanation. First come, first served: the database decides who was first.
 */
export function pickRefusal(
  talk: { id: string; title: string; state: TalkState; durationMinutes: number; heldSlotId: string | null },
  speakers: readonly ClashSpeaker[],
  slot: SlotForPick,
  programme: ClashInput,
): PickRefusal | null {
  if (talk.state !== 'confirmed') return { code: 'not_confirmed' }
  if (talk.heldSlotId !== null) return { code: 'already_scheduled' }
  if (slot.takenBy !== null) return { code: 'taken' }
  if (slot.end - slot.start < talk.durationMinutes * 60_000) return { code: 'too_short' }
  // The speakers are checked at the slot's own time, even when it lies within a longer programme item.
  const itemId = `slot:${slot.id}`
  const extra: ClashItem = {
    id: itemId,
    title: talk.title,
    start: slot.start,
    end: slot.end,
    venueId: null,
    groupIds: [],
    kind: 'talk',
  }
  const talks = [
    ...programme.talks.filter((t) => t.id !== talk.id),
    {
      id: talk.id,
      title: talk.title,
      itemId,
      speakerIds: speakers.map((sp) => sp.id),
    },
  ]
  const known = new Set(speakers.map((sp) => sp.id))
  const allSpeakers = [...programme.speakers.filter((sp) => !known.has(sp.id)), ...speakers]
  const clash = findClashes({
    ...programme,
    items: [...programme.items, extra],
    talks,
    speakers: allSpeakers,
  }).find(
    (c) =>
      (c.kind === 'speaker_double_booked' || c.kind === 'outside_speaker_availability') &&
      (c.talkIds ?? []).includes(talk.id),
  )
  return clash ? { code: 'clash', message: clash.message } : null
}

// --- mail templates the team edits ---------------------------------------------------------------------------

/** Placeholders in a text that do not exist (a typo such as `{naam}`), in order of appearance. */
export function unknownPlaceholders(text: string): string[] {
  const found = [...text.matchAll(/\{([a-zA-Z_]+)\}/g)].map((m) => m[1] ?? '')
  return [...new Set(found.filter((k) => !(templatePlaceholders as readonly string[]).includes(k)))]
}
