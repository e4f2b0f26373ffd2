import { dietaryOptions } from '../../../shared/domain/diets'
import { toCsv } from '../../../shared/exports/csv'
import type { Messages } from '../../../shared/i18n'
import { formatLongDate, formatTime } from '../../../shared/i18n/format'
import type { ProviderOrder } from './catering-plan'
import { groupedNotes } from './rules'

/**
 * The order sheet of a provider: what the printable page, the CSV and the mails say about each order. Counts,
 * diets and anonymous notes only — the sheet goes to people outside the team, so it never names a guest.
 */

/** 'dinsdag 19 september 2017, 16:55–17:30' in the visit's zone; null without an item. */
export function whenOf(order: Pick<ProviderOrder, 'item'>, t: Messages, timeZone: string): string | null {
  if (!order.item) return null
  const { startsAt, endsAt } = order.item
  return `${formatLongDate(startsAt, timeZone, t.locale)}, ${formatTime(startsAt, timeZone, t.locale)}–${formatTime(endsAt, timeZone, t.locale)}`
}

/** The place of an order in one line: name and address. */
export function whereOf(order: Pick<ProviderOrder, 'venue'>): string | null {
  if (!order.venue) return null
  return [order.venue.name, order.venue.address].filter(Boolean).join(', ')
}

/** The needs with anyone in them, in option order: `Vegetarisch 3, Veganistisch 1`; empty when none. */
export function dietaryLine(dietary: Record<string, number>, t: Messages): string {
  return dietaryOptions
    .filter((o) => (dietary[o] ?? 0) > 0)
    .map((o) => `${t.rsvp.dietaryOptions[o]} ${dietary[o]}`)
    .join(', ')
}

/** The needs in a line, or why there is none: nobody, or only notes (a company member's "vegetarisch"). */
export function dietaryOrNone(
  numbers: { dietary: Record<string, number>; notes: readonly string[] },
  t: Messages,
) {
  return (
    dietaryLine(numbers.dietary, t) ||
    (numbers.notes.length > 0 ? t.catering.sheet.seeNotes : t.catering.sheet.noDietary)
  )
}

/** The notes, each once with how often: `Graag zonder ui. (2×); Notenallergie`. */
export function notesLine(notes: readonly string[]): string {
  return groupedNotes(notes)
    .map((n) => (n.count > 1 ? `${n.text} (${n.count}×)` : n.text))
    .join('; ')
}

/** How many units, and of what: `54 bitterballen` (the unit as the team wrote it). */
export const quantityText = (quantity: number, unit: string, t: Messages) =>
  `${quantity} ${unit || t.catering.units}`

/** What an order's rule says in words: `2 per persoon`, `1 per 4 personen`, `vast aantal`. */
export function ruleText(order: Pick<ProviderOrder, 'rule' | 'amount' | 'unit'>, t: Messages): string {
  return t.catering.ruleText[order.rule](order.amount)
}

/** "+3 since the numbers were sent", with diets and notes that changed; null when nothing did. */
export function differenceText(
  order: Pick<ProviderOrder, 'difference' | 'unit'>,
  t: Messages,
): string | null {
  const d = order.difference
  if (!d) return null
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n))
  const parts: string[] = []
  if (d.persons !== 0) parts.push(t.catering.persons(d.persons, signed(d.persons)))
  if (d.quantity !== 0) parts.push(`${signed(d.quantity)} ${order.unit || t.catering.units}`)
  for (const o of dietaryOptions) {
    const n = d.dietary[o]
    if (n) parts.push(`${t.rsvp.dietaryOptions[o]} ${signed(n)}`)
  }
  if (d.notesAdded.length > 0) parts.push(t.catering.notesAdded(notesLine(d.notesAdded)))
  if (d.notesGone.length > 0) parts.push(t.catering.notesGone(notesLine(d.notesGone)))
  return t.catering.sinceSent(parts.join(', '))
}

/** One order as lines of text, for a mail: what, when, where, how many, diets, notes, what changed. */
export function sheetLines(order: ProviderOrder, t: Messages, timeZone: string): string[] {
  const c = t.catering
  const what = [c.kinds[order.kind], order.description].filter(Boolean).join(': ')
  const lines = [`${what}${order.item ? ` — ${order.item.title}` : ''}`]
  const when = whenOf(order, t, timeZone)
  if (when) lines.push(`${c.sheet.when}: ${when}`)
  const where = whereOf(order)
  if (where)
    lines.push(`${c.sheet.where}: ${where}${order.venue?.map ? ` (${c.sheet.map}: ${order.venue.map})` : ''}`)
  if (order.groupNames.length > 0) lines.push(`${c.sheet.groups}: ${order.groupNames.join(', ')}`)
  lines.push(
    `${c.sheet.count}: ${c.persons(order.numbers.persons)} → ${quantityText(order.numbers.quantity, order.unit, t)} (${ruleText(order, t)})`,
  )
  lines.push(`${c.sheet.dietary}: ${dietaryOrNone(order.numbers, t)}`)
  if (order.numbers.notes.length > 0) lines.push(`${c.sheet.notes}: ${notesLine(order.numbers.notes)}`)
  const mine = order.contributions.filter((x) => x.mine)
  if (mine.length > 0)
    lines.push(
      `${c.sheet.yourPart}: ${mine.map((x) => (x.quantity !== null ? `${x.quantity} × ${x.description}` : x.description)).join('; ')}`,
    )
  const changed = differenceText(order, t)
  if (changed) lines.push(changed)
  return lines
}

/** A provider's orders as CSV, one row per order, for a spreadsheet or the kitchen's own system. */
export function sheetCsv(orders: readonly ProviderOrder[], t: Messages, timeZone: string): string {
  const c = t.catering
  const header = [
    c.csv.what,
    c.csv.item,
    c.csv.date,
    c.csv.start,
    c.csv.end,
    c.csv.where,
    c.csv.groups,
    c.csv.persons,
    c.csv.quantity,
    c.csv.unit,
    ...dietaryOptions.map((o) => t.rsvp.dietaryOptions[o]),
    c.csv.notes,
    c.csv.status,
    c.csv.deadline,
    c.csv.sinceSent,
  ]
  const rows = orders.map((o) => [
    [c.kinds[o.kind], o.description].filter(Boolean).join(': '),
    o.item?.title ?? '',
    o.item ? formatLongDate(o.item.startsAt, timeZone, t.locale) : '',
    o.item ? formatTime(o.item.startsAt, timeZone, t.locale) : '',
    o.item ? formatTime(o.item.endsAt, timeZone, t.locale) : '',
    whereOf(o) ?? '',
    o.groupNames.join(', '),
    o.numbers.persons,
    o.numbers.quantity,
    o.unit,
    ...dietaryOptions.map((d) => o.numbers.dietary[d]),
    notesLine(o.numbers.notes),
    c.statuses[o.status],
    o.deadline
      ? `${formatLongDate(o.deadline, timeZone, t.locale)} ${formatTime(o.deadline, timeZone, t.locale)}`
      : '',
    o.difference ? o.difference.persons : '',
  ])
  return toCsv(header, rows)
}
