import { describe, expect, it } from 'vitest'
import { renderMail } from '../../../shared/mail/templates'

const link = 'https://rondgang.example/r/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde'
const params = {
  link,
  visitTitle: 'Collegebezoek <Vreewijk> & co',
  date: 'dinsdag 19 september 2017',
  partySize: 2,
}
const templates = ['rsvp_confirmed', 'rsvp_waitlisted', 'rsvp_promoted', 'rsvp_link'] as const

describe('registration mails', () => {
  it('say what happened, in Dutch and English', () => {
    expect(renderMail('rsvp_confirmed', 'nl', params).text).toContain('Je bent aangemeld voor')
    expect(renderMail('rsvp_confirmed', 'nl', params).text).toContain('met 2 personen')
    expect(renderMail('rsvp_confirmed', 'en', { ...params, partySize: 1 }).text).toContain('with 1 person.')
    expect(renderMail('rsvp_waitlisted', 'nl', params).subject).toContain('wachtlijst')
    expect(renderMail('rsvp_waitlisted', 'en', params).text).toContain('waiting list')
    expect(renderMail('rsvp_promoted', 'nl', params).text).toContain('er kwam plek vrij')
    expect(renderMail('rsvp_promoted', 'en', params).text).toContain('a place came free')
    expect(renderMail('rsvp_link', 'nl', params).text).toContain(
      'Je vorige link blijft werken tot je dat doet',
    )
    expect(renderMail('rsvp_link', 'en', params).text).toContain(
      'Your earlier link keeps working until you do',
    )
  })

  it('carry the private link as a button and on its own line, and escape the visit title', () => {
    for (const template of templates) {
      for (const lang of ['nl', 'en'] as const) {
        const mail = renderMail(template, lang, params)
        expect(mail.text.split('\n'), `${template} ${lang}`).toContain(link)
        expect(mail.html).toContain(`<a href="${link}"`)
        expect(mail.html).toContain(`<html lang="${lang}">`)
        expect(mail.html).not.toContain('<Vreewijk>')
        expect(mail.html).toContain('Collegebezoek &lt;Vreewijk&gt; &amp; co')
      }
    }
  })

  it('keep the subject on one line whatever the visit is called', () => {
    const mail = renderMail('rsvp_confirmed', 'nl', { ...params, visitTitle: 'Bezoek\r\nBcc: x@y.z' })
    expect(mail.subject).toBe('Je bent aangemeld: Bezoek Bcc: x@y.z')
  })
})
