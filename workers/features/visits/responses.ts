import * as v from 'valibot'
import { itemKinds, legModes } from '../../../shared/domain/programme'
import { venueKinds, visitKinds, visitStatuses } from '../../../shared/domain/visits'
import * as ex from './response-examples'

const visitStatusValue = v.picklist(visitStatuses)

const visitKindValue = v.picklist(visitKinds)

const venueKindValue = v.picklist(venueKinds)

const venueJson = v.object({
  kind: venueKindValue,
  name: v.string(),
  id: v.string(),
  version: v.number(),
  address: v.string(),
  lat: v.nullable(v.number()),
  lng: v.nullable(v.number()),
  capacity: v.nullable(v.number()),
  stepFree: v.nullable(v.boolean()),
  toilet: v.nullable(v.boolean()),
  shelter: v.nullable(v.boolean()),
  notes: v.string(),
})

const venue2Json = v.object({
  hostName: v.string(),
  hostContact: v.string(),
  kind: venueKindValue,
  name: v.string(),
  id: v.string(),
  version: v.number(),
  address: v.string(),
  lat: v.nullable(v.number()),
  lng: v.nullable(v.number()),
  capacity: v.nullable(v.number()),
  stepFree: v.nullable(v.boolean()),
  toilet: v.nullable(v.boolean()),
  shelter: v.nullable(v.boolean()),
  notes: v.string(),
})

/** A visit as stored: what the team's lists and a new or duplicated visit answer. */
const visitRowJson = v.object({
  id: v.string(),
  teamId: v.string(),
  slug: v.string(),
  kind: visitKindValue,
  title: v.string(),
  description: v.string(),
  startDate: v.string(),
  endDate: v.string(),
  timeZone: v.string(),
  meetingPoint: v.string(),
  expectedGuests: v.nullable(v.number()),
  budgetCents: v.nullable(v.number()),
  walkingSpeedKmh: v.number(),
  status: visitStatusValue,
  listed: v.boolean(),
  rsvpCapacity: v.nullable(v.number()),
  version: v.number(),
  createdAt: v.string(),
  updatedAt: v.nullable(v.string()),
})

/** GET /teams/:teamId/visits 200 */
export const teamVisitsResponse = v.pipe(
  v.object({
    visits: v.array(visitRowJson),
  }),
  v.metadata({ examples: [ex.teamVisitsExample] }),
)

/** POST /teams/:teamId/visits 201; POST /visits/:visitId/duplicate 201 */
export const teamVisitsPostResponse = v.pipe(
  visitRowJson,
  v.metadata({ examples: [ex.teamVisitsPostExample] }),
)

/** GET /visits/:visitId 200 */
export const visitResponse = v.pipe(
  v.object({
    access: v.picklist(['organise', 'read', 'host', 'caterer']),
    visit: v.union([
      v.object({
        kind: visitKindValue,
        title: v.string(),
        status: visitStatusValue,
        id: v.string(),
        createdAt: v.string(),
        teamId: v.string(),
        slug: v.string(),
        description: v.string(),
        startDate: v.string(),
        endDate: v.string(),
        timeZone: v.string(),
        meetingPoint: v.string(),
        expectedGuests: v.nullable(v.number()),
        walkingSpeedKmh: v.number(),
        listed: v.boolean(),
        rsvpCapacity: v.nullable(v.number()),
        version: v.number(),
        updatedAt: v.nullable(v.string()),
      }),
      v.object({
        budgetCents: v.nullable(v.number()),
        kind: visitKindValue,
        title: v.string(),
        status: visitStatusValue,
        id: v.string(),
        createdAt: v.string(),
        teamId: v.string(),
        slug: v.string(),
        description: v.string(),
        startDate: v.string(),
        endDate: v.string(),
        timeZone: v.string(),
        meetingPoint: v.string(),
        expectedGuests: v.nullable(v.number()),
        walkingSpeedKmh: v.number(),
        listed: v.boolean(),
        rsvpCapacity: v.nullable(v.number()),
        version: v.number(),
        updatedAt: v.nullable(v.string()),
      }),
    ]),
    items: v.array(
      v.object({
        id: v.string(),
        visitId: v.string(),
        venueId: v.nullable(v.string()),
        kind: v.picklist(itemKinds),
        title: v.string(),
        description: v.string(),
        startsAt: v.string(),
        endsAt: v.string(),
        legMode: v.picklist(legModes),
        departurePlace: v.nullable(v.string()),
        arrivalPlace: v.nullable(v.string()),
        legDepartsAt: v.nullable(v.string()),
        legArrivesAt: v.nullable(v.string()),
        cancelled: v.boolean(),
        version: v.number(),
        createdAt: v.string(),
        expectedAttendance: v.nullable(v.number()),
      }),
    ),
    venues: v.array(v.union([venueJson, venue2Json])),
  }),
  v.metadata({ examples: [ex.visitExample] }),
)

