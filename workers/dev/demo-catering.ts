import { and, eq, isNull } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import {
  cateringContributions,
  cateringOrders,
  cateringProviders,
  cateringTeamPresence,
  participants,
} from '../../shared/db/schema'
import { cateringPlan } from '../features/catering/catering-plan'
import { loadCatering } from '../features/catering/queries'
import { hashToken, randomToken } from '../platform/auth/tokens'
import type { Database } from '../platform/env'
import { demoOrganiser } from './demo-data'

/**
 * The demo visits' catering, as it went: in Vreewijk two residents bring drinks and snacks to the host's
 * garden (the snacks shared out among neighbours); in Deventer a supplier delivers the lunch where the two
 * groups meet again. The company comes along so the numbers have people to count; all names are invented,
 * and every link is a hash of a random token no one holds (the team makes a new one to hand out).
 */

const V = 'demo-visit-vreewijk'
const D = 'demo-visit-deventer'

/** The visiting company: the college in Vreewijk, the delegation in its two groups in Deventer. */
const company = [
  { id: 'demo-participant-v1', visitId: V, name: 'Hendrik van Leeuwen', function: 'mayor' as const },
  { id: 'demo-participant-v2', visitId: V, name: 'Paula Dekker', function: 'alderman' as const },
  { id: 'demo-participant-v3', visitId: V, name: 'Robert Smit', function: 'alderman' as const },
  {
    id: 'demo-participant-v4',
    visitId: V,
    name: 'Marleen de Jong',
    function: 'alderman' as const,
    dietaryNeeds: 'Vegetarisch',
  },
  { id: 'demo-participant-v5', visitId: V, name: 'Yvonne Lammers', function: 'civil_servant' as const },
  {
    id: 'demo-participant-d1',
    visitId: D,
    name: 'Anouk Noordam',
    function: 'alderman' as const,
    groupId: 'demo-group-a',
  },
  {
    id: 'demo-participant-d2',
    visitId: D,
    name: 'Joost Eikhout',
    function: 'council_member' as const,
    groupId: 'demo-group-a',
  },
  {
    id: 'demo-participant-d3',
    visitId: D,
    name: 'Fatma Kaya',
    function: 'council_member' as const,
    groupId: 'demo-group-a',
    dietaryNeeds: 'Halal',
  },
  {
    id: 'demo-participant-d4',
    visitId: D,
    name: 'Willem van Dam',
    function: 'committee_member' as const,
    groupId: 'demo-group-a',
  },
  {
    id: 'demo-participant-d5',
    visitId: D,
    name: 'Inge Bakker',
    function: 'civil_servant' as const,
    groupId: 'demo-group-b',
  },
  {
    id: 'demo-participant-d6',
    visitId: D,
    name: 'Ruud de Graaf',
    function: 'civil_servant' as const,
    groupId: 'demo-group-b',
    dietaryNeeds: 'Glutenvrij',
  },
  {
    id: 'demo-participant-d7',
    visitId: D,
    name: 'Noor Hendriks',
    function: 'other' as const,
    organisation: 'Bewonersraad Stevenshof',
    groupId: 'demo-group-b',
  },
  {
    id: 'demo-participant-d8',
    visitId: D,
    name: 'Kees Verhoef',
    function: 'other' as const,
    organisation: 'Wijkvereniging Merenwijk',
    groupId: 'demo-group-b',
  },
]

const providers = [
  {
    id: 'demo-provider-karin',
    visitId: V,
    kind: 'resident' as const,
    name: 'Karin Bos',
    email: 'karin.bos@vreewijk.example',
    contactPhone: '06-11223344',
    address: 'Lusthoflaan 18, Leiden',
  },
  {
    id: 'demo-provider-ahmed',
    visitId: V,
    kind: 'resident' as const,
    name: 'Ahmed Yilmaz',
    email: 'ahmed.yilmaz@vreewijk.example',
  },
  {
    id: 'demo-provider-buurtpunt',
    visitId: D,
    kind: 'supplier' as const,
    name: 'Lunchroom Het Buurtpunt',
    contactName: 'Sanne Visser',
    email: 'bestellen@buurtpunt-deventer.example',
    contactPhone: '0570-612345',
    address: 'Rembrandtkade 50, Deventer',
    notes: 'Levert in kratten; de lege kratten halen ze de volgende dag op.',
  },
]

const at = (iso: string) => new Date(iso)

