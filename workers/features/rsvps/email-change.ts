/**
 * A guest moves their registration to another address. The new address confirms it first, and the guest's
 * page answers the same whether that address is free or already registered: the truth goes by mail to the
 * new address only, so nobody can use the form to learn who registered (hole 3 of [13]).
 */
import { and, eq, ne, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { rsvps } from '../../../shared/db/schema'
import { DomainError } from '../../../shared/errors'
import { type Lang, localeOf, toLang } from '../../../shared/i18n'
import { formatLocalDate } from '../../../shared/i18n/format'
import { renderMail } from '../../../shared/mail/templates'
import { readSignedPayload, signedPayload } from '../../platform/auth/signed-links'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { queueMailWhen } from '../../platform/mail/outbox'
import { renewLink } from './renewal'

const PURPOSE = 'rsvp-email'
/** How long a mailed confirmation works, and how often one goes to the same address at most. */
const CONFIRM_DAYS = 7
const MAIL_EVERY_MS = 10 * 60_000

type Registration = { id: string; tokenHash: string; lang: string; partySize: number }
type VisitForMail = { id: string; title: string; startDate: string }

const base = (config: Config) => config.publicUrl.replace(/\/$/, '')

/** The change was saved, and not more than one mail of this kind went to this address in 10 minutes. */
const whenToMail = (to: string, kind: string, changed: { id: string; version: number }, now: Date) =>
  sql`EXISTS (SELECT 1 FROM rsvps WHERE id = ${changed.id} AND version = ${changed.version})
    AND NOT EXISTS (SELECT 1 FROM mail_outbox WHERE "to" = ${to} AND kind = ${kind}
    AND created_at > ${now.getTime() - MAIL_EVERY_MS})`

/**
 * The statements that ask the new address to confirm a move of this registration, to run in the batch of the
 * guest's change. Is the address already registered for the visit, its holder gets a renewal of their own
 * link instead (the move cannot happen) — one read decides which, and the guest is told neither.
 */
export async function emailChangeStatements(
  db: Database,
  config: Config,
  input: {
    rsvp: Registration
    visit: VisitForMail
    newEmail: string
    lang: Lang
    /** The registration as the change leaves it: the mail goes only if the change was saved. */
    changed: { id: string; version: number }
  },
  now: Date,
): Promise<BatchItem<'sqlite'>[]> {
  const { rsvp, visit, newEmail } = input
  const [holder] = await db
    .select({ id: rsvps.id, tokenHash: rsvps.tokenHash, lang: rsvps.lang, partySize: rsvps.partySize })
    .from(rsvps)
    .where(and(eq(rsvps.visitId, visit.id), eq(rsvps.email, newEmail), ne(rsvps.status, 'cancelled')))
    .limit(1)
  const until = now.getTime() + CONFIRM_DAYS * 24 * 3600_000
  if (holder) {
    const lang = toLang(holder.lang)
    const mail = renderMail('rsvp_email_taken', lang, {
      link: await renewLink(config, holder, now),
      visitTitle: visit.title,
      date: formatLocalDate(visit.startDate, localeOf(lang)),
      partySize: holder.partySize,
    })
    const kind = 'rsvp_email_taken'
    return [
      queueMailWhen(
        db,
        config,
        { to: newEmail, kind, ...mail },
        now,
        whenToMail(newEmail, kind, input.changed, now),
      ),
    ]
  }
  const part = await signedPayload(
    config.appSecret,
    PURPOSE,
    { r: rsvp.id, e: newEmail, x: until },
    rsvp.tokenHash,
  )
  const mail = renderMail('rsvp_email_confirm', input.lang, {
    link: `${base(config)}/r/email/${part}`,
    visitTitle: visit.title,
    date: formatLocalDate(visit.startDate, localeOf(input.lang)),
    partySize: rsvp.partySize,
  })
  const kind = 'rsvp_email_confirm'
  return [
    queueMailWhen(
      db,
      config,
      { to: newEmail, kind, ...mail },
      now,
      whenToMail(newEmail, kind, input.changed, now),
    ),
  ]
}

/** The registration and address a confirmation link was made for, while it is well-formed and in time. */
async function readConfirmation(db: Database, config: Config, link: string, now: Date) {
  let current: { id: string; tokenHash: string; visitId: string } | undefined
  const value = await readSignedPayload(config.appSecret, PURPOSE, link, now, async (v) => {
    if (typeof v.r !== 'string' || v.r.length > 64) return ''
    ;[current] = await db
      .select({ id: rsvps.id, tokenHash: rsvps.tokenHash, visitId: rsvps.visitId })
      .from(rsvps)
      .where(and(eq(rsvps.id, v.r), ne(rsvps.status, 'cancelled')))
    // A cancelled or unknown registration binds to nothing a signature was made over.
    return current?.tokenHash ?? 'none'
  })
  if (!value || !current || typeof value.e !== 'string') return null
  return { rsvp: current, email: value.e }
}

/** Whether a confirmation link can still be used (the page shows its button only then). */
export async function isEmailConfirmation(db: Database, config: Config, link: string, now: Date) {
  return (await readConfirmation(db, config, link, now)) !== null
}

/**
 * The new address confirms: the registration moves to it, unless that address registered for the visit in
 * the meantime or the link was used (both: 404, nothing changes). The private link stays the same.
 */
export async function confirmEmailChange(db: Database, config: Config, link: string, now: Date) {
  const found = await readConfirmation(db, config, link, now)
  if (!found) throw new DomainError('not_found')
  const { rsvp, email } = found
  const moved = await db
    .update(rsvps)
    .set({ email, version: sql`${rsvps.version} + 1`, updatedAt: now })
    .where(
      and(
        eq(rsvps.id, rsvp.id),
        eq(rsvps.tokenHash, rsvp.tokenHash),
        ne(rsvps.status, 'cancelled'),
        ne(rsvps.email, email),
        sql`NOT EXISTS (SELECT 1 FROM rsvps AS other WHERE other.visit_id = ${rsvp.visitId}
          AND other.email = ${email} AND other.status <> 'cancelled')`,
      ),
    )
    .returning({ email: rsvps.email })
  if (moved.length === 0) throw new DomainError('not_found')
  return { email }
}