/** PATCH /visits/:visitId 200 */
export const visitPatchResponse = v.pipe(
  v.object({
    kind: visitKindValue,
    title: v.string(),
    status: visitStatusValue,
    id: v.string(),
    createdAt: v.string(),
    teamId: v.string(),
    slug: v.string(),
    description: v.string(),
    startDate: v.string(),
    endDate: v.string(),
    timeZone: v.string(),
    meetingPoint: v.string(),
    expectedGuests: v.nullable(v.number()),
    budgetCents: v.nullable(v.number()),
    walkingSpeedKmh: v.number(),
    listed: v.boolean(),
    rsvpCapacity: v.nullable(v.number()),
    version: v.number(),
    updatedAt: v.nullable(v.string()),
  }),
  v.metadata({ examples: [ex.visitPatchExample] }),
)

/** POST /visits/:visitId/restore 200 */
export const visitRestorePostResponse = v.pipe(
  v.object({ status: visitStatusValue }),
  v.metadata({ examples: [ex.visitRestorePostExample] }),
)

/** POST /visits/:visitId/roles 201 */
export const visitRolesPostResponse = v.pipe(
  v.object({
    personId: v.string(),
    role: v.picklist(['host', 'caterer']),
    venueId: v.nullable(v.string()),
    isNew: v.boolean(),
  }),
  v.metadata({ examples: [ex.visitRolesPostExample] }),
)

/** PUT /visits/:visitId/venues/:venueId 200 */
export const visitVenuePutResponse = v.pipe(
  v.object({
    opensAt: v.nullable(v.string()),
    closesAt: v.nullable(v.string()),
    rainVenueId: v.nullable(v.string()),
    visitId: v.string(),
    venueId: v.string(),
  }),
  v.metadata({ examples: [ex.visitVenuePutExample] }),
)

/** GET /teams/:teamId/venues 200 */
export const teamVenuesResponse = v.pipe(
  v.object({ venues: v.array(v.union([venueJson, venue2Json])) }),
  v.metadata({ examples: [ex.teamVenuesExample] }),
)

/** GET /venues/:venueId 200; PATCH /venues/:venueId 200; POST /teams/:teamId/venues 201 */
export const venueResponse = v.pipe(
  v.union([venueJson, venue2Json]),
  v.metadata({ examples: [ex.venueExample] }),
)

/** GET /visits/:visitId/share-links 200 */
export const visitShareLinksResponse = v.pipe(
  v.object({ links: v.array(v.object({ id: v.string(), label: v.string(), createdAt: v.string() })) }),
  v.metadata({ examples: [ex.visitShareLinksExample] }),
)

/** POST /visits/:visitId/share-links 201 */
export const visitShareLinksPostResponse = v.pipe(
  v.object({ id: v.string(), label: v.string(), url: v.string() }),
  v.metadata({ examples: [ex.visitShareLinksPostExample] }),
)

/** POST /teams/:teamId/host-signup-link 201 */
export const teamHostSignupLinkPostResponse = v.pipe(
  v.object({ url: v.string() }),
  v.metadata({ examples: [ex.teamHostSignupLinkPostExample] }),
)

/** GET /teams/:teamId/host-offers 200 */
export const teamHostOffersResponse = v.pipe(
  v.object({
    offers: v.array(
      v.object({
        id: v.string(),
        teamId: v.string(),
        status: v.picklist(['accepted', 'declined', 'pending']),
        hostName: v.string(),
        hostEmail: v.string(),
        hostPhone: v.string(),
        venueName: v.string(),
        venueKind: venueKindValue,
        address: v.string(),
        lat: v.nullable(v.number()),
        lng: v.nullable(v.number()),
        capacity: v.nullable(v.number()),
        stepFree: v.nullable(v.boolean()),
        toilet: v.nullable(v.boolean()),
        shelter: v.nullable(v.boolean()),
        notes: v.string(),
        venueId: v.nullable(v.string()),
        decidedAt: v.nullable(v.string()),
        createdAt: v.string(),
      }),
    ),
  }),
  v.metadata({ examples: [ex.teamHostOffersExample] }),
)

/** POST /host-offers/:offerId/accept 200 */
export const hostOfferAcceptPostResponse = v.pipe(
  v.object({ venueId: v.string() }),
  v.metadata({ examples: [ex.hostOfferAcceptPostExample] }),
)
