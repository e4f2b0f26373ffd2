/**
 * The reports' pure rules: the status steps of a report and a follow-up, the spam checks of a comment, and which
 * follow-ups are overdue for whom (the Markdown is in markdown.ts). No I/O, `now` passed in.
 */
import type { CommentStatus, FollowUpStatus, ReportStatus } from '../../../shared/db/schema'

/** The status steps a team may take with a report. */
export const reportSteps: Record<ReportStatus, readonly ReportStatus[]> = {
  draft: ['published'],
  published: ['withdrawn'],
  withdrawn: ['published', 'draft'],
}

/** Whether a report may go from one status to another. */
export const canMoveReport = (from: ReportStatus, to: ReportStatus) => reportSteps[from].includes(to)

/** A comment must have been written on the page for at least this long: scripts post at once. */
export const MIN_SECONDS_ON_PAGE = 3
/** A comment form older than this is stale (its signed time too): the page is shown again. */
export const MAX_FORM_AGE_SECONDS = 24 * 60 * 60

/** Why a comment is refused before it is stored: a bot's hidden field filled in, or too fast or too old. */
export function commentSpamCheck(input: {
  honeypot: string
  shownAt: number
  now: Date
}): 'honeypot' | 'too_fast' | 'stale' | null {
  if (input.honeypot.trim() !== '') return 'honeypot'
  const seconds = (input.now.getTime() - input.shownAt) / 1000
  if (seconds < MIN_SECONDS_ON_PAGE) return 'too_fast'
  if (seconds > MAX_FORM_AGE_SECONDS) return 'stale'
  return null
}

/** The decisions a team takes on a comment; a withdrawn comment stays withdrawn. */
export function canDecideComment(from: CommentStatus, to: 'approved' | 'rejected'): boolean {
  return from !== 'withdrawn' && from !== to
}

/** Statuses in which a follow-up still needs someone: the weekly reminder is about these. */
export const openFollowUpStatuses: readonly FollowUpStatus[] = ['open', 'in_progress']

/** True when a follow-up is still open and its due date (YYYY-MM-DD, local) is before `today`. */
export function isOverdue(followUp: { status: FollowUpStatus; dueDate: string | null }, today: string) {
  return (
    openFollowUpStatuses.includes(followUp.status) && followUp.dueDate !== null && followUp.dueDate < today
  )
}

/** The ISO 8601 week of a calendar date (YYYY-MM-DD): "2017-W38". One reminder per owner per week. */
export function isoWeek(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const day = new Date(Date.UTC(y, m - 1, d))
  const weekday = day.getUTCDay() || 7
  // The Thursday of this week decides the year the week belongs to.
  day.setUTCDate(day.getUTCDate() + 4 - weekday)
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7)
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

/** Overdue follow-ups grouped by their owner: one mail per owner, with their points only. */
export function overdueByOwner<
  F extends { ownerId: string | null; status: FollowUpStatus; dueDate: string | null },
>(followUps: readonly F[], today: string): Map<string, F[]> {
  const byOwner = new Map<string, F[]>()
  for (const f of followUps) {
    if (!f.ownerId || !isOverdue(f, today)) continue
    const list = byOwner.get(f.ownerId)
    if (list) list.push(f)
    else byOwner.set(f.ownerId, [f])
  }
  for (const list of byOwner.values()) list.sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''))
  return byOwner
}

/** The month a report is filed under in the news archive, as YYYY-MM in the visit's zone. */
export function archiveMonth(publishedAt: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(publishedAt)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}`
}
