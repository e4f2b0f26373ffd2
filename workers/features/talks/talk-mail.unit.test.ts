import { describe, expect, it } from 'vitest'
import { defaultDecisionText, renderMail } from '../../../shared/mail/templates'

const link = 'https://rondgang.example/t/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde'
const params = {
  link,
  speakerName: 'Marja <de Vries>',
  talkTitle: 'Het speelveld & de buurt',
  visitTitle: 'Collegebezoek Vreewijk',
  date: 'zaterdag 12 juni 2027',
}
const templates = [
  'talk_received',
  'talk_link_resent',
  'talk_accepted',
  'talk_rejected',
  'talk_waitlisted',
  'talk_cancelled',
] as const

describe('talk mails', () => {
  it('carry the private link as a button and on its own line, in both languages, with values escaped', () => {
    for (const template of templates) {
      for (const lang of ['nl', 'en'] as const) {
        const mail = renderMail(template, lang, params)
        expect(mail.text.split('\n'), `${template} ${lang}`).toContain(link)
        expect(mail.html).toContain(`<a href="${link}"`)
        expect(mail.html).toContain(`<html lang="${lang}">`)
        expect(mail.html, template).not.toContain('<de Vries>')
        expect(mail.html).toContain('Het speelveld &amp; de buurt')
      }
    }
  })

  it('say what happened', () => {
    expect(renderMail('talk_received', 'nl', params).subject).toBe(
      'We hebben je voordracht ontvangen: Het speelveld & de buurt',
    )
    expect(renderMail('talk_link_resent', 'en', params).text).toContain(
      'Your current link keeps working until you do',
    )
    expect(renderMail('talk_accepted', 'nl', params).text).toContain('Beste Marja <de Vries>,')
    expect(renderMail('talk_waitlisted', 'en', params).subject).toBe(
      'Your talk is on the waiting list: Het speelveld & de buurt',
    )
    const invite = renderMail('co_speaker_invite', 'nl', { ...params, mainSpeaker: 'Joost' })
    expect(invite.subject).toBe('Joost noemt je als medespreker: Het speelveld & de buurt')
    expect(invite.text.split('\n')).toContain(link)
  })

  it('use the team’s own words when given, with placeholders filled and paragraphs kept', () => {
    const mail = renderMail('talk_rejected', 'nl', {
      ...params,
      custom: { subject: 'Over {talk}\r\nBcc: x@y.z', body: 'Helaas, {name}.\n\nTot {date}!' },
    })
    // One line, whatever the team typed: a line break in a subject could forge headers.
    expect(mail.subject).toBe('Over Het speelveld & de buurt Bcc: x@y.z')
    expect(mail.text).toContain('Helaas, Marja <de Vries>.\n\nTot zaterdag 12 juni 2027!')
    expect(mail.html).toContain('<p style="margin:0 0 16px">Tot zaterdag 12 juni 2027!</p>')
  })

  it('offer a default wording per decision and language, using only known placeholders', () => {
    for (const kind of ['talk_accepted', 'talk_rejected', 'talk_waitlisted'] as const) {
      for (const lang of ['nl', 'en'] as const) {
        const text = defaultDecisionText(kind, lang)
        expect(
          `${text.subject} ${text.body}`
            .match(/\{(\w+)\}/g)
            ?.every((p) => /^\{(name|talk|visit|date)\}$/.test(p)),
        ).toBe(true)
      }
    }
  })
})
