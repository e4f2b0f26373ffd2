// The performance budget, in one place: `npm run bench` checks every figure here at each size of the visit
// and exits non-zero when one is broken. Change a number only together with the reason in the README.

/**
 * Issue 19, per size of the visit (programme items): a public answer from the edge cache ≤ 1 ms of CPU; one
 * not in the edge cache only streams what was made at publish or first demand (≤ 3 ms at 300 items, ≤ 10 ms
 * at 3,000, the free plan's limit); the editor's day and the clash list ≤ 4 / ≤ 10 ms; publishing ≤ 10 ms at
 * 300 items (at 3,000 it must work: no limit); saving an item ≤ 3 D1 round trips at any size.
 */
export function budgetsFor(items) {
  const large = items > 300
  const publicRead = { d1Queries: 2, rowsRead: 2 * items + 50, cpuMs: 1 }
  const publicMiss = { ...publicRead, cpuMs: large ? 10 : 3 }
  const organiser = { d1Queries: 3, cpuMs: large ? 10 : 4 }
  return {
    schedulePage: publicRead,
    scheduleIcs: publicRead,
    scheduleJson: publicRead,
    schedulePageMiss: publicMiss,
    scheduleIcsMiss: publicMiss,
    scheduleJsonMiss: publicMiss,
    programmePage: organiser,
    clashes: organiser,
    itemSave: { d1Queries: 3 },
    publish: large ? {} : { cpuMs: 10 },
    // Issue 10: the catering overview of the 1,000-registration visit.
    cateringPage: { d1Queries: 3, cpuMs: 5 },
    rsvpPost: { d1Queries: 2 },
    // Issue 11: the public gallery of 200 photos, read like the schedule (its cold miss counts for D1).
    galleryPage: { d1Queries: 2, cpuMs: 3 },
    // Issue 12: the public report (20 photos, 50 comments) and the news Atom feed: ≤ 2 D1 round trips and
    // ≤ 3 ms CPU when not in the edge cache; from the edge as cheap as the schedule.
    reportPage: { d1Queries: 2, cpuMs: 1 },
    reportPageMiss: { d1Queries: 2, cpuMs: 3 },
    newsFeed: { d1Queries: 2, cpuMs: 1 },
    newsFeedMiss: { d1Queries: 2, cpuMs: 3 },
  }
}

/**
 * Issue 11: a 100 MB photo sent in parts through the photos API must not grow the resident memory of the
 * workerd that runs the Worker by 32 MB or more over its size before (a Worker has 128 MB; it streams).
 */
export const uploadRssGrowthBytes = 32 * 1024 * 1024

/** Issue 19: what one request of any audience loads of the deployed build (bench/bundle-size.mjs), gzip-compressed. */
export const bundleGzipBytes = 200 * 1024
