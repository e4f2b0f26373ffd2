import {
  groups,
  hostOffers,
  invitations,
  loginTokens,
  memberships,
  participants,
  people,
  programmeItems,
  releases,
  sessions,
  teams,
  venues,
  visitRoles,
  visits,
} from '../../shared/db/schema'
import { hashToken, randomToken } from '../../workers/platform/auth/tokens'
import { db } from './helpers'

export const actors = [
  'anonymous',
  'outsider',
  'viewer',
  'organiser',
  'owner',
  'host',
  'caterer',
  'speaker',
] as const
export type ActorName = (typeof actors)[number]

/** Expected statuses, listed in the order of `actors`: anonymous, outsider, viewer, organiser, owner, host, caterer, speaker. */
export const s = (...codes: number[]): Record<ActorName, number> =>
  Object.fromEntries(actors.map((a, i) => [a, codes[i] as number])) as Record<ActorName, number>

/** A request of the matrix: JSON or a form, with extra headers. */
export type Req = {
  path: string
  json?: unknown
  form?: Record<string, string>
  headers?: Record<string, string>
}
/** One row of the role × route matrix: how to call the route as an actor, and what each actor gets. */
export type Row = {
  request: (w: World, actor: ActorName) => Req | Promise<Req>
  expect: Record<ActorName, number>
  /** Actors that may not see the private values: their 2xx responses must not contain them. */
  hidePrivateFrom?: ActorName[]
  /** Actors that should see the private value in a 2xx answer (proves the field exists at all). */
  showPrivateTo?: ActorName[]
  /** The private value showPrivateTo looks for; the host contact when not given. */
  privateMarker?: string
  /**
   * Private values this row may show to the actors of hidePrivateFrom: a company member's dietary need is
   * shown to the kitchen as an anonymous note (catering), without whose it is.
   */
  allowPrivate?: (keyof typeof PRIVATE)[]
}

/** Values that only some roles may see; a response that must not show them is searched for them. */
export const PRIVATE = {
  hostContact: '06-PRIVATE-HOST-555',
  otherHostContact: '06-PRIVATE-OTHER-777',
  participantContact: '06-PRIVATE-MAYOR-999',
  dietaryNeeds: 'PRIVATE-DIET-glutenvrij',
  budget: 424242,
  /** A supplier's phone (catering): the organisers see it, no one else. */
  providerContact: '06-PRIVATE-SUPPLIER-333',
  /** A guest's name and address (catering's fixture): never on a caterer's or volunteer's page, file or mail. */
  guestName: 'Gast PRIVATE-Geheimnaam',
  guestEmail: 'private-geheim-gast@example.nl',
}

/**
 * A fresh, isolated world: team A (owner, organiser, viewer) with a visit, two venues and items; a host of
 * venue A1 and a caterer for the visit; team B with its owner (the outsider). Every actor that is a person
 * has a live session. Made with direct inserts in one batch: fast enough to build one per test case.
 */
