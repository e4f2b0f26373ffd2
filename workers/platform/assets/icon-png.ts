import { zlibSync } from 'fflate'
import type { IconSize } from './icon-path'

/**
 * The app icon as PNG, drawn in code from the same shapes as icon.svg (a green field, a white arc and a white
 * dot), for what will not take an SVG: Android's home screen (192 and 512 px, "maskable": the field fills the
 * square and the figure sits inside the safe circle) and iOS's apple-touch-icon (180 px, which iOS rounds
 * itself). Drawn once per isolate and kept; the URLs carry a version, so browsers keep them for a year.
 */
const GREEN = [0x1f, 0x6b, 0x3a] as const

// The arc of icon.svg, "M9 20c3-8 11-8 14 0" (a cubic from (9,20) via (12,12) and (20,12) to (23,20)) in its
// 32-unit box, as 16 straight pieces (off by under half a pixel at 512 px).
const PIECES = 16
const arcX = new Float64Array(PIECES + 1)
const arcY = new Float64Array(PIECES + 1)
for (let i = 0; i <= PIECES; i++) {
  const t = i / PIECES
  const u = 1 - t
  arcX[i] = u * u * u * 9 + 3 * u * u * t * 12 + 3 * u * t * t * 20 + t * t * t * 23
  arcY[i] = u * u * u * 20 + 3 * u * u * t * 12 + 3 * u * t * t * 12 + t * t * t * 20
}

/** The distance from a point to the arc, in the 32-unit box. */
function distanceToArc(x: number, y: number) {
  let best = Number.POSITIVE_INFINITY
  for (let i = 1; i <= PIECES; i++) {
    const ax = arcX[i - 1] as number
    const ay = arcY[i - 1] as number
    const dx = (arcX[i] as number) - ax
    const dy = (arcY[i] as number) - ay
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    const ex = x - ax - t * dx
    const ey = y - ay - t * dy
    const d = ex * ex + ey * ey
    if (d < best) best = d
  }
  return Math.sqrt(best)
}

/** How much of a pixel a shape at this distance from its edge covers (negative: inside), for smooth edges. */
const coverage = (edgeDistance: number, pixel: number) => Math.max(0, Math.min(1, 0.5 - edgeDistance / pixel))

/** Shades from the green field (0) to white (SHADES - 1): an 8-bit palette keeps the file and the work small. */
const SHADES = 16
const palette = new Uint8Array(
  Array.from({ length: SHADES }, (_, i) =>
    GREEN.map((c) => Math.round(c + ((255 - c) * i) / (SHADES - 1))),
  ).flat(),
)

/** The icon's pixels as palette indices, each row led by PNG's filter byte (0: none). */
function draw(size: number): Uint8Array {
  const rows = new Uint8Array(size * (size + 1))
  // The figure is drawn at 80% so it stays inside the safe circle of a maskable icon.
  const scale = 32 / (size * 0.8)
  const offset = 16 - (size / 2) * scale
  for (let py = 0; py < size; py++) {
    const row = py * (size + 1)
    const y = offset + (py + 0.5) * scale
    // The arc runs from y 14 to 20 and is 3 wide; the dot is 6 across around y 11: other rows stay green.
    if (y < 7 || y > 22) continue
    for (let px = 0; px < size; px++) {
      const x = offset + (px + 0.5) * scale
      const dot =
        Math.abs(x - 16) < 4 && y < 15 ? coverage(Math.sqrt((x - 16) ** 2 + (y - 11) ** 2) - 3, scale) : 0
      const stroke = x > 7 && x < 25 && y > 12 && y < 22 ? coverage(distanceToArc(x, y) - 1.5, scale) : 0
      rows[row + 1 + px] = Math.round(Math.max(dot, stroke) * (SHADES - 1))
    }
  }
  return rows
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array) {
  let c = 0xffffffff
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Uint8Array) {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

/** A PNG file: signature, header (8-bit palette), the palette, the compressed pixels, end. */
export function encodePng(size: number, rows: Uint8Array, colours: Uint8Array): Uint8Array<ArrayBuffer> {
  const header = new Uint8Array(13)
  const view = new DataView(header.buffer)
  view.setUint32(0, size)
  view.setUint32(4, size)
  header.set([8, 3, 0, 0, 0], 8)
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', colours),
    chunk('IDAT', zlibSync(rows, { level: 6 })),
    chunk('IEND', new Uint8Array(0)),
  ]
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

const drawn = new Map<number, Uint8Array<ArrayBuffer>>()

/** The icon as a PNG file of this size, drawn the first time it is asked for in this isolate. */
export function iconPng(size: IconSize): Uint8Array<ArrayBuffer> {
  let png = drawn.get(size)
  if (!png) {
    png = encodePng(size, draw(size), palette)
    drawn.set(size, png)
  }
  return png
}
