import * as v from 'valibot'
import type { Actor } from '../../../shared/domain/access'
import type { Clash } from '../../../shared/domain/clashes'
import type { ReleaseChange } from '../../../shared/domain/releases'
import { lineSchema } from '../../../shared/schemas/common'
import type { Database } from '../../platform/env'
import { getProgramme } from '../programme/programme'
import { releasesOverview } from './releases'

/**
 * The guard rails around publishing: the organiser sees the change list and the open clashes first, confirms
 * the clashes explicitly, and a release that changes nothing is refused. The release itself is made by
 * releases.ts's `publish`.
 */

/** The publish form: an optional name, what the organiser was shown, and the ticked clash confirmation. */
export const publishFormSchema = v.strictObject({
  name: v.optional(lineSchema(80)),
  seen: v.optional(v.pipe(v.string(), v.regex(/^(?:[0-9a-f]{32})?$/)), ''),
  confirmClashes: v.optional(v.picklist(['yes', 'no']), 'no'),
})

/** A release that would change nothing for the public. */
export const isEmptyRelease = (pending: readonly ReleaseChange[]) => pending.length === 0

/** A short fingerprint of what the page showed, so a publish confirms exactly that and not a newer draft. */
export async function fingerprintOf(pending: readonly ReleaseChange[], clashes: readonly Clash[]) {
  const text = JSON.stringify([pending, clashes.map((c) => [c.kind, c.itemIds])])
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  return [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** The releases page with what publishing now would do: the change list, the open clashes and their fingerprint. */
export async function publishPreview(db: Database, actor: Actor, visitId: string) {
  const [overview, plan] = await Promise.all([
    releasesOverview(db, actor, visitId),
    getProgramme(db, actor, visitId, 'plan'),
  ])
  const titleOf = new Map(plan.programme.items.map((i) => [i.id, i.title]))
  return {
    ...overview,
    clashes: plan.clashes,
    titleOf,
    seen: await fingerprintOf(overview.pending, plan.clashes),
  }
}

export type PublishPreview = Awaited<ReturnType<typeof publishPreview>>

/** Why a publish is refused, or null when it may go ahead. */
export function publishRefusal(
  preview: Pick<PublishPreview, 'pending' | 'clashes' | 'seen'>,
  form: v.InferOutput<typeof publishFormSchema>,
): 'empty' | 'changed' | 'unconfirmed' | null {
  if (isEmptyRelease(preview.pending)) return 'empty'
  // A form that says what it showed must match; a bare POST (no page) is checked on the clashes alone.
  if (form.seen && form.seen !== preview.seen) return 'changed'
  if (preview.clashes.length > 0 && form.confirmClashes !== 'yes') return 'unconfirmed'
  return null
}