export async function makeWorld() {
  const n = crypto.randomUUID().slice(0, 8)
  const now = new Date()
  const id = () => crypto.randomUUID()
  const w = {
    teamA: id(),
    teamB: id(),
    visitA: id(),
    visitB: id(),
    venueA1: id(),
    venueA2: id(),
    venueB: id(),
    slugA: `bezoek-${n}`,
    person: {} as Record<
      Exclude<ActorName, 'anonymous' | 'speaker'>,
      { id: string; email: string; cookie: string }
    >,
    itemA1: id(),
    groupA: id(),
    participantA: id(),
    offerA: id(),
    releaseA: id(),
    invitationId: id(),
    invitationToken: randomToken(),
    signInToken: randomToken(),
  }
  const names = ['outsider', 'viewer', 'organiser', 'owner', 'host', 'caterer'] as const
  const rows: Parameters<typeof db.batch>[0][number][] = []
  for (const name of names) {
    const sessionId = randomToken()
    const person = {
      id: id(),
      email: `${name}-${n}@example.nl`,
      cookie: `__Host-rondgang_session=${sessionId}`,
    }
    w.person[name] = person
    rows.push(db.insert(people).values({ id: person.id, email: person.email, name: `${name} ${n}` }))
    rows.push(
      db.insert(sessions).values({
        idHash: await hashToken(sessionId),
        personId: person.id,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + 3600_000),
      }),
    )
  }
  rows.push(
    db.insert(teams).values([
      { id: w.teamA, name: `Team A ${n}` },
      { id: w.teamB, name: `Team B ${n}` },
    ]),
    db.insert(memberships).values([
      { teamId: w.teamA, personId: w.person.owner.id, role: 'owner' },
      { teamId: w.teamA, personId: w.person.organiser.id, role: 'organiser' },
      { teamId: w.teamA, personId: w.person.viewer.id, role: 'viewer' },
      { teamId: w.teamB, personId: w.person.outsider.id, role: 'owner' },
    ]),
    db.insert(visits).values([
      {
        id: w.visitA,
        teamId: w.teamA,
        slug: w.slugA,
        kind: 'college_visit',
        title: `Bezoek ${n}`,
        startDate: '2027-06-12',
        endDate: '2027-06-12',
        status: 'published',
        budgetCents: PRIVATE.budget,
      },
      {
        id: w.visitB,
        teamId: w.teamB,
        slug: `ander-${n}`,
        kind: 'other',
        title: `Ander bezoek ${n}`,
        startDate: '2027-06-12',
        endDate: '2027-06-12',
      },
    ]),
    db.insert(venues).values([
      { id: w.venueA1, teamId: w.teamA, name: 'Tuin A1', kind: 'garden', hostContact: PRIVATE.hostContact },
      {
        id: w.venueA2,
        teamId: w.teamA,
        name: 'Buurthuis A2',
        kind: 'community_centre',
        hostContact: PRIVATE.otherHostContact,
      },
      { id: w.venueB, teamId: w.teamB, name: 'Tuin B', kind: 'garden' },
    ]),
    db.insert(groups).values({ id: w.groupA, visitId: w.visitA, name: 'Groep A' }),
    db.insert(participants).values({
      id: w.participantA,
      visitId: w.visitA,
      name: 'De burgemeester',
      function: 'mayor',
      groupId: w.groupA,
      contact: PRIVATE.participantContact,
      dietaryNeeds: PRIVATE.dietaryNeeds,
    }),
    db.insert(hostOffers).values({
      id: w.offerA,
      teamId: w.teamA,
      hostName: 'Karin',
      hostEmail: `karin-${n}@example.nl`,
      venueName: 'Tuin van Karin',
      venueKind: 'garden',
      address: 'Rozenlaan 3',
    }),
    db.insert(releases).values({
      id: w.releaseA,
      visitId: w.visitA,
      number: 1,
      name: 'Versie 1',
      snapshot: JSON.stringify({
        visit: {
          id: w.visitA,
          slug: w.slugA,
          title: `Bezoek ${n}`,
          kind: 'college_visit',
          description: '',
          meetingPoint: '',
          timeZone: 'Europe/Amsterdam',
          startDate: '2027-06-12',
          endDate: '2027-06-12',
          walkingSpeedKmh: 4.5,
        },
        venues: [],
        groups: [],
        items: [],
      }),
      changes: '[]',
      publishedAt: now,
    }),
    db.insert(programmeItems).values([
      {
        id: w.itemA1,
        visitId: w.visitA,
        venueId: w.venueA1,
        kind: 'welcome',
        title: 'Welkom',
        startsAt: new Date('2027-06-12T13:00:00Z'),
        endsAt: new Date('2027-06-12T13:15:00Z'),
      },
      {
        visitId: w.visitA,
        venueId: w.venueA2,
        kind: 'catering',
        title: 'Hapje en drankje',
        startsAt: new Date('2027-06-12T15:00:00Z'),
        endsAt: new Date('2027-06-12T16:00:00Z'),
      },
    ]),
    db.insert(visitRoles).values([
      { visitId: w.visitA, personId: w.person.host.id, role: 'host', venueId: w.venueA1 },
      { visitId: w.visitA, personId: w.person.caterer.id, role: 'caterer' },
    ]),
    db.insert(invitations).values({
      id: w.invitationId,
      teamId: w.teamA,
      email: `invitee-${n}@example.nl`,
      role: 'viewer',
      tokenHash: await hashToken(w.invitationToken),
      expiresAt: new Date(now.getTime() + 3600_000),
    }),
    db.insert(loginTokens).values({
      tokenHash: await hashToken(w.signInToken),
      email: `signin-${n}@example.nl`,
      expiresAt: new Date(now.getTime() + 600_000),
    }),
  )
  await db.batch(rows as [(typeof rows)[number], ...(typeof rows)[number][]])
  return w
}

export type World = Awaited<ReturnType<typeof makeWorld>>

/** The Cookie header of an actor; anonymous and a speaker link holder have no session. */
export function cookieOf(w: World, actor: ActorName): string | undefined {
  return actor === 'anonymous' || actor === 'speaker' ? undefined : w.person[actor].cookie
}

/** An invitation addressed to this actor (so accepting it can succeed for the right person). */
export async function invitationFor(w: World, actor: ActorName) {
  const token = randomToken()
  const email =
    actor === 'anonymous' || actor === 'speaker' ? `nobody-${w.teamA}@example.nl` : w.person[actor].email
  await db.insert(invitations).values({
    teamId: w.teamA,
    email,
    role: 'viewer',
    tokenHash: await hashToken(token),
    expiresAt: new Date(Date.now() + 3600_000),
  })
  return token
}
