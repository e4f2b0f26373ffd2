import type { TeamRole } from '../domain/access'
import { fillPlaceholders } from '../domain/placeholders'
import type { Lang } from '../i18n'
import { type CateringMailParams, composeCatering } from './catering-templates'
import { composePrivacy } from './privacy-templates'
import {
  composeFollowUpReminder,
  composeReportComment,
  type FollowUpReminderMailParams,
  type ReportCommentMailParams,
} from './reports-templates'
import { composeVisitRole, type VisitRoleMailParams } from './role-templates'
import { composeRsvp, type RsvpMailParams } from './rsvp-templates'
import { greeting, oneLine } from './text'

/** The parameters each mail template needs. */
export type MailParams = {
  sign_in: { link: string; minutes: number }
  invitation: { link: string; teamName: string; inviterName: string; role: TeamRole }
  /** A guest's registration: `link` is their private /r/{token} page; `date` is already written out. */
  rsvp_confirmed: RsvpMailParams
  rsvp_waitlisted: RsvpMailParams
  rsvp_promoted: RsvpMailParams
  /** Someone registered again with an address that already has a registration: a link to renew the private link. */
  rsvp_link: RsvpMailParams
  /** A guest asked to move their registration to this address: `link` confirms the move. */
  rsvp_email_confirm: RsvpMailParams
  /** A guest asked to move a registration to this address, which has one already: `link` renews that one. */
  rsvp_email_taken: RsvpMailParams
  /** The organisers cancelled a registration: `link` is the guest's private page. */
  rsvp_cancelled_by_team: RsvpMailParams
  /** After a release: the changes that concern this guest (already in sentences), with an opt-out link. */
  programme_changed: { link: string; visitTitle: string; lines: string[]; optOutLink: string; name?: string }
  /** A speaker's submission arrived: `link` is their private /t/{token} page. */
  talk_received: TalkMailParams
  /** The speaker asked for their link again: `link` renews it (/t/renew/…); the link they hold keeps working. */
  talk_link_resent: TalkMailParams
  /** Someone named this person as co-speaker; `link` is the co-speaker's own private page. */
  co_speaker_invite: TalkMailParams & { mainSpeaker: string }
  /** The team's decisions, worded by the team (`custom`) or by default; see defaultDecisionText. */
  talk_accepted: TalkDecisionParams
  talk_rejected: TalkDecisionParams
  talk_waitlisted: TalkDecisionParams
  /** The team cancelled an accepted or confirmed talk: the speaker hears it from them, not on the day. */
  talk_cancelled: TalkDecisionParams
  /** To a caterer or volunteer: an order to confirm, a reminder, the numbers, a cancellation, a new link. */
  catering_request: CateringMailParams
  catering_reminder: CateringMailParams
  catering_numbers: CateringMailParams
  catering_cancelled: CateringMailParams
  catering_link: CateringMailParams
  /** Someone asked what Rondgang holds about this address: `link` opens it for `hours`. */
  privacy_export: { link: string; hours: number }
  /** Someone asked to erase what Rondgang holds about this address: `link` confirms it, for `hours`. */
  privacy_erase: { link: string; hours: number }
  /** To the team's organisers: a comment on a report waits for approval. */
  report_comment: ReportCommentMailParams
  /** To the owner of follow-ups: those past their date, once a week at most. */
  follow_up_reminder: FollowUpReminderMailParams
  /** Someone was made host of a venue or caterer for a visit: `link` is the visit's page (sign-in first). */
  visit_role: VisitRoleMailParams
}

/** What every talk mail says: to whom, which talk for which visit, when (written out), and the private link. */
export type TalkMailParams = {
  link: string
  speakerName: string
  talkTitle: string
  visitTitle: string
  date: string
}
/** A decision mail: as the talk mails, with the team's own subject and body (placeholders unfilled), if any. */
export type TalkDecisionParams = TalkMailParams & { custom?: { subject: string; body: string } | null }
/** The decision mails the team may word themselves. */
export type DecisionTemplate = 'talk_accepted' | 'talk_rejected' | 'talk_waitlisted' | 'talk_cancelled'

/** The name of a mail template; also stored as the outbox row's `kind`. */
export type { RsvpMailParams }

export type MailTemplate = keyof MailParams

/** One template with its own parameters: a union discriminated by `template`. */
export type MailContent = { [K in MailTemplate]: { template: K; params: MailParams[K] } }[MailTemplate]

/** A mail ready to send: a subject line, a plain-text body and an HTML body saying the same. */
export type RenderedMail = { subject: string; text: string; html: string }

