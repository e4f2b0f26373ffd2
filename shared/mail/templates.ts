import type { TeamRole } from '../db/schema'
import type { Lang } from '../i18n'

/** The parameters each mail template needs. */
export type MailParams = {
  sign_in: { link: string; minutes: number }
  invitation: { link: string; teamName: string; inviterName: string; role: TeamRole }
}

/** The name of a mail template; also stored as the outbox row's `kind`. */
export type MailTemplate = keyof MailParams

/** One template with its own parameters: a union discriminated by `template`. */
export type MailContent = { [K in MailTemplate]: { template: K; params: MailParams[K] } }[MailTemplate]

/** A mail ready to send: a subject line, a plain-text body and an HTML body saying the same. */
export type RenderedMail = { subject: string; text: string; html: string }

/** Escapes text for HTML content and attribute values (quoted with " or '). */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/** A mail's body before it becomes text and HTML: paragraphs around one call to action. */
type Body = {
  greeting: string
  before: string[]
  button: string
  /** Shown above the written-out link, for when the button does not work. */
  fallback: string
  after: string[]
  closing: string
}

// Subjects carry user-chosen names (a team name); a line break there could forge headers at some providers.
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim()

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
