import type { Lang } from '../i18n'
import type { Body } from './templates'
import { oneLine } from './text'

/** What every catering mail to a provider says: which visit, to whom, the order sheet, the deadline, the link. */
export type CateringMailParams = {
  /** The provider's private page (/c/{token}). */
  link: string
  visitTitle: string
  /** The volunteer's or supplier's name; may be empty. */
  name: string
  /** The order sheet, line by line, already in the reader's language. */
  lines: string[]
  /** When the final numbers are due, written out; null without a deadline. */
  deadline: string | null
}

/** The mails to those who provide food and drinks. */
export type CateringTemplate =
  | 'catering_request'
  | 'catering_reminder'
  | 'catering_numbers'
  | 'catering_cancelled'
  | 'catering_link'

const frame = {
  nl: {
    button: 'Open je bestellingen',
    fallback: 'Werkt de knop niet? Kopieer dan deze link naar je browser:',
    private:
      'Deze link is alleen voor jou: stuur hem niet door. Hij vervangt de link uit eerdere mails over de catering.',
    closing: 'Groeten van het organisatieteam, via Rondgang',
  },
  en: {
    button: 'Open your orders',
    fallback: 'Does the button not work? Then copy this link into your browser:',
    private:
      'This link is for you only: do not forward it. It replaces the link in earlier e-mails about the catering.',
    closing: 'Best wishes from the organising team, via Rondgang',
  },
} as const

/** A catering mail's subject and body, in Dutch or English. */
export function composeCatering(
  lang: Lang,
  template: CateringTemplate,
  params: CateringMailParams,
): { subject: string; body: Body } {
  const visit = oneLine(params.visitTitle)
  const name = oneLine(params.name)
  const f = frame[lang]
  const nl = lang === 'nl'
  const due = params.deadline
  const news = {
    catering_request: nl
      ? {
          subject: `Verzorg je de catering voor ${visit}?`,
          before: [
            `Het organisatieteam van ${visit} vraagt of je dit wilt verzorgen:`,
            ...params.lines,
            due
              ? `De aantallen veranderen nog als er mensen bij komen of afzeggen. Op ${due} worden ze definitief; dan krijg je ze nog een keer.`
              : 'De aantallen veranderen nog als er mensen bij komen of afzeggen: op je pagina staan ze altijd bijgewerkt.',
            'Laat je met de knop hieronder weten of het lukt?',
          ],
        }
      : {
          subject: `Will you do the catering for ${visit}?`,
          before: [
            `The organising team of ${visit} asks whether you will provide this:`,
            ...params.lines,
            due
              ? `The numbers still change as people register or cancel. On ${due} they become final; you will get them once more then.`
              : 'The numbers still change as people register or cancel: your page always shows them up to date.',
            'Will you let us know with the button below whether you can?',
          ],
        },
    catering_reminder: nl
      ? {
          subject: `Herinnering: de aantallen voor ${visit} worden bijna definitief`,
          before: [
            due
              ? `Op ${due} worden de aantallen voor ${visit} definitief. Zo staat het er nu voor:`
              : `Zo staat het er nu voor met de aantallen voor ${visit}:`,
            ...params.lines,
          ],
        }
      : {
          subject: `Reminder: the numbers for ${visit} are almost final`,
          before: [
            due
              ? `On ${due} the numbers for ${visit} become final. This is where they stand now:`
              : `This is where the numbers for ${visit} stand now:`,
            ...params.lines,
          ],
        },
    catering_numbers: nl
      ? {
          subject: `De aantallen voor ${visit}`,
          before: [`Dit zijn de aantallen voor ${visit} zoals ze nu vaststaan:`, ...params.lines],
        }
      : {
          subject: `The numbers for ${visit}`,
          before: [`These are the numbers for ${visit} as they now stand:`, ...params.lines],
        },
    catering_cancelled: nl
      ? {
          subject: `Gaat niet door: catering voor ${visit}`,
          before: [
            `Het organisatieteam van ${visit} heeft deze bestelling geannuleerd. Je hoeft er niets meer voor te doen:`,
            ...params.lines,
          ],
        }
      : {
          subject: `Cancelled: catering for ${visit}`,
          before: [
            `The organising team of ${visit} has cancelled this order. There is nothing more you need to do for it:`,
            ...params.lines,
          ],
        },
    catering_link: nl
      ? {
          subject: `Je persoonlijke link voor de catering van ${visit}`,
          before: [
            `Met de knop hieronder zie je wat je voor ${visit} verzorgt of meeneemt, voor hoeveel mensen en met welke dieetwensen.`,
            ...params.lines,
          ],
        }
      : {
          subject: `Your private link for the catering of ${visit}`,
          before: [
            `With the button below you see what you provide or bring for ${visit}, for how many people and with which dietary needs.`,
            ...params.lines,
          ],
        },
  }[template]
  return {
    subject: oneLine(news.subject),
    body: {
      greeting: nl ? (name ? `Beste ${name},` : 'Hallo,') : name ? `Dear ${name},` : 'Hello,',
      before: news.before,
      button: f.button,
      fallback: f.fallback,
      after: [f.private],
      closing: f.closing,
    },
  }
}
