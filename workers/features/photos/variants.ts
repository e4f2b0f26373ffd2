import exifr from 'exifr/dist/mini.esm.mjs'
import { DomainError } from '../../../shared/errors'
import { type ImageKind, imageDimensions, metadataBlocks } from '../../platform/files/image-facts'
import { imageKind } from '../../platform/files/sniff'
import { takenAtFromExif, VARIANTS, type VariantName } from './rules'

/** A public version of a photo as stored: its key names its content, so it is cached for good. */
export type StoredVariant = { key: string; width: number; height: number; bytes: number }

/** EXIF sits in the first segments of a JPEG: this much of the original tells when it was taken, and its size. */
const HEAD_BYTES = 256 * 1024

const unreadable = (detail: string) =>
  new DomainError('unsupported_media_type', detail, { reason: 'image_unreadable' })

/** The SHA-256 of some bytes, hex, shortened: enough to name a variant by its content. */
async function contentName(bytes: Uint8Array<ArrayBuffer>) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return [...digest.slice(0, 10)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * The bytes of a public variant, checked on the server whatever made them: a WebP picture, of a size, that
 * carries no EXIF, XMP or other metadata block (so no GPS position, no serial number, no time). Anything else
 * is refused, so a binding that one day kept metadata could never make a public file that does.
 */
export function checkPublicVariant(bytes: Uint8Array): { width: number; height: number } {
  const kind = imageKind(bytes)
  const size = kind === 'image/webp' ? imageDimensions(bytes, kind) : null
  const blocks = kind ? metadataBlocks(bytes, kind) : []
  if (kind !== 'image/webp' || !size || blocks.length > 0) {
    console.error(
      `photo variant refused: ${kind ?? 'unknown kind'}, metadata: ${blocks.join(', ') || 'none'}`,
    )
    throw unreadable('No location-safe version of this picture could be made; nothing was stored.')
  }
  return size
}

/** The resize that fits a picture within `longest` pixels on its longest side, never enlarging it. */
function fitWithin(variant: VariantName, size: { width: number; height: number } | null): ImageTransform {
  const longest = VARIANTS[variant]
  if (!size) return { width: longest, height: longest, fit: 'scale-down' }
  return size.height > size.width
    ? { height: Math.min(longest, size.height), fit: 'scale-down' }
    : { width: Math.min(longest, size.width), fit: 'scale-down' }
}

async function transformed(
  images: ImagesBinding,
  input: ReadableStream<Uint8Array>,
  transform: ImageTransform,
) {
  try {
    const result = await images
      .input(input)
      .transform(transform)
      .output({ format: 'image/webp', quality: 82 })
    return new Uint8Array(await result.response().arrayBuffer())
  } catch (error) {
    console.error(`photo variant failed: ${error}`)
    throw unreadable('This picture could not be read; nothing was stored.')
  }
}

/** What the first bytes of the original say: its size in pixels and when it was taken (EXIF, camera clock). */
export async function readOriginalHead(head: Uint8Array, kind: ImageKind, timeZone: string) {
  const size = imageDimensions(head, kind)
  let takenAt: Date | null = null
  if (kind === 'image/jpeg') {
    try {
      // The smallest build has no tag names: DateTimeOriginal 0x9003, OffsetTimeOriginal 0x9011, CreateDate 0x9004.
      const tags = (await exifr.parse(head, {
        gps: false,
        ifd1: false,
        interop: false,
        reviveValues: false,
      })) as Record<string, unknown> | undefined
      takenAt = takenAtFromExif(tags?.[0x9003] ?? tags?.[0x9004], tags?.[0x9011], timeZone)
    } catch {
      // EXIF that cannot be read: the photo simply has no taken-at; the team may fill it in.
    }
  }
  return { size, takenAt }
}

/**
 * The public variants of an original in R2, made by the Images binding (locally: miniflare's sharp): the web
 * size straight from the original (streamed from R2, never held whole by the Worker), the thumbnail from the
 * web size. Both are checked (checkPublicVariant) before they are stored under keys that name their content.
 */
export async function makeVariants(
  bucket: R2Bucket,
  images: ImagesBinding,
  original: { key: string; kind: ImageKind; prefix: string },
  timeZone: string,
) {
  const head = await bucket.get(original.key, { range: { offset: 0, length: HEAD_BYTES } })
  if (!head) throw unreadable('The upload is gone; nothing was stored.')
  const { size, takenAt } = await readOriginalHead(
    new Uint8Array(await head.arrayBuffer()),
    original.kind,
    timeZone,
  )
  const whole = await bucket.get(original.key)
  if (!whole) throw unreadable('The upload is gone; nothing was stored.')
  const web = await transformed(images, whole.body, fitWithin('web', size))
  const webSize = checkPublicVariant(web)
  const thumb = await transformed(
    images,
    new Response(web).body as ReadableStream<Uint8Array>,
    fitWithin('thumb', webSize),
  )
  const thumbSize = checkPublicVariant(thumb)
  const stored: Record<VariantName, StoredVariant> = {} as Record<VariantName, StoredVariant>
  for (const [name, bytes, dims] of [
    ['web', web, webSize],
    ['thumb', thumb, thumbSize],
  ] as const) {
    const key = `${original.prefix}/${name}-${await contentName(bytes)}.webp`
    await bucket.put(key, bytes, { httpMetadata: { contentType: 'image/webp' } })
    stored[name] = { key, width: dims.width, height: dims.height, bytes: bytes.byteLength }
  }
  return { takenAt, web: stored.web, thumb: stored.thumb }
}
