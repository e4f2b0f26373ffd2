import { and, desc, eq, sql } from 'drizzle-orm'
import type { InferOutput } from 'valibot'
import { hostOffers, people, teams, venues, visitRoles, visits } from '../../../shared/db/schema'
import { type Actor, canOrganise, canReadTeam } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import type { Lang } from '../../../shared/i18n'
import { auditEntry, auditWhen } from '../../platform/audit'
import { hashToken, randomToken, tokenPattern } from '../../platform/auth/tokens'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { roleMail } from './role-mail'
import type { hostOfferSchema } from './schemas'

type Person = Extract<Actor, { kind: 'person' }>

/** The token of a team's sign-up link, made from the app secret and the team's stored random value. */
async function signupToken(config: Config, teamId: string, nonce: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(config.appSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const mac = new Uint8Array(
    await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`host-signup-link:${teamId}:${nonce}`)),
  )
  let binary = ''
  for (const b of mac) binary += String.fromCharCode(b)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

const signupUrl = (config: Config, token: string) =>
  new URL(`/host-offer/${token}`, config.publicUrl).toString()

/**
 * Makes a new host sign-up link for a team (organisers); making a new one revokes the old. The link is found
 * by its hash; the team's page makes it again from a stored random value and the app secret.
 */
export async function renewHostSignupLink(
  db: Database,
  config: Config,
  actor: Person,
  teamId: string,
  now: Date,
) {
  if (!canReadTeam(actor, teamId)) throw new DomainError('not_found')
  if (!canOrganise(actor, teamId)) throw new DomainError('forbidden')
  const nonce = randomToken()
  const token = await signupToken(config, teamId, nonce)
  await db.batch([
    db
      .update(teams)
      .set({ hostSignupTokenHash: await hashToken(token), hostSignupLinkNonce: nonce })
      .where(eq(teams.id, teamId)),
    auditEntry(db, {
      teamId,
      actorId: actor.personId,
      action: 'host_signup_link.renewed',
      entityType: 'team',
      entityId: teamId,
      at: now,
    }),
  ])
  return { url: signupUrl(config, token) }
}

/**
 * The team's current sign-up link for its organisers, or null when there is none (or one made before links
 * could be shown again: the team makes a new one).
 */
export async function currentHostSignupLink(db: Database, config: Config, actor: Actor, teamId: string) {
  if (!canOrganise(actor, teamId)) return null
  const [team] = await db
    .select({ hash: teams.hostSignupTokenHash, nonce: teams.hostSignupLinkNonce })
    .from(teams)
    .where(eq(teams.id, teamId))
    .limit(1)
  if (!team?.hash || !team.nonce) return null
  const token = await signupToken(config, teamId, team.nonce)
  // A link replaced outside this path (an older build) no longer matches: show nothing rather than a dead link.
  return (await hashToken(token)) === team.hash ? signupUrl(config, token) : null
}

/** The team a host sign-up link belongs to, or null for an unknown or revoked link. */
export async function teamOfSignupLink(db: Database, token: string) {
  if (!tokenPattern.test(token)) return null
  const [team] = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.hostSignupTokenHash, await hashToken(token)))
    .limit(1)
  return team ?? null
}

/**
 * A resident offers a garden or space through the link (no account needed). Null, with nothing saved, when
 * the link is unknown or was replaced since the form was opened.
 */
export async function submitHostOffer(
  db: Database,
  token: string,
  input: InferOutput<typeof hostOfferSchema>,
  now: Date,
) {
  const team = await teamOfSignupLink(db, token)
  if (!team) return null
  const id = crypto.randomUUID()
  await db.batch([
    db.insert(hostOffers).values({ id, teamId: team.id, ...input, createdAt: now }),
    auditEntry(db, {
      teamId: team.id,
      actorId: null,
      action: 'host_offer.received',
      entityType: 'host_offer',
      entityId: id,
      after: { venueName: input.venueName, hostName: input.hostName },
      at: now,
    }),
  ])
  return { id, teamName: team.name }
}

/** The offers a team received, newest first (organisers: they hold residents' contact details). */
export async function listHostOffers(db: Database, actor: Actor, teamId: string) {
  if (!canReadTeam(actor, teamId)) throw new DomainError('not_found')
  if (!canOrganise(actor, teamId)) throw new DomainError('forbidden')
  return db.select().from(hostOffers).where(eq(hostOffers.teamId, teamId)).orderBy(desc(hostOffers.createdAt))
}

const decided = () =>
  new DomainError('conflict', 'This offer was already decided.', { reason: 'host_offer_decided' })

async function offerForOrganiser(db: Database, actor: Person, offerId: string) {
  const [offer] = await db.select().from(hostOffers).where(eq(hostOffers.id, offerId)).limit(1)
  if (!offer || !canReadTeam(actor, offer.teamId)) throw new DomainError('not_found')
  if (!canOrganise(actor, offer.teamId)) throw new DomainError('forbidden')
  if (offer.status !== 'pending') throw decided()
  return offer
}

