import { eq } from 'drizzle-orm'
import { participants, visits } from '../../../shared/db/schema'
import type { PersonalDataPart } from '../../platform/personal-data/contract'
import { mentions } from '../../platform/personal-data/platform-parts'

/**
 * The company of a visit: a member whose contact mentions the address. Erasure keeps the place in the
 * company (so the numbers stay true) and blanks the name, organisation, contact and dietary needs.
 */
export const programmePersonalData: PersonalDataPart = {
  owner: 'programme',
  tables: ['participants'],
  async exportFor({ db, email }) {
    const company = await db
      .select({
        visit: visits.title,
        name: participants.name,
        function: participants.function,
        organisation: participants.organisation,
        contact: participants.contact,
        dietaryNeeds: participants.dietaryNeeds,
      })
      .from(participants)
      .innerJoin(visits, eq(visits.id, participants.visitId))
      .where(mentions(participants.contact, email))
    return { company }
  },
  async planErasure({ db, email }) {
    return {
      statements: [
        db
          .update(participants)
          .set({ name: '—', organisation: '', contact: '', dietaryNeeds: '' })
          .where(mentions(participants.contact, email)),
      ],
      objects: [],
    }
  },
}
