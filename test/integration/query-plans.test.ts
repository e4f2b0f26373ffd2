import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { loadDemoData } from '../../workers/dev/demo-load'
import { loadCatering } from '../../workers/features/catering/queries'
import {
  clashListAnswer,
  clashListPlan,
  editorDayPlan,
  programmeDay,
} from '../../workers/features/programme/editor-reads'
import { writeThenItemClashes } from '../../workers/features/programme/item-clashes'
import { updateItem } from '../../workers/features/programme/programme'
import { loadProgramme } from '../../workers/features/programme/queries'
import { createRsvp, rsvpForm } from '../../workers/features/rsvps/rsvps'
import {
  getPublishedHead,
  getReleaseSnapshot,
  listPublishedVisits,
} from '../../workers/features/visits/queries'
import { resolveSession } from '../../workers/platform/auth/session'
import { readConfig } from '../../workers/platform/config'
import { openDatabase } from '../../workers/platform/db/database'
import { db } from './helpers'
import { makeWorld } from './world'

type Query = { sql: string; params: unknown[] }

/** A D1 binding that records every statement sent, so the real data functions show their SQL. */
function recordingDb(queries: Query[]) {
  const inner = (env.DB as unknown as { fetcher: Fetcher }).fetcher
  const D1 = (env.DB as unknown as { constructor: new (f: unknown) => D1Database }).constructor
  const fetcher = {
    async fetch(input: RequestInfo | URL, init?: RequestInit) {
      const body = JSON.parse(String(init?.body ?? '{}')) as Query | Query[]
      for (const q of Array.isArray(body) ? body : [body])
        if (q.sql) queries.push({ sql: q.sql, params: q.params ?? [] })
      return inner.fetch(input as never, init as never)
    },
  }
  return openDatabase(new D1(fetcher))
}

/**
 * The lines of SQLite's plan that read a whole table (a SCAN without an index). A scan of a subquery's own
 * rows (`from (select … group by …) as shapes`) reads no table and is not one.
 */
async function fullScans(q: Query) {
  const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${q.sql}`)
    .bind(...q.params)
    .all<{ detail: string }>()
  const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all<{
    name: string
  }>()
  const isTable = new Set(tables.results.map((t) => t.name))
  return plan.results
    .map((r) => r.detail)
    .filter((d) => /^SCAN \S+$/.test(d) || /^SCAN \S+ \(/.test(d))
    .filter((d) => isTable.has(d.split(' ')[1] ?? ''))
}

describe('hot queries use indexes (no full table scans)', () => {
  it('public schedule, session lookup, programme editor, home page and a registration', async () => {
    await loadDemoData(db)
    const w = await makeWorld()
    const queries: Query[] = []
    const recorded = recordingDb(queries)
    const head = await getPublishedHead(recorded, 'collegebezoek-vreewijk-2017')
    await getReleaseSnapshot(recorded, head!.releaseId)
    const signedIn = await resolveSession(recorded, w.person.organiser.cookie.split('=')[1]!, new Date())
    await loadProgramme(recorded, w.visitA)
    await loadProgramme(recorded, w.visitA, 'plan')
    // The editor's day and the clash list: checked and stored (a miss), then read as stored.
    await programmeDay(recorded, signedIn!.actor, editorDayPlan(w.visitA, undefined, new Date(), 'nl'))
    await programmeDay(recorded, signedIn!.actor, editorDayPlan(w.visitA, '2027-06-12', new Date(), 'en'))
    await clashListAnswer(recorded, signedIn!.actor, clashListPlan(w.visitA))
    // An item saved through the API: the item with its visit, then the change with what can clash with it.
    const organiser = signedIn!.actor as Parameters<typeof updateItem>[1]
    const change = { version: 1, title: 'Welkom', groupIds: [w.groupA], venueId: w.venueA2 }
    await updateItem(recorded, organiser, w.itemA1, change, new Date(), writeThenItemClashes)
    await listPublishedVisits(recorded)
    // A registration: the form's figures, then the capacity check and insert.
    await rsvpForm(recorded, w.slugA)
    const guest = {
      name: 'Anna',
      email: `plan-${w.teamA.slice(0, 8)}@example.nl`,
      partySize: 2,
      dietary: {},
      dietaryNotes: '',
      accessNeeds: '',
      groupIds: [],
    }
    const config = readConfig(env as unknown as Cloudflare.Env)
    expect(await createRsvp(recorded, config, w.slugA, guest, 'nl', new Date())).toBe('confirmed')
    // The catering page's one round trip, named by the visit and by a provider's link.
    await loadCatering(recorded, { visitId: 'demo-visit-vreewijk' })
    await loadCatering(recorded, { tokenHash: 'no-such-link' })
    expect(queries.length).toBeGreaterThanOrEqual(25)
    const problems: string[] = []
    for (const q of queries) {
      for (const scan of await fullScans(q)) problems.push(`${scan}  ←  ${q.sql}`)
    }
    expect(problems).toEqual([])
    // Sanity: the plan check itself sees a full scan where there is one.
    expect(await fullScans({ sql: 'select * from audit_log where summary = ?', params: ['x'] })).toEqual([
      'SCAN audit_log',
    ])
  })
})
