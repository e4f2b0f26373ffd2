/** The registration mails (confirmed, waitlisted, promoted, renewal, address move): one frame, the news differs. */
import type { Lang } from '../i18n'
import type { Body } from './templates'
import { greeting, oneLine } from './text'

/**
 * What every registration mail says: which visit, when, for how many, and the private link; the guest's
 * name, when known, for the greeting.
 */
export type RsvpMailParams = {
  link: string
  visitTitle: string
  date: string
  partySize: number
  name?: string | undefined
}

const people = (lang: Lang, n: number) =>
  lang === 'nl' ? `${n} ${n === 1 ? 'persoon' : 'personen'}` : `${n} ${n === 1 ? 'person' : 'people'}`

/** The registration mails share their frame; only the news in them (and the button) differs. */
export function composeRsvp(
  lang: Lang,
  template:
    | 'rsvp_confirmed'
    | 'rsvp_waitlisted'
    | 'rsvp_promoted'
    | 'rsvp_link'
    | 'rsvp_email_confirm'
    | 'rsvp_email_taken'
    | 'rsvp_cancelled_by_team',
  params: RsvpMailParams,
): { subject: string; body: Body } {
  const visit = oneLine(params.visitTitle)
  const party = people(lang, params.partySize)
  if (lang === 'nl') {
    const news = {
      rsvp_confirmed: {
        subject: `Je bent aangemeld: ${visit}`,
        before: [
          `Fijn dat je komt! Je bent aangemeld voor ${visit} op ${params.date}, met ${party}.`,
          'Met de knop hieronder kun je je aanmelding later wijzigen of afzeggen. Die link is alleen voor jou: stuur hem niet door.',
        ],
      },
      rsvp_waitlisted: {
        subject: `Je staat op de wachtlijst: ${visit}`,
        before: [
          `${visit} op ${params.date} is vol. Je staat met ${party} op de wachtlijst.`,
          'Zegt iemand af, dan schuif je vanzelf door in de volgorde van aanmelden. Je krijgt dan meteen een mail.',
          'Met de knop hieronder kun je je aanmelding wijzigen of afzeggen. Die link is alleen voor jou.',
        ],
      },
      rsvp_promoted: {
        subject: `Er is plek: je bent aangemeld voor ${visit}`,
        before: [
          `Goed nieuws: er kwam plek vrij. Je staat niet meer op de wachtlijst en bent nu aangemeld voor ${visit} op ${params.date}, met ${party}.`,
          'Kun je toch niet? Zeg dan af via de link uit je eerdere mail, dan gaat je plek naar de volgende op de wachtlijst. Die link blijft gewoon werken. Kwijt? Met de knop hieronder maak je een nieuwe; de knop werkt 7 dagen.',
        ],
      },
      rsvp_link: {
        subject: `Je persoonlijke link voor ${visit}`,
        before: [
          `Er is opnieuw aangemeld met dit e-mailadres voor ${visit} op ${params.date}. Je was al aangemeld, dus er is niets dubbel opgeslagen.`,
          'Met de knop hieronder open je je aanmelding om te bekijken, te wijzigen of af te zeggen; je krijgt dan een nieuwe persoonlijke link. Je vorige link blijft werken tot je dat doet. De knop werkt 7 dagen.',
        ],
      },
      rsvp_email_confirm: {
        subject: `Bevestig je nieuwe e-mailadres voor ${visit}`,
        before: [
          `Iemand vroeg om een aanmelding voor ${visit} op ${params.date} (${party}) naar dit e-mailadres te verhuizen.`,
          'Was jij dat? Met de knop hieronder bevestig je het; daarna gaan de mails over deze aanmelding naar dit adres. De persoonlijke link van de aanmelding blijft dezelfde. De knop werkt 7 dagen.',
        ],
        button: 'Bevestig dit e-mailadres',
      },
      rsvp_cancelled_by_team: {
        subject: `Je aanmelding is geannuleerd: ${visit}`,
        before: [
          `De organisatie heeft je aanmelding voor ${visit} op ${params.date} (${party}) geannuleerd.`,
          'Denk je dat dit een vergissing is? Neem dan contact op met de organisatie. Met de knop hieronder open je je aanmelding (met een nieuwe persoonlijke link); daar kun je je opnieuw aanmelden zolang er plek is. De knop werkt 7 dagen.',
        ],
      },
      rsvp_email_taken: {
        subject: `Je persoonlijke link voor ${visit}`,
        before: [
          `Iemand vroeg om een andere aanmelding voor ${visit} op ${params.date} naar dit e-mailadres te verhuizen. Met dit adres is al aangemeld, dus er is niets veranderd.`,
          'Met de knop hieronder open je je eigen aanmelding om te bekijken, te wijzigen of af te zeggen; je krijgt dan een nieuwe persoonlijke link. Je vorige link blijft werken tot je dat doet. De knop werkt 7 dagen.',
        ],
      },
    }[template] as { subject: string; before: string[]; button?: string }
    return {
      subject: news.subject,
      body: {
        greeting: greeting(lang, params.name),
        before: news.before,
        button: news.button ?? 'Bekijk of wijzig je aanmelding',
        fallback: 'Werkt de knop niet? Kopieer dan deze link naar je browser:',
        after: ['Heb je je niet aangemeld? Dan kun je deze mail negeren.'],
        closing: 'Groeten van Rondgang',
      },
    }
  }
  const news = {
    rsvp_confirmed: {
      subject: `You are registered: ${visit}`,
      before: [
        `Glad you are coming! You are registered for ${visit} on ${params.date}, with ${party}.`,
        'With the button below you can change or cancel your registration later. The link is for you only: do not forward it.',
      ],
    },
    rsvp_waitlisted: {
      subject: `You are on the waiting list: ${visit}`,
      before: [
        `${visit} on ${params.date} is full. You are on the waiting list with ${party}.`,
        'When someone cancels, you move up automatically in the order people registered. You get an e-mail straight away.',
        'With the button below you can change or cancel your registration. The link is for you only.',
      ],
    },
    rsvp_promoted: {
      subject: `A place came free: you are registered for ${visit}`,
      before: [
        `Good news: a place came free. You are no longer on the waiting list and are now registered for ${visit} on ${params.date}, with ${party}.`,
        'Can you not come after all? Then cancel through the link in your earlier e-mail, and your place goes to the next person on the list. That link keeps working. Lost it? The button below makes a new one; it works for 7 days.',
      ],
    },
    rsvp_link: {
      subject: `Your private link for ${visit}`,
      before: [
        `Someone registered again with this e-mail address for ${visit} on ${params.date}. You were already registered, so nothing was saved twice.`,
        'The button below opens your registration to see, change or cancel it, and gives you a new private link. Your earlier link keeps working until you do. The button works for 7 days.',
      ],
    },
    rsvp_email_confirm: {
      subject: `Confirm your new e-mail address for ${visit}`,
      before: [
        `Someone asked to move a registration for ${visit} on ${params.date} (${party}) to this e-mail address.`,
        'Was that you? The button below confirms it; after that, the e-mails about this registration come to this address. The registration’s private link stays the same. The button works for 7 days.',
      ],
      button: 'Confirm this e-mail address',
    },
    rsvp_cancelled_by_team: {
      subject: `Your registration is cancelled: ${visit}`,
      before: [
        `The organisers have cancelled your registration for ${visit} on ${params.date} (${party}).`,
        'Do you think this is a mistake? Then contact the organisers. The button below opens your registration (with a new private link); you can register again there while there is room. The button works for 7 days.',
      ],
    },
    rsvp_email_taken: {
      subject: `Your private link for ${visit}`,
      before: [
        `Someone asked to move another registration for ${visit} on ${params.date} to this e-mail address. This address is registered already, so nothing changed.`,
        'The button below opens your own registration to see, change or cancel it, and gives you a new private link. Your earlier link keeps working until you do. The button works for 7 days.',
      ],
    },
  }[template] as { subject: string; before: string[]; button?: string }
  return {
    subject: news.subject,
    body: {
      greeting: greeting(lang, params.name),
      before: news.before,
      button: news.button ?? 'See or change your registration',
      fallback: 'Does the button not work? Then copy this link into your browser:',
      after: ['Did you not register? Then you can ignore this e-mail.'],
      closing: 'Best wishes from Rondgang',
    },
  }
}
