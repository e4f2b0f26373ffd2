import * as v from 'valibot'
import { MAX_ANSWER, MAX_QUESTIONS, talkStates } from '../../../shared/domain/talks'
import { emailSchema, lineSchema, msg } from '../../../shared/schemas/common'
import { localDateSchema, localTimeSchema } from '../visits/schemas'

/** What a speaker may need on the day. */
export const speakerNeeds = ['microphone', 'screen', 'chair', 'step_free'] as const
/** The languages a talk may be given in. */
export const talkLanguages = ['nl', 'en'] as const
/** The decision mails the team may word themselves. */
export const editableMailKinds = [
  'talk_accepted',
  'talk_rejected',
  'talk_waitlisted',
  'talk_cancelled',
] as const

/** Co-speakers a talk may have besides its main speaker; a one-day visit has short talks. */
export const MAX_CO_SPEAKERS = 3
/** Time ranges a speaker may give; more is a sign of a script, not a person. */
export const MAX_RANGES = 12
/** The longest talk a call may offer, in minutes. */
export const MAX_DURATION = 240

const text = (max: number) => v.pipe(v.string(msg.invalid), v.trim(), v.maxLength(max, msg.tooLong(max)))
const id = v.pipe(v.string(msg.required), v.regex(/^[A-Za-z0-9-]{1,64}$/, msg.invalid))
const version = v.pipe(v.number(msg.required), v.integer(msg.invalid), v.minValue(1, msg.invalid))
// Ticking the same box twice (a hand-made request) counts once.
const unique = <T>(list: T[]) => [...new Set(list)]

const duration = v.pipe(
  v.number(msg.required),
  v.integer(msg.invalid),
  v.minValue(1, msg.invalid),
  v.maxValue(MAX_DURATION, msg.invalid),
)

/** One time range on a visit day, in the visit's zone. */
export const localRangeSchema = v.pipe(
  v.strictObject({ date: localDateSchema, start: localTimeSchema, end: localTimeSchema }),
  // 'HH:MM' strings compare like the times they are.
  v.forward(
    v.partialCheck([['start'], ['end']], (r) => r.end > r.start, msg.key('endBeforeStart')),
    ['end'],
  ),
)

const availability = v.pipe(v.array(localRangeSchema, msg.invalid), v.maxLength(MAX_RANGES, msg.invalid))
const needs = v.pipe(v.array(v.picklist(speakerNeeds, msg.invalid), msg.invalid), v.transform(unique))
const answers = v.pipe(
  v.record(
    v.pipe(v.string(), v.regex(/^q\d{1,3}$/)),
    v.pipe(v.string(msg.invalid), v.maxLength(MAX_ANSWER * 2)),
  ),
  v.check((r) => Object.keys(r).length <= MAX_QUESTIONS, msg.invalid),
)

/** What the speaker tells about themselves; public only with consent, once confirmed and released. */
const profileFields = {
  name: lineSchema(120),
  bio: v.optional(text(2000), ''),
  organisation: v.optional(text(200), ''),
  needs: v.optional(needs, []),
}

/** What the talk is. Durations and languages are checked against the call by the service. */
const talkFields = {
  title: lineSchema(200),
  abstract: v.pipe(
    v.string(msg.required),
    v.trim(),
    v.nonEmpty(msg.required),
    v.maxLength(5000, msg.tooLong(5000)),
  ),
  durationMinutes: duration,
  language: v.picklist(talkLanguages, msg.invalid),
  answers: v.optional(answers, {}),
}

/** A co-speaker, added by e-mail; they confirm through their own link. */
export const coSpeakerSchema = v.strictObject({ name: lineSchema(120), email: emailSchema })

/** A submission through the public form or API: no sign-in, consent to publish is required. */
export const talkSubmissionSchema = v.strictObject({
  ...profileFields,
  email: emailSchema,
  ...talkFields,
  availability: v.optional(availability, []),
  consent: v.literal(true, msg.key('talks.validation.consent')),
  coSpeakers: v.optional(
    v.pipe(v.array(coSpeakerSchema, msg.invalid), v.maxLength(MAX_CO_SPEAKERS, msg.invalid)),
    [],
  ),
})

/** The main speaker changes the talk through their link (while it is not yet accepted). */
export const talkEditSchema = v.strictObject({ ...talkFields, version })

/** A speaker changes what they told about themselves; consent may be taken back. */
export const speakerProfileSchema = v.strictObject({ ...profileFields, consent: v.boolean(msg.invalid) })

/** A speaker's time ranges on the visit day(s); an empty list means "not given". */
export const availabilitySchema = v.strictObject({ availability })

/** Asking for the private links again, by the address they were sent to. */
export const talkLinkResendSchema = v.strictObject({ email: emailSchema })

