import type { Lang } from '../i18n'
import type { Body } from './templates'
import { oneLine } from './text'

/** A role for one visit was given to someone: which role, where, for which visit, and the way in. */
export type VisitRoleMailParams = {
  /** Where they land after signing in: the visit's page (a host's venue and times, a caterer's orders). */
  link: string
  role: 'host' | 'caterer'
  /** Their name when known; may be empty. */
  name: string
  /** The address they were given the role with: the one to sign in with. */
  email: string
  teamName: string
  visitTitle: string
  /** The visit's first day, already written out. */
  date: string
  /** The venue a host hosts; null for a caterer. */
  venueName: string | null
}

/** The mail to a new host or caterer: what they were asked, what they will find, and how to sign in. */
export function composeVisitRole(lang: Lang, params: VisitRoleMailParams): { subject: string; body: Body } {
  const visit = oneLine(params.visitTitle)
  const team = oneLine(params.teamName)
  const venue = oneLine(params.venueName ?? '')
  const name = oneLine(params.name)
  const host = params.role === 'host'
  if (lang === 'nl') {
    return {
      subject: host ? `Je ontvangt ${visit} bij ${venue}` : `Je verzorgt de catering van ${visit}`,
      body: {
        greeting: name ? `Beste ${name},` : 'Hallo,',
        before: [
          host
            ? `${team} heeft je gevraagd gastheer of gastvrouw te zijn van ${venue} tijdens ${visit} op ${params.date}.`
            : `${team} heeft je gevraagd de catering te verzorgen voor ${visit} op ${params.date}.`,
          host
            ? 'Na het inloggen zie je wanneer er mensen bij jouw locatie zijn en hoeveel er verwacht worden. Je kunt er ook de praktische gegevens van je locatie bijwerken: aantal plaatsen, toegankelijkheid, toilet, beschutting en opmerkingen.'
            : 'Na het inloggen zie je je bestellingen: wat, wanneer, waar en voor hoeveel mensen, met de dieetwensen. Namen van gasten zie je niet.',
          `Je hebt geen wachtwoord nodig. Log in met dit e-mailadres (${params.email}): we sturen je dan een inloglink.`,
        ],
        button: host ? 'Bekijk je locatie' : 'Bekijk je bestellingen',
        fallback: 'Werkt de knop niet? Kopieer dan deze link naar je browser:',
        after: ['Ken je dit team niet, of verwacht je deze mail niet? Dan kun je hem negeren.'],
        closing: 'Groeten van het organisatieteam, via Rondgang',
      },
    }
  }
  return {
    subject: host ? `You are hosting ${visit} at ${venue}` : `You are catering for ${visit}`,
    body: {
      greeting: name ? `Dear ${name},` : 'Hello,',
      before: [
        host
          ? `${team} asked you to host ${venue} during ${visit} on ${params.date}.`
          : `${team} asked you to provide the catering for ${visit} on ${params.date}.`,
        host
          ? 'After signing in you see when people are at your venue and how many are expected. You can also update the practical details of your venue there: number of places, access, toilet, shelter and notes.'
          : 'After signing in you see your orders: what, when, where and for how many people, with the dietary needs. You never see guests’ names.',
        `You need no password. Sign in with this address (${params.email}): we then send you a sign-in link.`,
      ],
      button: host ? 'See your venue' : 'See your orders',
      fallback: 'Does the button not work? Then copy this link into your browser:',
      after: ['Do you not know this team, or did you not expect this e-mail? Then you can ignore it.'],
      closing: 'Best wishes from the organising team, via Rondgang',
    },
  }
}
