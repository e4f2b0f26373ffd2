import { eq, inArray, or, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { people, photoLinks, photoSettings, photos, photoUploads, visits } from '../../../shared/db/schema'
import type { PersonalDataPart } from '../../platform/personal-data/contract'

/**
 * Photos someone uploaded (as a team member or host, or through a photo link with their address), the photo
 * links they made, and their uploads still on their way. Erasure deletes their photos, rows and every R2
 * object (original and variants: a photo may show them), forgets their uploads, and keeps the links they
 * made without their name on them.
 */
export const photosPersonalData: PersonalDataPart = {
  owner: 'photos',
  tables: ['photos', 'photo_links', 'photo_uploads'],
  async exportFor({ db, email }) {
    const person = db.select({ id: people.id }).from(people).where(eq(people.email, email))
    const [shot, links, underway] = await db.batch([
      db
        .select({
          visit: visits.title,
          filename: photos.filename,
          caption: photos.caption,
          credit: photos.credit,
          uploaderName: photos.uploaderName,
          takenAt: photos.takenAt,
          approved: photos.approved,
          consent: photos.consent,
          uploadedAt: photos.createdAt,
        })
        .from(photos)
        .innerJoin(visits, eq(visits.id, photos.visitId))
        .where(or(inArray(photos.personId, person), eq(sql`lower(${photos.uploaderEmail})`, email))),
      db
        .select({ visit: visits.title, label: photoLinks.label, createdAt: photoLinks.createdAt })
        .from(photoLinks)
        .innerJoin(visits, eq(visits.id, photoLinks.visitId))
        .where(inArray(photoLinks.personId, person)),
      db
        .select({
          filename: photoUploads.filename,
          sizeBytes: photoUploads.sizeBytes,
          startedAt: photoUploads.createdAt,
        })
        .from(photoUploads)
        .where(
          or(inArray(photoUploads.personId, person), eq(sql`lower(${photoUploads.uploaderEmail})`, email)),
        ),
    ])
    return { photos: shot, links, uploads: underway }
  },
  async planErasure({ db, email }) {
    const person = db.select({ id: people.id }).from(people).where(eq(people.email, email))
    const theirs = or(inArray(photos.personId, person), eq(sql`lower(${photos.uploaderEmail})`, email))
    const gone = await db
      .select({
        visitId: photos.visitId,
        originalKey: photos.originalKey,
        webKey: photos.webKey,
        thumbKey: photos.thumbKey,
      })
      .from(photos)
      .where(theirs)
    const visitIds = [...new Set(gone.map((p) => p.visitId))]
    const statements: BatchItem<'sqlite'>[] = [
      db.delete(photos).where(theirs),
      db
        .delete(photoUploads)
        .where(
          or(inArray(photoUploads.personId, person), eq(sql`lower(${photoUploads.uploaderEmail})`, email)),
        ),
      db.update(photoLinks).set({ personId: null }).where(inArray(photoLinks.personId, person)),
      // The public gallery changed for every visit that showed one of their photos.
      ...visitIds.map((visitId) =>
        db
          .insert(photoSettings)
          .values({ visitId, galleryVersion: 2 })
          .onConflictDoUpdate({
            target: photoSettings.visitId,
            set: { galleryVersion: sql`${photoSettings.galleryVersion} + 1` },
          }),
      ),
    ]
    return { statements, objects: gone.flatMap((p) => [p.originalKey, p.webKey, p.thumbKey]) }
  },
}
