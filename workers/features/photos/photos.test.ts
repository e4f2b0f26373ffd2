import { env, SELF } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import exifr from 'exifr'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { photos, photoUploads } from '../../../shared/db/schema'
import { d1Cost, db, url } from '../../../test/integration/helpers'
import { makeWorld } from '../../../test/integration/world'
import { makeJpeg } from '../../dev/demo-photos'
import { cleanUpPhotos } from './clean-up'
import {
  bytesAt,
  call,
  contains,
  GARDEN,
  objects,
  open,
  phoneJpeg,
  photoLinkOf,
  SECRETS,
  sendPart,
  type UploadView,
  uploadPhoto,
} from './photos.fixtures.matrix'

/** Makes a photo public: approved, nobody recognisable. */
async function publish(photoId: string) {
  await db.update(photos).set({ approved: true, consent: 'none' }).where(eq(photos.id, photoId))
}

describe('photos: location-safe by construction', () => {
  it('a JPEG with GPS EXIF: the original keeps it (private), every public version has no GPS, serial or EXIF', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const original = phoneJpeg()
    // The fixture really carries what must not leak (or this test could not fail).
    const tags = await exifr.parse(original, true)
    expect(tags.latitude).toBeCloseTo(GARDEN.latitude, 3)
    expect(tags.SerialNumber).toBe(SECRETS.bodySerial)
    expect(tags.LensSerialNumber).toBe(SECRETS.lensSerial)
    expect(tags.DateTimeOriginal).toBeInstanceOf(Date)
    const id = await uploadPhoto(w, original, { cookie })
    const [row] = await db.select().from(photos).where(eq(photos.id, id))
    expect(row).toMatchObject({ approved: true, consent: 'asked', originalBytes: original.byteLength })
    // Taken-at read from EXIF before it was dropped: 15:42 Amsterdam time (CEST) is 13:42 UTC.
    expect(row!.takenAt?.toISOString()).toBe('2017-09-19T13:42:07.000Z')
    expect(await bytesAt(row!.originalKey)).toEqual(original)

    await publish(id)
    const gallery = await (await SELF.fetch(url(`/v/${w.slugA}/photos`))).text()
    const files = [...gallery.matchAll(/\/v\/[^/]+\/photos\/[^/]+\/((?:thumb|web)-[0-9a-f]{20}\.webp)/g)].map(
      (m) => m[0],
    )
    expect(new Set(files).size).toBe(2)
    const publicBodies: Uint8Array[] = []
    for (const path of new Set(files)) {
      const res = await SELF.fetch(url(path))
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/webp')
      expect(res.headers.get('cache-control')).toContain('immutable')
      publicBodies.push(new Uint8Array(await res.arrayBuffer()))
    }
    const zip = await SELF.fetch(url(`/v/${w.slugA}/photos.zip`))
    expect(zip.headers.get('content-type')).toBe('application/zip')
    const unzipped = unzipSync(new Uint8Array(await zip.arrayBuffer()))
    expect(Object.keys(unzipped)).toEqual(['01.webp', 'credits.txt'])
    publicBodies.push(unzipped['01.webp'] as Uint8Array)
    for (const bytes of publicBodies) {
      expect(String.fromCharCode(...bytes.slice(8, 12))).toBe('WEBP')
      for (const marker of [
        'Exif',
        'EXIF',
        'XMP ',
        'xmpmeta',
        'II*\0',
        'MM\0*',
        SECRETS.bodySerial,
        SECRETS.lensSerial,
        'Apple',
        'iPhone',
      ]) {
        expect(contains(bytes, marker), `public version carries ${JSON.stringify(marker)}`).toBe(false)
      }
      // A WebP keeps EXIF and XMP in chunks of their own: there are none. (exifr knows no WebP container and
      // throws on one, so handing it the whole file, as this test once did, could never fail.)
      const chunks: string[] = []
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      for (
        let at = 12;
        at + 8 <= bytes.length;
        at += 8 + view.getUint32(at + 4, true) + (view.getUint32(at + 4, true) % 2)
      ) {
        chunks.push(String.fromCharCode(...bytes.slice(at, at + 4)))
      }
      expect(chunks.length).toBeGreaterThan(0)
      expect(chunks.filter((c) => c === 'EXIF' || c === 'XMP ')).toEqual([])
    }
  })

  it('the team sees the original; the public never does, and nothing unpublished is public', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const id = await uploadPhoto(w, phoneJpeg(), { cookie })
    const [row] = await db.select().from(photos).where(eq(photos.id, id))
    const webFile = row!.webKey.split('/').pop()
    // Consent still 'asked': not in the gallery, its variant not served.
    expect(await (await SELF.fetch(url(`/v/${w.slugA}/photos`))).text()).not.toContain(id)
    expect((await SELF.fetch(url(`/v/${w.slugA}/photos/${id}/${webFile}`))).status).toBe(404)
    const originalPath = `/visits/${w.visitA}/photos/${id}/original`
    const asTeam = await SELF.fetch(url(originalPath), { headers: { cookie } })
    expect(asTeam.status).toBe(200)
    expect(asTeam.headers.get('content-disposition')).toContain('attachment')
    expect(asTeam.headers.get('cache-control')).toBe('private, no-store')
    await asTeam.arrayBuffer()
    // A Range request of the original answers 206 with the bytes asked for.
    const ranged = await SELF.fetch(url(originalPath), { headers: { cookie, range: 'bytes=0-3' } })
    expect(ranged.status).toBe(206)
    expect(ranged.headers.get('content-range')).toMatch(/^bytes 0-3\/\d+$/)
    expect([...new Uint8Array(await ranged.arrayBuffer())]).toEqual([0xff, 0xd8, 0xff, 0xe1])
    expect((await SELF.fetch(url(originalPath), { redirect: 'manual' })).status).toBe(303)
    await publish(id)
    const variant = await SELF.fetch(url(`/v/${w.slugA}/photos/${id}/${webFile}`))
    const etag = variant.headers.get('etag') ?? ''
    await variant.arrayBuffer()
    const again = await SELF.fetch(url(`/v/${w.slugA}/photos/${id}/${webFile}`), {
      headers: { 'if-none-match': etag },
    })
    expect(again.status).toBe(304)
  })
})

