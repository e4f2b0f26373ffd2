import { eq, sql } from 'drizzle-orm'
import { rsvps, visits } from '../../../shared/db/schema'
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
