/**
 * The photo rules, pure: how a file is cut into parts, which part may come next, how much room a visit has
 * left, when a photo may be shown to the public, what the variants are, and how EXIF's local time becomes an
 * instant. No hono, no drizzle, no platform.
 */
import type { PhotoConsent } from '../../../shared/db/schema'
import { zonedToUtc } from '../../../shared/domain/time'

export const MiB = 1024 * 1024

/**
 * Every part but the last has this size: R2 wants at least 5 MiB and equal parts; 8 MiB is a few seconds on a
 * phone's upload, so a dropped connection costs little, and a 50 MB photo is 7 parts.
 */
export const PART_BYTES = 8 * MiB
/** What the team may set a visit's limits to (a Worker streams any size; R2 takes 10,000 parts). */
export const LIMITS = { maxFileBytes: 512 * MiB, maxVisitBytes: 100 * 1024 * MiB } as const
export const DEFAULT_LIMITS = { maxFileBytes: 50 * MiB, maxVisitBytes: 2 * 1024 * MiB } as const
/** An upload nobody sent a part to for this long is aborted by the scheduled clean-up. */
export const STALE_UPLOAD_MS = 24 * 3600_000
/** A part claimed this long ago without finishing was cut off mid-way: it may be sent again. */
export const STALE_CLAIM_MS = 10 * 60_000

/** The public variants, both WebP: the grid's thumbnail and the lightbox's web size (longest side). */
export const VARIANTS = { thumb: 480, web: 1600 } as const
export type VariantName = keyof typeof VARIANTS

/** How many parts a file of `size` bytes is sent in. */
export const partCount = (size: number, partSize = PART_BYTES) => Math.max(1, Math.ceil(size / partSize))

/** The exact size part `n` (1-based) of a file must have. */
export function partLength(size: number, n: number, partSize = PART_BYTES): number {
  const count = partCount(size, partSize)
  if (n < 1 || n > count) return 0
  return n < count ? partSize : size - partSize * (count - 1)
}

export type PartRefusal = 'part_unknown' | 'part_repeated' | 'part_out_of_order' | 'part_in_flight'

/**
 * Whether part `n` may be received now. Parts come in order, one at a time (the browser sends a file's parts
 * one after another, files side by side): a part already stored is refused as repeated, one that skips ahead
 * as out of order, one being received right now as in flight (a stale claim is free again).
 */
export function partVerdict(
  n: number,
  count: number,
  parts: readonly { partNumber: number; done: boolean; claimedAt: number }[],
  now: number,
): PartRefusal | null {
  if (!Number.isInteger(n) || n < 1 || n > count) return 'part_unknown'
  const mine = parts.find((p) => p.partNumber === n)
  if (mine?.done) return 'part_repeated'
  if (mine && now - mine.claimedAt < STALE_CLAIM_MS) return 'part_in_flight'
  const doneBefore = parts.filter((p) => p.done && p.partNumber < n).length
  return doneBefore === n - 1 ? null : 'part_out_of_order'
}

/** The next part to send: the first that is not stored yet. */
export const nextPart = (count: number, done: readonly number[]) => {
  for (let n = 1; n <= count; n++) if (!done.includes(n)) return n
  return null
}

/** The bytes a visit still takes: its limit less its photos and the uploads on their way. */
export const roomLeft = (maxVisitBytes: number, stored: number, underway: number) =>
  Math.max(0, maxVisitBytes - stored - underway)

/** Consent is settled when nobody recognisable is shown, or those shown said yes; 'asked' is still open. */
export const consentSettled = (consent: PhotoConsent) => consent === 'none' || consent === 'given'

/** Only approved photos with consent settled are public. */
export const isPublic = (photo: { approved: boolean; consent: PhotoConsent }) =>
  photo.approved && consentSettled(photo.consent)

/** The width a variant is made at: never wider than the picture itself (no enlarging). */
export const variantWidth = (variant: VariantName, width: number | null) =>
  width === null ? VARIANTS[variant] : Math.min(VARIANTS[variant], width)

/**
 * When a photo was taken, from EXIF's DateTimeOriginal ("2017:09:19 15:42:07", the camera's wall clock) and,
 * when the camera wrote one, OffsetTimeOriginal ("+02:00"); without an offset the visit's own zone is assumed.
 * Null for anything that is not a plausible date.
 */
export function takenAtFromExif(dateTime: unknown, offset: unknown, timeZone: string): Date | null {
  if (typeof dateTime !== 'string') return null
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(dateTime.trim())
  if (!m) return null
  const [, y, mo, d, h, mi, s = '00'] = m
  if (Number(y) < 1990 || Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return null
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null
  const off = typeof offset === 'string' ? /^([+-])(\d{2}):(\d{2})$/.exec(offset.trim()) : null
  if (off) {
    const sign = off[1] === '-' ? -1 : 1
    const minutes = sign * (Number(off[2]) * 60 + Number(off[3]))
    const ms =
      Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - minutes * 60_000
    return Number.isNaN(ms) ? null : new Date(ms)
  }
  const ms = zonedToUtc(`${y}-${mo}-${d}`, `${h}:${mi}`, timeZone) + Number(s) * 1000
  return Number.isNaN(ms) ? null : new Date(ms)
}

/** A short, safe name part from a caption: "Wethouder in de tuin!" → "wethouder-in-de-tuin". */
export function nameFromCaption(caption: string): string {
  return caption
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
}

/** The names of the photos in the ZIP: numbered in the gallery's order, with the caption when there is one. */
export function zipEntryNames(photos: readonly { caption: string }[]): string[] {
  const digits = String(photos.length).length
  return photos.map((p, i) => {
    const n = String(i + 1).padStart(Math.max(2, digits), '0')
    const name = nameFromCaption(p.caption)
    return `${n}${name ? `-${name}` : ''}.webp`
  })
}

/** The credit line of a photo as shown and in the ZIP's credits: "Chris de Waard / Sleutelstad". */
export const creditLine = (photo: { credit: string; source: string }) =>
  [photo.credit, photo.source].filter((s) => s.trim() !== '').join(' / ')
