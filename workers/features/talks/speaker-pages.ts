import { and, eq, inArray, isNotNull } from 'drizzle-orm'
import { speakers, talkSpeakers, talks } from '../../../shared/db/schema'
import type { ReleaseSnapshot } from '../../../shared/domain/release-snapshot'
import { DomainError } from '../../../shared/errors'
import type { Database } from '../../platform/env'

/** One public speaker: name, bio, organisation, whether there is a portrait, and their talks as released. */
export type PublicSpeaker = {
  id: string
  name: string
  bio: string
  organisation: string
  hasPhoto: boolean
  talks: {
    title: string
    abstract: string
    itemId: string
    itemTitle: string
    start: number
    end: number
    venueName: string | null
  }[]
}

/**
 * The speakers the public may see for a released programme: named in an item of that release, and still a
 * confirmed speaker (who confirmed and consented) of a confirmed talk in that item now. Someone who took back
 * their consent disappears at once, without waiting for the next release.
 */
export async function publicSpeakersOf(
  db: Database,
  visitId: string,
  snapshot: ReleaseSnapshot,
): Promise<PublicSpeaker[]> {
  const released = new Map(snapshot.items.filter((i) => !i.cancelled).map((i) => [i.id, i]))
  const named = new Set([...released.values()].flatMap((i) => i.speakers.map((s) => s.id)))
  if (named.size === 0) return []
  const rows = await db
    .select({
      speakerId: speakers.id,
      name: speakers.name,
      bio: speakers.bio,
      organisation: speakers.organisation,
      photoKey: speakers.photoKey,
      title: talks.title,
      abstract: talks.abstract,
      itemId: talks.itemId,
    })
    .from(talkSpeakers)
    .innerJoin(speakers, eq(speakers.id, talkSpeakers.speakerId))
    .innerJoin(talks, eq(talks.id, talkSpeakers.talkId))
    .where(
      and(
        inArray(talkSpeakers.speakerId, [...named]),
        eq(talks.visitId, visitId),
        eq(talks.state, 'confirmed'),
        isNotNull(talkSpeakers.confirmedAt),
        eq(speakers.consent, true),
      ),
    )
  const out = new Map<string, PublicSpeaker>()
  for (const row of rows) {
    const item = row.itemId ? released.get(row.itemId) : undefined
    // Only talks whose item is in the release and names this speaker there.
    if (!item?.speakers.some((s) => s.id === row.speakerId)) continue
    const speaker = out.get(row.speakerId) ?? {
      id: row.speakerId,
      name: row.name,
      bio: row.bio,
      organisation: row.organisation,
      hasPhoto: row.photoKey !== null,
      talks: [],
    }
    speaker.talks.push({
      title: row.title,
      abstract: row.abstract,
      itemId: item.id,
      itemTitle: item.title,
      start: item.start,
      end: item.end,
      venueName: item.venueName,
    })
    out.set(row.speakerId, speaker)
  }
  for (const s of out.values()) s.talks.sort((a, b) => a.start - b.start)
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name))
}

/** One public speaker of a released programme; 404 for anyone the public may not see. */
export async function publicSpeaker(
  db: Database,
  visitId: string,
  snapshot: ReleaseSnapshot,
  speakerId: string,
) {
  const all = await publicSpeakersOf(db, visitId, snapshot)
  const speaker = all.find((s) => s.id === speakerId)
  if (!speaker) throw new DomainError('not_found')
  return speaker
}

/** The portrait of a public speaker (only with consent, see publicSpeakersOf). */
export async function publicSpeakerPhoto(
  db: Database,
  bucket: R2Bucket,
  visitId: string,
  snapshot: ReleaseSnapshot,
  speakerId: string,
) {
  await publicSpeaker(db, visitId, snapshot, speakerId)
  const [row] = await db
    .select({ photoKey: speakers.photoKey })
    .from(speakers)
    .where(eq(speakers.id, speakerId))
  const object = row?.photoKey ? await bucket.get(row.photoKey) : null
  if (!object) throw new DomainError('not_found')
  return object
}
