import type { Lang } from '../i18n'
import type { Body } from './templates'

/** The mails of personal-data requests: a link to see, or to confirm erasing, what is held about an address. */
export function composePrivacy(lang: Lang, erase: boolean, hours: number): { subject: string; body: Body } {
  return lang === 'nl'
    ? {
        subject: erase ? 'Je gegevens wissen bij Rondgang' : 'Je gegevens bij Rondgang',
        body: {
          greeting: 'Hallo,',
          before: [
            erase
              ? `Er is gevraagd om alles te wissen wat Rondgang over dit e-mailadres bewaart. Klik op de knop om te zien wat er gewist wordt en het te bevestigen. De link werkt ${hours} uur.`
              : `Er is gevraagd wat Rondgang over dit e-mailadres bewaart. Klik op de knop om het te bekijken en te downloaden. De link werkt ${hours} uur.`,
          ],
          button: erase ? 'Bekijken en bevestigen' : 'Mijn gegevens bekijken',
          fallback: 'Werkt de knop niet? Kopieer dan deze link naar je browser:',
          after: ['Heb je hier niet om gevraagd? Dan kun je deze mail negeren. Er gebeurt dan niets.'],
          closing: 'Groeten van Rondgang',
        },
      }
    : {
        subject: erase ? 'Erasing your data at Rondgang' : 'Your data at Rondgang',
        body: {
          greeting: 'Hello,',
          before: [
            erase
              ? `Someone asked to erase everything Rondgang keeps about this e-mail address. Click the button to see what will be erased and to confirm it. The link works for ${hours} hours.`
              : `Someone asked what Rondgang keeps about this e-mail address. Click the button to see it and download it. The link works for ${hours} hours.`,
          ],
          button: erase ? 'Review and confirm' : 'See my data',
          fallback: 'Does the button not work? Then copy this link into your browser:',
          after: ['Did you not ask for this? Then you can ignore this e-mail. Nothing will happen.'],
          closing: 'Best wishes from Rondgang',
        },
      }
}