const questionSchema = v.strictObject({
  id: v.optional(v.pipe(v.string(), v.regex(/^q\d{1,3}$/, msg.invalid))),
  kind: v.picklist(['text', 'choice'], msg.invalid),
  label: lineSchema(300),
  options: v.optional(
    v.pipe(v.array(lineSchema(100), msg.invalid), v.maxLength(12, msg.invalid), v.transform(unique)),
    [],
  ),
  required: v.optional(v.boolean(msg.invalid), false),
})

/** The call for talks of a visit; the deadline is a local date and time in the visit's zone. */
export const callSchema = v.pipe(
  v.strictObject({
    open: v.boolean(msg.invalid),
    deadlineDate: v.optional(v.nullable(localDateSchema), null),
    deadlineTime: v.optional(v.nullable(localTimeSchema), null),
    intro: v.optional(text(5000), ''),
    durations: v.pipe(
      v.array(duration, msg.invalid),
      v.minLength(1, msg.key('talks.validation.durationsEmpty')),
      v.maxLength(10, msg.invalid),
      v.transform((list) => unique(list).sort((a, b) => a - b)),
    ),
    languages: v.pipe(
      v.array(v.picklist(talkLanguages, msg.invalid), msg.invalid),
      v.minLength(1, msg.key('talks.validation.languagesEmpty')),
      v.transform(unique),
    ),
    questions: v.optional(
      v.pipe(
        v.array(questionSchema, msg.invalid),
        v.maxLength(MAX_QUESTIONS, msg.invalid),
        v.check(
          (qs) => qs.every((q) => q.kind === 'text' || q.options.length >= 2),
          msg.key('talks.validation.choiceOptions'),
        ),
      ),
      [],
    ),
    selfScheduling: v.optional(v.boolean(msg.invalid), false),
    version: v.optional(version),
  }),
  v.forward(
    v.partialCheck(
      [['deadlineDate'], ['deadlineTime']],
      (x) => (x.deadlineDate == null) === (x.deadlineTime == null),
      msg.key('talks.validation.deadlineBoth'),
    ),
    ['deadlineTime'],
  ),
)

/** An organiser moves one talk; `notify` mails the speakers from the team's template. */
export const talkStateSchema = v.strictObject({
  state: v.picklist(talkStates, msg.invalid),
  notify: v.optional(v.boolean(msg.invalid), true),
})

/** Deciding on several talks at once. */
export const talkBulkSchema = v.strictObject({
  talkIds: v.pipe(
    v.array(id, msg.invalid),
    v.minLength(1, msg.key('talks.validation.noneChosen')),
    v.maxLength(500, msg.invalid),
    v.transform(unique),
  ),
  state: v.picklist(['accepted', 'rejected', 'waitlisted'], msg.invalid),
  notify: v.optional(v.boolean(msg.invalid), true),
})

/** One reviewer's score (1–5) and note. */
export const talkReviewSchema = v.strictObject({
  score: v.pipe(
    v.number(msg.required),
    v.integer(msg.invalid),
    v.minValue(1, msg.invalid),
    v.maxValue(5, msg.invalid),
  ),
  note: v.optional(text(2000), ''),
})

/** The team's internal notes on a talk, based on the version of the talk seen (the API may leave it out). */
export const talkNotesSchema = v.strictObject({ internalNotes: text(5000), version: v.optional(version) })

/** Placing a talk in a programme item, or taking it out (null). */
export const talkPlaceSchema = v.strictObject({ itemId: v.nullable(id) })

/** Placing a talk in a new programme item of its own, at a local date and start time. */
export const talkPlaceNewSchema = v.strictObject({
  date: localDateSchema,
  start: localTimeSchema,
  venueId: v.optional(v.nullable(id), null),
})

/** A slot the team opens for self-scheduling. */
export const slotSchema = v.strictObject({
  date: localDateSchema,
  start: localTimeSchema,
  end: localTimeSchema,
  venueId: v.optional(v.nullable(id), null),
  itemId: v.optional(v.nullable(id), null),
})

/** A confirmed speaker picks a slot. */
export const slotPickSchema = v.strictObject({ slotId: id })

/** The team's wording of a decision mail, in one language. */
export const mailTemplateSchema = v.strictObject({
  subject: lineSchema(200),
  body: v.pipe(
    v.string(msg.required),
    v.trim(),
    v.nonEmpty(msg.required),
    v.maxLength(5000, msg.tooLong(5000)),
  ),
})

/** Which decision mail, in which language. */
export const mailTemplateKeySchema = v.strictObject({
  kind: v.picklist(editableMailKinds, msg.invalid),
  lang: v.picklist(talkLanguages, msg.invalid),
})
