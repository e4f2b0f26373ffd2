/**
 * Releases: frozen snapshots of a visit's programme as the public sees it, and what changed from one to the
 * next, written as sentences guests can read in a mail or on the changes page.
 */

import { dateTimeFormat } from './intl'
import { formatOffset, utcToZoned, type ZonedTime } from './time'

/** One programme item as it stood when the release was frozen; times are UTC instants. */
export type SnapshotItem = {
  id: string
  title: string
  kind: string
  start: number
  end: number
  venueId: string | null
  venueName: string | null
  /** Empty means the item is for everyone. */
  groupIds: string[]
  cancelled: boolean
  description: string
  talkIds?: string[]
}
/** The programme of one release. */
export type Snapshot = { items: SnapshotItem[] }

/** Every kind of change, in the order changes to items starting at the same time are listed. */
export const releaseChangeKinds = [
  'new',
  'reinstated',
  'moved',
  'venue_changed',
  'changed',
  'cancelled',
] as const
/** What a change is about. */
export type ReleaseChangeKind = (typeof releaseChangeKinds)[number]
/** A field whose change is reported as 'changed'. */
export type ChangedField = 'title' | 'description' | 'kind' | 'groups' | 'talks'
/** What every change says about its item: the item as it is now (as it was, when removed). */
export type ChangeBase = { itemId: string; title: string; start: number; end: number; groupIds: string[] }
/** One thing guests should know about an item, compared with the previous release. */
export type ReleaseChange =
  | (ChangeBase & { kind: 'new'; venueName: string | null })
  | (ChangeBase & { kind: 'reinstated'; venueName: string | null; previousGroupIds: string[] })
  | (ChangeBase & {
      kind: 'cancelled'
      /** 'removed' when the item left the programme, 'cancelled' when it was marked as not going ahead. */
      reason: 'removed' | 'cancelled'
      previousGroupIds: string[]
    })
  | (ChangeBase & { kind: 'moved'; previousStart: number; previousEnd: number; previousGroupIds: string[] })
  | (ChangeBase & {
      kind: 'venue_changed'
      previousVenueId: string | null
      previousVenueName: string | null
      venueId: string | null
      venueName: string | null
      previousGroupIds: string[]
    })
  | (ChangeBase & {
      kind: 'changed'
      fields: ChangedField[]
      previousTitle: string
      previousGroupIds: string[]
    })
/** An interface language. */
export type ReleaseLanguage = 'nl' | 'en'
/** How sentences are written; multiDay puts the date in every sentence, as for a visit of several days. */
export type DescribeOptions = { multiDay?: boolean }

/** What changed from the previous release to the next; with no previous release every item shown is new. */
export function diffReleases(previous: Snapshot | null, next: Snapshot): ReleaseChange[] {
  const before = new Map((previous?.items ?? []).map((item) => [item.id, item]))
  const after = new Map(next.items.map((item) => [item.id, item]))
  const changes: ReleaseChange[] = []
  for (const item of after.values()) {
    const old = before.get(item.id)
    if (old === undefined) {
      if (!item.cancelled) changes.push({ ...base(item), kind: 'new', venueName: item.venueName })
      continue
    }
    // Guests never saw a cancelled item's details, so only its cancellation or return is news.
    if (old.cancelled && item.cancelled) continue
    const previousGroupIds = [...old.groupIds]
    if (item.cancelled) {
      changes.push({ ...base(item), kind: 'cancelled', reason: 'cancelled', previousGroupIds })
      continue
    }
    if (old.cancelled) {
      changes.push({ ...base(item), kind: 'reinstated', venueName: item.venueName, previousGroupIds })
    }
    if (old.start !== item.start || old.end !== item.end) {
      changes.push({
        ...base(item),
        kind: 'moved',
        previousStart: old.start,
        previousEnd: old.end,
        previousGroupIds,
      })
    }
    if (old.venueId !== item.venueId) {
      changes.push({
        ...base(item),
        kind: 'venue_changed',
        previousVenueId: old.venueId,
        previousVenueName: old.venueName,
        venueId: item.venueId,
        venueName: item.venueName,
        previousGroupIds,
      })
    }
    const fields = changedFields(old, item)
    if (fields.length > 0) {
      changes.push({ ...base(item), kind: 'changed', fields, previousTitle: old.title, previousGroupIds })
    }
  }
  for (const old of before.values()) {
    if (after.has(old.id) || old.cancelled) continue
    changes.push({ ...base(old), kind: 'cancelled', reason: 'removed', previousGroupIds: [...old.groupIds] })
  }
  return changes.sort(
    (a, b) =>
      a.start - b.start ||
      releaseChangeKinds.indexOf(a.kind) - releaseChangeKinds.indexOf(b.kind) ||
      compareText(a.itemId, b.itemId),
  )
}

