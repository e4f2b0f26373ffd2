import * as v from 'valibot'
import { dietaryOptions } from '../../../shared/domain/diets'
import { emailSchema, lineSchema, msg } from '../../../shared/schemas/common'
import { type DietaryCounts, type DietaryOption, needsAboveParty } from './rules'

/** The most people one registration may bring; a larger group talks to the organisers first. */
export const MAX_PARTY_SIZE = 20

const text = (max: number) => v.pipe(v.string(msg.invalid), v.trim(), v.maxLength(max, msg.tooLong(max)))
const id = v.pipe(v.string(msg.invalid), v.regex(/^[A-Za-z0-9-]{1,64}$/, msg.invalid))
const version = v.pipe(v.number(msg.required), v.integer(msg.invalid), v.minValue(1, msg.invalid))

const partySize = v.pipe(
  v.number(msg.required),
  v.integer(msg.invalid),
  v.minValue(1, msg.key('rsvp.validation.partySizeMin')),
  v.maxValue(MAX_PARTY_SIZE, msg.key('rsvp.validation.partySizeMax')),
)

// Ticking the same box twice (a hand-made request) counts once.
const unique = <T>(list: T[]) => [...new Set(list)]

const persons = v.pipe(
  v.number(msg.invalid),
  v.integer(msg.invalid),
  v.minValue(0, msg.invalid),
  v.maxValue(MAX_PARTY_SIZE, msg.key(`rsvp.validation.dietaryAboveParty:${MAX_PARTY_SIZE}`)),
)

/**
 * Dietary needs as persons per need (`{ vegetarian: 1, vegan: 2 }`; needs of 0 persons are dropped), none
 * above the party size (checked with the party below). A list of ticked needs is still taken from a party of
 * one, where it is exact; a larger party is asked how many.
 */
const dietaryCounts = v.pipe(
  v.strictObject(
    Object.fromEntries(dietaryOptions.map((need) => [need, v.optional(persons)])) as Record<
      DietaryOption,
      v.OptionalSchema<typeof persons, undefined>
    >,
    msg.invalid,
  ),
  v.transform(
    (counts): DietaryCounts =>
      Object.fromEntries(Object.entries(counts).filter(([, n]) => (n ?? 0) > 0)) as DietaryCounts,
  ),
)
const dietaryTicked = v.pipe(
  v.array(v.picklist(dietaryOptions, msg.invalid), msg.invalid),
  v.transform(unique),
)
const dietary = v.optional(v.union([dietaryCounts, dietaryTicked], msg.invalid), {})

type DietaryInput = DietaryCounts | DietaryOption[]
const dietaryPath = (input: Record<string, unknown>, value: unknown) =>
  ({ type: 'object', origin: 'value', input, key: 'dietary', value }) as const

/**
 * Reads the needs against the party: a list of ticks only from a party of one; each need at most the party,
 * reported at the field of that need. Afterwards the needs are always persons per need.
 */
const dietaryWithinParty = <T extends { partySize: number; dietary: DietaryInput }>() =>
  [
    v.rawCheck<T>(({ dataset, addIssue }) => {
      if (!dataset.typed) return
      const { dietary: needs, partySize: size } = dataset.value
      if (Array.isArray(needs)) {
        if (needs.length > 0 && size > 1) {
          addIssue({
            message: msg.key('rsvp.validation.dietaryHowMany'),
            path: [dietaryPath(dataset.value, needs)],
          })
        }
        return
      }
      for (const need of needsAboveParty(needs, size)) {
        addIssue({
          message: msg.key(`rsvp.validation.dietaryAboveParty:${size}`),
          path: [
            dietaryPath(dataset.value, needs),
            { type: 'object', origin: 'value', input: needs, key: need, value: needs[need] },
          ],
        })
      }
    }),
    v.transform((input: T) => ({ ...input, dietary: dietaryCountsOf(input.dietary) })),
  ] as const

const rsvpFields = {
  name: lineSchema(120),
  email: emailSchema,
  partySize,
  dietary,
  dietaryNotes: v.optional(text(300), ''),
  accessNeeds: v.optional(text(300), ''),
  groupIds: v.optional(
    v.pipe(v.array(id, msg.invalid), v.maxLength(50, msg.invalid), v.transform(unique)),
    [],
  ),
}

/** A guest's registration for a visit (the public form and API). */
const rsvpObject = v.strictObject(rsvpFields)
export const rsvpSchema = v.pipe(rsvpObject, ...dietaryWithinParty<v.InferOutput<typeof rsvpObject>>())

/** Ticked needs as persons per need: one person each (what a tick of a party of one says). */
function dietaryCountsOf(needs: DietaryInput): DietaryCounts {
  return Array.isArray(needs) ? Object.fromEntries(needs.map((need) => [need, 1])) : needs
}

/** A change's needs as persons per need; a list of ticks only for a party of one (see the service). */
export const changedDietary = (needs: DietaryInput | undefined) =>
  needs === undefined
    ? undefined
    : { counts: dietaryCountsOf(needs), ticked: Array.isArray(needs) && needs.length > 0 }

/**
 * A guest changing their registration through their private link: any fields, with the version it was based
 * on. The dietary counts are checked against the party size the change ends up with (by the service when the
 * party is not in the change).
 */
export const rsvpUpdateSchema = v.strictObject({ ...v.partial(v.strictObject(rsvpFields)).entries, version })

/** Changes mails on or off (the opt-out link). */
export const rsvpNotifySchema = v.strictObject({
  notify: v.optional(v.picklist(['yes', 'no'], msg.invalid), 'no'),
})

/**
 * The guest list page's GET parameters: a search (part of a name or address), a status and a page. Empty
 * values mean "all" and "the first page"; anything else that does not fit is refused with a message.
 */
export const guestListQuerySchema = v.object({
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100)), ''),
  status: v.optional(v.picklist(['', 'confirmed', 'waitlisted', 'cancelled']), ''),
  page: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.regex(/^(?:[1-9][0-9]{0,5})?$/),
      v.transform((p) => (p === '' ? 1 : Number(p))),
    ),
    '1',
  ),
})
