import * as v from 'valibot'
import { languages } from '../../../shared/i18n'
import * as ex from './response-examples'

const rsvpStatusValue = v.picklist(['confirmed', 'waitlisted', 'cancelled'])

const confirmedJson = v.object({ registrations: v.number(), people: v.number() })

const placeJson = v.object({ venue: v.string(), when: v.string(), capacity: v.number(), members: v.number() })

/** POST /public/visits/:slug/rsvps 202 */
export const visitRsvpsPostResponse = v.pipe(
  v.object({ status: v.picklist(['check_mail', 'confirmed', 'waitlisted']) }),
  v.metadata({ examples: [ex.visitRsvpsPostExample] }),
)

/** GET /visits/:visitId/rsvps 200 */
export const visitRsvpsResponse = v.pipe(
  v.object({
    rsvps: v.union([
      v.array(
        v.object({
          id: v.string(),
          name: v.string(),
          partySize: v.number(),
          status: rsvpStatusValue,
          groupIds: v.array(v.string()),
          createdAt: v.string(),
        }),
      ),
      v.array(
        v.object({
          lang: v.picklist(languages),
          email: v.string(),
          name: v.string(),
          status: rsvpStatusValue,
          id: v.string(),
          createdAt: v.string(),
          version: v.number(),
          updatedAt: v.nullable(v.string()),
          partySize: v.number(),
          dietary: v.record(v.string(), v.number()),
          dietaryNotes: v.string(),
          accessNeeds: v.string(),
          groupIds: v.array(v.string()),
          notifyChanges: v.boolean(),
        }),
      ),
    ]),
  }),
  v.metadata({ examples: [ex.visitRsvpsExample] }),
)

/** GET /visits/:visitId/rsvp-totals 200 */
export const visitRsvpTotalsResponse = v.pipe(
  v.object({
    capacity: v.nullable(v.number()),
    limit: v.nullable(
      v.union([
        v.object({ limit: v.number(), place: v.null() }),
        v.object({ limit: v.number(), place: placeJson }),
      ]),
    ),
    groupLimits: v.array(
      v.union([
        v.object({ limit: v.number(), place: v.null(), group: v.string() }),
        v.object({ limit: v.number(), place: placeJson, group: v.string() }),
      ]),
    ),
    registrations: v.number(),
    byStatus: v.object({ confirmed: confirmedJson, waitlisted: confirmedJson, cancelled: confirmedJson }),
    byGroup: v.array(
      v.object({ registrations: v.number(), people: v.number(), id: v.string(), name: v.string() }),
    ),
    wholeCompany: confirmedJson,
    confirmedParties: v.number(),
    confirmedPeople: v.number(),
    waitlistedParties: v.number(),
    waitlistedPeople: v.number(),
    dietary: v.object({
      byOption: v.object({
        vegetarian: v.number(),
        vegan: v.number(),
        halal: v.number(),
        kosher: v.number(),
        gluten_free: v.number(),
        lactose_free: v.number(),
        nut_allergy: v.number(),
      }),
      notes: v.number(),
    }),
    accessNeedsCount: v.number(),
  }),
  v.metadata({ examples: [ex.visitRsvpTotalsExample] }),
)
