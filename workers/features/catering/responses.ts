import * as v from 'valibot'
import { cateringKinds, cateringStatuses, providerKinds, quantityRules } from '../../../shared/db/schema'
import { itemKinds } from '../../../shared/domain/programme'
import { languages } from '../../../shared/i18n'
import * as ex from './response-examples'

const ruleValue = v.picklist(quantityRules)

const providerKindValue = v.picklist(providerKinds)

/** A supplier or volunteer; the team sees the whole record with its contact details. */
const providerJson = v.object({
  id: v.string(),
  kind: providerKindValue,
  name: v.string(),
  version: v.number(),
  visitId: v.optional(v.string()),
  personId: v.optional(v.nullable(v.string())),
  contactName: v.optional(v.string()),
  email: v.optional(v.string()),
  contactPhone: v.optional(v.string()),
  address: v.optional(v.string()),
  notes: v.optional(v.string()),
  lang: v.optional(v.picklist(languages)),
  createdAt: v.optional(v.string()),
})

const cateringKindValue = v.picklist(cateringKinds)

const presenceJson = v.object({ personId: v.string(), groupId: v.nullable(v.string()) })

const orderStatusValue = v.picklist(cateringStatuses)

const itemKindValue = v.picklist(itemKinds)

const visitJson = v.object({
  id: v.string(),
  title: v.string(),
  timeZone: v.string(),
  budgetCents: v.nullable(v.number()),
})

const warningValue = v.picklist([
  'no_item',
  'item_cancelled',
  'no_provider',
  'declined',
  'deadline_passed',
  'no_address',
  'changed_since_sent',
])

const venueJson = v.object({
  map: v.nullable(v.string()),
  id: v.string(),
  name: v.string(),
  address: v.string(),
  lat: v.nullable(v.number()),
  lng: v.nullable(v.number()),
})

const dietaryJson = v.object({
  vegetarian: v.number(),
  vegan: v.number(),
  halal: v.number(),
  kosher: v.number(),
  gluten_free: v.number(),
  lactose_free: v.number(),
  nut_allergy: v.number(),
})

const contributionJson = v.object({
  id: v.string(),
  description: v.string(),
  quantity: v.nullable(v.number()),
  mine: v.boolean(),
  takenAt: v.nullable(v.string()),
  doneAt: v.nullable(v.string()),
  version: v.number(),
})

const dietary2Json = v.object({
  vegetarian: v.optional(v.number()),
  vegan: v.optional(v.number()),
  halal: v.optional(v.number()),
  kosher: v.optional(v.number()),
  gluten_free: v.optional(v.number()),
  lactose_free: v.optional(v.number()),
  nut_allergy: v.optional(v.number()),
})

/** The programme item of an order; the team also sees its kind, venue and groups. */
const item2Json = v.object({
  groupIds: v.optional(v.array(v.string())),
  id: v.string(),
  kind: v.optional(itemKindValue),
  title: v.string(),
  startsAt: v.string(),
  endsAt: v.string(),
  venueId: v.optional(v.nullable(v.string())),
  cancelled: v.boolean(),
})

const budgetJson = v.object({
  budgetCents: v.nullable(v.number()),
  plannedCents: v.number(),
  confirmedCents: v.number(),
  leftCents: v.nullable(v.number()),
  over: v.picklist(['confirmed', 'planned', 'none']),
  plannedPerHeadCents: v.nullable(v.number()),
  confirmedPerHeadCents: v.nullable(v.number()),
})

const numbersJson = v.object({
  persons: v.number(),
  quantity: v.number(),
  costCents: v.number(),
  dietary: dietaryJson,
  notes: v.array(v.string()),
})

const numbers2Json = v.object({
  costCents: v.number(),
  persons: v.number(),
  quantity: v.number(),
  dietary: dietaryJson,
  notes: v.array(v.string()),
})

const contribution2Json = v.object({
  id: v.string(),
  createdAt: v.string(),
  description: v.string(),
  version: v.number(),
  orderId: v.string(),
  providerId: v.nullable(v.string()),
  quantity: v.nullable(v.number()),
  takenAt: v.nullable(v.string()),
  doneAt: v.nullable(v.string()),
  providerName: v.nullable(v.string()),
})

const everyoneJson = v.object({
  persons: v.number(),
  guests: v.number(),
  registrations: v.number(),
  company: v.number(),
  team: v.number(),
  speakers: v.number(),
  extra: v.number(),
  countedOnce: v.number(),
  dietary: dietaryJson,
  notes: v.array(v.string()),
})

const differenceJson = v.object({
  persons: v.number(),
  quantity: v.number(),
  costCents: v.number(),
  dietary: dietary2Json,
  notesAdded: v.array(v.string()),
  notesGone: v.array(v.string()),
})

