/** Submitting a talk to a visit's call. */
import { and, eq, inArray } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { InferOutput } from 'valibot'
import { speakers, talkSpeakers, talks } from '../../../shared/db/schema'
import { availabilityFromLocal } from '../../../shared/domain/talks'
import type { Lang } from '../../../shared/i18n'
import { auditEntry } from '../../platform/audit'
import { hashToken, randomToken } from '../../platform/auth/tokens'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { queueMail } from '../../platform/mail/outbox'
import { callBySlug, checkTalkAgainstCall } from './call'
import type { talkSubmissionSchema } from './schemas'
import { invalid, json } from './talk-context'
import { mailFor, visitDateIn } from './talk-mail'

/** The refusal of a submission to a call that takes none now: a message at the form's top, status 422. */
function callRefusal(problem: 'closed' | 'past_deadline'): never {
  invalid([
    {
      field: 'call',
      message: problem === 'closed' ? 'talks.validation.callClosed' : 'talks.validation.pastDeadline',
    },
  ])
}

type Submission = InferOutput<typeof talkSubmissionSchema>

/**
 * A talk submitted through the public form or API. Everything is checked before anything is written; then
 * the speaker rows, the talk, the private links (hashed), the mails and the audit entry go in one batch.
 * An address that already has a speaker row keeps its profile: an unsigned form may not overwrite it.
 */
export async function submitTalk(
  db: Database,
  config: Config,
  slug: string,
  input: Submission,
  lang: Lang,
  now: Date,
  opts: { shareToken?: string | undefined; retried?: boolean } = {},
): Promise<{ talkId: string }> {
  const { visit, call, problem } = await callBySlug(db, slug, now, opts.shareToken)
  if (problem) callRefusal(problem)
  const checked = checkTalkAgainstCall(call, input)
  const availability = availabilityFromLocal(input.availability, visit)
  const problems = [...checked.problems, ...availability.problems]
  const seen = new Set([input.email])
  input.coSpeakers.forEach((co, i) => {
    if (seen.has(co.email))
      problems.push({ field: `coSpeakers.${i}.email`, message: 'talks.validation.coSpeakerTwice' })
    seen.add(co.email)
  })
  if (problems.length) invalid(problems)

  const existing = await db
    .select({ id: speakers.id, email: speakers.email, name: speakers.name })
    .from(speakers)
    .where(and(eq(speakers.visitId, visit.id), inArray(speakers.email, [...seen])))
  const known = new Map(existing.map((s) => [s.email, s]))
  const talkId = crypto.randomUUID()
  const talkLang: Lang = input.language === 'en' ? 'en' : 'nl'
  const statements: BatchItem<'sqlite'>[] = []
  const speakerIdFor = (
    email: string,
    row: Omit<typeof speakers.$inferInsert, 'id' | 'visitId' | 'email'>,
  ) => {
    const found = known.get(email)
    if (found) return found.id
    const id = crypto.randomUUID()
    statements.push(db.insert(speakers).values({ id, visitId: visit.id, email, createdAt: now, ...row }))
    return id
  }
  const mainId = speakerIdFor(input.email, {
    name: input.name,
    bio: input.bio,
    organisation: input.organisation,
    consent: true,
    availability: json(availability.intervals),
    needs: json(input.needs),
  })
  statements.push(
    db.insert(talks).values({
      id: talkId,
      visitId: visit.id,
      title: input.title,
      abstract: input.abstract,
      durationMinutes: input.durationMinutes,
      language: input.language,
      state: 'submitted',
      answers: json(checked.answers),
      createdAt: now,
    }),
  )
  const mainToken = randomToken()
  statements.push(
    db
      .insert(talkSpeakers)
      .values({ talkId, speakerId: mainId, role: 'main', tokenHash: await hashToken(mainToken) }),
  )
  const about = { talkTitle: input.title, visitTitle: visit.title }
  statements.push(
    queueMail(
      db,
      config,
      mailFor(config, 'talk_received', lang, input.email, mainToken, {
        ...about,
        speakerName: known.get(input.email)?.name ?? input.name,
        date: visitDateIn(visit, lang),
      }),
      now,
    ),
  )
  for (const co of input.coSpeakers) {
    const coId = speakerIdFor(co.email, { name: co.name })
    const token = randomToken()
    statements.push(
      db
        .insert(talkSpeakers)
        .values({ talkId, speakerId: coId, role: 'co', tokenHash: await hashToken(token) }),
      queueMail(
        db,
        config,
        mailFor(config, 'co_speaker_invite', talkLang, co.email, token, {
          ...about,
          speakerName: co.name,
          date: visitDateIn(visit, talkLang),
          mainSpeaker: known.get(input.email)?.name ?? input.name,
        }),
        now,
      ),
    )
  }
  statements.push(
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: null,
      action: 'talk.submitted',
      entityType: 'talk',
      entityId: talkId,
      after: { title: input.title, state: 'submitted', speakers: 1 + input.coSpeakers.length },
      at: now,
    }),
  )
  try {
    await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  } catch (error) {
    // The same address registered as speaker at the same moment: look again, once, and use that row.
    if (!opts.retried && String(error).includes('UNIQUE'))
      return submitTalk(db, config, slug, input, lang, now, { ...opts, retried: true })
    throw error
  }
  return { talkId }
}
