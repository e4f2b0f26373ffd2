import * as v from 'valibot'
import { cateringKinds, cateringStatuses, providerKinds, quantityRules } from '../../../shared/db/schema'
import {
  emailSchema,
  idSchema,
  lineSchema,
  localDateSchema,
  localTimeSchema,
  msg,
  textSchema,
  versionSchema,
} from '../../../shared/schemas/common'
import { amountCounts } from './rules'

/** The feature's own messages, by their path in the dictionary. */
const says = (key: string) => `catering.validation.${key}`

/** A whole number from 0 to `max`; a negative one is refused with its own message. */
const wholeNumber = (max: number) =>
  v.pipe(
    v.number(msg.required),
    v.integer(says('whole')),
    v.minValue(0, says('negative')),
    v.maxValue(max, says('tooMany')),
  )

/** When the final numbers are needed, as a local date and time in the visit's zone; null: no deadline. */
const deadlineSchema = v.nullable(v.strictObject({ date: localDateSchema, time: localTimeSchema }))

const orderFields = {
  kind: v.picklist(cateringKinds, msg.invalid),
  description: v.optional(textSchema(500), ''),
  /** The programme item it is for: place, time and groups follow from it. */
  itemId: idSchema,
  providerId: v.optional(v.nullable(idSchema), null),
  rule: v.picklist(quantityRules, msg.invalid),
  /** Per person: units each; per persons: one per this many; fixed: the number of units. */
  amount: wholeNumber(100_000),
  unit: v.optional(textSchema(40), ''),
  unitCostCents: wholeNumber(10_000_000),
  extraPersons: v.optional(wholeNumber(10_000), 0),
  deadline: v.optional(deadlineSchema, null),
  /** Hours before the deadline the provider is reminded (0: not at all), at most two weeks. */
  reminderHours: v.optional(wholeNumber(24 * 14), 48),
  notes: v.optional(textSchema(2000), ''),
}

/** A catering order. */
export const orderCreateSchema = v.pipe(
  v.strictObject(orderFields),
  v.forward(
    v.check((x) => amountCounts(x.rule, x.amount), says('amountAtLeastOne')),
    ['amount'],
  ),
)

/** Changing an order: any fields, with the version it was based on (a new amount is checked with the rule). */
export const orderUpdateSchema = v.pipe(
  v.strictObject({ ...v.partial(v.strictObject(orderFields)).entries, version: versionSchema }),
  v.forward(
    v.check((x) => amountCounts(x.rule, x.amount), says('amountAtLeastOne')),
    ['amount'],
  ),
)

/** Moving an order on: requested, confirmed, delivered, cancelled, or back. */
export const orderStatusSchema = v.strictObject({
  status: v.picklist(cateringStatuses, msg.invalid),
  version: versionSchema,
})

/** Freezing the numbers as they are now and sending them to the provider. */
export const sendNumbersSchema = v.strictObject({ version: versionSchema })

const optionalEmail = v.optional(v.union([v.literal(''), emailSchema], msg.email), '')

const providerFields = {
  kind: v.picklist(providerKinds, msg.invalid),
  /** A team member or host: the person; their name and address come from their account. */
  personId: v.optional(v.nullable(idSchema), null),
  name: v.optional(textSchema(120), ''),
  contactName: v.optional(textSchema(120), ''),
  email: optionalEmail,
  contactPhone: v.optional(textSchema(40), ''),
  address: v.optional(textSchema(200), ''),
  notes: v.optional(textSchema(1000), ''),
  lang: v.optional(v.picklist(['nl', 'en'], msg.invalid), 'nl'),
}

/** A team member or host is a person chosen from the visit; a resident or supplier is named. */
const isPerson = (kind: string) => kind === 'team_member' || kind === 'host'

/** Who provides food or drinks. */
export const providerCreateSchema = v.pipe(
  v.strictObject(providerFields),
  v.forward(
    v.check((x) => isPerson(x.kind) || x.name !== '', says('providerName')),
    ['name'],
  ),
  v.forward(
    v.check((x) => !isPerson(x.kind) || !!x.personId, says('providerPerson')),
    ['personId'],
  ),
)

const { kind: _kind, ...changeableProviderFields } = providerFields

/** Changing a provider (its kind stays what it was). */
export const providerUpdateSchema = v.strictObject({
  ...v.partial(v.strictObject(changeableProviderFields)).entries,
  version: versionSchema,
})

const contributionFields = {
  description: lineSchema(200),
  quantity: v.optional(v.nullable(wholeNumber(100_000)), null),
  /** The volunteer who brings it; null: still open for a volunteer to take. */
  providerId: v.optional(v.nullable(idSchema), null),
}

/** A part of an order a volunteer brings. */
export const contributionCreateSchema = v.strictObject(contributionFields)
export const contributionUpdateSchema = v.strictObject({
  ...v.partial(v.strictObject(contributionFields)).entries,
  done: v.optional(v.boolean(msg.invalid)),
  version: versionSchema,
})

/** Who of the team is there, and with which group (null: the whole company). */
export const teamPresenceSchema = v.strictObject({
  members: v.pipe(
    v.array(
      v.strictObject({ personId: idSchema, groupId: v.optional(v.nullable(idSchema), null) }),
      msg.invalid,
    ),
    v.maxLength(500, msg.invalid),
  ),
})

/** The provider's answer through their private link. */
export const providerAnswerSchema = v.strictObject({
  answer: v.picklist(['confirm', 'decline'], msg.invalid),
  note: v.optional(textSchema(500), ''),
  version: versionSchema,
})

/** What a volunteer does with a contribution through their private link. */
export const contributionActionSchema = v.strictObject({
  action: v.picklist(['take', 'give_back', 'done', 'not_done'], msg.invalid),
  version: versionSchema,
})
