import { inArray } from 'drizzle-orm'
import { photos } from '../../shared/db/schema'
import { makeVariants } from '../features/photos/variants'
import type { Database } from '../platform/env'
import { gardenPainter, makeJpeg } from './demo-photos'

/** The demo photo impression: generated JPEGs with a GPS tag (a garden in Vreewijk), credited as published. */
const demoPhotos = [
  {
    id: 'demo-photo-vreewijk-1',
    visitId: 'demo-visit-vreewijk',
    caption: 'Welkom in de tuin van de familie De Wit',
    at: '2017:09:19 15:05:12',
  },
  {
    id: 'demo-photo-vreewijk-2',
    visitId: 'demo-visit-vreewijk',
    caption: 'De werkgroep Groen vertelt over de geveltuinen',
    at: '2017:09:19 15:40:03',
  },
  {
    id: 'demo-photo-vreewijk-3',
    visitId: 'demo-visit-vreewijk',
    caption: 'Een drankje na afloop',
    at: '2017:09:19 17:10:45',
  },
  {
    id: 'demo-photo-deventer-1',
    visitId: 'demo-visit-deventer',
    caption: 'Ontvangst in het wijkcentrum',
    at: '2017:09:22 10:15:00',
  },
]

/**
 * Loads the demo photos once (fixed ids; a photo already there is left alone). Each original carries EXIF
 * with the GPS position of a private garden and serial numbers, and goes through the same variant step as an
 * upload, so the gallery locally shows what the public gets: no position, no serial.
 */
export async function loadDemoPhotos(db: Database, bucket: R2Bucket, images: ImagesBinding) {
  const present = await db
    .select({ id: photos.id })
    .from(photos)
    .where(
      inArray(
        photos.id,
        demoPhotos.map((p) => p.id),
      ),
    )
  const have = new Set(present.map((p) => p.id))
  for (const [i, demo] of demoPhotos.entries()) {
    if (have.has(demo.id)) continue
    const jpeg = makeJpeg({
      width: 640,
      height: 480,
      paint: gardenPainter(i),
      exif: {
        gps: { latitude: 52.15187, longitude: 4.50531 },
        make: 'Canon',
        model: 'EOS 80D',
        bodySerial: `DEMO-BODY-${i}`,
        lensSerial: `DEMO-LENS-${i}`,
        takenAt: demo.at,
      },
    })
    const prefix = `photos/${demo.visitId}/${demo.id}`
    await bucket.put(`${prefix}/original`, jpeg, { httpMetadata: { contentType: 'image/jpeg' } })
    const made = await makeVariants(
      bucket,
      images,
      { key: `${prefix}/original`, kind: 'image/jpeg', prefix },
      'Europe/Amsterdam',
    )
    await db
      .insert(photos)
      .values({
        id: demo.id,
        visitId: demo.visitId,
        filename: `${demo.id}.jpg`,
        originalKey: `${prefix}/original`,
        originalType: 'image/jpeg',
        originalBytes: jpeg.byteLength,
        webKey: made.web.key,
        webWidth: made.web.width,
        webHeight: made.web.height,
        webBytes: made.web.bytes,
        thumbKey: made.thumb.key,
        thumbWidth: made.thumb.width,
        thumbHeight: made.thumb.height,
        caption: demo.caption,
        credit: 'Chris de Waard',
        source: 'Sleutelstad',
        takenAt: made.takenAt,
        consent: 'none',
        approved: true,
        position: i + 1,
      })
      .onConflictDoNothing()
  }
}
