/** The organisers cancel a guest's registration (a no-show who phoned, a double entry): asked first, mailed. */
import { and, eq, sql } from 'drizzle-orm'
import { rsvps } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { DomainError } from '../../../shared/errors'
import { auditEntry } from '../../platform/audit'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { queueMailWhen } from '../../platform/mail/outbox'
import { loadVisitFor } from '../visits/visits'
import { renewLink } from './renewal'
import { cancelRegistration, rsvpMail } from './rsvps'

type Person = Extract<Actor, { kind: 'person' }>

/**
 * Cancels a registration of a visit for its organisers: the waitlist moves up as when the guest cancels, the
 * guest gets a mail saying so (with a renewal of their link, to look or register again), and the team's log
 * records it without the guest's name. Already cancelled: nothing happens.
 */
export async function cancelRsvpForTeam(
  db: Database,
  config: Config,
  actor: Person,
  visitId: string,
  rsvpId: string,
  now: Date,
): Promise<void> {
  const { visit } = await loadVisitFor(db, actor, visitId, 'organise')
  const [rsvp] = await db
    .select()
    .from(rsvps)
    .where(and(eq(rsvps.id, rsvpId), eq(rsvps.visitId, visit.id)))
    .limit(1)
  if (!rsvp) throw new DomainError('not_found')
  const mail = rsvpMail('rsvp_cancelled_by_team', rsvp, visit, await renewLink(config, rsvp, now))
  await cancelRegistration(db, config, rsvp, visit, now, [
    // Only when this very call cancelled it: a second click mails nobody twice.
    queueMailWhen(db, config, mail, now, sql`changes() = 1`),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'rsvp.cancelled',
      entityType: 'rsvp',
      entityId: rsvp.id,
      before: { status: rsvp.status },
      after: { status: 'cancelled' },
      at: now,
    }),
  ])
}
