import { eq, inArray, sql } from 'drizzle-orm'
import {
  followUpEvents,
  followUpReminders,
  followUps,
  people,
  reportComments,
  reports,
  visits,
} from '../../../shared/db/schema'
import type { PersonalDataPart } from '../../platform/personal-data/contract'
import { storedReportPageKeys } from './stored-page'

/**
 * Comments someone wrote on a report with their address, and the follow-ups they own (with the history they
 * wrote and the reminders they were sent). Erasure deletes their comments (the report's count stays true: they
 * are no longer shown), and keeps the follow-ups without them as owner or author.
 */
export const reportsPersonalData: PersonalDataPart = {
  owner: 'reports',
  tables: ['report_comments', 'follow_ups', 'follow_up_events', 'follow_up_reminders'],
  async exportFor({ db, email }) {
    const person = db.select({ id: people.id }).from(people).where(eq(people.email, email))
    const [comments, owned, history, reminders] = await db.batch([
      db
        .select({
          // Named apart: in a batch D1 answers rows as objects, and two columns named `title` would collapse.
          visit: sql<string>`${visits.title}`.as('visit_title'),
          report: reports.title,
          name: reportComments.name,
          text: reportComments.body,
          status: reportComments.status,
          writtenAt: reportComments.createdAt,
        })
        .from(reportComments)
        .innerJoin(reports, eq(reports.id, reportComments.reportId))
        .innerJoin(visits, eq(visits.id, reports.visitId))
        .where(eq(sql`lower(${reportComments.email})`, email)),
      db
        .select({
          visit: sql<string>`${visits.title}`.as('visit_title'),
          title: followUps.title,
          dueDate: followUps.dueDate,
          status: followUps.status,
        })
        .from(followUps)
        .innerJoin(visits, eq(visits.id, followUps.visitId))
        .where(inArray(followUps.ownerId, person)),
      db
        .select({
          comment: followUpEvents.comment,
          changes: followUpEvents.changes,
          at: followUpEvents.createdAt,
        })
        .from(followUpEvents)
        .where(inArray(followUpEvents.actorId, person)),
      db
        .select({ week: followUpReminders.week, sentAt: followUpReminders.sentAt })
        .from(followUpReminders)
        .where(inArray(followUpReminders.personId, person)),
    ])
    return { comments, followUps: owned, followUpHistory: history, reminders }
  },
  async planErasure({ db, email }) {
    const person = db.select({ id: people.id }).from(people).where(eq(people.email, email))
    const theirs = eq(sql`lower(${reportComments.email})`, email)
    // Reports that showed one of their approved comments change on their public page.
    const shown = db
      .select({ id: reportComments.reportId })
      .from(reportComments)
      .where(sql`${theirs} AND ${reportComments.status} = 'approved'`)
    // Their pages as stored for readers (stored-page.ts) still show the comment: deleted with it.
    const pages = (await shown).flatMap((r) => storedReportPageKeys(r.id))
    return {
      statements: [
        db
          .update(reports)
          .set({ publicVersion: sql`${reports.publicVersion} + 1` })
          .where(inArray(reports.id, shown)),
        db.delete(reportComments).where(theirs),
        db.update(followUps).set({ ownerId: null }).where(inArray(followUps.ownerId, person)),
        db.update(followUpEvents).set({ actorId: null }).where(inArray(followUpEvents.actorId, person)),
        db.delete(followUpReminders).where(inArray(followUpReminders.personId, person)),
      ],
      objects: [...new Set(pages)],
    }
  },
}
