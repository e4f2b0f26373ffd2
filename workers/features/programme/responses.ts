import * as v from 'valibot'
import { clashKinds } from '../../../shared/domain/clashes'
import { itemKinds, legModes, participantFunctions } from '../../../shared/domain/programme'
import { venueKinds } from '../../../shared/domain/visits'
import * as ex from './response-examples'

const legModeValue = v.picklist(legModes)

const itemKindValue = v.picklist(itemKinds)

const functionValue = v.picklist(participantFunctions)

const clashKindValue = v.picklist(clashKinds)

const participantJson = v.object({
  function: functionValue,
  name: v.string(),
  organisation: v.string(),
  id: v.string(),
  createdAt: v.string(),
  version: v.number(),
  visitId: v.string(),
  groupId: v.nullable(v.string()),
})

const clashCountsJson = v.object({
  venue_double_booked: v.number(),
  group_double_booked: v.number(),
  speaker_double_booked: v.number(),
  walk_too_long: v.number(),
  leg_off_timetable: v.number(),
  over_capacity: v.number(),
  outside_opening_window: v.number(),
  outside_speaker_availability: v.number(),
  outside_visit_dates: v.number(),
})

const participant2Json = v.object({
  contact: v.string(),
  dietaryNeeds: v.string(),
  function: functionValue,
  name: v.string(),
  organisation: v.string(),
  id: v.string(),
  createdAt: v.string(),
  version: v.number(),
  visitId: v.string(),
  groupId: v.nullable(v.string()),
})

const clashJson = v.object({
  kind: clashKindValue,
  itemIds: v.array(v.string()),
  talkIds: v.optional(v.array(v.string())),
  speakerIds: v.optional(v.array(v.string())),
  venueIds: v.optional(v.array(v.string())),
  groupIds: v.optional(v.array(v.string())),
  message: v.object({ nl: v.string(), en: v.string() }),
  details: v.record(v.string(), v.number()),
})

const itemJson = v.object({
  groupIds: v.array(v.string()),
  id: v.string(),
  visitId: v.string(),
  venueId: v.nullable(v.string()),
  kind: itemKindValue,
  title: v.string(),
  description: v.string(),
  startsAt: v.string(),
  endsAt: v.string(),
  legMode: legModeValue,
  departurePlace: v.nullable(v.string()),
  arrivalPlace: v.nullable(v.string()),
  legDepartsAt: v.nullable(v.string()),
  legArrivesAt: v.nullable(v.string()),
  cancelled: v.boolean(),
  version: v.number(),
  createdAt: v.string(),
  expectedAttendance: v.nullable(v.number()),
})

/** GET /visits/:visitId/programme 200 */
export const visitProgrammeResponse = v.pipe(
  v.object({
    visit: v.object({ id: v.string(), title: v.string(), timeZone: v.string(), version: v.number() }),
    items: v.array(itemJson),
    groups: v.array(
      v.object({
        size: v.nullable(v.number()),
        id: v.string(),
        visitId: v.string(),
        name: v.string(),
        position: v.number(),
      }),
    ),
    venues: v.array(
      v.object({
        id: v.string(),
        teamId: v.string(),
        name: v.string(),
        kind: v.picklist(venueKinds),
        address: v.string(),
        lat: v.nullable(v.number()),
        lng: v.nullable(v.number()),
        capacity: v.nullable(v.number()),
        stepFree: v.nullable(v.boolean()),
        toilet: v.nullable(v.boolean()),
        shelter: v.nullable(v.boolean()),
        notes: v.string(),
        version: v.number(),
        createdAt: v.string(),
      }),
    ),
    visitVenues: v.array(
      v.object({
        visitId: v.string(),
        venueId: v.string(),
        opensAt: v.nullable(v.string()),
        closesAt: v.nullable(v.string()),
        rainVenueId: v.nullable(v.string()),
      }),
    ),
    releases: v.array(
      v.object({ id: v.string(), number: v.number(), name: v.string(), publishedAt: v.string() }),
    ),
    clashes: v.array(clashJson),
    clashCounts: clashCountsJson,
  }),
  v.metadata({ examples: [ex.visitProgrammeExample] }),
)

/** GET /items/:itemId 200; PATCH /items/:itemId 200; POST /visits/:visitId/items 201 */
export const itemResponse = v.pipe(
  v.object({ item: itemJson, clashes: v.array(clashJson) }),
  v.metadata({ examples: [ex.itemExample] }),
)

/** POST /visits/:visitId/running-late 200 */
export const visitRunningLatePostResponse = v.pipe(
  v.object({
    moved: v.array(v.string()),
    slotsMoved: v.number(),
    speakersMailed: v.number(),
    published: v.nullable(v.object({ number: v.number() })),
    guestsSeeShift: v.string(),
  }),
  v.metadata({ examples: [ex.visitRunningLatePostExample] }),
)

/** PATCH /groups/:groupId 200; POST /visits/:visitId/groups 201 */
export const groupPatchResponse = v.pipe(
  v.object({ name: v.string(), position: v.number(), id: v.string(), visitId: v.string() }),
  v.metadata({ examples: [ex.groupPatchExample] }),
)

/** GET /visits/:visitId/participants 200 */
export const visitParticipantsResponse = v.pipe(
  v.object({ participants: v.array(v.union([participantJson, participant2Json])) }),
  v.metadata({ examples: [ex.visitParticipantsExample] }),
)

/** POST /visits/:visitId/participants 201; PATCH /participants/:participantId 200 */
export const visitParticipantsPostResponse = v.pipe(
  v.union([participantJson, participant2Json]),
  v.metadata({ examples: [ex.visitParticipantsPostExample] }),
)

/** GET /visits/:visitId/clashes 200 */
export const visitClashesResponse = v.pipe(
  v.object({
    clashes: v.array(
      v.object({
        kind: clashKindValue,
        itemIds: v.array(v.string()),
        talkIds: v.optional(v.array(v.string())),
        speakerIds: v.optional(v.array(v.string())),
        venueIds: v.optional(v.array(v.string())),
        groupIds: v.optional(v.array(v.string())),
        message: v.object({ nl: v.string(), en: v.string() }),
        details: v.record(v.string(), v.number()),
        day: v.string(),
        titles: v.array(v.string()),
      }),
    ),
    counts: clashCountsJson,
  }),
  v.metadata({ examples: [ex.visitClashesExample] }),
)
