import { eq, inArray, or, sql } from 'drizzle-orm'
import {
  cateringContributions,
  cateringOrders,
  cateringProviders,
  cateringTeamPresence,
  groups,
  people,
  visits,
} from '../../../shared/db/schema'
import type { Database } from '../../platform/env'
import type { PersonalDataPart } from '../../platform/personal-data/contract'
import { mentions } from '../../platform/personal-data/platform-parts'

const personIds = (db: Database, email: string) =>
  db.select({ id: people.id }).from(people).where(eq(people.email, email))

/** A provider is the person when chosen as them, or when their address is the provider's or in its contact. */
const theirProviders = (db: Database, email: string) =>
  or(
    eq(sql`lower(${cateringProviders.email})`, email),
    mentions(cateringProviders.contactName, email),
    mentions(cateringProviders.contactPhone, email),
    inArray(cateringProviders.personId, personIds(db, email)),
  )

/**
 * Catering: a person who provides food or drinks (their contact details, what they provide and bring, what
 * they wrote to the team) and a team member marked present at a visit. Erasure keeps the orders and their
 * numbers, and the provider as "someone" (a supplier keeps its business name), without a name, address,
 * phone, notes or a working link; their messages to the team go, and so does their presence.
 */
export const cateringPersonalData: PersonalDataPart = {
  owner: 'catering',
  tables: ['catering_providers', 'catering_team_presence'],
  async exportFor({ db, email }) {
    const [providers, orders, contributions, presence] = await db.batch([
      db
        .select({
          visit: visits.title,
          kind: cateringProviders.kind,
          name: cateringProviders.name,
          contactName: cateringProviders.contactName,
          email: cateringProviders.email,
          phone: cateringProviders.contactPhone,
          address: cateringProviders.address,
          notes: cateringProviders.notes,
          language: cateringProviders.lang,
          createdAt: cateringProviders.createdAt,
        })
        .from(cateringProviders)
        .innerJoin(visits, eq(visits.id, cateringProviders.visitId))
        .where(theirProviders(db, email)),
      db
        .select({
          visit: visits.title,
          kind: cateringOrders.kind,
          description: cateringOrders.description,
          status: cateringOrders.status,
          message: cateringOrders.providerNote,
          answeredAt: cateringOrders.respondedAt,
        })
        .from(cateringOrders)
        .innerJoin(cateringProviders, eq(cateringProviders.id, cateringOrders.providerId))
        .innerJoin(visits, eq(visits.id, cateringOrders.visitId))
        .where(theirProviders(db, email)),
      db
        .select({
          visit: visits.title,
          description: cateringContributions.description,
          quantity: cateringContributions.quantity,
          takenAt: cateringContributions.takenAt,
          doneAt: cateringContributions.doneAt,
        })
        .from(cateringContributions)
        .innerJoin(cateringProviders, eq(cateringProviders.id, cateringContributions.providerId))
        .innerJoin(visits, eq(visits.id, cateringProviders.visitId))
        .where(theirProviders(db, email)),
      db
        .select({ visit: visits.title, group: groups.name })
        .from(cateringTeamPresence)
        .innerJoin(visits, eq(visits.id, cateringTeamPresence.visitId))
        .leftJoin(groups, eq(groups.id, cateringTeamPresence.groupId))
        .where(inArray(cateringTeamPresence.personId, personIds(db, email))),
    ])
    return { providers, orders, contributions, presence }
  },
  async planErasure({ db, email }) {
    const theirs = db
      .select({ id: cateringProviders.id })
      .from(cateringProviders)
      .where(theirProviders(db, email))
    // A random hash no token has: whatever link was handed out stops working.
    const deadLink = sql`lower(hex(randomblob(32)))`
    return {
      statements: [
        db.update(cateringOrders).set({ providerNote: '' }).where(inArray(cateringOrders.providerId, theirs)),
        db
          .update(cateringProviders)
          .set({
            name: sql`case when ${cateringProviders.kind} = 'supplier' then ${cateringProviders.name} else '' end`,
            contactName: '',
            email: '',
            contactPhone: '',
            address: '',
            notes: '',
            personId: null,
            tokenHash: deadLink,
          })
          .where(theirProviders(db, email)),
        db.delete(cateringTeamPresence).where(inArray(cateringTeamPresence.personId, personIds(db, email))),
      ],
      objects: [],
    }
  },
}
