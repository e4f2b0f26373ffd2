/**
 * What the catering suites share: a world's visit with a second group, two catering items, registered guests
 * (one confirmed guest whose name, address and note are the private values a caterer must never see), the
 * organiser present, a supplier, a volunteer without an address, the world's caterer as a provider, orders and
 * contributions. Named `*.matrix.ts` because that is the suffix the Worker's tsconfig leaves to the tests.
 */
import { eq } from 'drizzle-orm'
import {
  cateringContributions,
  cateringOrders,
  cateringProviders,
  cateringTeamPresence,
  groups,
  programmeItemGroups,
  programmeItems,
  rsvps,
} from '../../../shared/db/schema'
import { db } from '../../../test/integration/helpers'
import { PRIVATE, type World } from '../../../test/integration/world'
import { hashToken, randomToken } from '../../platform/auth/tokens'

/** A guest's private values: the team sees them in the guest list; no caterer or volunteer ever does. */
export const GUEST = {
  name: PRIVATE.guestName,
  email: PRIVATE.guestEmail,
  /** The note is shown to the kitchen without its author: the text itself is expected there. */
  note: 'Graag zonder koriander',
}

export type Catering = Awaited<ReturnType<typeof cateringSetup>>

/**
 * The catering of the world's visit (12 June 2027, Amsterdam): item "Borrel" at 17:00 for everyone and
 * "Lunch groep A" at 12:00 for group A only; guests: Geheimnaam (3, one vegetarian, a note, no group),
 * a party of group A (2, one vegan), one of group B (4), and a cancelled one (never counted).
 */
export async function cateringSetup(w: World) {
  const id = () => crypto.randomUUID()
  const ids = {
    groupB: id(),
    borrel: id(),
    lunch: id(),
    supplier: id(),
    volunteer: id(),
    caterer: id(),
    borrelOrder: id(),
    lunchOrder: id(),
    snacksOrder: id(),
    taken: id(),
    open: id(),
    catererPart: id(),
    guestRsvp: id(),
  }
  const tokens = { volunteer: randomToken(), caterer: randomToken(), supplier: randomToken() }
  const hash = async (token: string) => hashToken(token)
  const rsvp = async (values: Partial<typeof rsvps.$inferInsert>) => ({
    id: id(),
    visitId: w.visitA,
    name: 'Gast',
    email: `gast-${id().slice(0, 8)}@example.nl`,
    partySize: 1,
    status: 'confirmed' as const,
    tokenHash: await hash(randomToken()),
    ...values,
  })
  await db.batch([
    db.insert(groups).values({ id: ids.groupB, visitId: w.visitA, name: 'Groep B', position: 1 }),
    db.insert(programmeItems).values([
      {
        id: ids.borrel,
        visitId: w.visitA,
        venueId: w.venueA1,
        kind: 'catering',
        title: 'Borrel',
        startsAt: new Date('2027-06-12T15:00:00Z'),
        endsAt: new Date('2027-06-12T16:00:00Z'),
      },
      {
        id: ids.lunch,
        visitId: w.visitA,
        venueId: w.venueA2,
        kind: 'catering',
        title: 'Lunch groep A',
        startsAt: new Date('2027-06-12T10:00:00Z'),
        endsAt: new Date('2027-06-12T11:00:00Z'),
      },
    ]),
    db.insert(programmeItemGroups).values({ itemId: ids.lunch, groupId: w.groupA }),
    db.insert(rsvps).values([
      await rsvp({
        id: ids.guestRsvp,
        name: GUEST.name,
        email: GUEST.email,
        partySize: 3,
        dietary: '{"vegetarian":1}',
        dietaryNotes: GUEST.note,
      }),
      await rsvp({ partySize: 2, dietary: '{"vegan":1}', groupIds: JSON.stringify([w.groupA]) }),
      await rsvp({ partySize: 4, groupIds: JSON.stringify([ids.groupB]) }),
      await rsvp({ partySize: 6, status: 'cancelled' }),
    ]),
    db
      .insert(cateringTeamPresence)
      .values({ visitId: w.visitA, personId: w.person.organiser.id, groupId: null }),
    db.insert(cateringProviders).values([
      {
        id: ids.supplier,
        visitId: w.visitA,
        kind: 'supplier',
        name: 'Bakkerij De Waag',
        contactName: 'Jan Bakker',
        email: `bakkerij-${w.teamA.slice(0, 8)}@example.nl`,
        contactPhone: PRIVATE.providerContact,
        address: 'Waag 1, Leiden',
        tokenHash: await hash(tokens.supplier),
      },
      {
        id: ids.volunteer,
        visitId: w.visitA,
        kind: 'resident',
        name: 'Hilde',
        tokenHash: await hash(tokens.volunteer),
      },
      {
        // The world's caterer, named with their own address: signed in, they see these orders as theirs.
        id: ids.caterer,
        visitId: w.visitA,
        kind: 'resident',
        name: 'Cateraar',
        email: w.person.caterer.email,
        tokenHash: await hash(tokens.caterer),
      },
    ]),
    db.insert(cateringOrders).values([
      {
        id: ids.borrelOrder,
        visitId: w.visitA,
        itemId: ids.borrel,
        kind: 'drinks',
        description: 'Wijn, bier en sap',
        providerId: ids.caterer,
        rule: 'per_persons',
        amount: 4,
        unit: 'flessen',
        unitCostCents: 650,
        deadline: new Date('2027-06-10T10:00:00Z'),
        reminderHours: 48,
        status: 'requested',
        notes: 'Team-notitie: vraag om korting',
      },
      {
        id: ids.lunchOrder,
        visitId: w.visitA,
        itemId: ids.lunch,
        kind: 'lunch',
        providerId: ids.supplier,
        rule: 'per_person',
        amount: 1,
        unit: 'lunchpakketten',
        unitCostCents: 895,
        deadline: new Date('2027-06-09T10:00:00Z'),
        reminderHours: 24,
        status: 'planned',
      },
      {
        id: ids.snacksOrder,
        visitId: w.visitA,
        itemId: ids.borrel,
        kind: 'snacks',
        description: 'Hapjes van buren',
        providerId: ids.volunteer,
        rule: 'per_person',
        amount: 2,
        unit: 'hapjes',
        unitCostCents: 0,
        status: 'confirmed',
      },
    ]),
    db.insert(cateringContributions).values([
      {
        id: ids.taken,
        orderId: ids.snacksOrder,
        description: 'bitterballen',
        quantity: 40,
        providerId: ids.volunteer,
        takenAt: new Date(),
      },
      { id: ids.open, orderId: ids.snacksOrder, description: 'kaasblokjes', quantity: 20 },
      {
        id: ids.catererPart,
        orderId: ids.snacksOrder,
        description: 'servetten',
        providerId: ids.caterer,
        takenAt: new Date(),
      },
    ]),
  ])
  return { ...ids, tokens }
}

/** An order as stored now. */
export async function orderRow(orderId: string) {
  const [row] = await db.select().from(cateringOrders).where(eq(cateringOrders.id, orderId))
  return row
}
