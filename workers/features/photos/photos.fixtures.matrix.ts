/**
 * What the photo suites share: JPEGs with GPS EXIF, an upload sent through the API part by part, a photo link,
 * and looks into R2. Named `*.matrix.ts` (the suffix the Worker's tsconfig leaves to the tests); no suite here.
 */
import { env, SELF } from 'cloudflare:test'
import { expect } from 'vitest'
import { photoLinks } from '../../../shared/db/schema'
import { db, ORIGIN, url } from '../../../test/integration/helpers'
import type { World } from '../../../test/integration/world'
import { makeJpeg } from '../../dev/demo-photos'
import { hashToken, randomToken } from '../../platform/auth/tokens'

/** Where the photos in the tests were "taken": a resident's private garden in Vreewijk. */
export const GARDEN = { latitude: 52.15187, longitude: 4.50531 }
export const SECRETS = { bodySerial: 'BODY-SN-424242', lensSerial: 'LENS-SN-777001' }

/** A phone photo: GPS, make and model, serial numbers, the time taken. */
export const phoneJpeg = (padTo?: number) =>
  makeJpeg({
    width: 320,
    height: 240,
    exif: {
      gps: GARDEN,
      make: 'Apple',
      model: 'iPhone 8',
      takenAt: '2017:09:19 15:42:07',
      ...SECRETS,
    },
    ...(padTo ? { padTo } : {}),
  })

export type Sent = { cookie?: string | undefined; link?: string | undefined }

export function headersOf(sent: Sent, json = true): Record<string, string> {
  const h: Record<string, string> = { accept: 'application/json', origin: ORIGIN }
  if (json) h['content-type'] = 'application/json'
  if (sent.cookie) h.cookie = sent.cookie
  if (sent.link) h['x-photo-link'] = sent.link
  return h
}

export const call = (method: string, path: string, sent: Sent, body?: unknown) =>
  SELF.fetch(url(path), {
    method,
    headers: headersOf(sent, body !== undefined),
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: 'manual',
  })

export type UploadView = {
  id: string
  partSize: number
  partCount: number
  partsDone: number[]
  nextPart: number | null
  bytesDone: number
}

/** Opens an upload for the world's visit as an organiser (or through a link when `sent.link` is given). */
export async function open(w: World, bytes: Uint8Array, sent: Sent, extra: Record<string, unknown> = {}) {
  const path = sent.link ? '/api/photo-link/uploads' : `/api/visits/${w.visitA}/photo-uploads`
  return call('POST', path, sent, {
    filename: 'tuin.jpg',
    sizeBytes: bytes.byteLength,
    type: 'image/jpeg',
    ...extra,
  })
}

/** Sends part `n` of the file, cut as the upload says. */
export function sendPart(upload: UploadView, bytes: Uint8Array, n: number, sent: Sent) {
  const from = (n - 1) * upload.partSize
  const part = bytes.slice(from, Math.min(bytes.byteLength, from + upload.partSize))
  return SELF.fetch(url(`/api/photo-uploads/${upload.id}/parts/${n}`), {
    method: 'PUT',
    headers: { ...headersOf(sent, false), 'content-type': 'application/octet-stream' },
    body: part,
  })
}

/** A whole upload: open, every part in order, complete. Returns the photo's id. */
export async function uploadPhoto(w: World, bytes: Uint8Array, sent: Sent) {
  const opened = await open(w, bytes, sent)
  expect(opened.status, await opened.clone().text()).toBe(201)
  let upload = (await opened.json()) as UploadView
  while (upload.nextPart !== null) {
    const res = await sendPart(upload, bytes, upload.nextPart, sent)
    expect(res.status, await res.clone().text()).toBe(200)
    upload = (await res.json()) as UploadView
  }
  const done = await call('POST', `/api/photo-uploads/${upload.id}/complete`, sent)
  expect(done.status, await done.clone().text()).toBe(201)
  return ((await done.json()) as { id: string }).id
}

/** A live photo link of the world's visit, made directly in the database; its token. */
export async function photoLinkOf(w: World, credit = 'Chris de Waard', source = 'Sleutelstad') {
  const token = randomToken()
  const id = crypto.randomUUID()
  await db
    .insert(photoLinks)
    .values({ id, visitId: w.visitA, tokenHash: await hashToken(token), label: credit, credit, source })
  return { token, id }
}

/** Every object under a prefix. */
export const objects = async (prefix: string) => (await env.PHOTOS.list({ prefix })).objects.map((o) => o.key)

/** The bytes of an object. */
export const bytesAt = async (key: string) => new Uint8Array(await (await env.PHOTOS.get(key))!.arrayBuffer())

/** True when `needle` occurs in `hay` (bytes). */
export function contains(hay: Uint8Array, needle: string | Uint8Array) {
  const n = typeof needle === 'string' ? new TextEncoder().encode(needle) : needle
  outer: for (let i = 0; i + n.length <= hay.length; i++) {
    for (let j = 0; j < n.length; j++) if (hay[i + j] !== n[j]) continue outer
    return true
  }
  return false
}
