import { and, eq, type SQL } from 'drizzle-orm'
import type { InferOutput } from 'valibot'
import { mailTemplates } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { type TalkState, unknownPlaceholders } from '../../../shared/domain/talks'
import { DomainError } from '../../../shared/errors'
import { type Lang, localeOf } from '../../../shared/i18n'
import { formatLocalDate, formatLongDate, formatTime } from '../../../shared/i18n/format'
import {
  type DecisionTemplate,
  defaultDecisionText,
  escapeHtml,
  type RenderedMail,
  renderMail,
} from '../../../shared/mail/templates'
import { oneLine } from '../../../shared/mail/text'
import { auditEntry } from '../../platform/audit'
import { hashToken, randomToken } from '../../platform/auth/tokens'
import type { Config } from '../../platform/config'
import type { Database } from '../../platform/env'
import { queueMailWhen } from '../../platform/mail/outbox'
import { mailTemplatesOf, speakersOfTalks, type TalkRow } from './queries'
import type { mailTemplateSchema } from './schemas'
import { editableMailKinds, talkLanguages } from './schemas'
import { type Person, visitForTalks } from './talk-context'

/** The private page of a speaker's link. */
export const talkLink = (config: Config, token: string) => `${config.publicUrl.replace(/\/$/, '')}/t/${token}`

/** Mails about a talk go out in the language it is given in: the speaker chose it. */
export const mailLangOf = (talk: { language: string }): Lang => (talk.language === 'en' ? 'en' : 'nl')

/** The visit's first day written out in a language, for mails. */
export const visitDateIn = (visit: { startDate: string }, lang: Lang) =>
  formatLocalDate(visit.startDate, localeOf(lang))

type LinkMail = 'talk_received' | 'talk_link_resent' | 'co_speaker_invite'

/** A talk mail with a speaker's private link. */
export function mailFor(
  config: Config,
  template: LinkMail,
  lang: Lang,
  to: string,
  token: string,
  params: { talkTitle: string; visitTitle: string; speakerName: string; date: string; mainSpeaker?: string },
) {
  const link = talkLink(config, token)
  const rendered =
    template === 'co_speaker_invite'
      ? renderMail(template, lang, { ...params, link, mainSpeaker: params.mainSpeaker ?? '' })
      : renderMail(template, lang, { ...params, link })
  return { to, kind: template, ...rendered }
}

type VisitForMail = { id: string; title: string; startDate: string }

/** The decision mail that goes with a state, if any: only accept, reject and waitlist are mailed. */
export function decisionTemplateFor(state: TalkState): DecisionTemplate | null {
  return state === 'accepted'
    ? 'talk_accepted'
    : state === 'rejected'
      ? 'talk_rejected'
      : state === 'waitlisted'
        ? 'talk_waitlisted'
        : state === 'cancelled'
          ? 'talk_cancelled'
          : null
}

/** The team's wording per template and language; absent ones use the default text. */
async function customTexts(db: Database, visitId: string) {
  const rows = await mailTemplatesOf(db, visitId)
  return (kind: DecisionTemplate, lang: Lang) => {
    const row = rows.find((r) => r.kind === kind && r.lang === lang)
    return row ? { subject: row.subject, body: row.body } : null
  }
}

/** One decision mail ready to queue: the speaker's new link hash, and the insert guarded by the move's marker. */
export type DecisionMail = {
  speakerId: string
  tokenHash: string
  queue: (when: SQL) => ReturnType<typeof queueMailWhen>
}

/**
 * The decision mails for talks moving to `target`, per talk: one for each of its speakers, in the talk's
 * language, from the team's template, each with a new private link. Empty when the state is not mailed.
 */