const needsEscape = /[&<>"']/

/** Escapes text for HTML content and attribute values (quoted with " or '). */
export function escapeHtml(value: string): string {
  // Most texts have nothing to escape: one scan instead of five replacements (a conference day's editor page
  // escapes a few thousand titles and names).
  if (!needsEscape.test(value)) return value
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/** A mail's body before it becomes text and HTML: paragraphs around one call to action. */
export type Body = {
  greeting: string
  before: string[]
  button: string
  /** Shown above the written-out link, for when the button does not work. */
  fallback: string
  after: string[]
  closing: string
}

// Subjects carry user-chosen names (a team name); a line break there could forge headers at some providers.

/** Links in mail come from our own code; anything but http(s) is a mistake we refuse to send. */
function checkedLink(link: string): string {
  const url = new URL(link)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('A mail link must be http(s).')
  return link
}

const minutesText = (lang: Lang, minutes: number) =>
  lang === 'nl'
    ? `${minutes} ${minutes === 1 ? 'minuut' : 'minuten'}`
    : `${minutes} minute${minutes === 1 ? '' : 's'}`

const roleNames: Record<Lang, Record<TeamRole, string>> = {
  nl: {
    owner: 'eigenaar (je kunt alles, ook het team en de leden beheren)',
    organiser: 'organisator (je kunt bezoeken plannen en wijzigen)',
    viewer: 'meekijker (je kunt alles bekijken, maar niets wijzigen)',
  },
  en: {
    owner: 'owner (you can do everything, including managing the team and its members)',
    organiser: 'organiser (you can plan and change visits)',
    viewer: 'viewer (you can see everything, but not change anything)',
  },
}

function compose(lang: Lang, content: MailContent): { subject: string; body: Body } {
  switch (content.template) {
    case 'sign_in': {
      const duration = minutesText(lang, content.params.minutes)
      return lang === 'nl'
        ? {
            subject: 'Je inloglink voor Rondgang',
            body: {
              greeting: 'Hallo,',
              before: [
                `Klik op de knop hieronder om in te loggen bij Rondgang. De link werkt ${duration} en maar één keer.`,
              ],
              button: 'Inloggen bij Rondgang',
              fallback: 'Werkt de knop niet? Kopieer dan deze link naar je browser:',
              after: ['Heb je niet om deze mail gevraagd? Dan kun je hem negeren. Er gebeurt dan niets.'],
              closing: 'Groeten van Rondgang',
            },
          }
        : {
            subject: 'Your sign-in link for Rondgang',
            body: {
              greeting: 'Hello,',
              before: [
                `Click the button below to sign in to Rondgang. The link works for ${duration} and only once.`,
              ],
              button: 'Sign in to Rondgang',
              fallback: 'Does the button not work? Then copy this link into your browser:',
              after: ['Did you not ask for this e-mail? Then you can ignore it. Nothing will happen.'],
              closing: 'Best wishes from Rondgang',
            },
          }
    }
    case 'privacy_export':
    case 'privacy_erase':
      return composePrivacy(lang, content.template === 'privacy_erase', content.params.hours)
    case 'invitation': {
      const { teamName, inviterName, role } = content.params
      const team = oneLine(teamName)
      const inviter = oneLine(inviterName)
      return lang === 'nl'
        ? {
            subject: `Uitnodiging voor ${team} op Rondgang`,
            body: {
              greeting: 'Hallo,',
              before: [
                `${inviter || 'Iemand'} nodigt je uit om mee te doen met ${team} in Rondgang. Daarmee plannen jullie samen bezoeken en rondgangen in de buurt.`,
                `Je doet mee als ${roleNames.nl[role]}.`,
                'Klik op de knop hieronder om de uitnodiging aan te nemen.',
              ],
              button: 'Uitnodiging aannemen',
              fallback: 'Werkt de knop niet? Kopieer dan deze link naar je browser:',
              after: ['Ken je de afzender niet, of wil je niet meedoen? Dan kun je deze mail negeren.'],
              closing: 'Groeten van Rondgang',
            },
          }
        : {
            subject: `Invitation to ${team} on Rondgang`,
            body: {
              greeting: 'Hello,',
              before: [
                `${inviter || 'Someone'} invites you to join ${team} on Rondgang, where you plan visits and tours in the neighbourhood together.`,
                `You will join as ${roleNames.en[role]}.`,
                'Click the button below to accept the invitation.',
              ],
              button: 'Accept the invitation',
              fallback: 'Does the button not work? Then copy this link into your browser:',
              after: [
                'Do you not know the sender, or do you not want to join? Then you can ignore this e-mail.',
              ],
              closing: 'Best wishes from Rondgang',
            },
          }
    }
    case 'rsvp_confirmed':
    case 'rsvp_waitlisted':
    case 'rsvp_promoted':
    case 'rsvp_link':
    case 'rsvp_email_confirm':
    case 'rsvp_email_taken':
    case 'rsvp_cancelled_by_team':
      return composeRsvp(lang, content.template, content.params)
    case 'programme_changed': {
      const { visitTitle, lines, optOutLink } = content.params
      const optOut = checkedLink(optOutLink)
      return lang === 'nl'
        ? {
            subject: oneLine(`Het programma van ${visitTitle} is gewijzigd`),
            body: {
              greeting: greeting('nl', content.params.name),
              before: [
                `Er is een nieuwe versie van het programma van ${visitTitle}. Voor jou verandert dit:`,
                ...lines,
              ],
              button: 'Bekijk alle wijzigingen',
              fallback: 'Werkt de knop niet? Kopieer dan deze link naar je browser:',
              after: [`Wil je deze mails over wijzigingen niet meer krijgen? Meld je af via ${optOut}`],
              closing: 'Groeten van Rondgang',
            },
          }
        : {
            subject: oneLine(`The programme of ${visitTitle} has changed`),
            body: {
              greeting: greeting('en', content.params.name),
              before: [
                `There is a new version of the programme of ${visitTitle}. For you this changes:`,
                ...lines,
              ],
              button: 'See all changes',
              fallback: 'Does the button not work? Then copy this link into your browser:',
              after: [`Do you no longer want these mails about changes? Unsubscribe at ${optOut}`],
              closing: 'Best wishes from Rondgang',
            },
          }
    }
    case 'talk_received':
    case 'talk_link_resent':
      return composeTalk(lang, content.template, content.params)
    case 'co_speaker_invite':
      return composeCoSpeaker(lang, content.params)
    case 'talk_accepted':
    case 'talk_rejected':
    case 'talk_waitlisted':
    case 'talk_cancelled':
      return composeDecision(lang, content.template, content.params)
    case 'catering_request':
    case 'catering_reminder':
    case 'catering_numbers':
    case 'catering_cancelled':
    case 'catering_link':
      return composeCatering(lang, content.template, content.params)
    case 'report_comment':
      return composeReportComment(lang, content.params)
    case 'follow_up_reminder':
      return composeFollowUpReminder(lang, content.params)
    case 'visit_role':
      return composeVisitRole(lang, content.params)
  }
}

const talkFrame = {
  nl: {
    button: 'Open je voordracht',
    fallback: 'Werkt de knop niet? Kopieer dan deze link naar je browser:',
    private: 'Deze link is alleen voor jou: stuur hem niet door.',
    replaces: 'Hij vervangt de link uit eerdere mails.',
    closing: 'Groeten van het organisatieteam, via Rondgang',
  },
  en: {
    button: 'Open your talk',
    fallback: 'Does the button not work? Then copy this link into your browser:',
    private: 'This link is for you only: do not forward it.',
    replaces: 'It replaces the link in earlier e-mails.',
    closing: 'Best wishes from the organising team, via Rondgang',
  },
} as const

/** The mail after a submission, and the one with a new link: both carry the speaker's private link. */
function composeTalk(
  lang: Lang,
  template: 'talk_received' | 'talk_link_resent',
  params: TalkMailParams,
): { subject: string; body: Body } {
  const talk = oneLine(params.talkTitle)
  const visit = oneLine(params.visitTitle)
  const name = oneLine(params.speakerName)
  const frame = talkFrame[lang]
  const nl = lang === 'nl'
  const news =
    template === 'talk_received'
      ? nl
        ? {
            subject: `We hebben je voordracht ontvangen: ${talk}`,
            before: [
              `Dank je wel! We hebben je voordracht ‘${talk}’ voor ${visit} op ${params.date} ontvangen.`,
              'Met de knop hieronder bekijk je je voordracht. Zolang hij nog niet is geaccepteerd, kun je hem daar wijzigen. Je kunt er ook je beschikbaarheid bijwerken, dia’s of een hand-out uploaden, of je voordracht intrekken.',
              frame.private,
            ],
            after: ['Het organisatieteam laat je weten wat ze besluiten.'],
          }
        : {
            subject: `We received your talk: ${talk}`,
            before: [
              `Thank you! We received your talk ‘${talk}’ for ${visit} on ${params.date}.`,
              'With the button below you can see your talk. As long as it has not been accepted, you can change it there. You can also update your availability, upload slides or a handout, or withdraw your talk.',
              frame.private,
            ],
            after: ['The organising team will let you know what they decide.'],
          }
      : nl
        ? {
            subject: `Je persoonlijke link voor je voordracht: ${talk}`,
            before: [
              `Je vroeg om je persoonlijke link opnieuw. Met de knop hieronder maak je een nieuwe link voor je voordracht ‘${talk}’ voor ${visit}.`,
              `Je huidige link blijft werken tot je dat doet; daarna werkt alleen de nieuwe. ${frame.private}`,
            ],
            after: [
              'Heb je hier niet om gevraagd? Dan kun je deze mail negeren; er is niets aan je voordracht veranderd.',
            ],
          }
        : {
            subject: `Your private link for your talk: ${talk}`,
            before: [
              `You asked for your private link again. With the button below you make a new link for your talk ‘${talk}’ for ${visit}.`,
              `Your current link keeps working until you do; after that only the new one works. ${frame.private}`,
            ],
            after: [
              'Did you not ask for this? Then you can ignore this e-mail; nothing about your talk has changed.',
            ],
          }
  return {
    subject: news.subject,
    body: {
      greeting: greeting(lang, name),
      before: news.before,
      button: frame.button,
      fallback: frame.fallback,
      after: news.after,
      closing: frame.closing,
    },
  }
}

/** A co-speaker's invitation, with their own link to confirm or decline. */
function composeCoSpeaker(
  lang: Lang,
  params: TalkMailParams & { mainSpeaker: string },
): { subject: string; body: Body } {
  const talk = oneLine(params.talkTitle)
  const visit = oneLine(params.visitTitle)
  const main = oneLine(params.mainSpeaker) || (lang === 'nl' ? 'Iemand' : 'Someone')
  const frame = talkFrame[lang]
  return lang === 'nl'
    ? {
        subject: `${main} noemt je als medespreker: ${talk}`,
        body: {
          greeting: greeting('nl', params.speakerName),
          before: [
            `${main} heeft een voordracht ingediend voor ${visit} op ${params.date}: ‘${talk}’. Daarin noemt ${main} jou als medespreker.`,
            'Doe je mee? Bevestig het dan met de knop hieronder. Daar kun je ook iets over jezelf vertellen, aangeven wanneer je kunt en kiezen of je naam gepubliceerd mag worden. Wil je niet meedoen, dan kun je daar afzeggen.',
            frame.private,
          ],
          button: 'Bekijk de voordracht',
          fallback: frame.fallback,
          after: ['Ken je de afzender niet? Dan kun je deze mail negeren.'],
          closing: frame.closing,
        },
      }
    : {
        subject: `${main} names you as co-speaker: ${talk}`,
        body: {
          greeting: greeting('en', params.speakerName),
          before: [
            `${main} submitted a talk for ${visit} on ${params.date}: ‘${talk}’, and names you as co-speaker.`,
            'Will you take part? Then please confirm with the button below. There you can also say something about yourself, tell when you are available and choose whether your name may be published. If you do not want to take part, you can decline there.',
            frame.private,
          ],
          button: 'See the talk',
          fallback: frame.fallback,
          after: ['Do you not know the sender? Then you can ignore this e-mail.'],
          closing: frame.closing,
        },
      }
}

const decisionDefaults: Record<DecisionTemplate, Record<Lang, { subject: string; body: string }>> = {
  talk_accepted: {
    nl: {
      subject: 'Je voordracht is geaccepteerd: {talk}',
      body: 'Goed nieuws: je voordracht ‘{talk}’ voor {visit} op {date} is geaccepteerd!\n\nWil je met de knop hieronder bevestigen dat je komt? Daar kun je ook je beschikbaarheid bijwerken en je dia’s of een hand-out uploaden.',
    },
    en: {
      subject: 'Your talk has been accepted: {talk}',
      body: 'Good news: your talk ‘{talk}’ for {visit} on {date} has been accepted!\n\nPlease confirm with the button below that you will come. There you can also update your availability and upload your slides or a handout.',
    },
  },
  talk_rejected: {
    nl: {
      subject: 'Over je voordracht: {talk}',
      body: 'Dank je wel voor je voorstel ‘{talk}’ voor {visit}. We kregen veel mooie voorstellen en konden ze helaas niet allemaal een plek geven. Jouw voordracht zit er deze keer niet bij.\n\nWe hopen je op {date} toch te zien!',
    },
    en: {
      subject: 'About your talk: {talk}',
      body: 'Thank you for your proposal ‘{talk}’ for {visit}. We received many good proposals and sadly could not give them all a place. Your talk is not part of the programme this time.\n\nWe hope to see you on {date} all the same!',
    },
  },
  talk_waitlisted: {
    nl: {
      subject: 'Je voordracht staat op de wachtlijst: {talk}',
      body: 'Dank je wel voor je voorstel ‘{talk}’ voor {visit}. Het programma is op dit moment vol, dus je voordracht staat op de wachtlijst. Komt er een plek vrij, dan hoor je het meteen.\n\nMet de knop hieronder kun je je voordracht bekijken of intrekken.',
    },
    en: {
      subject: 'Your talk is on the waiting list: {talk}',
      body: 'Thank you for your proposal ‘{talk}’ for {visit}. The programme is full at the moment, so your talk is on the waiting list. If a place comes free, you will hear at once.\n\nWith the button below you can see or withdraw your talk.',
    },
  },
  talk_cancelled: {
    nl: {
      subject: 'Je voordracht gaat niet door: {talk}',
      body: 'Helaas: je voordracht ‘{talk}’ voor {visit} op {date} gaat niet door. Het spijt ons dat we dit moeten laten weten, en dank je wel voor je inzet.\n\nHeb je vragen? Beantwoord dan deze mail of neem contact op met het organisatieteam.',
    },
    en: {
      subject: 'Your talk will not take place: {talk}',
      body: 'Unfortunately your talk ‘{talk}’ for {visit} on {date} will not take place. We are sorry to have to tell you, and thank you for your effort.\n\nDo you have questions? Then reply to this e-mail or contact the organising team.',
    },
  },
}

/** The default wording of a decision mail, with its placeholders; the team's editor starts from it. */
export function defaultDecisionText(
  template: DecisionTemplate,
  lang: Lang,
): { subject: string; body: string } {
  return decisionDefaults[template][lang]
}

/** A decision mail: the team's own words (or the default) with the placeholders filled in, then the link. */
function composeDecision(
  lang: Lang,
  template: DecisionTemplate,
  params: TalkDecisionParams,
): { subject: string; body: Body } {
  const words = params.custom ?? defaultDecisionText(template, lang)
  const values = {
    name: oneLine(params.speakerName),
    talk: oneLine(params.talkTitle),
    visit: oneLine(params.visitTitle),
    date: params.date,
  }
  const frame = talkFrame[lang]
  const paragraphs = fillPlaceholders(words.body, values)
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
  return {
    subject: oneLine(fillPlaceholders(words.subject, values)),
    body: {
      greeting: lang === 'nl' ? `Beste ${values.name || 'spreker'},` : `Dear ${values.name || 'speaker'},`,
      before: paragraphs,
      button: frame.button,
      fallback: frame.fallback,
      // Tokens are kept hashed, so a decision mail carries a new link and the old one stops working.
      after: [`${frame.private} ${frame.replaces}`],
      closing: frame.closing,
    },
  }
}

function toText(body: Body, link: string): string {
  // The link stands alone on its line so every mail program makes it clickable, whole.
  return [body.greeting, ...body.before, link, ...body.after, body.closing].join('\n\n').concat('\n')
}

const font = 'font-family:system-ui,-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif'

function toHtml(lang: Lang, subject: string, body: Body, link: string): string {
  const e = escapeHtml
  const href = e(link)
  const p = (text: string) => `<p style="margin:0 0 16px">${e(text)}</p>`
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f3f6f4">
<div role="article" aria-label="${e(subject)}" lang="${lang}" style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;color:#1b1f24;${font};font-size:16px;line-height:1.5">
${p(body.greeting)}
${body.before.map(p).join('\n')}
<p style="margin:24px 0"><a href="${href}" style="display:inline-block;padding:12px 20px;background:#1f6b3a;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:8px">${e(body.button)}</a></p>
<p style="margin:0 0 16px">${e(body.fallback)}<br><a href="${href}" style="color:#1f6b3a;word-break:break-all">${href}</a></p>
${body.after.map(p).join('\n')}
<p style="margin:0">${e(body.closing)}</p>
</div>
</body>
</html>
`
}

/** Renders a mail in Dutch or English, as plain text and HTML; every value put into the HTML is escaped. */
export function renderMail<T extends MailTemplate>(
  template: T,
  lang: Lang,
  params: MailParams[T],
): RenderedMail {
  // The generic signature types params per template; the union lets the switch inside narrow them.
  const content = { template, params } as MailContent
  const link = checkedLink(content.params.link)
  const { subject, body } = compose(lang, content)
  return { subject, text: toText(body, link), html: toHtml(lang, subject, body, link) }
}
