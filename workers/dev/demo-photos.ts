/**
 * Small JPEGs made in code, as a phone makes them: EXIF with a GPS position, the camera's make and model,
 * body and lens serial numbers and the time taken. For the demo photo impression (so the stripping shows
 * locally) and for the tests, which must prove that no public version keeps any of it. The picture is a
 * mosaic of flat 8×8 blocks: a baseline JPEG whose blocks carry only their average colour, so the encoder is
 * a page of code and needs no library.
 */

export type ExifFacts = {
  /** Degrees, north and east positive. */
  gps?: { latitude: number; longitude: number }
  make?: string
  model?: string
  bodySerial?: string
  lensSerial?: string
  /** Camera clock, "YYYY:MM:DD HH:MM:SS". */
  takenAt?: string
}

type Entry = { tag: number; type: 2 | 3 | 4 | 5; values: number[] | string }

/** A TIFF block (little-endian) with IFD0, the EXIF IFD and the GPS IFD, as an APP1 "Exif" payload. */
function exifPayload(facts: ExifFacts): Uint8Array {
  const ifd0: Entry[] = [{ tag: 0x0112, type: 3, values: [1] }]
  if (facts.make) ifd0.push({ tag: 0x010f, type: 2, values: facts.make })
  if (facts.model) ifd0.push({ tag: 0x0110, type: 2, values: facts.model })
  const exif: Entry[] = []
  if (facts.takenAt) exif.push({ tag: 0x9003, type: 2, values: facts.takenAt })
  if (facts.bodySerial) exif.push({ tag: 0xa431, type: 2, values: facts.bodySerial })
  if (facts.lensSerial) exif.push({ tag: 0xa435, type: 2, values: facts.lensSerial })
  const gps: Entry[] = []
  if (facts.gps) {
    const dms = (deg: number) => {
      const a = Math.abs(deg)
      const d = Math.floor(a)
      const m = Math.floor((a - d) * 60)
      const s = Math.round(((a - d) * 60 - m) * 60 * 1000)
      return [d, 1, m, 1, s, 1000]
    }
    gps.push(
      { tag: 0x0001, type: 2, values: facts.gps.latitude >= 0 ? 'N' : 'S' },
      { tag: 0x0002, type: 5, values: dms(facts.gps.latitude) },
      { tag: 0x0003, type: 2, values: facts.gps.longitude >= 0 ? 'E' : 'W' },
      { tag: 0x0004, type: 5, values: dms(facts.gps.longitude) },
    )
  }
  const ifds: Entry[][] = [ifd0]
  if (exif.length) ifd0.push({ tag: 0x8769, type: 4, values: [0] })
  if (gps.length) ifd0.push({ tag: 0x8825, type: 4, values: [0] })
  if (exif.length) ifds.push(exif)
  if (gps.length) ifds.push(gps)
  for (const ifd of ifds) ifd.sort((a, b) => a.tag - b.tag)
  // ASCII: its characters and a NUL; SHORT: 2 bytes; LONG: 4; RATIONAL: two LONGs (listed as pairs).
  const bytesOf = (e: Entry) =>
    typeof e.values === 'string' ? e.values.length + 1 : e.values.length * (e.type === 3 ? 2 : 4)
  const countOf = (e: Entry) =>
    typeof e.values === 'string' ? e.values.length + 1 : e.type === 5 ? e.values.length / 2 : e.values.length
  // Offsets: the IFDs one after another from byte 8, then their values that do not fit in 4 bytes.
  const ifdOffsets: number[] = []
  let at = 8
  for (const ifd of ifds) {
    ifdOffsets.push(at)
    at += 2 + ifd.length * 12 + 4
  }
  const dataStart = at
  let dataSize = 0
  for (const ifd of ifds) for (const e of ifd) if (bytesOf(e) > 4) dataSize += bytesOf(e) + (bytesOf(e) % 2)
  const out = new Uint8Array(dataStart + dataSize)
  const view = new DataView(out.buffer)
  out.set([0x49, 0x49, 0x2a, 0x00])
  view.setUint32(4, 8, true)
  // The pointers of IFD0 to the EXIF and GPS IFDs.
  const pointer = (tag: number) => ifdOffsets[ifds.indexOf(tag === 0x8769 ? exif : gps)] ?? 0
  let data = dataStart
  ifds.forEach((ifd, i) => {
    let p = ifdOffsets[i] as number
    view.setUint16(p, ifd.length, true)
    p += 2
    for (const e of ifd) {
      view.setUint16(p, e.tag, true)
      view.setUint16(p + 2, e.type, true)
      view.setUint32(p + 4, countOf(e), true)
      const size = bytesOf(e)
      const target = size > 4 ? data : p + 8
      if (size > 4) {
        view.setUint32(p + 8, data, true)
        data += size + (size % 2)
      }
      if (typeof e.values === 'string') {
        for (let k = 0; k < e.values.length; k++) out[target + k] = e.values.charCodeAt(k) & 0x7f
      } else if (e.type === 3) {
        e.values.forEach((v, k) => {
          view.setUint16(target + k * 2, v, true)
        })
      } else {
        const values = e.tag === 0x8769 || e.tag === 0x8825 ? [pointer(e.tag)] : e.values
        values.forEach((v, k) => {
          view.setUint32(target + k * 4, v, true)
        })
      }
      p += 12
    }
    view.setUint32(p, 0, true)
  })
  const header = new TextEncoder().encode('Exif\0\0')
  const payload = new Uint8Array(header.length + out.length)
  payload.set(header)
  payload.set(out, header.length)
  return payload
}

