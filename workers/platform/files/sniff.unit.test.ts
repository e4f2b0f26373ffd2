import { describe, expect, it } from 'vitest'
import { imageKind, looksLikePdf } from './sniff'

describe('files by their content', () => {
  const bytes = (...b: number[]) => new Uint8Array(b)
  const ascii = (text: string) => new TextEncoder().encode(text)

  it('know a PDF by %PDF-, whatever its name says', () => {
    expect(looksLikePdf(ascii('%PDF-1.7\n'))).toBe(true)
    expect(looksLikePdf(bytes(0x4d, 0x5a, 0x90, 0x00, 0x03))).toBe(false)
    expect(looksLikePdf(ascii('%PDF'))).toBe(false)
  })

  it('know JPEG, PNG and WebP portraits, and nothing else', () => {
    expect(imageKind(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg')
    expect(imageKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a))).toBe('image/png')
    expect(imageKind(ascii('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp')
    expect(imageKind(ascii('GIF89a'))).toBeNull()
    expect(imageKind(ascii('<svg'))).toBeNull()
  })
})