/** One sentence for guests about one change, with times (and dates when needed) in the visit's zone. */
export function describeChange(
  change: ReleaseChange,
  lang: ReleaseLanguage,
  timeZone: string,
  options: DescribeOptions = {},
): string {
  const nl = lang === 'nl'
  const title = q(change.title)
  const time = (ms: number): string => utcToZoned(ms, timeZone).time
  const date = (ms: number): string => longDate(ms, lang, timeZone)
  const onDate = options.multiDay === true ? ` (${date(change.start)})` : ''
  switch (change.kind) {
    case 'new':
    case 'reinstated': {
      const when =
        options.multiDay === true
          ? `${nl ? 'op' : 'on'} ${date(change.start)} ${nl ? 'om' : 'at'} ${time(change.start)}`
          : `${nl ? 'om' : 'at'} ${time(change.start)}`
      const where = change.venueName === null ? '' : ` in ${change.venueName}`
      if (change.kind === 'new')
        return nl ? `Nieuw: ${title} ${when}${where}.` : `New: ${title} ${when}${where}.`
      return nl ? `${title} gaat toch door: ${when}${where}.` : `${title} is back on: ${when}${where}.`
    }
    case 'cancelled':
      return nl ? `${title} gaat niet door${onDate}.` : `${title} is cancelled${onDate}.`
    case 'moved':
      return describeMove(change, lang, timeZone, options)
    case 'venue_changed': {
      const from = change.previousVenueName === null ? null : q(change.previousVenueName)
      const to = change.venueName === null ? null : q(change.venueName)
      if (from !== null && to !== null) {
        return nl
          ? `${title} is verplaatst van ${from} naar ${to}${onDate}.`
          : `${title} moved from ${from} to ${to}${onDate}.`
      }
      if (to !== null) return nl ? `${title} is nu in ${to}${onDate}.` : `${title} is now at ${to}${onDate}.`
      if (from !== null) {
        return nl
          ? `${title} is niet meer in ${from}${onDate}.`
          : `${title} is no longer at ${from}${onDate}.`
      }
      return nl ? `${title} is op een andere locatie${onDate}.` : `${title} is at a different venue${onDate}.`
    }
    case 'changed':
      return describeEdit(change, lang, onDate)
  }
}

