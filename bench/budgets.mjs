// The performance budget of issue 7, in one place: `npm run bench` checks every figure here and exits
// non-zero when one is broken. Change a number only together with the reason in the README.

/** Programme items in the benchmark's visit; the public rows-read budget grows with it. */
export const ITEMS = 300

const publicRead = { d1Queries: 2, rowsRead: 2 * ITEMS + 50, cpuMs: 3 }
/**
 * A public page rendered afresh (the edge copy missed: a new release, another data centre or language) must
 * still fit the free plan's 10 ms of CPU, or that reader gets an error instead of the programme.
 */
const publicMiss = { ...publicRead, cpuMs: 10 }
const organiser = { d1Queries: 3, cpuMs: 8 }

/**
 * Per case: most D1 round trips (Server-Timing d1-queries), most rows read, most CPU milliseconds of workerd
 * per request. A case without a limit for a figure only reports it. Any non-2xx answer fails a case.
 */
export const caseBudgets = {
  schedulePage: publicRead,
  scheduleIcs: publicRead,
  scheduleJson: publicRead,
  schedulePageMiss: publicMiss,
  scheduleIcsMiss: publicMiss,
  scheduleJsonMiss: publicMiss,
  programmePage: organiser,
  clashes: organiser,
  // Issue 10: the catering overview of the 1,000-registration visit.
  cateringPage: { d1Queries: 3, cpuMs: 5 },
  rsvpPost: { d1Queries: 2 },
  // Issue 11: the public gallery of 200 photos, read like the schedule (its cold miss counts for D1).
  galleryPage: { d1Queries: 2, cpuMs: 3 },
}

/**
 * Issue 11: a 100 MB photo sent in parts through the photos API must not grow the resident memory of the
 * workerd that runs the Worker by 32 MB or more over its size before (a Worker has 128 MB; it streams).
 */
export const uploadRssGrowthBytes = 32 * 1024 * 1024

/** The Worker bundle (the main module of `wrangler deploy --dry-run`), gzip-compressed. */
export const bundleGzipBytes = 1024 * 1024
