/** The words of a visit that the tables, schemas and views share. */

/** The kinds of visit: the city executive touring a neighbourhood, a delegation visiting another city. */
export const visitKinds = ['college_visit', 'delegation_tour', 'other'] as const

/** A visit is drafted, published (its schedule public once released), then archived. */
export const visitStatuses = ['draft', 'published', 'archived'] as const

/** The kinds of venue, most often a resident's garden opened as a host venue. */
export const venueKinds = ['garden', 'community_centre', 'street', 'bus', 'other'] as const
