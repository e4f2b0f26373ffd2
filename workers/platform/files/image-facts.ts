/**
 * What an image's bytes say about it, read from its structure (markers, chunks, boxes), never from its name:
 * its size in pixels, whether it is an iPhone's HEIC, and which metadata blocks it carries. Pure, so a public
 * variant can be checked the same way whatever made it, before it is stored where anyone may fetch it.
 */

import type { imageKind } from './sniff'

export type ImageKind = NonNullable<ReturnType<typeof imageKind>>

/** Metadata that can say where, when or with what a picture was taken. */
export type MetadataBlock = 'exif' | 'xmp' | 'iptc' | 'comment' | 'text' | 'unknown-segment'

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0)
const u32be = (b: Uint8Array, i: number) => ((u16be(b, i) << 16) | u16be(b, i + 2)) >>> 0
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8)
const u24le = (b: Uint8Array, i: number) => u16le(b, i) | ((b[i + 2] ?? 0) << 16)
const u32le = (b: Uint8Array, i: number) => (u16le(b, i) | (u16le(b, i + 2) << 16)) >>> 0
const ascii = (b: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...b.subarray(from, Math.min(b.length, from + length)))

/** True for an ISO-BMFF HEIC/HEIF file (an iPhone's photo as it is stored): `ftyp` with a HEIF brand. */
export function looksLikeHeic(prefix: Uint8Array): boolean {
  if (prefix.length < 12 || ascii(prefix, 4, 4) !== 'ftyp') return false
  const heif = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'])
  const end = Math.min(prefix.length, u32be(prefix, 0) || 32)
  for (let at = 8; at + 4 <= end; at += 4) if (heif.has(ascii(prefix, at, 4))) return true
  return false
}

/** Width and height in pixels as the file stores them, or null when the bytes given do not reach that far. */
export function imageDimensions(
  bytes: Uint8Array,
  kind: ImageKind,
): { width: number; height: number } | null {
  if (kind === 'image/png') {
    if (bytes.length < 24 || ascii(bytes, 12, 4) !== 'IHDR') return null
    return { width: u32be(bytes, 16), height: u32be(bytes, 20) }
  }
  if (kind === 'image/webp') {
    for (const chunk of riffChunks(bytes)) {
      const d = chunk.data
      if (chunk.type === 'VP8X' && d.length >= 10) return { width: u24le(d, 4) + 1, height: u24le(d, 7) + 1 }
      if (chunk.type === 'VP8 ' && d.length >= 10) {
        return { width: u16le(d, 6) & 0x3fff, height: u16le(d, 8) & 0x3fff }
      }
      if (chunk.type === 'VP8L' && d.length >= 5) {
        const bits = u32le(d, 1)
        return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
      }
    }
    return null
  }
  for (const segment of jpegSegments(bytes)) {
    // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    const m = segment.marker
    if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc && segment.data.length >= 5) {
      return { width: u16be(segment.data, 3), height: u16be(segment.data, 1) }
    }
  }
  return null
}

/** The RIFF chunks of a WebP file: type and payload. */
function* riffChunks(b: Uint8Array) {
  if (b.length < 12 || ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP') return
  let at = 12
  while (at + 8 <= b.length) {
    const size = u32le(b, at + 4)
    yield { type: ascii(b, at, 4), data: b.subarray(at + 8, Math.min(b.length, at + 8 + size)) }
    at += 8 + size + (size % 2)
  }
}

/** The marker segments of a JPEG before its image data (SOS): marker and payload. */
function* jpegSegments(b: Uint8Array) {
  if (b[0] !== 0xff || b[1] !== 0xd8) return
  let at = 2
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return
    const marker = b[at + 1] ?? 0
    if (marker === 0xff) {
      at += 1 // fill byte
      continue
    }
    if (marker === 0xd9) return
    const length = u16be(b, at + 2)
    yield { marker, data: b.subarray(at + 4, Math.min(b.length, at + 2 + length)) }
    // After SOS comes entropy-coded data; metadata segments before it are what matters (and after EOI, none).
    if (marker === 0xda) return
    at += 2 + length
  }
}

/** The PNG chunks of a file: type and payload. */
function* pngChunks(b: Uint8Array) {
  let at = 8
  while (at + 8 <= b.length) {
    const size = u32be(b, at)
    yield { type: ascii(b, at + 4, 4), data: b.subarray(at + 8, Math.min(b.length, at + 8 + size)) }
    at += 12 + size
  }
}

/**
 * The metadata blocks an image carries: EXIF (with GPS, serial numbers, times), XMP, IPTC, comments and text
 * chunks, and any JPEG application segment we do not know (a maker may put anything there). Colour profiles
 * (ICC) and the JFIF header say nothing about a place or a camera and are allowed. An empty list: clean.
 */
export function metadataBlocks(bytes: Uint8Array, kind: ImageKind): MetadataBlock[] {
  const found = new Set<MetadataBlock>()
  if (kind === 'image/webp') {
    for (const chunk of riffChunks(bytes)) {
      if (chunk.type === 'EXIF') found.add('exif')
      if (chunk.type === 'XMP ') found.add('xmp')
      // The VP8X header announces EXIF (bit 3) and XMP (bit 2) even when a chunk is cut off.
      if (chunk.type === 'VP8X' && ((chunk.data[0] ?? 0) & 0b1000) !== 0) found.add('exif')
      if (chunk.type === 'VP8X' && ((chunk.data[0] ?? 0) & 0b0100) !== 0) found.add('xmp')
    }
  } else if (kind === 'image/png') {
    for (const chunk of pngChunks(bytes)) {
      if (chunk.type === 'eXIf') found.add('exif')
      if (chunk.type === 'iTXt' || chunk.type === 'tEXt' || chunk.type === 'zTXt') {
        found.add(ascii(chunk.data, 0, 17) === 'XML:com.adobe.xmp' ? 'xmp' : 'text')
      }
    }
  } else {
    for (const { marker, data } of jpegSegments(bytes)) {
      if (marker === 0xe1) found.add(ascii(data, 0, 4) === 'Exif' ? 'exif' : 'xmp')
      else if (marker === 0xed) found.add('iptc')
      else if (marker === 0xfe) found.add('comment')
      else if (marker === 0xe0 && ascii(data, 0, 4) !== 'JFIF' && ascii(data, 0, 4) !== 'JFXX')
        found.add('unknown-segment')
      else if (marker === 0xe2 && ascii(data, 0, 11) !== 'ICC_PROFILE') found.add('unknown-segment')
      // Adobe's APP14 says how colours are stored, nothing more.
      else if (marker >= 0xe3 && marker <= 0xef && !(marker === 0xee && ascii(data, 0, 5) === 'Adobe'))
        found.add('unknown-segment')
    }
  }
  return [...found]
}
