/**
 * What every talk use case starts from: the private link a speaker holds, or the talk and visit a team
 * member may see; the refusals they share; the talk's stored JSON read back.
 */
import { eq } from 'drizzle-orm'
import { talks } from '../../../shared/db/schema'
import type { Actor } from '../../../shared/domain/access'
import { isClosed, type TalkProblem } from '../../../shared/domain/talks'
import { DomainError } from '../../../shared/errors'
import { hashToken, tokenPattern } from '../../platform/auth/tokens'
import type { Database } from '../../platform/env'
import { loadVisitFor } from '../visits/visits'
import { linkByTokenHash, parseCall, type TalkRow } from './queries'

/** A signed-in person, the only kind of actor who changes talks as the team. */
export type Person = Extract<Actor, { kind: 'person' }>

/**
 * Why a talk cannot change now (409). Pages choose their own words by the reason; the English sentence is the
 * API's problem detail.
 */
export const talkLocked = () =>
  new DomainError('conflict', 'The talk can no longer be changed through this link in its current state.', {
    reason: 'talk_locked',
  })
/** The change was based on a version of the talk someone else has since replaced (409). */
export const talkStale = () =>
  new DomainError('conflict', 'The talk was changed elsewhere; look at the newest version.', {
    reason: 'stale',
  })
/** Nothing about an archived visit changes any more (409). */
export const visitArchived = () =>
  new DomainError('conflict', 'The visit is archived; nothing was changed.', { reason: 'visit_archived' })
/** A co-speaker's link may not do what only the main speaker decides (403). */
export const MAIN_ONLY = 'Only the main speaker can do this.'

/** A 422 whose messages are dictionary keys (translated by the error handler and the forms). */
export function invalid(problems: TalkProblem[]): never {
  throw new DomainError('validation_failed', undefined, { errors: problems })
}

/** JSON columns as written: lists and maps, never anything else. */
export const json = (value: unknown) => JSON.stringify(value)

/** A JSON column read back; anything unreadable counts as the fallback. */
export function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T
  } catch {
    return fallback
  }
}

/** A talk's stored answers. */
export const answersOf = (talk: TalkRow) => parseJson<Record<string, string>>(talk.answers, {})
/** A speaker's stored needs. */
export const needsOf = (row: { needs: string }) => parseJson<string[]>(row.needs, [])

/** Loads what a private link opens: exactly one speaker of one talk. Unknown or malformed tokens: 404. */
export async function loadLink(db: Database, token: string) {
  if (!tokenPattern.test(token)) throw new DomainError('not_found')
  const [row] = await linkByTokenHash(db, await hashToken(token))
  if (!row) throw new DomainError('not_found')
  return { ...row, call: row.call ? parseCall(row.call) : null }
}
export type Link = Awaited<ReturnType<typeof loadLink>>

/** The link may change things: the talk is not over and the visit not archived; otherwise 409. */
export function requireActive(l: Link) {
  if (l.visit.status === 'archived') throw visitArchived()
  if (isClosed(l.talk.state)) throw talkLocked()
}

/** Only the main speaker may do this (403 for a co-speaker). */
export function requireMain(l: Link) {
  if (l.link.role !== 'main') throw new DomainError('forbidden', MAIN_ONLY)
}

/** A talk for the team: 404 for those without a part in the visit, 403 for hosts, caterers (and viewers writing). */
export async function talkForTeam(
  db: Database,
  actor: Actor,
  talkId: string,
  need: 'see' | 'organise' = 'see',
) {
  const [talk] = await db.select().from(talks).where(eq(talks.id, talkId)).limit(1)
  if (!talk) throw new DomainError('not_found')
  const { visit, access } = await loadVisitFor(db, actor, talk.visitId, need)
  if (access !== 'organise' && access !== 'read') throw new DomainError('forbidden')
  return { talk, visit, access }
}

/** A visit's talks are for its team: hosts and caterers may see the visit but not this (403). */
export async function visitForTalks(
  db: Database,
  actor: Actor,
  visitId: string,
  need: 'see' | 'organise' = 'see',
) {
  const { visit, access } = await loadVisitFor(db, actor, visitId, need)
  if (access !== 'organise' && access !== 'read') throw new DomainError('forbidden')
  return { visit, access }
}