export async function decisionMails(
  db: Database,
  config: Config,
  visit: VisitForMail,
  moving: readonly TalkRow[],
  target: TalkState,
): Promise<Map<string, DecisionMail[]>> {
  const template = decisionTemplateFor(target)
  const out = new Map<string, DecisionMail[]>()
  if (!template || moving.length === 0) return out
  const [custom, people] = await Promise.all([
    customTexts(db, visit.id),
    speakersOfTalks(
      db,
      moving.map((t) => t.id),
    ),
  ])
  const now = new Date()
  for (const talk of moving) {
    const lang = mailLangOf(talk)
    const list: DecisionMail[] = []
    for (const p of people.filter((x) => x.talkId === talk.id)) {
      const token = randomToken()
      const rendered = renderMail(template, lang, {
        link: talkLink(config, token),
        speakerName: p.name,
        talkTitle: talk.title,
        visitTitle: visit.title,
        date: visitDateIn(visit, lang),
        custom: custom(template, lang),
      })
      list.push({
        speakerId: p.speakerId,
        tokenHash: await hashToken(token),
        queue: (when) => queueMailWhen(db, config, { to: p.email, kind: template, ...rendered }, now, when),
      })
    }
    out.set(talk.id, list)
  }
  return out
}

/** Example values for a preview: the first chosen talk and its main speaker, or made-up ones. */
type PreviewTalk = { title: string; language: string; speakerName: string }

/** A decision mail as it would go out, without sending it: for the team to read before they decide. */
export async function previewDecision(
  db: Database,
  config: Config,
  visit: VisitForMail,
  target: TalkState,
  example: PreviewTalk | null,
  lang?: Lang,
): Promise<RenderedMail | null> {
  const template = decisionTemplateFor(target)
  if (!template) return null
  const custom = await customTexts(db, visit.id)
  const mailLang = lang ?? (example ? mailLangOf(example) : 'nl')
  return renderMail(template, mailLang, {
    // A made-up link: a preview must not create a working one.
    link: `${config.publicUrl.replace(/\/$/, '')}/t/${'x'.repeat(43)}`,
    speakerName: example?.speakerName ?? (mailLang === 'nl' ? 'Marja de Vries' : 'Mary Smith'),
    talkTitle: example?.title ?? (mailLang === 'nl' ? 'Het nieuwe speelveld' : 'The new playground'),
    visitTitle: visit.title,
    date: visitDateIn(visit, mailLang),
    custom: custom(template, mailLang),
  })
}

/** The decision mails of a visit as the team edits them: their own words or the default, per language. */
export async function mailTemplatesForTeam(db: Database, actor: Actor, visitId: string) {
  const { visit, access } = await visitForTalks(db, actor, visitId)
  const custom = await customTexts(db, visitId)
  const templates = editableMailKinds.flatMap((kind) =>
    talkLanguages.map((lang) => {
      const own = custom(kind, lang)
      return { kind, lang, custom: own !== null, ...(own ?? defaultDecisionText(kind, lang)) }
    }),
  )
  return { access, visit, templates }
}

/**
 * Checks a template's wording: placeholders must be known ones (a typo like `{naam}` would reach the
 * speaker as written), and it must render.
 */
function checkTemplate(input: InferOutput<typeof mailTemplateSchema>) {
  const errors = (['subject', 'body'] as const).flatMap((field) =>
    unknownPlaceholders(input[field]).length > 0
      ? [{ field, message: 'talks.validation.unknownPlaceholder' }]
      : [],
  )
  if (errors.length) throw new DomainError('validation_failed', undefined, { errors })
}

/** Saves the team's wording of a decision mail in one language (organisers). */
export async function saveMailTemplate(
  db: Database,
  actor: Person,
  visitId: string,
  kind: DecisionTemplate,
  lang: Lang,
  input: InferOutput<typeof mailTemplateSchema>,
  now: Date,
) {
  const { visit } = await visitForTalks(db, actor, visitId, 'organise')
  checkTemplate(input)
  await db.batch([
    db
      .insert(mailTemplates)
      .values({ visitId, kind, lang, ...input, updatedAt: now })
      .onConflictDoUpdate({
        target: [mailTemplates.visitId, mailTemplates.kind, mailTemplates.lang],
        set: { ...input, updatedAt: now },
      }),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'mail_template.saved',
      entityType: 'visit',
      entityId: visitId,
      after: { kind, lang, subject: input.subject },
      at: now,
    }),
  ])
}

