/** A speaker asks for their private links again: a renewal is mailed, the links they hold keep working. */
import { and, eq, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { mailOutbox, speakers, talkSpeakers, talks, visits as visitsTable } from '../../../shared/db/schema'
import { DomainError } from '../../../shared/errors'
import type { Lang } from '../../../shared/i18n'
import { renderMail } from '../../../shared/mail/templates'
import { parseRenewal, renewalMatches, renewalOf } from '../../platform/auth/signed-links'
import { hashToken, randomToken } from '../../platform/auth/tokens'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { queueMailWhen } from '../../platform/mail/outbox'
import { callBySlug } from './call'
import { visitFields } from './queries'
import { visitDateIn } from './talk-mail'

const PURPOSE = 'talk-renew'
/** How long a mailed renewal works, and how often one is mailed to the same address at most. */
const RENEW_DAYS = 7
const RENEW_MAIL_EVERY_MS = 10 * 60_000

const renewalLink = (config: Config, renewal: string) =>
  `${config.publicUrl.replace(/\/$/, '')}/t/renew/${renewal}`

/**
 * Mails an address a renewal per talk it speaks in at this visit. Nothing is replaced: the links the speaker
 * has keep working until the speaker opens a renewal themselves, so a stranger who knows the address cannot
 * end them. At most one such mail per address and talk per 10 minutes, however often asked. Unknown
 * addresses get nothing, and the answer is the same, so the form tells no one who speaks.
 * The visit's call must exist and be open to the reader (an unlisted visit's with its share link), or 404.
 */
export async function resendLinks(
  db: Database,
  config: Config,
  slug: string,
  email: string,
  lang: Lang,
  now: Date,
  shareToken?: string,
) {
  await callBySlug(db, slug, now, shareToken)
  const rows = await db
    .select({
      talkId: talkSpeakers.talkId,
      speakerId: talkSpeakers.speakerId,
      tokenHash: talkSpeakers.tokenHash,
      speakerName: speakers.name,
      talkTitle: talks.title,
      visit: visitFields,
    })
    .from(talkSpeakers)
    .innerJoin(speakers, eq(speakers.id, talkSpeakers.speakerId))
    .innerJoin(talks, eq(talks.id, talkSpeakers.talkId))
    .innerJoin(visitsTable, eq(visitsTable.id, talks.visitId))
    .where(and(eq(visitsTable.slug, slug), eq(speakers.email, email)))
  if (rows.length === 0) return
  const until = now.getTime() + RENEW_DAYS * 24 * 3600_000
  const recently = now.getTime() - RENEW_MAIL_EVERY_MS
  const statements: BatchItem<'sqlite'>[] = []
  for (const row of rows) {
    const renewal = await renewalOf(
      config.appSecret,
      PURPOSE,
      [row.talkId, row.speakerId],
      row.tokenHash,
      until,
    )
    const mail = renderMail('talk_link_resent', lang, {
      link: renewalLink(config, renewal),
      talkTitle: row.talkTitle,
      visitTitle: row.visit.title,
      speakerName: row.speakerName,
      date: visitDateIn(row.visit, lang),
    })
    // The subject names the talk, so "recently mailed" is per address and talk.
    const notRecently = sql`NOT EXISTS (SELECT 1 FROM ${mailOutbox} WHERE ${mailOutbox.to} = ${email}
      AND ${mailOutbox.kind} = 'talk_link_resent' AND ${mailOutbox.subject} = ${mail.subject}
      AND ${mailOutbox.createdAt} > ${recently})`
    statements.push(
      queueMailWhen(db, config, { to: email, kind: 'talk_link_resent', ...mail }, now, notRecently),
    )
  }
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
}

/** Whether a renewal is well-formed and still in time (the page shows its button only then). */
export const isSpeakerRenewal = (renewal: string, now: Date) => parseRenewal(renewal, 2, now) !== null

/**
 * The speaker renews their private link from the mailed renewal: a new token, the old link ends now — by
 * the speaker's own hand. A forged, used or expired renewal is a 404. Returns the new token.
 */
export async function renewSpeakerLink(
  db: Database,
  config: Config,
  renewal: string,
  now: Date,
): Promise<string> {
  const parsed = parseRenewal(renewal, 2, now)
  if (!parsed) throw new DomainError('not_found')
  const [talkId = '', speakerId = ''] = parsed.ids
  const where = and(eq(talkSpeakers.talkId, talkId), eq(talkSpeakers.speakerId, speakerId))
  const [current] = await db.select({ tokenHash: talkSpeakers.tokenHash }).from(talkSpeakers).where(where)
  if (!current || !(await renewalMatches(config.appSecret, PURPOSE, parsed, current.tokenHash)))
    throw new DomainError('not_found')
  const token = randomToken()
  const renewed = await db
    .update(talkSpeakers)
    .set({ tokenHash: await hashToken(token) })
    .where(and(where, eq(talkSpeakers.tokenHash, current.tokenHash)))
    .returning({ talkId: talkSpeakers.talkId })
  if (renewed.length === 0) throw new DomainError('not_found')
  return token
}