describe('photos: uploads in parts', () => {
  it('a multipart upload broken off and resumed from the part it reached; parts out of order or repeated are refused', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const big = phoneJpeg(20 * 1024 * 1024)
    const opened = await open(w, big, { cookie }, { fingerprint: 'tuin.jpg|20971520|1' })
    let upload = (await opened.json()) as UploadView
    expect(upload.partCount).toBe(3)
    expect((await sendPart(upload, big, 2, { cookie })).status).toBe(409)
    upload = (await (await sendPart(upload, big, 1, { cookie })).json()) as UploadView
    const repeated = await sendPart(upload, big, 1, { cookie })
    expect(repeated.status).toBe(409)
    expect(((await repeated.json()) as { reason: string }).reason).toBe('part_repeated')
    // A part cut off mid-way (its body shorter than its Content-Length) stores nothing and may be sent again.
    const cut = await SELF.fetch(url(`/api/photo-uploads/${upload.id}/parts/2`), {
      method: 'PUT',
      headers: {
        cookie,
        'content-type': 'application/octet-stream',
        'content-length': String(upload.partSize),
      },
      body: big.slice(upload.partSize, upload.partSize + 1000),
    }).catch(() => null)
    expect(cut === null || cut.status >= 400).toBe(true)
    // "The page was reloaded": the browser asks which of its uploads are unfinished, and where they stand.
    const list = (await (await call('GET', `/api/visits/${w.visitA}/photo-uploads`, { cookie })).json()) as {
      uploads: UploadView[]
    }
    expect(list.uploads).toHaveLength(1)
    expect(list.uploads[0]).toMatchObject({ id: upload.id, partsDone: [1], nextPart: 2 })
    expect((await call('POST', `/api/photo-uploads/${upload.id}/complete`, { cookie })).status).toBe(409)
    for (const n of [2, 3]) expect((await sendPart(upload, big, n, { cookie })).status).toBe(200)
    const done = await call('POST', `/api/photo-uploads/${upload.id}/complete`, { cookie })
    expect(done.status).toBe(201)
    const [row] = await db.select().from(photos).where(eq(photos.id, upload.id))
    expect((await env.PHOTOS.head(row!.originalKey))?.size).toBe(big.byteLength)
    // Finished: the upload id is no more (404), for more parts and for completing again.
    expect((await sendPart(upload, big, 3, { cookie })).status).toBe(404)
    expect((await call('POST', `/api/photo-uploads/${upload.id}/complete`, { cookie })).status).toBe(404)
    expect(await db.select().from(photoUploads).where(eq(photoUploads.visitId, w.visitA))).toEqual([])
  })

  it('a renamed non-image is refused (415) and leaves nothing in R2 or D1; HEIC gets its own message', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const exe = new Uint8Array(4096)
    exe.set([0x4d, 0x5a, 0x90, 0x00])
    const opened = (await (await open(w, exe, { cookie }, { filename: 'tuin.jpg' })).json()) as UploadView
    const refused = await sendPart(opened, exe, 1, { cookie })
    expect(refused.status).toBe(415)
    expect(await objects(`photos/${w.visitA}/`)).toEqual([])
    expect(await db.select().from(photoUploads).where(eq(photoUploads.visitId, w.visitA))).toEqual([])
    expect(await db.select().from(photos).where(eq(photos.visitId, w.visitA))).toEqual([])
    const heic = await open(w, exe, { cookie }, { filename: 'IMG_0001.HEIC', type: 'image/heic' })
    expect(heic.status).toBe(415)
    expect(((await heic.json()) as { reason: string }).reason).toBe('heic')
    // A HEIC file named .jpg is known by its bytes.
    const heicBytes = new Uint8Array(4096)
    heicBytes.set([
      0,
      0,
      0,
      0x18,
      ...new TextEncoder().encode('ftypheic'),
      0,
      0,
      0,
      0,
      ...new TextEncoder().encode('mif1heic'),
    ])
    const disguised = (await (await open(w, heicBytes, { cookie })).json()) as UploadView
    const answer = await sendPart(disguised, heicBytes, 1, { cookie })
    expect(answer.status).toBe(415)
    expect(((await answer.json()) as { reason: string }).reason).toBe('heic')
    // Too large for the visit's limit per file, a part of the wrong size, no Content-Length.
    expect(
      (
        await call(
          'POST',
          `/api/visits/${w.visitA}/photo-uploads`,
          { cookie },
          { filename: 'a.jpg', sizeBytes: 51 * 1024 * 1024 },
        )
      ).status,
    ).toBe(413)
    const small = phoneJpeg()
    const u = (await (await open(w, small, { cookie })).json()) as UploadView
    const wrong = await SELF.fetch(url(`/api/photo-uploads/${u.id}/parts/1`), {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/octet-stream' },
      body: small.slice(0, 100),
    })
    expect(wrong.status).toBe(400)
    expect(await objects(`photos/${w.visitA}/`)).toEqual([])
  })

  it('a corrupt picture that passes the sniff is refused at completion, and nothing stays', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const broken = new Uint8Array(2048)
    broken.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10])
    const u = (await (await open(w, broken, { cookie })).json()) as UploadView
    expect((await sendPart(u, broken, 1, { cookie })).status).toBe(200)
    const done = await call('POST', `/api/photo-uploads/${u.id}/complete`, { cookie })
    expect(done.status).toBe(415)
    expect(await objects(`photos/${w.visitA}/`)).toEqual([])
    expect(await db.select().from(photoUploads).where(eq(photoUploads.visitId, w.visitA))).toEqual([])
  })

  it('someone else cannot send parts of your upload; a photo of another visit is 404', async () => {
    const w = await makeWorld()
    const jpeg = phoneJpeg()
    const u = (await (await open(w, jpeg, { cookie: w.person.organiser.cookie })).json()) as UploadView
    expect((await sendPart(u, jpeg, 1, { cookie: w.person.owner.cookie })).status).toBe(404)
    expect((await sendPart(u, jpeg, 1, {})).status).toBe(404)
    const id = await uploadPhoto(w, jpeg, { cookie: w.person.organiser.cookie })
    const other = await SELF.fetch(url(`/visits/${w.visitB}/photos/${id}`), {
      headers: { cookie: w.person.outsider.cookie },
      redirect: 'manual',
    })
    expect(other.status).toBe(404)
  })
})

