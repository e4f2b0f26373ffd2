import * as v from 'valibot'
import * as ex from './response-examples'

const linkJson = v.object({ url: v.string(), title: v.optional(v.string()) })

const fieldValue = v.picklist(['talks', 'kind', 'title', 'description', 'groups'])

const roomJson = v.object({
  name: v.string(),
  slug: v.string(),
  guid: v.string(),
  description: v.nullable(v.string()),
})

const addedChangeJson = v.object({
  itemId: v.string(),
  title: v.string(),
  start: v.number(),
  end: v.number(),
  groupIds: v.array(v.string()),
  kind: v.literal('new'),
  venueName: v.nullable(v.string()),
})

const reinstatedChangeJson = v.object({
  itemId: v.string(),
  title: v.string(),
  start: v.number(),
  end: v.number(),
  groupIds: v.array(v.string()),
  kind: v.literal('reinstated'),
  venueName: v.nullable(v.string()),
  previousGroupIds: v.array(v.string()),
})

const cancelledChangeJson = v.object({
  itemId: v.string(),
  title: v.string(),
  start: v.number(),
  end: v.number(),
  groupIds: v.array(v.string()),
  kind: v.literal('cancelled'),
  reason: v.picklist(['cancelled', 'removed']),
  previousGroupIds: v.array(v.string()),
})

const movedChangeJson = v.object({
  itemId: v.string(),
  title: v.string(),
  start: v.number(),
  end: v.number(),
  groupIds: v.array(v.string()),
  kind: v.literal('moved'),
  previousStart: v.number(),
  previousEnd: v.number(),
  previousGroupIds: v.array(v.string()),
})

const editedChangeJson = v.object({
  itemId: v.string(),
  title: v.string(),
  start: v.number(),
  end: v.number(),
  groupIds: v.array(v.string()),
  kind: v.literal('changed'),
  fields: v.array(fieldValue),
  previousTitle: v.string(),
  previousGroupIds: v.array(v.string()),
})

const venueChangeJson = v.object({
  itemId: v.string(),
  title: v.string(),
  start: v.number(),
  end: v.number(),
  groupIds: v.array(v.string()),
  kind: v.literal('venue_changed'),
  previousVenueId: v.nullable(v.string()),
  previousVenueName: v.nullable(v.string()),
  venueId: v.nullable(v.string()),
  venueName: v.nullable(v.string()),
  previousGroupIds: v.array(v.string()),
})

/** One change of a release, by its `kind`. */
const releaseChangeJson = v.variant('kind', [
  addedChangeJson,
  reinstatedChangeJson,
  cancelledChangeJson,
  movedChangeJson,
  venueChangeJson,
  editedChangeJson,
])

/** GET /visits/:visitId/releases 200 */
export const visitReleasesResponse = v.pipe(
  v.object({
    releases: v.array(
      v.object({
        changes: v.array(releaseChangeJson),
        id: v.string(),
        visitId: v.string(),
        number: v.number(),
        name: v.string(),
        publishedBy: v.nullable(v.string()),
        publishedAt: v.string(),
      }),
    ),
  }),
  v.metadata({ examples: [ex.visitReleasesExample] }),
)

/** POST /visits/:visitId/releases 201 */
export const visitReleasesPostResponse = v.pipe(
  v.object({
    id: v.string(),
    number: v.number(),
    name: v.string(),
    publishedAt: v.string(),
    changes: v.array(releaseChangeJson),
  }),
  v.metadata({ examples: [ex.visitReleasesPostExample] }),
)

/** GET /visits/:visitId/pending-changes 200 */
export const visitPendingChangesResponse = v.pipe(
  v.object({ changes: v.array(releaseChangeJson) }),
  v.metadata({ examples: [ex.visitPendingChangesExample] }),
)