/** A heading with the number of changes of each kind, then one line per change; for mails and the web. */
export function describeRelease(
  changes: readonly ReleaseChange[],
  lang: ReleaseLanguage,
  timeZone: string,
  options: DescribeOptions = {},
): string {
  const nl = lang === 'nl'
  if (changes.length === 0) return nl ? 'Geen wijzigingen in het programma.' : 'No changes to the programme.'
  // Changes on different days show that the visit spans several, even when the caller did not say so.
  const days = new Set(changes.map((change) => utcToZoned(change.start, timeZone).date))
  const describe: DescribeOptions = { multiDay: options.multiDay ?? days.size > 1 }
  const counts = releaseChangeKinds
    .map((kind) => [kind, changes.filter((change) => change.kind === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${(nl ? kindLabelsNl : kindLabelsEn)[kind]}`)
  const heading = nl
    ? `Wijzigingen in het programma: ${counts.join(', ')}.`
    : `Changes to the programme: ${counts.join(', ')}.`
  return [heading, ...changes.map((change) => `- ${describeChange(change, lang, timeZone, describe)}`)].join(
    '\n',
  )
}

/** The changes that concern a guest following these groups; null means the guest follows every group. */
export function changesForGroups(
  changes: readonly ReleaseChange[],
  groupIds: readonly string[] | null,
): ReleaseChange[] {
  if (groupIds === null) return [...changes]
  const follows = (audience: readonly string[]): boolean =>
    audience.length === 0 || audience.some((id) => groupIds.includes(id))
  // A guest whose group was taken off an item still needs to hear that it no longer applies to them.
  return changes.filter(
    (change) =>
      follows(change.groupIds) || ('previousGroupIds' in change && follows(change.previousGroupIds)),
  )
}

/** The name of the next release: 'Versie 3' after two releases ('Version 3' in English). */
export function nextReleaseName(previousNames: readonly string[], lang: ReleaseLanguage): string {
  const word = lang === 'nl' ? 'Versie' : 'Version'
  let number = previousNames.length + 1
  // After a release was renamed or removed the count may hit a name already taken; names should stay unique.
  while (previousNames.includes(`${word} ${number}`)) number += 1
  return `${word} ${number}`
}

const kindLabelsNl: Record<ReleaseChangeKind, string> = {
  new: 'nieuw',
  reinstated: 'gaat toch door',
  moved: 'verplaatst',
  venue_changed: 'andere locatie',
  changed: 'gewijzigd',
  cancelled: 'gaat niet door',
}
const kindLabelsEn: Record<ReleaseChangeKind, string> = {
  new: 'new',
  reinstated: 'back on',
  moved: 'moved',
  venue_changed: 'new venue',
  changed: 'changed',
  cancelled: 'cancelled',
}
const fieldNamesNl: Record<ChangedField, string> = {
  title: 'de titel',
  description: 'de beschrijving',
  kind: 'het soort onderdeel',
  groups: 'de groepen',
  talks: 'de voordrachten',
}
const fieldNamesEn: Record<ChangedField, string> = {
  title: 'title',
  description: 'description',
  kind: 'type',
  groups: 'groups',
  talks: 'talks',
}

function base(item: SnapshotItem): ChangeBase {
  return {
    itemId: item.id,
    title: item.title,
    start: item.start,
    end: item.end,
    groupIds: [...item.groupIds],
  }
}

function changedFields(old: SnapshotItem, item: SnapshotItem): ChangedField[] {
  const fields: ChangedField[] = []
  if (old.title !== item.title) fields.push('title')
  if (old.description !== item.description) fields.push('description')
  if (old.kind !== item.kind) fields.push('kind')
  if (!sameSet(old.groupIds, item.groupIds)) fields.push('groups')
  // Snapshots frozen before talks were recorded carry no talkIds; that is not a change.
  if (old.talkIds !== undefined && item.talkIds !== undefined && !sameSet(old.talkIds, item.talkIds)) {
    fields.push('talks')
  }
  return fields
}

function describeMove(
  change: Extract<ReleaseChange, { kind: 'moved' }>,
  lang: ReleaseLanguage,
  timeZone: string,
  options: DescribeOptions,
): string {
  const nl = lang === 'nl'
  const title = q(change.title)
  const from = utcToZoned(change.previousStart, timeZone)
  const to = utcToZoned(change.start, timeZone)
  const fromEnd = utcToZoned(change.previousEnd, timeZone)
  const toEnd = utcToZoned(change.end, timeZone)
  const onDate = options.multiDay === true ? ` (${longDate(change.start, lang, timeZone)})` : ''
  if (change.previousStart === change.start) {
    const [was, now] = distinct(fromEnd, toEnd)
    return nl
      ? `${title} duurt nu tot ${now} in plaats van tot ${was}${onDate}.`
      : `${title} now ends at ${now} instead of ${was}${onDate}.`
  }
  const sameLength = change.previousEnd - change.previousStart === change.end - change.start
  if (from.date !== to.date) {
    // A move to another day names both days, whatever the visit's length.
    const was = `${longDate(change.previousStart, lang, timeZone)} ${sameLength ? from.time : `${from.time}–${fromEnd.time}`}`
    const now = `${longDate(change.start, lang, timeZone)} ${sameLength ? to.time : `${to.time}–${toEnd.time}`}`
    return nl ? `${title} is verplaatst van ${was} naar ${now}.` : `${title} moved from ${was} to ${now}.`
  }
  const [was, now] = sameLength
    ? distinct(from, to)
    : [`${from.time}–${fromEnd.time}`, `${to.time}–${toEnd.time}`]
  return nl
    ? `${title} is verplaatst van ${was} naar ${now}${onDate}.`
    : `${title} moved from ${was} to ${now}${onDate}.`
}

function describeEdit(
  change: Extract<ReleaseChange, { kind: 'changed' }>,
  lang: ReleaseLanguage,
  onDate: string,
): string {
  const nl = lang === 'nl'
  const title = q(change.title)
  const others = change.fields.filter((field) => field !== 'title')
  const names = others.map((field) => (nl ? fieldNamesNl : fieldNamesEn)[field])
  const plural = names.length > 1
  if (change.fields.includes('title')) {
    const renamed = nl
      ? `${q(change.previousTitle)} heet nu ${title}`
      : `${q(change.previousTitle)} is now called ${title}`
    if (others.length === 0) return `${renamed}${onDate}.`
    return nl
      ? `${renamed}${onDate}; ook ${listNl(names)} ${plural ? 'zijn' : 'is'} gewijzigd.`
      : `${renamed}${onDate}; its ${listEn(names)} ${plural ? 'have' : 'has'} changed too.`
  }
  return nl
    ? `Bij ${title} ${plural ? 'zijn' : 'is'} ${listNl(names)} gewijzigd${onDate}.`
    : `The ${listEn(names)} of ${title} ${plural ? 'have' : 'has'} changed${onDate}.`
}

/**
 * Two local times as text; when they read the same (a move across the autumn clock change, 02:30 to the
 * second 02:30) the offsets tell them apart.
 */
function distinct(a: ZonedTime, b: ZonedTime): [string, string] {
  if (a.time !== b.time) return [a.time, b.time]
  return [`${a.time} (${formatOffset(a.offsetMinutes)})`, `${b.time} (${formatOffset(b.offsetMinutes)})`]
}

// Intl gives the words; the parts are joined here so punctuation does not vary with the runtime's ICU version.
// A change list names the same few days hundreds of times: each day's words are looked up once.
function longDate(ms: number, lang: ReleaseLanguage, timeZone: string): string {
  const key = `${lang} ${timeZone} ${utcToZoned(ms, timeZone).date}`
  let words = dayWords.get(key)
  if (words === undefined) {
    const format = dateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
    })
    const parts = format.formatToParts(ms)
    const part = (type: Intl.DateTimeFormatPartTypes): string =>
      parts.find((p) => p.type === type)?.value ?? ''
    words = `${part('weekday')} ${part('day')} ${part('month')}`
    if (dayWords.size >= 5_000) dayWords.clear()
    dayWords.set(key, words)
  }
  return words
}
const dayWords = new Map<string, string>()

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  // Mostly the same ids in the same order (or none): that is the same set, with no Set made for it.
  if (a.length === b.length) {
    let i = 0
    while (i < a.length && a[i] === b[i]) i++
    if (i === a.length) return true
  }
  const left = new Set(a)
  const right = new Set(b)
  return left.size === right.size && [...left].every((id) => right.has(id))
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function q(text: string): string {
  return `‘${text}’`
}

function listNl(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`
}

function listEn(parts: readonly string[]): string {
  return parts.length <= 1
    ? parts.join('')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}
