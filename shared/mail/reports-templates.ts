import type { Lang } from '../i18n'
import type { Body } from './templates'
import { oneLine } from './text'

/** A new comment on a report, to the team's organisers: who wrote it, its text, the moderation page. */
export type ReportCommentMailParams = {
  /** The team's report page, where comments are approved or rejected. */
  link: string
  visitTitle: string
  commenterName: string
  /** The comment as written: plain text, shown as text in both bodies. */
  excerpt: string
}

/** The weekly mail to an owner of follow-ups that are overdue: their points only, one line each. */
export type FollowUpReminderMailParams = {
  /** The team's list of follow-ups, filtered to this owner. */
  link: string
  name: string
  /** One line per point: title, visit, due date (already in the reader's language). */
  lines: string[]
}

export type ReportsTemplate = 'report_comment' | 'follow_up_reminder'

/** A report comment mail's subject and body, in Dutch or English. */
export function composeReportComment(
  lang: Lang,
  params: ReportCommentMailParams,
): { subject: string; body: Body } {
  const visit = oneLine(params.visitTitle)
  const name = oneLine(params.commenterName)
  const excerpt = params.excerpt.length > 500 ? `${params.excerpt.slice(0, 499)}…` : params.excerpt
  return lang === 'nl'
    ? {
        subject: `Nieuwe reactie op het verslag van ${visit}`,
        body: {
          greeting: 'Hallo,',
          before: [
            `${name} reageerde op het verslag van ${visit}:`,
            `“${excerpt}”`,
            'De reactie wacht op goedkeuring: pas daarna staat ze bij het verslag.',
          ],
          button: 'Reacties bekijken',
          fallback: 'Werkt de knop niet? Kopieer dan deze link naar je browser:',
          after: [],
          closing: 'Groeten van Rondgang',
        },
      }
    : {
        subject: `New comment on the report of ${visit}`,
        body: {
          greeting: 'Hello,',
          before: [
            `${name} commented on the report of ${visit}:`,
            `“${excerpt}”`,
            'The comment awaits approval: only then is it shown with the report.',
          ],
          button: 'See the comments',
          fallback: 'Does the button not work? Then copy this link into your browser:',
          after: [],
          closing: 'Best wishes from Rondgang',
        },
      }
}

/** The weekly reminder of overdue follow-ups, in Dutch or English. */
export function composeFollowUpReminder(
  lang: Lang,
  params: FollowUpReminderMailParams,
): { subject: string; body: Body } {
  const name = oneLine(params.name)
  const n = params.lines.length
  return lang === 'nl'
    ? {
        subject: n === 1 ? 'Eén vervolgactie is over de datum' : `${n} vervolgacties zijn over de datum`,
        body: {
          greeting: name ? `Beste ${name},` : 'Hallo,',
          before: [
            n === 1
              ? 'Deze vervolgactie op jouw naam is over de afgesproken datum:'
              : 'Deze vervolgacties op jouw naam zijn over de afgesproken datum:',
            ...params.lines,
            'Zet de stand bij, of spreek een nieuwe datum af. Je krijgt deze herinnering hooguit één keer per week.',
          ],
          button: 'Mijn vervolgacties',
          fallback: 'Werkt de knop niet? Kopieer dan deze link naar je browser:',
          after: [],
          closing: 'Groeten van Rondgang',
        },
      }
    : {
        subject: n === 1 ? 'One follow-up is overdue' : `${n} follow-ups are overdue`,
        body: {
          greeting: name ? `Dear ${name},` : 'Hello,',
          before: [
            n === 1
              ? 'This follow-up in your name is past its agreed date:'
              : 'These follow-ups in your name are past their agreed date:',
            ...params.lines,
            'Update where it stands, or agree a new date. You get this reminder at most once a week.',
          ],
          button: 'My follow-ups',
          fallback: 'Does the button not work? Then copy this link into your browser:',
          after: [],
          closing: 'Best wishes from Rondgang',
        },
      }
}