/** GET /releases/:releaseId 200 */
export const releaseResponse = v.pipe(
  v.object({
    snapshot: v.object({
      visit: v.object({
        id: v.string(),
        slug: v.string(),
        title: v.string(),
        kind: v.string(),
        description: v.string(),
        meetingPoint: v.string(),
        timeZone: v.string(),
        startDate: v.string(),
        endDate: v.string(),
        walkingSpeedKmh: v.number(),
      }),
      venues: v.array(
        v.object({
          id: v.string(),
          name: v.string(),
          kind: v.string(),
          address: v.string(),
          lat: v.nullable(v.number()),
          lng: v.nullable(v.number()),
          capacity: v.nullable(v.number()),
          stepFree: v.nullable(v.boolean()),
          toilet: v.nullable(v.boolean()),
          shelter: v.nullable(v.boolean()),
          notes: v.string(),
          rainVenueId: v.nullable(v.string()),
        }),
      ),
      groups: v.array(v.object({ id: v.string(), name: v.string() })),
      items: v.array(
        v.object({
          id: v.string(),
          title: v.string(),
          kind: v.string(),
          start: v.number(),
          end: v.number(),
          venueId: v.nullable(v.string()),
          venueName: v.nullable(v.string()),
          groupIds: v.array(v.string()),
          cancelled: v.boolean(),
          description: v.string(),
          talkIds: v.optional(v.array(v.string())),
          legMode: v.string(),
          departurePlace: v.nullable(v.string()),
          arrivalPlace: v.nullable(v.string()),
          sequence: v.number(),
          speakers: v.array(v.object({ id: v.string(), name: v.string() })),
        }),
      ),
      itemParts: v.optional(v.number()),
    }),
    changes: v.array(releaseChangeJson),
    number: v.number(),
    name: v.string(),
    id: v.string(),
    visitId: v.string(),
    publishedBy: v.nullable(v.string()),
    publishedAt: v.string(),
  }),
  v.metadata({ examples: [ex.releaseExample] }),
)

/** GET /:slug/schedule.json 200 */
export const scheduleJsonResponse = v.pipe(
  v.object({
    $schema: v.string(),
    generator: v.object({ name: v.string() }),
    schedule: v.object({
      version: v.string(),
      base_url: v.string(),
      conference: v.object({
        acronym: v.string(),
        title: v.string(),
        description: v.optional(v.string()),
        start: v.string(),
        end: v.string(),
        daysCount: v.number(),
        timeslot_duration: v.string(),
        time_zone_name: v.optional(v.string()),
        url: v.string(),
        tracks: v.array(v.object({ name: v.string(), slug: v.string() })),
        rooms: v.array(roomJson),
        days: v.array(
          v.object({
            index: v.number(),
            date: v.string(),
            day_start: v.string(),
            day_end: v.string(),
            rooms: v.record(
              v.string(),
              v.array(
                v.object({
                  id: v.number(),
                  guid: v.string(),
                  date: v.string(),
                  start: v.string(),
                  end: v.string(),
                  duration: v.string(),
                  room: v.string(),
                  slug: v.string(),
                  url: v.string(),
                  title: v.string(),
                  subtitle: v.string(),
                  track: v.string(),
                  type: v.string(),
                  language: v.string(),
                  abstract: v.string(),
                  description: v.nullable(v.string()),
                  persons: v.array(v.object({ id: v.number(), guid: v.string(), public_name: v.string() })),
                  links: v.array(linkJson),
                  attachments: v.array(linkJson),
                }),
              ),
            ),
          }),
        ),
      }),
    }),
  }),
  v.metadata({ examples: [ex.scheduleJsonExample] }),
)

/** GET /:slug/schedule.v2.json 200 */
export const scheduleV2JsonResponse = v.pipe(
  v.object({
    $schema: v.string(),
    generator: v.object({ name: v.string() }),
    schedule: v.object({
      version: v.string(),
      base_url: v.string(),
      conference: v.object({
        acronym: v.string(),
        title: v.string(),
        description: v.optional(v.string()),
        start: v.string(),
        end: v.string(),
        timeslot_duration: v.string(),
        time_zone_name: v.optional(v.string()),
        url: v.string(),
        tracks: v.array(v.object({ name: v.string(), slug: v.string() })),
        rooms: v.array(roomJson),
        days: v.array(v.object({ index: v.number(), date: v.string(), start: v.string(), end: v.string() })),
      }),
      events: v.array(
        v.object({
          guid: v.string(),
          start: v.string(),
          end: v.string(),
          room: v.object({ name: v.string(), slug: v.string(), guid: v.string() }),
          slug: v.string(),
          url: v.string(),
          title: v.string(),
          subtitle: v.string(),
          track: v.object({ slug: v.string() }),
          type: v.picklist(['TALK', 'DISCUSSION', 'OTHER']),
          language: v.string(),
          abstract: v.string(),
          description: v.nullable(v.string()),
          participants: v.array(v.object({ guid: v.string(), name: v.string(), role: v.literal('SPEAKER') })),
          links: v.array(linkJson),
          attachments: v.array(linkJson),
          state: v.literal('CONFIRMED'),
        }),
      ),
    }),
  }),
  v.metadata({ examples: [ex.scheduleV2JsonExample] }),
)
