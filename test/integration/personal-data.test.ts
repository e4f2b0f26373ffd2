import { env } from 'cloudflare:test'
import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  auditLog,
  cateringContributions,
  cateringOrders,
  cateringProviders,
  cateringTeamPresence,
  erasureRequests,
  followUpEvents,
  followUpReminders,
  followUps,
  hostOffers,
  idempotencyKeys,
  invitations,
  loginTokens,
  mailOutbox,
  memberships,
  participants,
  people,
  photoLinks,
  photos,
  photoUploads,
  reportComments,
  reports,
  rsvps,
  rsvpTotals,
  speakers,
  talkFiles,
  talkReviews,
  talkSpeakers,
  talks,
  venues,
  visitRoles,
} from '../../shared/db/schema'
import { personalDataParts } from '../../workers/features/personal-data'
import { hashToken, randomToken } from '../../workers/platform/auth/tokens'
import { erasePersonalData, exportPersonalData } from '../../workers/platform/personal-data/contract'
import { db } from './helpers'
import { makeWorld } from './world'

/** Columns that hold a person: an address, a contact, a name of a host, or a reference to a person or speaker. */
const PERSON_COLUMN =
  /^(email|.+_email|to|contact|.+_contact|.+_phone|host_name|person_id|actor_id|invited_by|speaker_id)$/

async function tablesOfDatabase() {
  const tables = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'",
  ).all<{ name: string }>()
  const out: { table: string; columns: { name: string; type: string }[] }[] = []
  for (const { name } of tables.results) {
    const cols = await env.DB.prepare(`PRAGMA table_info("${name}")`).all<{ name: string; type: string }>()
    out.push({ table: name, columns: cols.results })
  }
  return out
}

/** Every place in the database where the address still appears, as `table.column`. */
async function whereAddressAppears(email: string) {
  const found: string[] = []
  for (const { table, columns } of await tablesOfDatabase()) {
    for (const column of columns.filter((c) => c.type.toUpperCase() === 'TEXT')) {
      const row = await env.DB.prepare(
        `SELECT count(*) AS n FROM "${table}" WHERE instr(lower("${column.name}"), ?) > 0`,
      )
        .bind(email)
        .first<{ n: number }>()
      if (row && row.n > 0) found.push(`${table}.${column.name}`)
    }
  }
  return found
}

