import type { SQL } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { type Lang, localeOf } from '../../../shared/i18n'
import { formatLocalDate } from '../../../shared/i18n/format'
import { renderMail } from '../../../shared/mail/templates'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { queueMailWhen } from '../../platform/mail/outbox'

/** What the mail to a new host or caterer is made from. */
export type RoleMailInput = {
  to: { email: string; name: string; lang: Lang }
  role: 'host' | 'caterer'
  visit: { id: string; title: string; startDate: string }
  teamName: string
  venueName: string | null
}

/**
 * The mail telling someone they were made host of a venue or caterer for a visit, with the visit's page as
 * link (the sign-in page first, then back there). Written only when `when` holds at that point of the batch:
 * the role is new (given again, nobody is mailed twice).
 */
export function roleMail(
  db: Database,
  config: Config,
  input: RoleMailInput,
  now: Date,
  when: SQL,
): BatchItem<'sqlite'> {
  const lang = input.to.lang
  const mail = renderMail('visit_role', lang, {
    link: new URL(`/visits/${input.visit.id}`, config.publicUrl).toString(),
    role: input.role,
    name: input.to.name,
    email: input.to.email,
    teamName: input.teamName,
    visitTitle: input.visit.title,
    date: formatLocalDate(input.visit.startDate, localeOf(lang)),
    venueName: input.venueName,
  })
  return queueMailWhen(db, config, { to: input.to.email, kind: 'visit_role', ...mail }, now, when)
}
