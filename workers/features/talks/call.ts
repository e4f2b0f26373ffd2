/** The call for talks: the public form's view of it, the team's settings, and checking a talk against it. */

import { and, eq, sql } from 'drizzle-orm'
import type { InferOutput } from 'valibot'
import { calls } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import {
  type CallQuestion,
  callProblem,
  checkAnswers,
  nextQuestionId,
  type TalkProblem,
} from '../../../shared/domain/talks'
import { zonedToUtc } from '../../../shared/domain/time'
import { visitHasEnded } from '../../../shared/domain/visits'
import { DomainError } from '../../../shared/errors'
import { auditWhen } from '../../platform/audit'
import type { Database } from '../../platform/env'
import { isValidShareLink } from '../visits/queries'
import { type Call, parseCall, visitWithCallBySlug } from './queries'
import type { callSchema } from './schemas'
import { json, type Person, visitForTalks } from './talk-context'

/** The detail of a save based on a call someone else has since changed (409). */
const CALL_STALE = 'The call was changed by someone else; look at the newest version.'

/**
 * The call of a visit by slug, for the public form: 404 when the visit or its call does not exist, and for an
 * unlisted visit without a live share link (`?k=…`), as its public pages. An archived visit's call is closed
 * whatever it says; so is the call of a visit whose last day is over.
 */
export async function callBySlug(db: Database, slug: string, now: Date, shareToken?: string) {
  const [row] = await visitWithCallBySlug(db, slug)
  if (!row?.call) throw new DomainError('not_found')
  if (!row.visit.listed && !(await isValidShareLink(db, row.visit.id, shareToken))) {
    throw new DomainError('not_found')
  }
  const call = parseCall(row.call)
  // A visit that is over takes no more talks, whatever its deadline says: the time to submit has passed.
  const problem =
    row.visit.status === 'archived'
      ? 'closed'
      : visitHasEnded(row.visit, now)
        ? 'past_deadline'
        : callProblem(call, now)
  return { visit: row.visit, call, problem }
}

/** Duration, language and answers against what the call allows; the answers as they will be kept. */
export function checkTalkAgainstCall(
  call: Call,
  input: { durationMinutes: number; language: string; answers: Record<string, string> },
) {
  const problems: TalkProblem[] = []
  if (!call.durations.includes(input.durationMinutes)) {
    problems.push({ field: 'durationMinutes', message: 'talks.validation.durationNotAllowed' })
  }
  if (!(call.languages as string[]).includes(input.language)) {
    problems.push({ field: 'language', message: 'notAllowed' })
  }
  const checked = checkAnswers(call.questions, input.answers)
  return { answers: checked.answers, problems: [...problems, ...checked.problems] }
}

/** The call as the team edits it; defaults when there is none yet. */
export async function callForTeam(db: Database, actor: Actor, visitId: string) {
  const { visit, access } = await visitForTalks(db, actor, visitId)
  const [row] = await db.select().from(calls).where(eq(calls.visitId, visitId))
  return {
    access,
    visit,
    exists: row !== undefined,
    call: row
      ? parseCall(row)
      : {
          visitId,
          open: false,
          deadline: null,
          intro: '',
          durations: [10],
          languages: ['nl' as const],
          questions: [] as CallQuestion[],
          selfScheduling: false,
          version: 0,
        },
  }
}

/**
 * Saves the call (organisers). The deadline is entered in the visit's zone. New questions get the next free
 * id; a question keeps its id when edited, so answers stay with it. A stale version answers 409.
 */
export async function saveCall(
  db: Database,
  actor: Person,
  visitId: string,
  input: InferOutput<typeof callSchema>,
  now: Date,
) {
  const { visit } = await visitForTalks(db, actor, visitId, 'organise')
  const [current] = await db.select().from(calls).where(eq(calls.visitId, visitId))
  const old = current ? parseCall(current) : null
  if (old && input.version !== undefined && input.version !== old.version) {
    throw new DomainError('conflict', CALL_STALE, { reason: 'stale' })
  }
  const used: string[] = [...(old?.questions.map((q) => q.id) ?? [])]
  const questions: CallQuestion[] = input.questions.map((q) => {
    const id =
      q.id && !input.questions.some((other) => other !== q && other.id === q.id) ? q.id : nextQuestionId(used)
    used.push(id)
    return {
      id,
      kind: q.kind,
      label: q.label,
      options: q.kind === 'choice' ? q.options : [],
      required: q.required,
    }
  })
  const deadline =
    input.deadlineDate && input.deadlineTime
      ? new Date(zonedToUtc(input.deadlineDate, input.deadlineTime, visit.timeZone))
      : null
  const values = {
    open: input.open,
    deadline,
    intro: input.intro,
    durations: json(input.durations),
    languages: json(input.languages),
    questions: json(questions),
    selfScheduling: input.selfScheduling,
  }
  const summary = (c: typeof values | null) =>
    c && {
      open: c.open,
      deadline: c.deadline,
      durations: c.durations,
      languages: c.languages,
      questions: c.questions,
      selfScheduling: c.selfScheduling,
    }
  const write = current
    ? db
        .update(calls)
        .set({ ...values, version: current.version + 1 })
        .where(and(eq(calls.visitId, visitId), eq(calls.version, current.version)))
        .returning({ version: calls.version })
    : db
        .insert(calls)
        .values({ visitId, ...values })
        .onConflictDoNothing()
        .returning({ version: calls.version })
  // Logged first, on the state the write needs: the entry stands exactly when the write after it wins.
  const unchanged = current
    ? sql`EXISTS (SELECT 1 FROM ${calls} WHERE ${calls.visitId} = ${visitId} AND ${calls.version} = ${current.version})`
    : sql`NOT EXISTS (SELECT 1 FROM ${calls} WHERE ${calls.visitId} = ${visitId})`
  const [, written] = await db.batch([
    auditWhen(
      db,
      {
        teamId: visit.teamId,
        actorId: actor.personId,
        action: current ? 'call.updated' : 'call.created',
        entityType: 'visit',
        entityId: visitId,
        before: current ? summary({ ...current, deadline: current.deadline }) : null,
        after: summary(values),
        at: now,
      },
      unchanged,
    ),
    write,
  ])
  if (written.length === 0) throw new DomainError('conflict', CALL_STALE, { reason: 'stale' })
  return { version: written[0]!.version }
}
