/**
 * Getting from one stop to the next: a walk, ride or drive takes the time its distance needs at a realistic
 * speed; a train (or a bus with a timetable) leaves and arrives at the times the organiser entered, which must
 * fit between the stop before and the stop after.
 */
import { type Context, minuteMs } from './clash-context'
import { distanceEn, distanceNl, q } from './clash-wording'
import type { Clash, ClashItem, ClashVenue } from './clashes'
import {
  defaultTravelSettings,
  greatCircleMetres,
  isScheduledLeg,
  legMinutes,
  type SpeedMode,
} from './walking'

/** A duration in Dutch: '45 minuten', '1 uur', '7 uur en 27 minuten'. */
export function durationNl(minutes: number): string {
  if (minutes < 60) return minutes === 1 ? '1 minuut' : `${minutes} minuten`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return m === 0 ? `${h} uur` : `${h} uur en ${m === 1 ? '1 minuut' : `${m} minuten`}`
}

/** A duration in English: '45 minutes', '1 hour', '7 hours 27 minutes'. */
export function durationEn(minutes: number): string {
  if (minutes < 60) return minutes === 1 ? '1 minute' : `${minutes} minutes`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  const hours = h === 1 ? '1 hour' : `${h} hours`
  return m === 0 ? hours : `${hours} ${m === 1 ? '1 minute' : `${m} minutes`}`
}

const legNl: Record<SpeedMode, string> = {
  walk: 'De wandeling',
  cycle: 'De fietstocht',
  bus: 'De busrit',
  car: 'De autorit',
}
const legEn: Record<SpeedMode, string> = {
  walk: 'The walk',
  cycle: 'The bike ride',
  bus: 'The bus ride',
  car: 'The drive',
}
const scheduledNl = { train: 'De trein', bus: 'De bus' }
const scheduledEn = { train: 'The train', bus: 'The bus' }

/**
 * Too little time between two stops for the walk, ride or drive from one venue to the next, or a train or
 * timetabled bus that leaves before the stop before it ends or arrives after the stop it goes to begins.
 */
export function legsTooLong(ctx: Context): Clash[] {
  const clashes: Clash[] = []
  const reported = new Set<string>()
  for (const items of ctx.itemsOfAudience.values()) {
    // Items without a venue (a walk, travel) are how the company gets from one venue to the next, so they are
    // part of the gap, not a stop of their own.
    const stops = items.filter((item) => item.venueId !== null && ctx.venueById.has(item.venueId))
    for (let k = 1; k < stops.length; k++) {
      const a = stops[k - 1]!
      const b = stops[k]!
      const from = ctx.venueById.get(a.venueId ?? '')
      const to = ctx.venueById.get(b.venueId ?? '')
      if (from === undefined || to === undefined || from.id === to.id) continue
      const key = `${a.id}\u0000${b.id}`
      if (reported.has(key)) continue
      const mode = b.legMode ?? 'walk'
      const departs = b.legDepartsAt ?? null
      const arrives = b.legArrivesAt ?? null
      const found =
        mode === 'train' || isScheduledLeg(mode, departs !== null || arrives !== null)
          ? offTimetable(ctx, a, b, to, mode === 'train' ? 'train' : 'bus', departs, arrives)
          : tooFar(ctx, a, b, from, to, mode)
      if (found === null) continue
      reported.add(key)
      clashes.push(found)
    }
  }
  return clashes
}