/** Goes back to the default wording (organisers). */
export async function resetMailTemplate(
  db: Database,
  actor: Person,
  visitId: string,
  kind: DecisionTemplate,
  lang: Lang,
  now: Date,
) {
  const { visit } = await visitForTalks(db, actor, visitId, 'organise')
  await db.batch([
    db
      .delete(mailTemplates)
      .where(
        and(eq(mailTemplates.visitId, visitId), eq(mailTemplates.kind, kind), eq(mailTemplates.lang, lang)),
      ),
    auditEntry(db, {
      teamId: visit.teamId,
      actorId: actor.personId,
      action: 'mail_template.reset',
      entityType: 'visit',
      entityId: visitId,
      after: { kind, lang },
      at: now,
    }),
  ])
}

/** Renders wording that is being edited, without saving it: the preview next to the editor. */
export async function previewMailTemplate(
  db: Database,
  config: Config,
  actor: Actor,
  visitId: string,
  kind: DecisionTemplate,
  lang: Lang,
  input: InferOutput<typeof mailTemplateSchema>,
) {
  const { visit } = await visitForTalks(db, actor, visitId)
  checkTemplate(input)
  return renderMail(kind, lang, {
    link: `${config.publicUrl.replace(/\/$/, '')}/t/${'x'.repeat(43)}`,
    speakerName: lang === 'nl' ? 'Marja de Vries' : 'Mary Smith',
    talkTitle: lang === 'nl' ? 'Het nieuwe speelveld' : 'The new playground',
    visitTitle: visit.title,
    date: visitDateIn(visit, lang),
    custom: input,
  })
}

/** A talk whose time moved with its item (running late): its title and its times before and after. */
export type MovedTalk = { title: string; was: number; now: number; end: number }

/**
 * The one mail a speaker gets when the programme runs late and their talks move: every moved talk with its
 * old and new time, in the speaker's language (the language of their talk). No new link: theirs still works.
 */
export function talkMovedMail(
  lang: Lang,
  params: { speakerName: string; visitTitle: string; timeZone: string; talks: readonly MovedTalk[] },
): RenderedMail {
  const locale = localeOf(lang)
  const time = (ms: number) => formatTime(ms, params.timeZone, locale)
  const day = (ms: number) => formatLongDate(ms, params.timeZone, locale)
  const lines = params.talks.map((m) =>
    lang === 'nl'
      ? `‘${m.title}’: nu ${day(m.now)} om ${time(m.now)}–${time(m.end)} (was ${time(m.was)}).`
      : `‘${m.title}’: now ${day(m.now)} at ${time(m.now)}–${time(m.end)} (was ${time(m.was)}).`,
  )
  const subject = oneLine(
    lang === 'nl'
      ? `Je voordracht bij ${params.visitTitle} begint op een ander tijdstip`
      : `Your talk at ${params.visitTitle} starts at a different time`,
  )
  const paragraphs =
    lang === 'nl'
      ? [
          `Hallo ${params.speakerName},`,
          `Het programma van ${params.visitTitle} loopt uit; daarom schuift je tijd mee:`,
          ...lines,
          'Je eigen pagina (de link die je al hebt) toont de nieuwe tijd. Past dit niet? Laat het de organisatie weten.',
          'Groeten van Rondgang',
        ]
      : [
          `Hello ${params.speakerName},`,
          `The programme of ${params.visitTitle} is running late, so your time moves along:`,
          ...lines,
          'Your own page (the link you already have) shows the new time. Does this not suit you? Let the organisers know.',
          'Best wishes from Rondgang',
        ]
  return {
    subject,
    text: `${paragraphs.join('\n\n')}\n`,
    html: `<!DOCTYPE html><html lang="${lang}"><body>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</body></html>`,
  }
}
