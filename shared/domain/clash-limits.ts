/**
 * Limits an item runs into: the room at a venue, its opening hours, the speakers' availability and the
 * visit's own dates (the time to get there is clash-travel.ts).
 */
import {
  type Context,
  compareText,
  type ExpectedAttendance,
  expectedAttendance,
  minuteMs,
  span,
} from './clash-context'
import { listEn, listNl, longDateEn, longDateNl, peopleEn, peopleNl, q } from './clash-wording'
import type { Clash, ClashItem, LocalisedText } from './clashes'
import { contains, intersectAll, intersection, isWithinAny } from './interval'
import { dayBounds, utcToZoned } from './time'

/** More people expected at an item than its venue has room for. */
export function overCapacity(ctx: Context): Clash[] {
  const clashes: Clash[] = []
  for (const item of ctx.items) {
    const venue = item.venueId === null ? undefined : ctx.venueById.get(item.venueId)
    if (venue === undefined || venue.capacity === null) continue
    const expected = expectedAttendance(ctx, item)
    if (expected === null || expected.people <= venue.capacity) continue
    const attendance = expected.people
    const capacity = venue.capacity
    const from = attendanceFrom(ctx, item, expected)
    clashes.push({
      kind: 'over_capacity',
      itemIds: [item.id],
      venueIds: [venue.id],
      message: {
        nl:
          `Bij ${q(item.title)} (${span(ctx, item)}) worden ${peopleNl(attendance)} verwacht (${from.nl}), maar ` +
          `${q(venue.name)} heeft plaats voor ${peopleNl(capacity)}. Kies een grotere locatie, verdeel het ` +
          'gezelschap over groepen of beperk het aantal deelnemers. Klopt het aantal niet, vul dan bij het ' +
          'onderdeel in hoeveel mensen je verwacht.',
        en:
          `${peopleEn(attendance)} ${attendance === 1 ? 'is' : 'are'} expected at ${q(item.title)} ` +
          `(${span(ctx, item)}; ${from.en}), but ${q(venue.name)} has room for ${peopleEn(capacity)}. Choose a ` +
          'larger venue, split the company into groups or limit the number of participants. If the number is ' +
          'wrong, enter how many people you expect at the item.',
      },
      details: {
        attendance,
        capacity,
        excess: attendance - capacity,
        ...('members' in expected ? { members: expected.members, guests: expected.guests } : {}),
      },
    })
  }
  return clashes
}

/** Where the expected number of an item comes from, in words. */
function attendanceFrom(ctx: Context, item: ClashItem, expected: ExpectedAttendance): LocalisedText {
  const names = item.groupIds.map((id) => q(ctx.groupById.get(id)?.name ?? id))
  switch (expected.source) {
    case 'set':
      return { nl: 'het aantal dat bij het onderdeel is ingevuld', en: 'the number entered for the item' }
    case 'visit':
      return { nl: 'het verwachte aantal gasten van het bezoek', en: "the visit's expected number of guests" }
    case 'groups':
      return {
        nl: `${expected.members} van het gezelschap en ${expected.guests} aangemelde gasten van ${listNl(names)}`,
        en: `${expected.members} from the company and ${expected.guests} registered guests of ${listEn(names)}`,
      }
    case 'everyone':
      return expected.guestsFrom === 'expected'
        ? {
            nl: `het hele gezelschap (${expected.members}) en het verwachte aantal gasten van het bezoek (${expected.guests})`,
            en: `the whole company (${expected.members}) and the visit's expected number of guests (${expected.guests})`,
          }
        : {
            nl: `het hele gezelschap (${expected.members}) en alle aangemelde gasten (${expected.guests})`,
            en: `the whole company (${expected.members}) and all registered guests (${expected.guests})`,
          }
  }
}

/** An item outside its venue's opening hours for this visit. */
export function outsideOpeningWindows(ctx: Context): Clash[] {
  const clashes: Clash[] = []
  for (const item of ctx.items) {
    const venue = item.venueId === null ? undefined : ctx.venueById.get(item.venueId)
    const window = venue?.openingWindow
    if (venue === undefined || window === undefined || window === null || contains(window, item)) continue
    const minutesEarly = Math.ceil(Math.max(0, window.start - item.start) / minuteMs)
    const minutesLate = Math.ceil(Math.max(0, item.end - window.end) / minuteMs)
    clashes.push({
      kind: 'outside_opening_window',
      itemIds: [item.id],
      venueIds: [venue.id],
      message: {
        nl:
          `${q(item.title)} (${span(ctx, item)}) valt buiten de openingstijden van ${q(venue.name)} ` +
          `(${span(ctx, window)}). Verplaats ${q(item.title)} binnen die tijden of vraag de gastheer of ` +
          `gastvrouw van ${q(venue.name)} om ruimere openingstijden.`,
        en:
          `${q(item.title)} (${span(ctx, item)}) falls outside the opening hours of ${q(venue.name)} ` +
          `(${span(ctx, window)}). Move ${q(item.title)} within those hours or ask the host of ` +
          `${q(venue.name)} to open for longer.`,
      },
      details: { minutesEarly, minutesLate },
    })
  }
  return clashes
}

