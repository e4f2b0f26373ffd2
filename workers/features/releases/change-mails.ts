import { sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { changeMailRuns } from '../../../shared/db/schema'
import { changesForGroups, describeChange, type ReleaseChange } from '../../../shared/domain/releases'
import type { Lang } from '../../../shared/i18n'
import { type MailMould, mailMould } from '../../../shared/mail/mould'
import { renderMail } from '../../../shared/mail/templates'
import { oneLine } from '../../../shared/mail/text'
import { signLink } from '../../platform/auth/signed-links'
import type { Config } from '../../platform/config'
import { batchSql } from '../../platform/db/prepared'
import type { Database } from '../../platform/env'
import { type OutgoingMail, queueMailsSql } from '../../platform/mail/outbox'
import { guestPassQuery } from './guest-pass'

/**
 * A release's change mails, out of the publish request: publishing records the work (`changeMailRun`, in the
 * release's own batch) and the scheduled job queues the mails, a bounded page of guests per run
 * (`queueChangeMails`). Each guest (confirmed or waitlisted, registered when the release came out, not opted
 * out) gets one mail per release listing only the changes that concern their groups, in their language;
 * guests untouched by the changes get nothing.
 *
 * Two releases before the first one's mails are out: each release's guests are mailed in turn, oldest
 * release first, each mail with the changes of its own release. Merging them would give the guests mailed
 * before the second release another account than those after it, and a change a guest read in the first
 * mail could silently vanish from the next; each mail is true of the version it names, and they go out in
 * order.
 */

/**
 * At most this many guests are looked at in one scheduled run (each may get a mail). A cron invocation has
 * 10 ms of CPU on the free plan for all its jobs: a mail costs two HMAC signatures, its filled-in text and
 * its share of the JSON sent to D1 (in Node, 200 one-change mails took ~4 ms without the signatures and
 * ~20 ms with them). The mail job sends 25 a run, so queuing 50 a run never holds the sending back.
 */
export const GUESTS_PER_RUN = 50
/** At most this much mail text (UTF-16 code units) is queued in one run: a release with many changes. */
export const MAIL_TEXT_PER_RUN = 250_000
/** Pages read in one run at most: a page that finishes a release goes on with the next release. */
const PAGES_PER_RUN = 4

/** The opt-out link of a guest's change mails: signed, so nothing needs storing. */
export async function optOutLink(config: Config, rsvpId: string) {
  const signature = await signLink(config.appSecret, 'opt-out', rsvpId)
  return new URL(`/unsubscribe/${rsvpId}/${signature}`, config.publicUrl).toString()
}

/**
 * The statement, for publish's batch, that records that this release's guests are to be told of its changes;
 * it writes nothing when the visit has no guest who wants these mails.
 */
export function changeMailRun(
  db: Database,
  releaseId: string,
  visitId: string,
  now: Date,
): BatchItem<'sqlite'> {
  // INSERT … SELECT lists the columns of change_mail_runs in table order.
  return db
    .insert(changeMailRuns)
    .select(
      sql`SELECT ${releaseId}, ${visitId}, '', ${now.getTime()} WHERE EXISTS (SELECT 1 FROM rsvps WHERE visit_id = ${visitId} AND status IN ('confirmed', 'waitlisted') AND notify_changes = 1)`,
    )
}

/** What one scheduled run did: guests looked at, mails queued, releases whose guests are all done. */
export type ChangeMailRun = { guests: number; mailed: number; releasesDone: number }

// The oldest release whose mails are not all queued; both reads of a page take it in the same D1 batch.
const oldestRun = '(SELECT release_id FROM change_mail_runs ORDER BY created_at, rowid LIMIT 1)'
const headSql = `SELECT m.release_id, m.after, r.changes, v.id AS visit_id, v.slug, v.title, v.time_zone,
  v.start_date, v.end_date, v.listed
  FROM change_mail_runs m JOIN releases r ON r.id = m.release_id JOIN visits v ON v.id = m.visit_id
  WHERE m.release_id = ${oldestRun}`
const guestsSql = `SELECT g.id, g.name, g.email, g.lang, g.group_ids
  FROM change_mail_runs m JOIN releases r ON r.id = m.release_id
  JOIN rsvps g ON g.visit_id = m.visit_id AND g.id > m.after
  WHERE m.release_id = ${oldestRun} AND g.status IN ('confirmed', 'waitlisted') AND g.notify_changes = 1
    AND g.created_at <= r.published_at
  ORDER BY g.id LIMIT ?`

const text = (v: unknown) => (typeof v === 'string' ? v : '')

/** A guest's stored group ids; anything unreadable is the whole company ([]). */
function groupsOf(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

/**
 * The scheduled part: queues the change mails of the oldest releases still to do, at most `bound.guests`
 * guests and `bound.text` of mail text per run. The mails of a page and the mark of how far it got (the last
 * guest id done) are written in one batch, and only while the mark is still where this run read it: a run
 * that dies is redone from the mark by the next, and two runs at once never queue the same mail twice.
 */
export async function queueChangeMails(
  db: Database,
  config: Config,
  now: Date,
  bound: { guests: number; text: number } = { guests: GUESTS_PER_RUN, text: MAIL_TEXT_PER_RUN },
): Promise<ChangeMailRun> {
  const run: ChangeMailRun = { guests: 0, mailed: 0, releasesDone: 0 }
  let textLeft = bound.text
  for (let page = 0; page < PAGES_PER_RUN; page++) {
    const left = bound.guests - run.guests
    if (left <= 0 || textLeft <= 0) break
    // One more guest than may be done, so a page knows without another read whether it finishes the release.
    const [heads = [], rows = []] = await batchSql(db, [
      [headSql, []],
      [guestsSql, [left + 1]],
    ])
    const [head] = heads
    if (!head) break
    const changes = JSON.parse(text(head.changes)) as ReleaseChange[]
    const words = wordsFor(config, head, changes)
    const mails: OutgoingMail[] = []
    let last = text(head.after)
    let taken = 0
    for (const row of rows.slice(0, left)) {
      const mail = await words.mailFor(row)
      if (mail) {
        const size = mail.text.length + mail.html.length
        // Always at least one guest a page, however long their mail: the run moves on.
        if (taken > 0 && size > textLeft) break
        textLeft -= size
        mails.push(mail)
      }
      last = text(row.id)
      taken++
    }
    const done = taken === rows.length
    const releaseId = text(head.release_id)
    const at = [releaseId, text(head.after)] as const
    const mark: [string, unknown[]] = done
      ? ['DELETE FROM change_mail_runs WHERE release_id = ? AND after = ? RETURNING release_id', [...at]]
      : [
          'UPDATE change_mail_runs SET after = ? WHERE release_id = ? AND after = ? RETURNING release_id',
          [last, ...at],
        ]
    const results = await batchSql(db, [
      ...queueMailsSql(config, mails, now, [
        'EXISTS (SELECT 1 FROM change_mail_runs WHERE release_id = ? AND after = ?)',
        [...at],
      ]),
      mark,
    ])
    // Another run moved the mark first: it queued these guests' mails, and none of ours were written.
    if ((results.at(-1) ?? []).length === 0) break
    run.guests += taken
    run.mailed += mails.length
    if (done) run.releasesDone++
    else break
  }
  return run
}

/**
 * The words of one release's mails, made as they are needed: each change put in words once per language,
 * the changes that concern a set of groups found once per set, and each mail rendered once per language,
 * set of changes and greeting; per guest only their name and links are filled in.
 */
function wordsFor(config: Config, head: Record<string, unknown>, changes: readonly ReleaseChange[]) {
  const visit = {
    id: text(head.visit_id),
    slug: text(head.slug),
    title: text(head.title),
    timeZone: text(head.time_zone),
    multiDay: head.start_date !== head.end_date,
    listed: Boolean(head.listed),
  }
  const index = new Map(changes.map((change, i) => [change, i]))
  const sentences = new Map<string, string>()
  const sentence = (i: number, lang: Lang) => {
    const key = `${lang}${i}`
    let found = sentences.get(key)
    if (found === undefined) {
      const change = changes[i]
      found = change ? describeChange(change, lang, visit.timeZone, { multiDay: visit.multiDay }) : ''
      sentences.set(key, found)
    }
    return found
  }
  const relevantByGroups = new Map<string, number[]>()
  const moulds = new Map<string, MailMould<'name' | 'link' | 'optOut'>>()
  const link = new URL(`/v/${visit.slug}/changes`, config.publicUrl).toString()
  return {
    async mailFor(row: Record<string, unknown>): Promise<OutgoingMail | null> {
      const groupsJson = text(row.group_ids)
      let relevant = relevantByGroups.get(groupsJson)
      if (!relevant) {
        const groups = groupsOf(groupsJson)
        // A guest who follows no group in particular follows the whole company.
        relevant = changesForGroups(changes, groups.length > 0 ? groups : null).map(
          (ch) => index.get(ch) ?? -1,
        )
        relevantByGroups.set(groupsJson, relevant)
      }
      if (relevant.length === 0) return null
      const lang: Lang = row.lang === 'en' ? 'en' : 'nl'
      const name = oneLine(text(row.name))
      const key = `${lang}:${name === '' ? 0 : 1}:${relevant.join(',')}`
      let mould = moulds.get(key)
      if (!mould) {
        const lines = relevant.map((i) => sentence(i, lang))
        mould = mailMould(['name', 'link', 'optOut'], (m) =>
          renderMail('programme_changed', lang, {
            link: m.link,
            visitTitle: visit.title,
            lines,
            optOutLink: m.optOut,
            ...(name === '' ? {} : { name: m.name }),
          }),
        )
        moulds.set(key, mould)
      }
      const id = text(row.id)
      // An unlisted visit's pages open only with a link: each guest gets their own pass in theirs.
      const own = visit.listed ? link : `${link}?${await guestPassQuery(config, visit.id, id)}`
      return {
        to: text(row.email),
        kind: 'programme_changed',
        ...mould({ name, link: own, optOut: await optOutLink(config, id) }),
      }
    },
  }
}