describe('the personal-data contract', () => {
  it('covers every table that holds a person, and lists only tables that exist', async () => {
    const covered = new Set(personalDataParts.flatMap((part) => part.tables))
    const schema = await tablesOfDatabase()
    const holdingPeople = schema
      .filter(({ columns }) => columns.some((c) => PERSON_COLUMN.test(c.name)))
      .map(({ table }) => table)
    expect(holdingPeople.length).toBeGreaterThan(10)
    expect(holdingPeople.filter((t) => !covered.has(t))).toEqual([])
    const existing = new Set(schema.map((s) => s.table))
    expect([...covered].filter((t) => !existing.has(t))).toEqual([])
    // One owner per table: two features erasing the same rows would be a design mistake.
    const all = personalDataParts.flatMap((part) => part.tables)
    expect(all.length).toBe(covered.size)
  })

  it('exports everything held about an address, then erases it everywhere, R2 included, keeping counts', async () => {
    const w = await makeWorld()
    const subject = w.person.host
    const email = subject.email
    const now = new Date()
    const speakerId = crypto.randomUUID()
    const talkId = crypto.randomUUID()
    const rsvpId = crypto.randomUUID()
    const providerId = crypto.randomUUID()
    const orderId = crypto.randomUUID()
    const reportId = crypto.randomUUID()
    const followUpId = crypto.randomUUID()
    const portraitKey = `speakers/${speakerId}/portrait-test`
    const slidesKey = `talks/${talkId}/slides-test`
    await env.PHOTOS.put(portraitKey, new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))
    await env.PHOTOS.put(slidesKey, new TextEncoder().encode('%PDF-1.4 test'))
    // A photo the subject uploaded: its original (private) and both public variants.
    const photoId = crypto.randomUUID()
    const photoKeys = ['original', 'web-0123456789abcdef0123.webp', 'thumb-0123456789abcdef0123.webp'].map(
      (name) => `photos/${w.visitA}/${photoId}/${name}`,
    )
    for (const key of photoKeys) await env.PHOTOS.put(key, new Uint8Array([1, 2, 3]))
    await db.batch([
      db.insert(loginTokens).values({
        tokenHash: await hashToken(randomToken()),
        email,
        expiresAt: new Date(now.getTime() + 60_000),
      }),
      db.insert(memberships).values({ teamId: w.teamB, personId: subject.id, role: 'viewer' }),
      db.insert(photos).values({
        id: photoId,
        visitId: w.visitA,
        personId: subject.id,
        filename: 'tuin-van-hilde.jpg',
        originalKey: photoKeys[0] as string,
        originalType: 'image/jpeg',
        originalBytes: 3,
        webKey: photoKeys[1] as string,
        webWidth: 1,
        webHeight: 1,
        webBytes: 3,
        thumbKey: photoKeys[2] as string,
        thumbWidth: 1,
        thumbHeight: 1,
      }),
      db.insert(photoLinks).values({
        visitId: w.visitA,
        tokenHash: await hashToken(randomToken()),
        label: 'Fotograaf',
        personId: subject.id,
      }),
      db.insert(photoUploads).values({
        visitId: w.visitB,
        uploaderName: 'Hilde Host',
        uploaderEmail: email,
        r2Key: `photos/${w.visitB}/upload-test/original`,
        r2UploadId: 'upload-test',
        filename: 'nog-bezig.jpg',
        sizeBytes: 10,
        partSize: 8388608,
        touchedAt: now,
      }),
      db.insert(invitations).values({
        teamId: w.teamB,
        email,
        role: 'viewer',
        tokenHash: await hashToken(randomToken()),
        expiresAt: new Date(now.getTime() + 60_000),
      }),
      db.insert(hostOffers).values({
        teamId: w.teamA,
        hostName: 'Hilde Host',
        hostEmail: email,
        hostPhone: '06-12345678',
        venueName: 'Tuin van Hilde',
        venueKind: 'garden',
        address: 'Tuinlaan 1',
      }),
      db
        .update(venues)
        .set({ hostName: 'Hilde Host', hostContact: `${email}, 06-12345678` })
        .where(eq(venues.id, w.venueA1)),
      db
        .update(participants)
        .set({ contact: email.toUpperCase() })
        .where(eq(participants.id, w.participantA)),
      db.insert(rsvps).values({
        id: rsvpId,
        visitId: w.visitA,
        name: 'Hilde Host',
        email,
        partySize: 3,
        dietary: '["vegetarian"]',
        dietaryNotes: 'notenallergie',
        status: 'confirmed',
        tokenHash: await hashToken(randomToken()),
      }),
      db.insert(speakers).values({
        id: speakerId,
        visitId: w.visitA,
        name: 'Hilde Host',
        email,
        bio: 'Tuinier sinds 1990',
        photoKey: portraitKey,
      }),
      db.insert(talks).values({ id: talkId, visitId: w.visitA, title: 'Mijn tuin', durationMinutes: 10 }),
      db.insert(talkSpeakers).values({ talkId, speakerId, tokenHash: await hashToken(randomToken()) }),
      db.insert(talkFiles).values({
        talkId,
        speakerId,
        r2Key: slidesKey,
        filename: 'tuin.pdf',
        sizeBytes: 13,
        uploadedAt: now,
      }),
      db.insert(talkReviews).values({ talkId, personId: subject.id, score: 4, note: 'goed', updatedAt: now }),
      db.insert(erasureRequests).values({ email, eraseAfter: new Date(now.getTime() + 60_000) }),
      // The subject brings the drinks as a resident, wrote the team a note, and is on the team present.
      db.insert(cateringProviders).values({
        id: providerId,
        visitId: w.visitA,
        kind: 'resident',
        name: 'Hilde Host',
        email: email.toUpperCase(),
        contactPhone: '06-12345678',
        address: 'Tuinlaan 1',
        tokenHash: await hashToken(randomToken()),
      }),
      db.insert(cateringOrders).values({
        id: orderId,
        visitId: w.visitA,
        itemId: w.itemA1,
        kind: 'drinks',
        providerId,
        rule: 'per_person',
        amount: 1,
        providerNote: 'Ik kom met de bakfiets',
      }),
      db.insert(cateringContributions).values({ orderId, description: 'wijn en sap', providerId }),
      db.insert(cateringTeamPresence).values({ visitId: w.visitA, personId: subject.id }),
      db
        .insert(mailOutbox)
        .values({ to: email, subject: 'Welkom', text: 'link', html: 'link', kind: 'rsvp' }),
      db.insert(auditLog).values({
        teamId: w.teamA,
        actorId: subject.id,
        action: 'venue.update',
        entityType: 'venue',
        entityId: w.venueA1,
        summary: JSON.stringify({ after: { hostContact: email } }),
      }),
      // The subject commented on the report with their address, and owns a follow-up they commented on.
      db.insert(reports).values({ id: reportId, visitId: w.visitA, status: 'published', title: 'Verslag' }),
      db.insert(reportComments).values({
        reportId,
        name: 'Hilde',
        email: email.toUpperCase(),
        body: 'Mooi verslag',
        status: 'approved',
        tokenHash: await hashToken(randomToken()),
      }),
      db
        .insert(followUps)
        .values({ id: followUpId, visitId: w.visitA, teamId: w.teamA, title: 'Bankje', ownerId: subject.id }),
      db.insert(followUpEvents).values({ followUpId, actorId: subject.id, comment: 'Besteld' }),
      db.insert(followUpReminders).values({ personId: subject.id, week: '2017-W40', sentAt: now }),
      // Answers kept to replay a double submission: one shows the subject's address, one someone else's.
      ...[email, 'iemand.anders@example.nl'].map((shown, i) =>
        db.insert(idempotencyKeys).values({
          scope: `replay-${i}-${crypto.randomUUID()}`,
          bodyHash: 'h',
          status: 201,
          headers: '[]',
          body: btoa(JSON.stringify({ rsvp: { email: shown.toUpperCase() } })),
          createdAt: now,
          expiresAt: new Date(now.getTime() + 600_000),
        }),
      ),
    ])
    const totalsBefore = await db.select().from(rsvpTotals).where(eq(rsvpTotals.visitId, w.visitA))

    const scope = { db, bucket: env.PHOTOS, email: email.toUpperCase(), now }
    const document = await exportPersonalData(personalDataParts, scope)
    expect(document).toMatchObject({ format: 'rondgang-personal-data', version: 1, email })
    const parts = document.parts as Record<string, Record<string, unknown[]>>
    expect(Object.keys(parts).sort()).toEqual(personalDataParts.map((p) => p.owner).sort())
    for (const [owner, sections] of Object.entries(parts)) {
      for (const [section, rows] of Object.entries(sections)) {
        expect(rows.length, `${owner}.${section}`).toBeGreaterThan(0)
      }
    }
    // No secrets or storage keys in the export.
    const text = JSON.stringify(document)
    expect(text).not.toMatch(/token|hash|r2_?key|photoKey/i)
    expect(text).toContain('notenallergie')
    expect(text).toContain('Ik kom met de bakfiets')

    expect(await whereAddressAppears(email)).not.toEqual([])
    // The report's page as kept for readers (reports/stored-page.ts) shows their comment too.
    const storedPage = `reports/${reportId}/page.nl`
    await env.PHOTOS.put(storedPage, '<p>Hilde: Mooi verslag</p>')
    const result = await erasePersonalData(personalDataParts, scope)
    // Their portrait, slides and photo variants, and the report's stored page in both languages.
    expect(result.objects).toBe(7)
    expect(await env.PHOTOS.head(storedPage)).toBeNull()
    expect(await whereAddressAppears(email)).toEqual([])
    expect(await env.PHOTOS.head(portraitKey)).toBeNull()
    expect(await env.PHOTOS.head(slidesKey)).toBeNull()
    for (const key of photoKeys) expect(await env.PHOTOS.head(key), key).toBeNull()
    expect(await db.select().from(photos).where(eq(photos.id, photoId))).toEqual([])

    // Counts stay true: the registration is anonymous, not gone; the talk stays in the programme.
    expect(await db.select().from(rsvpTotals).where(eq(rsvpTotals.visitId, w.visitA))).toEqual(totalsBefore)
    const [anonymous] = await db.select().from(rsvps).where(eq(rsvps.id, rsvpId))
    expect(anonymous).toMatchObject({ name: '', partySize: 3, status: 'confirmed', dietaryNotes: '' })
    expect(await db.select().from(talks).where(eq(talks.id, talkId))).toHaveLength(1)
    // The drinks are still ordered, from "someone": no name, address, phone, message or working link.
    const [provider] = await db.select().from(cateringProviders).where(eq(cateringProviders.id, providerId))
    expect(provider).toMatchObject({ name: '', email: '', contactPhone: '', address: '', personId: null })
    const [order] = await db.select().from(cateringOrders).where(eq(cateringOrders.id, orderId))
    expect(order).toMatchObject({ providerId, providerNote: '', amount: 1 })
    expect(
      await db.select().from(cateringTeamPresence).where(eq(cateringTeamPresence.personId, subject.id)),
    ).toEqual([])
    expect(await db.select().from(people).where(eq(people.id, subject.id))).toEqual([])
    expect(await db.select().from(visitRoles).where(eq(visitRoles.personId, subject.id))).toEqual([])
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, w.venueA1))
    expect(audit).toMatchObject({ actorId: null, action: 'venue.update' })
    // Other people are untouched.
    expect(await db.select().from(people).where(eq(people.id, w.person.owner.id))).toHaveLength(1)
    const replays = await db.select({ body: idempotencyKeys.body }).from(idempotencyKeys)
    expect(replays.map((r) => atob(r.body ?? '')).filter((t) => t.includes('IEMAND.ANDERS'))).toHaveLength(1)
    expect(replays.map((r) => atob(r.body ?? '')).filter((t) => t.includes(email.toUpperCase()))).toEqual([])

    // Erasing again finds nothing more and fails nothing.
    const again = await erasePersonalData(personalDataParts, scope)
    expect(again.objects).toBe(0)
    const [{ n }] = (await db.all(sql`SELECT count(*) AS n FROM people WHERE email = ${email}`)) as [
      { n: number },
    ]
    expect(n).toBe(0)
  })
})
