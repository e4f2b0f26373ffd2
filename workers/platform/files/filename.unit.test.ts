import { describe, expect, it } from 'vitest'
import { cleanFilename, downloadName } from './filename'

describe('file names', () => {
  it('keep a file name safe to show and to send back', () => {
    expect(cleanFilename('../../etc/passwd', 'x.pdf')).toBe('passwd')
    expect(cleanFilename('C:\\Users\\els\\dia "1".pdf', 'x.pdf')).toBe('dia 1.pdf')
    expect(cleanFilename('\u0000\n', 'slides.pdf')).toBe('slides.pdf')
    expect(cleanFilename('spreker-ü.pdf', 'x.pdf')).toBe('spreker-ü.pdf')
    expect(cleanFilename('gnp\u202e.exe', 'x.pdf')).toBe('gnp.exe')
  })

  it('name a download by its detected type and a cleaned title, never the raw name ([13] hole 10)', () => {
    expect(downloadName('evil.html', 'pdf', 'slides')).toBe('evil.pdf')
    expect(downloadName('report\u202efdp.exe', 'pdf', 'slides')).toBe('reportfdp.pdf')
    expect(downloadName('dia.exe.pdf', 'pdf', 'slides')).toBe('dia exe.pdf')
    expect(downloadName('.htaccess', 'pdf', 'slides')).toBe('slides.pdf')
    expect(downloadName('\u0000', 'pdf', 'slides')).toBe('slides.pdf')
    expect(downloadName('Mijn tuin', 'pdf', 'slides')).toBe('Mijn tuin.pdf')
  })
})
