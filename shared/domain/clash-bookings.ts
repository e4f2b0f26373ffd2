/** Double bookings: a venue, a group or a speaker in two places at once. */
import {
  byTime,
  type Context,
  compareText,
  overlapMinutes,
  overlappingPairs,
  sharedAudience,
  span,
  venueName,
} from './clash-context'
import { listEn, listNl, minutesEn, minutesNl, q } from './clash-wording'
import type { Clash, ClashItem } from './clashes'

/** The overlapping pairs of each list, each pair once even when it is in several lists. */
function pairsOf(lists: Iterable<readonly ClashItem[]>): [ClashItem, ClashItem][] {
  const seen = new Set<string>()
  const pairs: [ClashItem, ClashItem][] = []
  for (const list of lists) {
    for (const pair of overlappingPairs(list)) {
      const key = `${pair[0].id}\u0000${pair[1].id}`
      if (seen.has(key)) continue
      seen.add(key)
      pairs.push(pair)
    }
  }
  return pairs
}

/** One venue used by two items at once: a sweep over the items of each venue. */
export function venueDoubleBookings(ctx: Context): Clash[] {
  const clashes: Clash[] = []
  for (const [a, b] of pairsOf(ctx.itemsAtVenue.values())) {
    if (a.venueId === null || a.venueId !== b.venueId) continue
    const venue = venueName(ctx, a.venueId)
    const overlap = overlapMinutes(a, b)
    clashes.push({
      kind: 'venue_double_booked',
      itemIds: [a.id, b.id],
      venueIds: [a.venueId],
      message: {
        nl:
          `${q(venue)} is dubbel geboekt: ${q(a.title)} (${span(ctx, a)}) en ${q(b.title)} (${span(ctx, b)}) ` +
          `overlappen ${minutesNl(overlap)}. Verschuif een van beide onderdelen of kies voor een ervan een andere locatie.`,
        en:
          `${q(venue)} is double-booked: ${q(a.title)} (${span(ctx, a)}) and ${q(b.title)} (${span(ctx, b)}) ` +
          `overlap by ${minutesEn(overlap)}. Move one of the two items or choose another venue for one of them.`,
      },
      details: { overlapMinutes: overlap },
    })
  }
  return clashes
}

/**
 * A group (or everyone) in two items at once at different venues: a sweep over the items of each audience,
 * so items of different groups are never compared.
 */
export function groupDoubleBookings(ctx: Context): Clash[] {
  const clashes: Clash[] = []
  for (const [a, b] of pairsOf(ctx.itemsOfAudience.values())) {
    // At one and the same venue this is a venue double booking, reported once as such.
    if (a.venueId !== null && a.venueId === b.venueId) continue
    const shared = sharedAudience(a, b)
    if (shared === null) continue
    const names = shared.map((id) => q(ctx.groupById.get(id)?.name ?? id))
    const plural = names.length > 1
    const whoNl =
      names.length === 0
        ? 'Het hele gezelschap'
        : plural
          ? `De groepen ${listNl(names)}`
          : `De groep ${names[0]}`
    const whoEn =
      names.length === 0
        ? 'The whole company'
        : plural
          ? `The groups ${listEn(names)}`
          : `The group ${names[0]}`
    const where = (item: ClashItem): string =>
      item.venueId === null ? span(ctx, item) : `${span(ctx, item)}, ${venueName(ctx, item.venueId)}`
    const overlap = overlapMinutes(a, b)
    const venueIds = [...new Set([a.venueId, b.venueId].filter((id) => id !== null))]
    clashes.push({
      kind: 'group_double_booked',
      itemIds: [a.id, b.id],
      ...(venueIds.length > 0 ? { venueIds } : {}),
      ...(shared.length > 0 ? { groupIds: shared } : {}),
      message: {
        nl:
          `${whoNl} ${plural ? 'staan' : 'staat'} tegelijk ingepland bij ${q(a.title)} (${where(a)}) en ` +
          `${q(b.title)} (${where(b)}). Verschuif een van beide onderdelen of verdeel ze over verschillende groepen.`,
        en:
          `${whoEn} ${plural ? 'are' : 'is'} scheduled for ${q(a.title)} (${where(a)}) and ${q(b.title)} ` +
          `(${where(b)}) at the same time. Move one of the two items or assign them to different groups.`,
      },
      details: { overlapMinutes: overlap },
    })
  }
  return clashes
}

/** A speaker due in two overlapping items (several talks in one item are fine). */
export function speakerDoubleBookings(ctx: Context): Clash[] {
  // Per speaker, their talks per item, in one pass over the talks.
  const talksOf = new Map<string, Map<string, string[]>>()
  for (const talk of ctx.talks) {
    if (talk.itemId === null || !ctx.itemById.has(talk.itemId)) continue
    for (const speakerId of new Set(talk.speakerIds)) {
      let byItem = talksOf.get(speakerId)
      if (!byItem) {
        byItem = new Map()
        talksOf.set(speakerId, byItem)
      }
      const list = byItem.get(talk.itemId)
      if (list) list.push(talk.id)
      else byItem.set(talk.itemId, [talk.id])
    }
  }
  const clashes: Clash[] = []
  for (const speaker of ctx.speakers) {
    // Several talks by one speaker in one item are fine: they follow each other within the slot.
    const talksByItem = talksOf.get(speaker.id)
    if (talksByItem === undefined || talksByItem.size < 2) continue
    const items = [...talksByItem.keys()].map((id) => ctx.itemById.get(id)!).sort(byTime)
    for (const [a, b] of overlappingPairs(items)) {
      const talkIds = [
        ...(talksByItem.get(a.id) ?? []).sort(compareText),
        ...(talksByItem.get(b.id) ?? []).sort(compareText),
      ]
      const overlap = overlapMinutes(a, b)
      clashes.push({
        kind: 'speaker_double_booked',
        itemIds: [a.id, b.id],
        talkIds,
        speakerIds: [speaker.id],
        message: {
          nl:
            `${q(speaker.name)} moet tegelijk spreken bij ${q(a.title)} (${span(ctx, a)}) en ${q(b.title)} ` +
            `(${span(ctx, b)}). Verschuif een van beide onderdelen of laat iemand anders een van de voordrachten geven.`,
          en:
            `${q(speaker.name)} is due to speak at ${q(a.title)} (${span(ctx, a)}) and ${q(b.title)} ` +
            `(${span(ctx, b)}) at the same time. Move one of the two items or ask someone else to give one of the talks.`,
        },
        details: { overlapMinutes: overlap },
      })
    }
  }
  return clashes
}
