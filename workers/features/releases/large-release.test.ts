import { SELF } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { releaseParts, releases, reports } from '../../../shared/db/schema'
import { PART_CHARS, type ReleaseItem, type ReleaseSnapshot } from '../../../shared/domain/release-snapshot'
import { api, db, freshClient, url } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'
import { snapshotValues } from './stored'

const item = (
  id: string,
  title: string,
  venueId: string | null,
  hour: number,
  description = '',
): ReleaseItem => ({
  id,
  title,
  kind: 'talk',
  start: Date.parse(`2027-06-12T${String(hour).padStart(2, '0')}:00:00Z`),
  end: Date.parse(`2027-06-12T${String(hour).padStart(2, '0')}:45:00Z`),
  venueId,
  venueName: null,
  groupIds: [],
  cancelled: false,
  description,
  legMode: 'walk',
  departurePlace: null,
  arrivalPlace: null,
  sequence: 0,
  speakers: [],
})

/**
 * The world's release made large enough to be stored in parts (its items beside the row, in release_parts):
 * a kitchen of 3 places where everyone goes at 10:00, and 45 sessions with long descriptions after it.
 */
async function largeRelease(w: World) {
  const [row] = await db.select().from(releases).where(eq(releases.id, w.releaseA))
  const snapshot = JSON.parse(row!.snapshot) as ReleaseSnapshot
  snapshot.venues = [
    {
      id: w.venueA2,
      name: 'Keuken',
      kind: 'garden',
      address: '',
      lat: null,
      lng: null,
      capacity: 3,
      stepFree: null,
      toilet: null,
      shelter: null,
      notes: '',
      rainVenueId: null,
    },
  ]
  snapshot.items = [
    item('keuken', 'In de keuken', w.venueA2, 8),
    ...Array.from({ length: 45 }, (_, n) =>
      item(`sessie-${n}`, `Sessie ${n}`, null, 9 + (n % 12), 'Een lange beschrijving. '.repeat(640)),
    ),
  ]
  const stored = snapshotValues(w.releaseA, snapshot)
  expect(stored.parts.length).toBeGreaterThan(0)
  expect(JSON.stringify(snapshot).length).toBeGreaterThan(PART_CHARS)
  await db.update(releases).set({ snapshot: stored.row }).where(eq(releases.id, w.releaseA))
  for (const part of stored.parts) await db.insert(releaseParts).values(part)
}

async function register(w: World, name: string, partySize: number) {
  const res = await api(`/api/public/visits/${w.slugA}/rsvps`, {
    body: { name, email: `${name}-${w.teamA.slice(0, 8)}@example.nl`, partySize },
    headers: { 'cf-connecting-ip': freshClient() },
  })
  expect(res.status, await res.clone().text()).toBe(202)
  return ((await res.json()) as { status: string }).status
}

describe('a release stored in parts, as every feature reads it', () => {
  it('limits guests by its venues, and shows its items on the public page and the report', async () => {
    const w = await makeWorld()
    await largeRelease(w)
    // The kitchen holds 3: the company's member (the mayor) and a party of 2; the next guest waits.
    expect(await register(w, 'anna', 2)).toBe('confirmed')
    expect(await register(w, 'bert', 1)).toBe('waitlisted')
    const totals = (await (
      await api(`/api/visits/${w.visitA}/rsvp-totals`, { cookie: w.person.organiser.cookie })
    ).json()) as { limit: { limit: number; place: { venue: string } } | null }
    expect(totals.limit).toMatchObject({ limit: 2, place: { venue: 'Keuken' } })
    // The registration form says so too.
    const form = await (await SELF.fetch(url(`/v/${w.slugA}/rsvp`))).text()
    expect(form).toContain('Keuken')

    const schedule = await (await SELF.fetch(url(`/v/${w.slugA}`))).text()
    expect(schedule).toContain('In de keuken')
    expect(schedule).toContain('Sessie 44')

    await db.insert(reports).values({
      visitId: w.visitA,
      status: 'published',
      title: 'Verslag van een groot bezoek',
      publishedAt: new Date(),
    })
    const report = await (await SELF.fetch(url(`/v/${w.slugA}/report`))).text()
    expect(report).toContain('Verslag van een groot bezoek')
    expect(report).toContain('In de keuken')
    expect(report).toContain('Sessie 44')
  })
})

describe('publishing after a release stored in parts', () => {
  it('compares the draft with every item of the parts', async () => {
    const w = await makeWorld()
    await largeRelease(w)
    const res = await api(`/api/visits/${w.visitA}/releases`, { cookie: w.person.organiser.cookie, body: {} })
    expect(res.status, await res.clone().text()).toBe(201)
    const { changes } = (await res.json()) as { changes: { kind: string; itemId: string }[] }
    // The sessions were only in the parts: the draft has none of them, so each is gone in the new release.
    const gone = changes.filter((c) => c.kind === 'cancelled').map((c) => c.itemId)
    expect(gone).toContain('sessie-0')
    expect(gone).toContain('sessie-44')
  })
})
