import { describe, expect, it } from 'vitest'
import { cleanFilename } from './filename'

describe('file names', () => {
  it('keep a file name safe to show and to send back', () => {
    expect(cleanFilename('../../etc/passwd', 'x.pdf')).toBe('passwd')
    expect(cleanFilename('C:\\Users\\els\\dia "1".pdf', 'x.pdf')).toBe('dia 1.pdf')
    expect(cleanFilename('\u0000\n', 'slides.pdf')).toBe('slides.pdf')
    expect(cleanFilename('spreker-ü.pdf', 'x.pdf')).toBe('spreker-ü.pdf')
  })
})