/** A leg at a speed: the straight line with the detour factor for the roads, against the gap between the stops. */
function tooFar(
  ctx: Context,
  a: ClashItem,
  b: ClashItem,
  from: ClashVenue,
  to: ClashVenue,
  mode: SpeedMode,
): Clash | null {
  if (from.lat === null || from.lng === null || to.lat === null || to.lng === null) return null
  const gapMs = b.start - a.end
  // Overlapping stops are a double booking, reported as such.
  if (gapMs < 0) return null
  const distance = greatCircleMetres({ lat: from.lat, lng: from.lng }, { lat: to.lat, lng: to.lng })
  const needed = legMinutes(distance, mode, ctx.travel)
  if (needed * minuteMs <= gapMs) return null
  const gap = Math.floor(gapMs / minuteMs)
  const short = Math.ceil((needed * minuteMs - gapMs) / minuteMs)
  const distanceMetres = Math.round(distance)
  const detourPercent = Math.round(
    ((ctx.travel.detourFactor ?? defaultTravelSettings.detourFactor) - 1) * 100,
  )
  const gapNl =
    gap === 0 ? 'er zit geen tijd' : gap === 1 ? 'er zit maar 1 minuut' : `er zitten maar ${durationNl(gap)}`
  const gapEn =
    gap === 0
      ? 'there is no time'
      : gap === 1
        ? 'there is only 1 minute'
        : `there are only ${durationEn(gap)}`
  return {
    kind: 'walk_too_long',
    itemIds: [a.id, b.id],
    venueIds: [from.id, to.id],
    message: {
      nl:
        `${legNl[mode]} van ${q(from.name)} naar ${q(to.name)} duurt ongeveer ${durationNl(needed)} ` +
        `(${distanceNl(distanceMetres)} hemelsbreed, plus ${detourPercent}% omweg voor de straten), maar ` +
        `${gapNl} tussen ${q(a.title)} (eindigt ${ctx.time(a.end)}) en ${q(b.title)} ` +
        `(begint ${ctx.time(b.start)}). Schuif ${q(b.title)} minstens ${durationNl(short)} op of kies een ` +
        'dichterbij gelegen locatie.',
      en:
        `${legEn[mode]} from ${q(from.name)} to ${q(to.name)} takes about ${durationEn(needed)} ` +
        `(${distanceEn(distanceMetres)} as the crow flies, plus ${detourPercent}% detour for the streets), but ` +
        `${gapEn} between ${q(a.title)} (ends ${ctx.time(a.end)}) and ${q(b.title)} ` +
        `(starts ${ctx.time(b.start)}). Move ${q(b.title)} at least ${durationEn(short)} later or choose a ` +
        'venue closer by.',
    },
    details: { distanceMetres, neededMinutes: needed, gapMinutes: gap, shortMinutes: short },
  }
}

/**
 * A leg to a timetable: it must leave after the stop before ends and arrive before the stop it goes to begins.
 * Without entered times there is nothing to check (a train's journey is not a matter of speed).
 */
function offTimetable(
  ctx: Context,
  a: ClashItem,
  b: ClashItem,
  to: ClashVenue,
  mode: 'train' | 'bus',
  departs: number | null,
  arrives: number | null,
): Clash | null {
  const early = departs === null ? 0 : Math.ceil((a.end - departs) / minuteMs)
  const late = arrives === null ? 0 : Math.ceil((arrives - b.start) / minuteMs)
  if (early <= 0 && late <= 0) return null
  const nl: string[] = []
  const en: string[] = []
  if (early > 0 && departs !== null) {
    nl.push(
      `${scheduledNl[mode]} naar ${q(to.name)} vertrekt om ${ctx.time(departs)}, ${durationNl(early)} vóór ` +
        `het einde van ${q(a.title)} (${ctx.time(a.end)}): laat ${q(a.title)} eerder eindigen of neem een ` +
        'latere verbinding.',
    )
    en.push(
      `${scheduledEn[mode]} to ${q(to.name)} leaves at ${ctx.time(departs)}, ${durationEn(early)} before ` +
        `${q(a.title)} ends (${ctx.time(a.end)}): end ${q(a.title)} earlier or take a later connection.`,
    )
  }
  if (late > 0 && arrives !== null) {
    nl.push(
      `${scheduledNl[mode]} komt om ${ctx.time(arrives)} aan, ${durationNl(late)} na het begin van ` +
        `${q(b.title)} (${ctx.time(b.start)}): schuif ${q(b.title)} minstens ${durationNl(late)} op of neem ` +
        'een eerdere verbinding.',
    )
    en.push(
      `${scheduledEn[mode]} arrives at ${ctx.time(arrives)}, ${durationEn(late)} after ${q(b.title)} ` +
        `starts (${ctx.time(b.start)}): move ${q(b.title)} at least ${durationEn(late)} later or take an ` +
        'earlier connection.',
    )
  }
  return {
    kind: 'leg_off_timetable',
    itemIds: [a.id, b.id],
    venueIds: [to.id],
    message: { nl: nl.join(' '), en: en.join(' ') },
    details: { departsEarlyMinutes: Math.max(0, early), arrivesLateMinutes: Math.max(0, late) },
  }
}