/** An order as the team sees it: with its provider, item, place, numbers, cost, contributions and warnings. */
const teamOrderJson = v.object({
  provider: v.nullable(providerJson),
  item: v.nullable(item2Json),
  groupNames: v.array(v.string()),
  venue: v.nullable(venueJson),
  count: everyoneJson,
  numbers: numbersJson,
  costPerHeadCents: v.nullable(v.number()),
  sent: v.nullable(numbersJson),
  difference: v.nullable(differenceJson),
  contributions: v.array(contribution2Json),
  coverage: v.nullable(v.object({ covered: v.number(), of: v.number() })),
  next: v.array(orderStatusValue),
  warnings: v.array(warningValue),
  id: v.string(),
  visitId: v.string(),
  itemId: v.nullable(v.string()),
  kind: cateringKindValue,
  description: v.string(),
  providerId: v.nullable(v.string()),
  rule: ruleValue,
  amount: v.number(),
  unit: v.string(),
  unitCostCents: v.number(),
  extraPersons: v.number(),
  deadline: v.nullable(v.string()),
  reminderHours: v.number(),
  status: orderStatusValue,
  notes: v.string(),
  providerNote: v.string(),
  respondedAt: v.nullable(v.string()),
  declinedAt: v.nullable(v.string()),
  reminderSentAt: v.nullable(v.string()),
  sentAt: v.nullable(v.string()),
  sentNumbers: v.nullable(v.string()),
  version: v.number(),
  createdAt: v.string(),
  updatedAt: v.nullable(v.string()),
})

const difference2Json = v.object({
  costCents: v.number(),
  persons: v.number(),
  quantity: v.number(),
  dietary: dietary2Json,
  notesAdded: v.array(v.string()),
  notesGone: v.array(v.string()),
})

const orderJson = v.object({
  id: v.string(),
  kind: cateringKindValue,
  description: v.string(),
  status: orderStatusValue,
  version: v.number(),
  rule: ruleValue,
  amount: v.number(),
  unit: v.string(),
  deadline: v.nullable(v.string()),
  sentAt: v.nullable(v.string()),
  providerNote: v.string(),
  respondedAt: v.nullable(v.string()),
  mine: v.boolean(),
  item: v.nullable(item2Json),
  groupNames: v.array(v.string()),
  venue: v.nullable(venueJson),
  count: everyoneJson,
  numbers: numbers2Json,
  sent: v.nullable(numbers2Json),
  difference: v.nullable(difference2Json),
  contributions: v.array(contributionJson),
})

const teamCateringJson = v.object({
  visit: visitJson,
  budget: budgetJson,
  everyone: everyoneJson,
  orders: v.array(teamOrderJson),
  providers: v.array(providerJson),
  presence: v.array(presenceJson),
})

/** GET /visits/:visitId/catering 200 */
export const visitCateringResponse = v.pipe(
  v.union([teamCateringJson, v.object({ orders: v.array(orderJson) })]),
  v.metadata({ examples: [ex.visitCateringExample] }),
)

/** GET /catering/orders/:orderId 200; PATCH /catering/orders/:orderId 200; POST /visits/:visitId/catering/orders 201; POST /catering/orders/:orderId/status 200; POST /catering/orders/:orderId/answer 200; POST /catering/orders/:orderId/contributions 201 */
export const cateringOrderResponse = v.pipe(
  v.union([orderJson, teamOrderJson]),
  v.metadata({ examples: [ex.cateringOrderExample] }),
)

/** POST /catering/orders/:orderId/send 200 */
export const cateringOrderSendPostResponse = v.pipe(
  v.object({
    mailed: v.boolean(),
    order: v.union([orderJson, teamOrderJson]),
  }),
  v.metadata({ examples: [ex.cateringOrderSendPostExample] }),
)

/** PATCH /catering/contributions/:contributionId 200 */
export const cateringContributionPatchResponse = v.pipe(
  teamOrderJson,
  v.metadata({ examples: [ex.cateringContributionPatchExample] }),
)

/** POST /catering/contributions/:contributionId/action 200 */
export const cateringContributionActionPostResponse = v.pipe(
  v.object({ orders: v.array(orderJson) }),
  v.metadata({ examples: [ex.cateringContributionActionPostExample] }),
)

/** PATCH /catering/providers/:providerId 200; POST /visits/:visitId/catering/providers 201 */
export const cateringProviderPatchResponse = v.pipe(
  providerJson,
  v.metadata({ examples: [ex.cateringProviderPatchExample] }),
)

/** POST /catering/providers/:providerId/link 200 */
export const cateringProviderLinkPostResponse = v.pipe(
  v.union([v.object({ mailed: v.literal(true) }), v.object({ mailed: v.literal(false), link: v.string() })]),
  v.metadata({ examples: [ex.cateringProviderLinkPostExample] }),
)

/** PUT /visits/:visitId/catering/team 200 */
export const visitCateringTeamPutResponse = v.pipe(
  v.nullable(teamCateringJson),
  v.metadata({ examples: [ex.visitCateringTeamPutExample] }),
)
