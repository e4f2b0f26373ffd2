import { env } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { photos } from '../../shared/db/schema'
import { cateringSetup } from '../../workers/features/catering/catering.fixtures.matrix'
import { phoneJpeg, uploadPhoto } from '../../workers/features/photos/photos.fixtures.matrix'
import { openCall, submitted } from '../../workers/features/talks/talks.fixtures.matrix'
import { databaseDigest } from './digest'
import { api, db, registrationBody } from './helpers'
import { makeWorld } from './world'

type Doc = {
  format: string
  version: number
  visitId: string
  exportedAt: string
  tables: Record<string, Record<string, unknown>[]>
}

/**
 * A document with its ids put in the order they first appear (so two copies of one visit compare equal), and
 * what a copy must differ in left out: the slug's suffix, the team, the private links' hashes (they do not
 * travel), the time of the export.
 */
function canonical(d: Doc) {
  const names = new Map<string, string>()
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi
  const tables = Object.fromEntries(
    Object.entries(d.tables).map(([t, rows]) => [
      t,
      rows.map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([col, value]) => {
            if (col === 'team_id') return [col, 'team']
            if (/(^|_)token_hash$/.test(col)) return [col, value === null ? null : 'hash']
            if (t === 'visits' && col === 'slug') return [col, String(value).replace(/-[0-9a-f]{6}$/, '')]
            if (typeof value !== 'string') return [col, value]
            return [
              col,
              value.replace(uuid, (id) => names.get(id) ?? names.set(id, `id${names.size}`).get(id)!),
            ]
          }),
        ),
      ),
    ]),
  )
  return { format: d.format, version: d.version, tables }
}

describe('portability: a whole visit exported and imported into another team', () => {
  it('round-trips losslessly: programme, venues, groups, talks, registrations, catering, photos', {
    timeout: 60_000,
  }, async () => {
    const w = await makeWorld()
    const organiser = w.person.organiser.cookie
    // More of a visit than the world has: a talk, registrations, a catering order, a photo.
    await openCall(w)
    await submitted(w, 'ria')
    for (const i of [1, 2, 3]) {
      await api(`/api/public/visits/${w.slugA}/rsvps`, {
        body: registrationBody(`gast${i}-${w.slugA}@example.nl`),
        headers: { 'cf-connecting-ip': `192.0.2.${20 + i}` },
      })
    }
    await cateringSetup(w)
    const photoId = await uploadPhoto(w, phoneJpeg(), { cookie: organiser })

    const exported = await api(`/api/visits/${w.visitA}/export`, { cookie: organiser })
    expect(exported.status, await exported.clone().text()).toBe(200)
    const first = (await exported.json()) as Doc
    expect(first).toMatchObject({ format: 'rondgang.visit', version: 1, visitId: w.visitA })
    const counts = Object.fromEntries(Object.entries(first.tables).map(([t, rows]) => [t, rows.length]))
    console.log('portability: exported', JSON.stringify(counts))
    expect(counts).toMatchObject({
      visits: 1,
      programme_items: expect.any(Number),
      groups: expect.any(Number),
      venues: expect.any(Number),
    })
    expect(counts.rsvps ?? 0).toBeGreaterThanOrEqual(3)
    expect(counts.talks).toBeGreaterThanOrEqual(1)
    expect(counts.catering_orders).toBeGreaterThanOrEqual(1)
    expect(counts.photos).toBe(1)
    // Nothing of the team, its people or the platform is in it.
    for (const t of ['teams', 'people', 'sessions', 'memberships', 'audit_log', 'mail_outbox'])
      expect(first.tables[t]).toBeUndefined()

    // Into team B, by its owner (the outsider of team A).
    const imported = await api(`/api/teams/${w.teamB}/visit-imports`, {
      cookie: w.person.outsider.cookie,
      body: first,
    })
    expect(imported.status, await imported.clone().text()).toBe(201)
    const { visitId, objects } = (await imported.json()) as { visitId: string; objects: number }
    expect(visitId).not.toBe(w.visitA)
    expect(objects).toBeGreaterThanOrEqual(1)

    const again = await api(`/api/visits/${visitId}/export`, { cookie: w.person.outsider.cookie })
    expect(again.status).toBe(200)
    const second = (await again.json()) as Doc
    expect(second.tables.visits?.[0]?.team_id).toBe(w.teamB)
    expect(canonical(second)).toEqual(canonical(first))

    // The copy's photo has its own objects, byte for byte the original's.
    const [copy] = await db.select().from(photos).where(eq(photos.visitId, visitId))
    const [original] = await db.select().from(photos).where(eq(photos.id, photoId))
    expect(copy!.originalKey).not.toBe(original!.originalKey)
    const bytes = async (key: string) => new Uint8Array(await (await env.PHOTOS.get(key))!.arrayBuffer())
    expect(await bytes(copy!.originalKey)).toEqual(await bytes(original!.originalKey))
  })

  it('only organisers export; importing needs a team one organises; a bad document changes nothing', async () => {
    const w = await makeWorld()
    expect((await api(`/api/visits/${w.visitA}/export`, { cookie: w.person.viewer.cookie })).status).toBe(403)
    expect((await api(`/api/visits/${w.visitA}/export`)).status).toBe(401)
    const doc = (await (
      await api(`/api/visits/${w.visitA}/export`, { cookie: w.person.organiser.cookie })
    ).json()) as Doc
    // Team A is nothing to the outsider: not there (404).
    expect(
      (await api(`/api/teams/${w.teamA}/visit-imports`, { cookie: w.person.outsider.cookie, body: doc }))
        .status,
    ).toBe(404)
    const before = await databaseDigest()
    const bad: unknown[] = [
      { ...doc, version: 2 },
      { ...doc, format: 'other' },
      { ...doc, tables: { ...doc.tables, people: [{ id: 'x' }] } },
      { ...doc, tables: { ...doc.tables, visits: [{ ...doc.tables.visits![0], evil: 1 }] } },
      { ...doc, tables: { ...doc.tables, visits: [] } },
      { ...doc, tables: { ...doc.tables, 'visits; DROP TABLE x': [] } },
      'not a document',
    ]
    for (const body of bad) {
      const res = await api(`/api/teams/${w.teamB}/visit-imports`, { cookie: w.person.outsider.cookie, body })
      expect(res.status, JSON.stringify(body).slice(0, 100)).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
    }
    expect(await databaseDigest()).toEqual(before)
  })
})
