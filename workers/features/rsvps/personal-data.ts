import { and, eq, inArray, lt, ne, or, sql } from 'drizzle-orm'
import { rsvps, visits } from '../../../shared/db/schema'
import type { Database } from '../../platform/env'
import type { PersonalDataPart } from '../../platform/personal-data/contract'

/**
 * Registrations made with the address. Erasure makes them anonymous instead of deleting them: the party
 * size, status and ticked diets stay, so totals and the catering numbers remain true; name, address, notes
 * and the private link go (the link stops working).
 */
export const rsvpsPersonalData: PersonalDataPart = {
  owner: 'rsvps',
  tables: ['rsvps'],
  async exportFor({ db, email }) {
    const registrations = await db
      .select({
        visit: visits.title,
        name: rsvps.name,
        email: rsvps.email,
        partySize: rsvps.partySize,
        dietary: rsvps.dietary,
        dietaryNotes: rsvps.dietaryNotes,
        accessNeeds: rsvps.accessNeeds,
        status: rsvps.status,
        lang: rsvps.lang,
        notifyChanges: rsvps.notifyChanges,
        createdAt: rsvps.createdAt,
        updatedAt: rsvps.updatedAt,
      })
      .from(rsvps)
      .innerJoin(visits, eq(visits.id, rsvps.visitId))
      .where(eq(rsvps.email, email))
    return {
      registrations: registrations.map((r) => ({ ...r, dietary: JSON.parse(r.dietary) as unknown })),
    }
  },
  async planErasure({ db, email, now }) {
    return {
      statements: [
        db
          .update(rsvps)
          .set({
            name: '',
            // Per row, so the per-visit index on the address stays unique; the hash can match no token.
            email: sql`'erased-' || ${rsvps.id} || '@erased.invalid'`,
            tokenHash: sql`'erased:' || ${rsvps.id}`,
            dietaryNotes: '',
            accessNeeds: '',
            notifyChanges: false,
            version: sql`${rsvps.version} + 1`,
            updatedAt: now,
          })
          .where(eq(rsvps.email, email)),
      ],
      objects: [],
    }
  },
}

/** Days after a visit's last day that its registrations keep their contact, dietary and access data. */
export const RSVP_RETENTION_DAYS = 90

/**
 * Retention: registrations of visits that ended more than `days` ago lose their name, address, dietary and
 * access data and their private link; the party size and status stay, so the numbers of the visit and its
 * report stay true. Run by the scheduled job; rows already emptied are left alone, so it is safe to rerun.
 */
export async function retainRegistrations(
  db: Database,
  now: Date,
  days = RSVP_RETENTION_DAYS,
): Promise<number> {
  // Visits keep their local dates; a day of margin covers every time zone.
  const cutoff = new Date(now.getTime() - (days + 1) * 24 * 3600_000).toISOString().slice(0, 10)
  const ended = db.select({ id: visits.id }).from(visits).where(lt(visits.endDate, cutoff))
  const emptied = await db
    .update(rsvps)
    .set({
      name: '',
      email: sql`'erased-' || ${rsvps.id} || '@erased.invalid'`,
      tokenHash: sql`'erased:' || ${rsvps.id}`,
      dietary: '{}',
      dietaryNotes: '',
      accessNeeds: '',
      notifyChanges: false,
    })
    .where(
      and(
        inArray(rsvps.visitId, ended),
        or(
          ne(rsvps.name, ''),
          ne(rsvps.dietary, '{}'),
          sql`${rsvps.email} NOT LIKE 'erased-%@erased.invalid'`,
        ),
      ),
    )
    .returning({ id: rsvps.id })
  return emptied.length
}