/**
 * Accepts an offer: the venue is made from it, and the resident becomes that venue's host for the chosen
 * visit (signing in with the address they gave) and is mailed so, with the visit's page as link.
 */
export async function acceptHostOffer(
  db: Database,
  config: Config,
  actor: Person,
  offerId: string,
  visitId: string,
  lang: Lang,
  now: Date,
) {
  const offer = await offerForOrganiser(db, actor, offerId)
  const [[visit], [known]] = await db.batch([
    db
      .select({ id: visits.id, title: visits.title, startDate: visits.startDate, teamName: teams.name })
      .from(visits)
      .innerJoin(teams, eq(teams.id, visits.teamId))
      .where(and(eq(visits.id, visitId), eq(visits.teamId, offer.teamId))),
    db.select({ locale: people.locale }).from(people).where(eq(people.email, offer.hostEmail)),
  ])
  if (!visit) {
    throw new DomainError('validation_failed', undefined, {
      errors: [{ field: 'visitId', message: 'invalid' }],
    })
  }
  const venueId = crypto.randomUUID()
  const stillPending = and(eq(hostOffers.id, offerId), eq(hostOffers.status, 'pending'))
  const nowMs = now.getTime()
  const claimedHere = sql`exists (select 1 from ${hostOffers} where ${hostOffers.id} = ${offerId} and ${hostOffers.venueId} = ${venueId})`
  // One batch, so all or nothing: the venue is made from the offer only while it is still pending (of two
  // organisers accepting at once, one gets it), then the offer points at it, and the resident hosts it.
  const [, claimed] = await db.batch([
    db.insert(venues).select(
      db
        .select({
          id: sql<string>`${venueId}`.as('id'),
          teamId: hostOffers.teamId,
          name: hostOffers.venueName,
          kind: hostOffers.venueKind,
          address: hostOffers.address,
          lat: hostOffers.lat,
          lng: hostOffers.lng,
          capacity: hostOffers.capacity,
          stepFree: hostOffers.stepFree,
          toilet: hostOffers.toilet,
          shelter: hostOffers.shelter,
          notes: hostOffers.notes,
          hostName: hostOffers.hostName,
          hostContact:
            sql<string>`trim(${hostOffers.hostPhone} || ' · ' || ${hostOffers.hostEmail}, ' ·')`.as(
              'host_contact',
            ),
          version: sql<number>`1`.as('version'),
          createdAt: sql<number>`${nowMs}`.as('created_at'),
        })
        .from(hostOffers)
        .where(stillPending),
    ),
    db
      .update(hostOffers)
      .set({ status: 'accepted', decidedAt: now, venueId })
      .where(stillPending)
      .returning({ id: hostOffers.id }),
    db
      .insert(people)
      .values({ email: offer.hostEmail, name: offer.hostName, locale: lang })
      .onConflictDoNothing({ target: people.email }),
    db
      .insert(visitRoles)
      .select(
        db
          .select({
            id: sql<string>`${crypto.randomUUID()}`.as('id'),
            visitId: sql<string>`${visitId}`.as('visit_id'),
            personId: people.id,
            role: sql<'host'>`'host'`.as('role'),
            venueId: hostOffers.venueId,
            createdAt: sql<number>`${nowMs}`.as('created_at'),
          })
          .from(hostOffers)
          .innerJoin(people, eq(people.email, hostOffers.hostEmail))
          .where(and(eq(hostOffers.id, offerId), eq(hostOffers.venueId, venueId))),
      )
      .onConflictDoNothing(),
    // The resident hears that they host it, with the way in; only from the accept that claimed the offer.
    roleMail(
      db,
      config,
      {
        to: { email: offer.hostEmail, name: offer.hostName, lang: known?.locale ?? lang },
        role: 'host',
        visit,
        teamName: visit.teamName,
        venueName: offer.venueName,
      },
      now,
      claimedHere,
    ),
    // The offer points at this very venue only when this accept is the one that claimed it.
    auditWhen(
      db,
      {
        teamId: offer.teamId,
        actorId: actor.personId,
        action: 'host_offer.accepted',
        entityType: 'host_offer',
        entityId: offerId,
        after: { venueId, visitId },
        at: now,
      },
      claimedHere,
    ),
  ])
  if (claimed.length === 0) throw decided()
  return { venueId }
}

/** Declines an offer (kept, for the record). */
export async function declineHostOffer(db: Database, actor: Person, offerId: string, now: Date) {
  const offer = await offerForOrganiser(db, actor, offerId)
  const stillPending = and(eq(hostOffers.id, offerId), eq(hostOffers.status, 'pending'))
  await db.batch([
    // Before the update, so only the decline that finds the offer still pending is logged.
    auditWhen(
      db,
      {
        teamId: offer.teamId,
        actorId: actor.personId,
        action: 'host_offer.declined',
        entityType: 'host_offer',
        entityId: offerId,
        at: now,
      },
      sql`exists (select 1 from ${hostOffers} where ${stillPending})`,
    ),
    db.update(hostOffers).set({ status: 'declined', decidedAt: now }).where(stillPending),
  ])
}
