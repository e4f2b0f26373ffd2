import { and, eq, inArray } from 'drizzle-orm'
import { rsvps } from '../../../shared/db/schema'
import { changesForGroups, describeChange, type ReleaseChange } from '../../../shared/domain/releases'
import { renderMail } from '../../../shared/mail/templates'
import { signLink } from '../../platform/auth/signed-links'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { queueMail } from '../../platform/mail/outbox'
import { guestPassQuery } from './guest-pass'

type VisitForMail = {
  id: string
  slug: string
  title: string
  timeZone: string
  startDate: string
  endDate: string
  listed: boolean
}

/** The opt-out link of a guest's change mails: signed, so nothing needs storing. */
export async function optOutLink(config: Config, rsvpId: string) {
  const signature = await signLink(config.appSecret, 'opt-out', rsvpId)
  return new URL(`/unsubscribe/${rsvpId}/${signature}`, config.publicUrl).toString()
}

/**
 * After a release, one mail per guest (confirmed or waitlisted, not opted out) listing only the changes that
 * concern their groups, in their language; guests untouched by the changes get nothing. Returns how many.
 */
export async function mailGuestsAboutChanges(
  db: Database,
  config: Config,
  visit: VisitForMail,
  changes: readonly ReleaseChange[],
  now: Date,
): Promise<number> {
  if (changes.length === 0) return 0
  const guests = await db
    .select({
      id: rsvps.id,
      name: rsvps.name,
      email: rsvps.email,
      lang: rsvps.lang,
      groupIds: rsvps.groupIds,
    })
    .from(rsvps)
    .where(
      and(
        eq(rsvps.visitId, visit.id),
        inArray(rsvps.status, ['confirmed', 'waitlisted']),
        eq(rsvps.notifyChanges, true),
      ),
    )
  const multiDay = visit.startDate !== visit.endDate
  // Each change is put in words once per language, not once per guest (1,000 guests × 300 changes).
  const sentences = new Map(
    changes.map((ch) => [
      ch,
      {
        nl: describeChange(ch, 'nl', visit.timeZone, { multiDay }),
        en: describeChange(ch, 'en', visit.timeZone, { multiDay }),
      },
    ]),
  )
  const link = new URL(`/v/${visit.slug}/changes`, config.publicUrl).toString()
  // An unlisted visit's pages open only with a link: each guest gets their own pass in theirs.
  const linkFor = async (rsvpId: string) =>
    visit.listed ? link : `${link}?${await guestPassQuery(config, visit.id, rsvpId)}`
  const statements = []
  for (const guest of guests) {
    const groups = JSON.parse(guest.groupIds) as string[]
    // A guest who follows no group in particular follows the whole company.
    const relevant = changesForGroups(changes, groups.length > 0 ? groups : null)
    if (relevant.length === 0) continue
    const lines = relevant.map((ch) => sentences.get(ch)?.[guest.lang] ?? '')
    const mail = renderMail('programme_changed', guest.lang, {
      link: await linkFor(guest.id),
      visitTitle: visit.title,
      lines,
      optOutLink: await optOutLink(config, guest.id),
      name: guest.name,
    })
    statements.push(queueMail(db, config, { to: guest.email, kind: 'programme_changed', ...mail }, now))
  }
  // D1 takes large batches, but a few dozen statements per round trip keeps each one well inside its limits.
  for (let i = 0; i < statements.length; i += 50) {
    const chunk = statements.slice(i, i + 50)
    await db.batch(chunk as [(typeof chunk)[number], ...(typeof chunk)[number][]])
  }
  return statements.length
}
