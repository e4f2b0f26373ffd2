import { itemKindsEn, itemKindsNl } from './item-kinds'
import type { Messages } from './nl'

export type { Messages }
export const languages = ['nl', 'en'] as const
export type Lang = (typeof languages)[number]

/** Narrows any string to a supported language, Dutch by default. */
export function toLang(value: string | undefined | null): Lang {
  return value === 'en' ? 'en' : 'nl'
}

/** The locale a language writes dates and numbers in (the dictionary's `locale`, without loading it). */
export function localeOf(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : 'nl-NL'
}

/** The names of the programme items' kinds in a language (the dictionary's `itemKinds`, without loading it). */
export function itemKindsIn(lang: Lang): Messages['itemKinds'] {
  return lang === 'en' ? itemKindsEn : itemKindsNl
}

// The dictionaries this isolate has loaded. Each language is a module of its own, imported on its first use:
// a request loads only its own language's texts (issue 19: both were a quarter of every request's bundle).
const loaded: Partial<Record<Lang, Messages>> = {}

/**
 * The dictionary of a language; Dutch for anything unknown. Until it is kept here, each caller imports it
 * itself, as workers/index.ts imports an audience: a pending import is never shared between requests.
 */
export async function loadMessages(lang: string | undefined): Promise<Messages> {
  const l = toLang(lang)
  const kept = loaded[l]
  if (kept) return kept
  const messages = l === 'en' ? (await import('./en')).en : (await import('./nl')).nl
  loaded[l] = messages
  return messages
}