describe('photos: links, deleting, the gallery', () => {
  it('a photo link uploads (waiting for approval, credited); revoked, it uploads nothing', async () => {
    const w = await makeWorld()
    const link = await photoLinkOf(w)
    const id = await uploadPhoto(w, phoneJpeg(), { link: link.token })
    const [row] = await db.select().from(photos).where(eq(photos.id, id))
    expect(row).toMatchObject({
      approved: false,
      credit: 'Chris de Waard',
      source: 'Sleutelstad',
      personId: null,
    })
    const underway = (await (await open(w, phoneJpeg(), { link: link.token })).json()) as UploadView
    const revoke = await call('DELETE', `/api/photo-links/${link.id}`, { cookie: w.person.organiser.cookie })
    expect(revoke.status).toBe(204)
    expect((await open(w, phoneJpeg(), { link: link.token })).status).toBe(404)
    expect((await sendPart(underway, phoneJpeg(), 1, { link: link.token })).status).toBe(404)
    expect((await SELF.fetch(url(`/p/${link.token}`))).status).toBe(404)
    expect(await db.select().from(photoUploads).where(eq(photoUploads.visitId, w.visitA))).toEqual([])
    expect((await objects(`photos/${w.visitA}/`)).filter((k) => k.includes(underway.id))).toEqual([])
  })

  it('deleting a photo removes its row and every R2 object', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const id = await uploadPhoto(w, phoneJpeg(), { cookie })
    expect(await objects(`photos/${w.visitA}/${id}/`)).toHaveLength(3)
    expect((await call('DELETE', `/api/photos/${id}`, { cookie: w.person.viewer.cookie })).status).toBe(403)
    expect((await call('DELETE', `/api/photos/${id}`, { cookie })).status).toBe(204)
    expect(await objects(`photos/${w.visitA}/${id}/`)).toEqual([])
    expect(await db.select().from(photos).where(eq(photos.id, id))).toEqual([])
  })

  it('the gallery shows approved photos with consent settled, in order, with credits; its ETag follows changes', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const link = await photoLinkOf(w)
    const a = await uploadPhoto(w, makeJpeg({ exif: { gps: GARDEN } }), { cookie })
    const b = await uploadPhoto(w, makeJpeg(), { link: link.token })
    await db.update(photos).set({ caption: 'Wethouder in de tuin', consent: 'given' }).where(eq(photos.id, a))
    const patched = await call(
      'PATCH',
      `/api/photos/${b}`,
      { cookie },
      { version: 1, approved: true, consent: 'none', caption: 'De wandeling' },
    )
    expect(patched.status).toBe(200)
    expect((await call('PATCH', `/api/photos/${b}`, { cookie }, { version: 1, caption: 'oud' })).status).toBe(
      409,
    )
    const first = await SELF.fetch(url(`/v/${w.slugA}/photos`))
    const html = await first.text()
    expect(html).toContain('Wethouder in de tuin')
    expect(html).toContain('Foto: Chris de Waard / Sleutelstad')
    expect(html).toContain('loading="lazy"')
    expect(html).toMatch(/srcset="[^"]+ \d+w, [^"]+ \d+w"/)
    expect(html.indexOf(a)).toBeLessThan(html.indexOf(b))
    const etag = first.headers.get('etag') ?? ''
    expect(
      (await SELF.fetch(url(`/v/${w.slugA}/photos`), { headers: { 'if-none-match': etag } })).status,
    ).toBe(304)
    expect(
      (await call('PUT', `/api/visits/${w.visitA}/photo-order`, { cookie }, { ids: [b, a] })).status,
    ).toBe(204)
    expect((await call('PUT', `/api/visits/${w.visitA}/photo-order`, { cookie }, { ids: [b] })).status).toBe(
      422,
    )
    const after = await SELF.fetch(url(`/v/${w.slugA}/photos`), { headers: { 'if-none-match': etag } })
    expect(after.status).toBe(200)
    const reordered = await after.text()
    expect(reordered.indexOf(b)).toBeLessThan(reordered.indexOf(a))
    const zip = unzipSync(
      new Uint8Array(await (await SELF.fetch(url(`/v/${w.slugA}/photos.zip`))).arrayBuffer()),
    )
    expect(Object.keys(zip)).toEqual(['01-de-wandeling.webp', '02-wethouder-in-de-tuin.webp', 'credits.txt'])
    expect(new TextDecoder().decode(zip['credits.txt'])).toContain('Chris de Waard / Sleutelstad')
  })

  it('a gallery served from memory with no D1 query still follows approving, withdrawing and deleting at once', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const a = await uploadPhoto(w, makeJpeg(), { cookie })
    const b = await uploadPhoto(w, makeJpeg(), { cookie })
    await db
      .update(photos)
      .set({ caption: 'Foto B', approved: true, consent: 'none' })
      .where(eq(photos.id, b))
    const gallery = async () => {
      const res = await SELF.fetch(url(`/v/${w.slugA}/photos`))
      expect(res.status).toBe(200)
      return { html: await res.text(), queries: d1Cost(res).queries, cache: res.headers.get('x-cache') }
    }
    const first = await gallery()
    expect(first.html).toContain(b)
    expect(first.html).not.toContain(a)
    // Read again: the release head, the gallery's version and the page all come from this isolate's memory.
    expect(await gallery()).toMatchObject({ queries: 0, cache: 'hit' })
    const version = async (id: string) =>
      (await db.select().from(photos).where(eq(photos.id, id)))[0]?.version
    const patch = async (id: string, body: Record<string, unknown>) =>
      expect(
        (await call('PATCH', `/api/photos/${id}`, { cookie }, { version: await version(id), ...body }))
          .status,
      ).toBe(200)
    await patch(a, { approved: true, consent: 'none', caption: 'Foto A' })
    const approved = await gallery()
    expect(approved.html).toContain(a)
    expect(await gallery()).toMatchObject({ queries: 0, cache: 'hit' })
    // Consent asked again: not public any more, at once.
    await patch(a, { consent: 'asked' })
    expect((await gallery()).html).not.toContain(a)
    await patch(a, { consent: 'given' })
    expect((await gallery()).html).toContain(a)
    expect((await call('DELETE', `/api/photos/${a}`, { cookie })).status).toBe(204)
    const deleted = await gallery()
    expect(deleted.html).not.toContain(a)
    expect(deleted.html).toContain(b)
  })

  it('the scheduled clean-up aborts uploads idle for a day and removes objects nothing points at', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const kept = await uploadPhoto(w, phoneJpeg(), { cookie })
    const idle = (await (await open(w, phoneJpeg(), { cookie })).json()) as UploadView
    // An object no photo or upload names (a Worker stopped between storing and recording it).
    const orphan = `photos/${w.visitA}/${crypto.randomUUID()}/original`
    await env.PHOTOS.put(orphan, new Uint8Array([1, 2, 3]))
    // Within the day nothing goes: the upload may still be sent, the object may still be recorded.
    expect(await cleanUpPhotos(db, env.PHOTOS, new Date())).toEqual({ aborted: 0, orphans: 0 })
    expect((await call('GET', `/api/photo-uploads/${idle.id}`, { cookie })).status).toBe(200)
    const later = new Date(Date.now() + 25 * 3600_000)
    const run = await cleanUpPhotos(db, env.PHOTOS, later)
    expect(run.aborted).toBeGreaterThanOrEqual(1)
    expect(run.orphans).toBeGreaterThanOrEqual(1)
    expect(await db.select().from(photoUploads).where(eq(photoUploads.id, idle.id))).toEqual([])
    expect((await call('GET', `/api/photo-uploads/${idle.id}`, { cookie })).status).toBe(404)
    expect((await sendPart(idle, phoneJpeg(), 1, { cookie })).status).toBe(404)
    expect(await env.PHOTOS.head(orphan)).toBeNull()
    // A finished photo keeps its original and variants.
    expect(await objects(`photos/${w.visitA}/${kept}/`)).toHaveLength(3)
  })
})
