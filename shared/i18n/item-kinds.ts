/**
 * The names of the programme items' kinds in both languages. Apart from the dictionaries (nl.ts, en.ts, each
 * loaded on demand) because the exports name an item's kind in the language of the feed, whatever the
 * request's language, and without waiting for a dictionary.
 */
export const itemKindsNl = {
  welcome: 'Welkom',
  talk: 'Voordracht',
  walk: 'Wandeling',
  tour: 'Rondleiding',
  break: 'Pauze',
  catering: 'Hapje en drankje',
  discussion: 'Gesprek',
  travel: 'Reis',
}

export const itemKindsEn: typeof itemKindsNl = {
  welcome: 'Welcome',
  talk: 'Talk',
  walk: 'Walk',
  tour: 'Tour',
  break: 'Break',
  catering: 'Drinks and snacks',
  discussion: 'Discussion',
  travel: 'Travel',
}