/** A placed talk at a time one of its speakers cannot do. */
export function outsideSpeakerAvailability(ctx: Context): Clash[] {
  const clashes: Clash[] = []
  for (const talk of ctx.talks) {
    const item = talk.itemId === null ? undefined : ctx.itemById.get(talk.itemId)
    if (item === undefined) continue
    const known = [...new Set(talk.speakerIds)]
      .flatMap((id) => ctx.speakerById.get(id) ?? [])
      .filter((s) => s.availability !== null)
      .sort((a, b) => compareText(a.id, b.id))
    if (known.length === 0) continue
    const common = intersectAll(known.map((s) => s.availability ?? []))
    if (isWithinAny(item, common)) continue
    // The common availability misses the item exactly when at least one speaker's own availability does.
    const missing = known.filter((s) => !isWithinAny(item, s.availability ?? []))
    const names = missing.map((s) => q(s.name))
    const plural = names.length > 1
    const coveredMs = common.reduce((sum, range) => {
      const part = intersection(range, item)
      return part === null ? sum : sum + (part.end - part.start)
    }, 0)
    clashes.push({
      kind: 'outside_speaker_availability',
      itemIds: [item.id],
      talkIds: [talk.id],
      speakerIds: missing.map((s) => s.id),
      message: {
        nl:
          `De voordracht ${q(talk.title)} staat in ${q(item.title)} (${span(ctx, item)}), maar ${listNl(names)} ` +
          `${plural ? 'zijn' : 'is'} dan niet beschikbaar. Verplaats ${q(item.title)} naar een moment waarop ` +
          `${listNl(names)} ${plural ? 'kunnen' : 'kan'}, of vraag om de beschikbaarheid bij te werken.`,
        en:
          `The talk ${q(talk.title)} is in ${q(item.title)} (${span(ctx, item)}), but ${listEn(names)} ` +
          `${plural ? 'are' : 'is'} not available then. Move ${q(item.title)} to a time when ${listEn(names)} ` +
          `${plural ? 'are' : 'is'} available, or ask for the availability to be updated.`,
      },
      details: {
        itemMinutes: Math.ceil((item.end - item.start) / minuteMs),
        coveredMinutes: Math.floor(coveredMs / minuteMs),
      },
    })
  }
  return clashes
}

/** An item that starts or ends outside the visit's days. */
export function outsideVisitDates(ctx: Context): Clash[] {
  const { startDate, endDate, timeZone } = ctx.visit
  const visit = { start: dayBounds(startDate, timeZone).start, end: dayBounds(endDate, timeZone).end }
  const clashes: Clash[] = []
  const at = (ms: number): { nl: string; en: string } => {
    const zoned = utcToZoned(ms, timeZone)
    return { nl: `${longDateNl(zoned.date)} ${zoned.time}`, en: `${longDateEn(zoned.date)} ${zoned.time}` }
  }
  const oneDay = startDate === endDate
  const visitNl = oneDay
    ? `is op ${longDateNl(startDate)}`
    : `duurt van ${longDateNl(startDate)} tot en met ${longDateNl(endDate)}`
  const visitEn = oneDay
    ? `is on ${longDateEn(startDate)}`
    : `runs from ${longDateEn(startDate)} to ${longDateEn(endDate)} inclusive`
  for (const item of ctx.items) {
    if (contains(visit, item)) continue
    const from = at(item.start)
    const to = at(item.end)
    clashes.push({
      kind: 'outside_visit_dates',
      itemIds: [item.id],
      message: {
        nl:
          `${q(item.title)} loopt van ${from.nl} tot ${to.nl}, maar het bezoek ${visitNl}. ` +
          `Verplaats ${q(item.title)} naar een moment binnen het bezoek of pas de data van het bezoek aan.`,
        en:
          `${q(item.title)} runs from ${from.en} to ${to.en}, but the visit ${visitEn}. ` +
          `Move ${q(item.title)} to a time within the visit or change the dates of the visit.`,
      },
      details: {
        minutesBefore: Math.ceil(Math.max(0, visit.start - item.start) / minuteMs),
        minutesAfter: Math.ceil(Math.max(0, item.end - visit.end) / minuteMs),
      },
    })
  }
  return clashes
}
