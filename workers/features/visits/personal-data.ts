import { eq, inArray } from 'drizzle-orm'
import { hostOffers, people, teams, venues, visitRoles, visits } from '../../../shared/db/schema'
import type { PersonalDataPart } from '../../platform/personal-data/contract'
import { mentions } from '../../platform/personal-data/platform-parts'

/**
 * Visits: offers of a garden sent by the address, venues whose private host details mention it, and the
 * host or caterer roles of the person. Erasure removes the offers and roles, and blanks the venue's host
 * name and contact (the venue itself stays in the team's programme).
 */
export const visitsPersonalData: PersonalDataPart = {
  owner: 'visits',
  tables: ['host_offers', 'venues', 'visit_roles'],
  async exportFor({ db, email }) {
    const person = db.select({ id: people.id }).from(people).where(eq(people.email, email))
    const [offers, hosted, roles] = await db.batch([
      db
        .select({
          team: teams.name,
          status: hostOffers.status,
          hostName: hostOffers.hostName,
          hostEmail: hostOffers.hostEmail,
          hostPhone: hostOffers.hostPhone,
          venueName: hostOffers.venueName,
          address: hostOffers.address,
          notes: hostOffers.notes,
          createdAt: hostOffers.createdAt,
        })
        .from(hostOffers)
        .innerJoin(teams, eq(teams.id, hostOffers.teamId))
        .where(eq(hostOffers.hostEmail, email)),
      db
        .select({ venue: venues.name, hostName: venues.hostName, hostContact: venues.hostContact })
        .from(venues)
        .where(mentions(venues.hostContact, email)),
      db
        .select({ visit: visits.title, role: visitRoles.role, since: visitRoles.createdAt })
        .from(visitRoles)
        .innerJoin(visits, eq(visits.id, visitRoles.visitId))
        .where(inArray(visitRoles.personId, person)),
    ])
    return { hostOffers: offers, hostedVenues: hosted, visitRoles: roles }
  },
  async planErasure({ db, email }) {
    const person = db.select({ id: people.id }).from(people).where(eq(people.email, email))
    return {
      statements: [
        db.delete(hostOffers).where(eq(hostOffers.hostEmail, email)),
        db.update(venues).set({ hostName: '', hostContact: '' }).where(mentions(venues.hostContact, email)),
        db.delete(visitRoles).where(inArray(visitRoles.personId, person)),
      ],
      objects: [],
    }
  },
}
