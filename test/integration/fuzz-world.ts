import { env } from 'cloudflare:test'
import { and, eq } from 'drizzle-orm'
import { cateringProviders, rsvps, talkSpeakers, teams } from '../../shared/db/schema'
import { cateringSetup } from '../../workers/features/catering/catering.fixtures.matrix'
import { linkOf, photoOf } from '../../workers/features/photos/photos.matrix'
import { linkPath, pendingRequest } from '../../workers/features/privacy/privacy.matrix'
import { optOutLink } from '../../workers/features/releases/change-mails'
import { followUpOf, reportOf } from '../../workers/features/reports/reports.matrix'
import { guestToken } from '../../workers/features/rsvps/rsvps.matrix'
import { speakerSetup } from '../../workers/features/talks/talks.matrix'
import { signupToken } from '../../workers/features/visits/visits.matrix'
import { renewalOf, signedPayload, signLink } from '../../workers/platform/auth/signed-links'
import { hashToken } from '../../workers/platform/auth/tokens'
import { readConfig } from '../../workers/platform/config'
import { db } from './helpers'
import { makeWorld } from './world'

/**
 * The fuzz's world: the access matrix's world with everything a private link or an id in a path can name —
 * a speaker's talk with a co-speaker, a file and a slot; a guest's registration with its renewal, address
 * move, opt-out and privacy links; the catering of the visit with its providers' links; a published report
 * with a held comment; a follow-up; a photo and a photo link; a pending erasure request. Without them most
 * inputs to a link's form stop at "not found" and never reach its validation.
 */
export async function makeFuzzWorld() {
  const w = await makeWorld()
  const config = readConfig(env as unknown as Cloudflare.Env)
  const secret = config.appSecret
  const talk = await speakerSetup(w, { coSpeaker: true, file: true, slot: 'free' })
  const catering = await cateringSetup(w)
  const report = await reportOf(w, 'published')
  const followUpId = await followUpOf(w)
  const photo = await photoOf(w)
  const photoLink = await linkOf(w)
  const hostSignup = await signupToken(w)
  const guest = await guestToken(w)
  const [row] = await db
    .select({ id: rsvps.id, tokenHash: rsvps.tokenHash })
    .from(rsvps)
    .where(eq(rsvps.tokenHash, await hashToken(guest)))
  const rsvpId = row?.id ?? ''
  const rsvpHash = row?.tokenHash ?? ''
  const until = Date.now() + 3600_000
  const last = (path: string) => path.split('/').pop() ?? ''
  const optOut = new URL(await optOutLink(config, rsvpId)).pathname.split('/')
  const talkRenewal = await renewalOf(
    secret,
    'talk-renew',
    [talk.talkId, talk.speakerId],
    await hashToken(talk.token),
    until,
  )
  const rsvpRenewal = `${rsvpId}.${until}.${await signLink(secret, 'rsvp-renew', `${rsvpId}:${until}:${rsvpHash}`)}`
  const emailMove = await signedPayload(
    secret,
    'rsvp-email',
    { r: rsvpId, e: `moved-${w.teamA.slice(0, 8)}@example.nl`, x: until },
    rsvpHash,
  )
  const privacyErase = last(await linkPath(w, 'erase'))
  const requestPath = await pendingRequest(w)
  const requestId = requestPath.split('/').at(-2) ?? ''

  /** The token of a path's own kind of link: a speaker's under /t/, a guest's under /r/, and so on. */
  const tokenFor = (path: string) => {
    if (path.startsWith('/t/')) return talk.token
    if (path.startsWith('/r/')) return guest
    if (path.startsWith('/rc/')) return report.token
    if (path.startsWith('/c/')) return catering.tokens.volunteer
    if (path.startsWith('/invitations/')) return w.invitationToken
    if (path.startsWith('/host-offer/')) return hostSignup
    if (path.startsWith('/photo-links/') || path.startsWith('/p/')) return photoLink.token
    return undefined
  }
  /** Real values for the path parameters a route names (undefined: none is known, a random one is sent). */
  const realParams = (path: string): Record<string, string | undefined> => ({
    visitId: w.visitA,
    teamId: w.teamA,
    itemId: w.itemA1,
    groupId: w.groupA,
    participantId: w.participantA,
    venueId: w.venueA1,
    offerId: w.offerA,
    releaseId: w.releaseA,
    invitationId: w.invitationId,
    personId: w.person.viewer.id,
    slug: w.slugA,
    number: '1',
    token: tokenFor(path),
    talkId: talk.talkId,
    speakerId: talk.coId,
    fileId: talk.fileId,
    slotId: talk.slotId,
    // A caterer's link names its own orders and contributions; the team's pages any of the visit's.
    orderId: path.startsWith('/c/') ? catering.snacksOrder : catering.borrelOrder,
    contributionId: path.startsWith('/c/') ? catering.taken : catering.open,
    providerId: catering.volunteer,
    photoId: photo.id,
    linkId: photoLink.id,
    commentId: report.commentId,
    reportId: report.id,
    followUpId,
    rsvpId: path.startsWith('/unsubscribe/') ? optOut[2] : rsvpId,
    signature: optOut[3],
    renewal: path.startsWith('/t/') ? talkRenewal : rsvpRenewal,
    link: path.startsWith('/privacy/') ? privacyErase : emailMove,
    requestId,
  })
  /**
   * The links as they were made, again: a valid input to "renew my link" or "make a new link" replaces a
   * token, and every route after it would only see 404. Called before each route (not part of its digest).
   */
  const restoreLinks = async () => {
    await db.batch([
      db
        .update(talkSpeakers)
        .set({ tokenHash: await hashToken(talk.token) })
        .where(and(eq(talkSpeakers.talkId, talk.talkId), eq(talkSpeakers.speakerId, talk.speakerId))),
      db
        .update(rsvps)
        .set({ tokenHash: await hashToken(guest) })
        .where(eq(rsvps.id, rsvpId)),
      db
        .update(teams)
        .set({ hostSignupTokenHash: await hashToken(hostSignup) })
        .where(eq(teams.id, w.teamA)),
      db
        .update(cateringProviders)
        .set({ tokenHash: await hashToken(catering.tokens.volunteer) })
        .where(eq(cateringProviders.id, catering.volunteer)),
    ])
  }
  return { ...w, realParams, restoreLinks }
}