const segment = (marker: number, payload: Uint8Array) => {
  const s = new Uint8Array(4 + payload.length)
  s.set([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff])
  s.set(payload, 4)
  return s
}

/** Colour of a block (x, y in blocks), 0–255 each. */
export type Painter = (x: number, y: number, columns: number, rows: number) => [number, number, number]

/** A gentle sky over a green with a red-roofed house: enough to tell one demo photo from another. */
export const gardenPainter =
  (hue: number): Painter =>
  (x, y, cols, rows) => {
    const sky = y < rows * 0.55
    const house = x > cols * 0.3 && x < cols * 0.6 && y > rows * 0.3 && y < rows * 0.75
    const roof = house && y < rows * 0.42
    if (roof) return [170, 50, 40]
    if (house) return [230, 220, 200]
    if (sky) return [120 + ((hue * 40) % 100), 170 + (y * 60) / rows, 230]
    return [50 + ((x * 3 + hue * 30) % 60), 130 + ((x + y + hue) % 5) * 10, 60]
  }

/**
 * A baseline JPEG of `width`×`height` (multiples of 8) painted block by block, with the EXIF given, and as
 * many bytes of padding (APP15 segments, which every decoder skips) as `padTo` asks: how the tests make a
 * 20 MB or 100 MB "photo" without a camera.
 */
export function makeJpeg(
  opts: { width?: number; height?: number; exif?: ExifFacts; paint?: Painter; padTo?: number } = {},
): Uint8Array<ArrayBuffer> {
  const width = opts.width ?? 320
  const height = opts.height ?? 240
  const paint = opts.paint ?? gardenPainter(0)
  const cols = width / 8
  const rows = height / 8
  const parts: Uint8Array[] = [new Uint8Array([0xff, 0xd8])]
  if (opts.exif) parts.push(segment(0xe1, exifPayload(opts.exif)))
  // One quantisation table of 8s: a flat block's DC is then its level-shifted value itself.
  parts.push(segment(0xdb, new Uint8Array([0, ...new Array(64).fill(8)])))
  parts.push(
    segment(
      0xc0,
      new Uint8Array([
        8,
        height >> 8,
        height & 0xff,
        width >> 8,
        width & 0xff,
        3,
        1,
        0x11,
        0,
        2,
        0x11,
        0,
        3,
        0x11,
        0,
      ]),
    ),
  )
  // DC: categories 0–8, each a 4-bit code; AC: only end-of-block, the 1-bit code 0.
  const dcCounts = new Array(16).fill(0)
  dcCounts[3] = 9
  parts.push(segment(0xc4, new Uint8Array([0x00, ...dcCounts, 0, 1, 2, 3, 4, 5, 6, 7, 8])))
  const acCounts = new Array(16).fill(0)
  acCounts[0] = 1
  parts.push(segment(0xc4, new Uint8Array([0x10, ...acCounts, 0])))
  parts.push(segment(0xda, new Uint8Array([3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0])))
  const bytes: number[] = []
  let acc = 0
  let n = 0
  const put = (value: number, bits: number) => {
    for (let i = bits - 1; i >= 0; i--) {
      acc = (acc << 1) | ((value >> i) & 1)
      n++
      if (n === 8) {
        bytes.push(acc)
        if (acc === 0xff) bytes.push(0)
        acc = 0
        n = 0
      }
    }
  }
  const prev = [0, 0, 0]
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      const [r, g, b] = paint(x, y, cols, rows)
      const ycc = [
        0.299 * r + 0.587 * g + 0.114 * b,
        128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
        128 + 0.5 * r - 0.418688 * g - 0.081312 * b,
      ]
      ycc.forEach((value, c) => {
        const dc = Math.max(-128, Math.min(127, Math.round(value - 128)))
        const diff = dc - (prev[c] as number)
        prev[c] = dc
        const cat = diff === 0 ? 0 : Math.floor(Math.log2(Math.abs(diff))) + 1
        put(cat, 4)
        if (cat > 0) put(diff > 0 ? diff : diff + (1 << cat) - 1, cat)
        put(0, 1)
      })
    }
  }
  if (n > 0) put(0xff, 8 - n)
  parts.push(new Uint8Array(bytes))
  parts.push(new Uint8Array([0xff, 0xd9]))
  let size = parts.reduce((s, p) => s + p.length, 0)
  if (opts.padTo && opts.padTo > size) {
    // Padding goes right after SOI and EXIF, before the picture: many APP15 segments of at most 65,533 bytes.
    const padding: Uint8Array[] = []
    let missing = opts.padTo - size
    while (missing > 0) {
      const length = Math.min(65_533, Math.max(0, missing - 4))
      padding.push(segment(0xef, new Uint8Array(length)))
      missing -= length + 4
      if (length === 0) break
    }
    parts.splice(opts.exif ? 2 : 1, 0, ...padding)
    size = parts.reduce((s, p) => s + p.length, 0)
  }
  const out = new Uint8Array(new ArrayBuffer(size))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
