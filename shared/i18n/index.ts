import { en } from './en'
import { type Messages, nl } from './nl'

export type { Messages }
export const languages = ['nl', 'en'] as const
export type Lang = (typeof languages)[number]

const dictionaries: Record<Lang, Messages> = { nl, en }

/** The dictionary of a language; Dutch for anything unknown. */
export function messagesFor(lang: string | undefined): Messages {
  return lang === 'en' ? dictionaries.en : dictionaries.nl
}

/** Narrows any string to a supported language, Dutch by default. */
export function toLang(value: string | undefined | null): Lang {
  return value === 'en' ? 'en' : 'nl'
}
