import { describe, expect, it } from 'vitest'
import { mailMould } from './mould'
import { renderMail } from './templates'
import { oneLine } from './text'

const words = {
  visitTitle: 'Schouw <Noord> & "Zuid"',
  lines: ['‘Ronde noord’ is verplaatst van 10:00 naar 10:15.', "Nieuw: 'Bijen & <wespen>'"],
}

const changeMould = (lang: 'nl' | 'en', named: boolean) =>
  mailMould(['name', 'link', 'optOut'], (m) =>
    renderMail('programme_changed', lang, {
      ...words,
      link: m.link,
      optOutLink: m.optOut,
      ...(named ? { name: m.name } : {}),
    }),
  )

describe('a mail rendered once and filled in per recipient', () => {
  it('is the mail renderMail gives for each recipient, with names and links escaped in the HTML only', () => {
    const guests = [
      { name: 'Fien', link: 'https://rondgang.example/v/x/changes', optOut: 'https://r.example/u/1/a' },
      {
        name: '  Jan <de> "Vries"\n& co ',
        link: 'https://rondgang.example/v/x/changes?g=abc.def&x=1',
        optOut: 'https://r.example/unsubscribe/2/b_c-d',
      },
      { name: '$& $1 $$', link: 'https://r.example/?a=$&', optOut: 'https://r.example/u/$1' },
    ]
    for (const lang of ['nl', 'en'] as const) {
      const mould = changeMould(lang, true)
      for (const g of guests) {
        const expected = renderMail('programme_changed', lang, {
          ...words,
          link: g.link,
          optOutLink: g.optOut,
          name: g.name,
        })
        expect(mould({ name: oneLine(g.name), link: g.link, optOut: g.optOut })).toEqual(expected)
      }
      // Without a name the greeting is another sentence: its own mould.
      const anonymous = changeMould(lang, false)
      const [g] = guests
      expect(anonymous({ name: '', link: g!.link, optOut: g!.optOut })).toEqual(
        renderMail('programme_changed', lang, { ...words, link: g!.link, optOutLink: g!.optOut }),
      )
    }
  })

  it('leaves text that only looks like a mark alone', () => {
    const mould = mailMould(['link'], (m) => renderMail('sign_in', 'en', { link: m.link, minutes: 15 }))
    const mail = mould({ link: 'https://mxx0y.invalid/' })
    expect(mail.text).toContain('https://mxx0y.invalid/')
    expect(mail.text).not.toMatch(/https:\/\/m[0-9a-f]{32}x\d+y\.invalid\//)
  })
})
