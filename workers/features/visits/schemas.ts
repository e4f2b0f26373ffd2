import * as v from 'valibot'
import {
  isRealDate,
  isVisitYear,
  MAX_VISIT_DAYS,
  venueKinds,
  visitDays,
  visitKinds,
} from '../../../shared/domain/visits'
import {
  countSchema,
  emailSchema,
  idSchema,
  lineSchema,
  localDateSchema,
  localTimeSchema,
  msg,
  slugSchema,
  textSchema,
  timeZoneSchema,
  versionSchema,
} from '../../../shared/schemas/common'

// Talks still reads these two from here; they live in shared/schemas/common.ts now.
export { localDateSchema, localTimeSchema } from '../../../shared/schemas/common'

/** A slug as people type it: trimmed and lower-cased before it is checked. */
const slugInput = v.pipe(v.string(msg.required), v.trim(), v.toLowerCase(), slugSchema)

/** A visit's date: a real date, in the years a visit may fall in (9999-12-31 broke every export). */
const visitDate = v.pipe(localDateSchema, v.check(isVisitYear, msg.key('visitYear')))

const visitFields = {
  kind: v.picklist(visitKinds, msg.invalid),
  title: lineSchema(200),
  slug: v.optional(slugInput),
  startDate: visitDate,
  endDate: visitDate,
  timeZone: v.optional(timeZoneSchema, 'Europe/Amsterdam'),
  description: v.optional(textSchema(5000), ''),
  meetingPoint: v.optional(textSchema(300), ''),
  expectedGuests: v.optional(v.nullable(countSchema(100_000)), null),
  budgetCents: v.optional(v.nullable(countSchema(100_000_000)), null),
  walkingSpeedKmh: v.optional(
    v.pipe(v.number(msg.invalid), v.minValue(1, msg.invalid), v.maxValue(10, msg.invalid)),
    4.5,
  ),
  listed: v.optional(v.boolean(msg.invalid), true),
  rsvpCapacity: v.optional(v.nullable(countSchema(100_000)), null),
}

/** Creating a visit. */
export const visitCreateSchema = v.pipe(
  v.strictObject(visitFields),
  v.forward(
    v.partialCheck([['startDate'], ['endDate']], (x) => x.endDate >= x.startDate, msg.key('endBeforeStart')),
    ['endDate'],
  ),
  v.forward(
    v.partialCheck(
      [['startDate'], ['endDate']],
      // Only once both are real dates: a date that does not exist is reported at its own field.
      (x) =>
        !(isRealDate(x.startDate) && isRealDate(x.endDate)) ||
        visitDays(x.startDate, x.endDate) <= MAX_VISIT_DAYS,
      msg.key(`visitTooLong:${MAX_VISIT_DAYS}`),
    ),
    ['endDate'],
  ),
)

/** Changing a visit: any fields, with the version it was based on. Dates in order is checked on the result. */
export const visitUpdateSchema = v.strictObject({
  ...v.partial(v.strictObject(visitFields)).entries,
  version: versionSchema,
})

/** Duplicating a visit as a template for the next one: a new title, slug and first date. */
export const visitDuplicateSchema = v.strictObject({
  title: lineSchema(200),
  slug: v.optional(slugInput),
  startDate: visitDate,
})

const latitude = v.pipe(
  v.number(msg.invalid),
  v.minValue(-90, msg.key('latitude')),
  v.maxValue(90, msg.key('latitude')),
)
const longitude = v.pipe(
  v.number(msg.invalid),
  v.minValue(-180, msg.key('longitude')),
  v.maxValue(180, msg.key('longitude')),
)

const venueFields = {
  name: lineSchema(120),
  kind: v.picklist(venueKinds, msg.invalid),
  address: v.optional(textSchema(300), ''),
  lat: v.optional(v.nullable(latitude), null),
  lng: v.optional(v.nullable(longitude), null),
  capacity: v.optional(v.nullable(countSchema(100_000)), null),
  stepFree: v.optional(v.nullable(v.boolean(msg.invalid)), null),
  toilet: v.optional(v.nullable(v.boolean(msg.invalid)), null),
  shelter: v.optional(v.nullable(v.boolean(msg.invalid)), null),
  notes: v.optional(textSchema(2000), ''),
  hostName: v.optional(textSchema(120), ''),
  hostContact: v.optional(textSchema(200), ''),
}

/** Creating a venue of the team. Coordinates come as a pair or not at all. */
export const venueCreateSchema = v.pipe(
  v.strictObject(venueFields),
  v.forward(
    v.partialCheck([['lat'], ['lng']], (x) => (x.lat == null) === (x.lng == null), msg.key('coordinates')),
    ['lng'],
  ),
)

/** A partial change to a venue, with the version it was based on (lost updates answer 409). */
export const venueUpdateSchema = v.strictObject({
  ...v.partial(v.strictObject(venueFields)).entries,
  version: versionSchema,
})

/** A venue as used by one visit: its opening window (local times on a visit day) and rain alternative. */
export const visitVenueSchema = v.pipe(
  v.strictObject({
    opensDate: v.optional(v.nullable(localDateSchema), null),
    opensAt: v.optional(v.nullable(localTimeSchema), null),
    closesAt: v.optional(v.nullable(localTimeSchema), null),
    rainVenueId: v.optional(v.nullable(idSchema), null),
  }),
  v.forward(
    v.check((x) => !x.opensAt || !x.closesAt || x.closesAt > x.opensAt, msg.key('endBeforeStart')),
    ['closesAt'],
  ),
)

/** A resident offering their garden or space through the team's host sign-up link. */
export const hostOfferSchema = v.pipe(
  v.strictObject({
    hostName: lineSchema(120),
    hostEmail: emailSchema,
    hostPhone: v.optional(textSchema(40), ''),
    venueName: lineSchema(120),
    venueKind: v.picklist(venueKinds, msg.invalid),
    address: lineSchema(300),
    lat: v.optional(v.nullable(latitude), null),
    lng: v.optional(v.nullable(longitude), null),
    capacity: v.optional(v.nullable(countSchema(100_000)), null),
    stepFree: v.optional(v.nullable(v.boolean(msg.invalid)), null),
    toilet: v.optional(v.nullable(v.boolean(msg.invalid)), null),
    shelter: v.optional(v.nullable(v.boolean(msg.invalid)), null),
    notes: v.optional(textSchema(2000), ''),
  }),
  v.forward(
    v.partialCheck([['lat'], ['lng']], (x) => (x.lat == null) === (x.lng == null), msg.key('coordinates')),
    ['lng'],
  ),
)

/** Accepting an offer: the venue is made and the resident becomes its host for this visit. */
export const hostOfferDecisionSchema = v.strictObject({ visitId: idSchema })

/** A share link for an unlisted visit, with a label saying who it is for. */
export const shareLinkSchema = v.strictObject({ label: v.optional(textSchema(80), '') })