const orders = [
  {
    id: 'demo-order-vreewijk-drinks',
    visitId: V,
    itemId: 'demo-item-v6',
    kind: 'drinks' as const,
    description: 'Koffie, thee, sap en water',
    providerId: 'demo-provider-karin',
    rule: 'per_person' as const,
    amount: 2,
    unit: 'kopjes en glazen',
    unitCostCents: 45,
    // The De Wit family, whose garden it is, drinks along.
    extraPersons: 3,
    deadline: at('2017-09-18T10:00:00Z'),
    reminderHours: 24,
    status: 'confirmed' as const,
    providerNote: 'Ik neem ook de thermoskannen van de vereniging mee.',
    respondedAt: at('2017-09-12T18:30:00Z'),
  },
  {
    id: 'demo-order-vreewijk-snacks',
    visitId: V,
    itemId: 'demo-item-v6',
    kind: 'snacks' as const,
    description: 'Zelfgemaakte hapjes van de buren',
    providerId: 'demo-provider-ahmed',
    rule: 'per_person' as const,
    amount: 8,
    unit: 'hapjes',
    unitCostCents: 20,
    extraPersons: 3,
    deadline: at('2017-09-18T10:00:00Z'),
    reminderHours: 24,
    status: 'confirmed' as const,
    respondedAt: at('2017-09-13T09:10:00Z'),
  },
  {
    id: 'demo-order-deventer-lunch',
    visitId: D,
    itemId: 'demo-item-d6',
    kind: 'lunch' as const,
    description: 'Broodjeslunch met soep, melk en karnemelk',
    providerId: 'demo-provider-buurtpunt',
    rule: 'per_person' as const,
    amount: 1,
    unit: 'lunches',
    unitCostCents: 1250,
    // Members of the Deventer neighbourhood teams join the lunch.
    extraPersons: 6,
    deadline: at('2017-09-20T10:00:00Z'),
    reminderHours: 48,
    status: 'confirmed' as const,
    notes: 'Factuur naar het secretariaat, o.v.v. delegatiebezoek september.',
    respondedAt: at('2017-09-14T11:00:00Z'),
  },
]

const contributions = [
  {
    id: 'demo-contribution-bitterballen',
    orderId: 'demo-order-vreewijk-snacks',
    description: 'bitterballen',
    quantity: 40,
    providerId: 'demo-provider-ahmed',
    takenAt: at('2017-09-13T09:10:00Z'),
  },
  {
    id: 'demo-contribution-wijn',
    orderId: 'demo-order-vreewijk-drinks',
    description: 'wijn en sap voor na afloop',
    quantity: null,
    providerId: 'demo-provider-karin',
    takenAt: at('2017-09-12T18:30:00Z'),
  },
  {
    id: 'demo-contribution-vega',
    orderId: 'demo-order-vreewijk-snacks',
    description: 'vegetarische hapjes',
    quantity: 30,
    providerId: null,
    takenAt: null,
  },
]

/**
 * Loads the demo catering once (fixed ids, ON CONFLICT DO NOTHING: what someone changed stays), then freezes
 * the numbers of every demo order not sent yet as they are now, sent on their deadline — so the pages show
 * the numbers as sent and, once someone registers, the difference.
 */
export async function loadDemoCatering(db: Database): Promise<void> {
  const statements: BatchItem<'sqlite'>[] = [
    ...company.map((row) => db.insert(participants).values(row).onConflictDoNothing()),
    ...[V, D].map((visitId) =>
      db
        .insert(cateringTeamPresence)
        .values({ visitId, personId: demoOrganiser.id, groupId: null })
        .onConflictDoNothing(),
    ),
  ]
  for (const row of providers) {
    statements.push(
      db
        .insert(cateringProviders)
        .values({ ...row, tokenHash: await hashToken(randomToken()) })
        .onConflictDoNothing(),
    )
  }
  statements.push(
    ...orders.map((row) => db.insert(cateringOrders).values(row).onConflictDoNothing()),
    ...contributions.map((row) => db.insert(cateringContributions).values(row).onConflictDoNothing()),
  )
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  const ids = orders.map((o) => o.id)
  for (const visitId of [V, D]) {
    const rows = await loadCatering(db, { visitId })
    if (!rows) continue
    const plan = cateringPlan(rows, new Date())
    const unsent = plan.orders.filter((o) => ids.includes(o.id) && o.sentAt === null && o.deadline)
    if (unsent.length === 0) continue
    const freezes: BatchItem<'sqlite'>[] = unsent.map((o) =>
      db
        .update(cateringOrders)
        .set({ sentAt: o.deadline, sentNumbers: JSON.stringify(o.numbers) })
        .where(and(eq(cateringOrders.id, o.id), isNull(cateringOrders.sentAt))),
    )
    await db.batch(freezes as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  }
}
