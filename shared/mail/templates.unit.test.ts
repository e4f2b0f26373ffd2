import { describe, expect, it } from 'vitest'
import { escapeHtml, renderMail } from './templates'

const link = 'https://rondgang.example/sign-in/verify?token=abc123&next=%2Fteams'
const escapedLink = 'https://rondgang.example/sign-in/verify?token=abc123&amp;next=%2Fteams'

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
  })
})

describe('sign-in mail', () => {
  it('is warm and plain in Dutch, with the link on its own line and as a button', () => {
    const mail = renderMail('sign_in', 'nl', { link, minutes: 15 })
    expect(mail.subject).toBe('Je inloglink voor Rondgang')
    expect(mail.text).toContain('De link werkt 15 minuten en maar één keer.')
    expect(mail.text).toContain('Dan kun je hem negeren.')
    expect(mail.text.split('\n')).toContain(link)
    expect(mail.html).toContain('<html lang="nl">')
    expect(mail.html).toContain(`<a href="${escapedLink}"`)
    // The link is written out too, for when the button does not work.
    expect(mail.html).toContain(`>${escapedLink}</a>`)
    expect(mail.html).not.toContain(link)
  })

  it('is in English too', () => {
    const mail = renderMail('sign_in', 'en', { link, minutes: 15 })
    expect(mail.subject).toBe('Your sign-in link for Rondgang')
    expect(mail.text).toContain('The link works for 15 minutes and only once.')
    expect(mail.text.split('\n')).toContain(link)
    expect(mail.html).toContain('<html lang="en">')
    expect(mail.html).toContain(`<a href="${escapedLink}"`)
  })

  it('says one minute in the singular', () => {
    expect(renderMail('sign_in', 'nl', { link, minutes: 1 }).text).toContain('werkt 1 minuut')
    expect(renderMail('sign_in', 'en', { link, minutes: 1 }).text).toContain('works for 1 minute and')
  })

  it('refuses a link that is not http(s)', () => {
    expect(() => renderMail('sign_in', 'nl', { link: 'javascript:alert(1)', minutes: 15 })).toThrow()
  })
})

describe('invitation mail', () => {
  const hostile = '<script>alert("x")</script> & Co'
  const params = { link, teamName: hostile, inviterName: 'Anna <b>de Vries</b>', role: 'organiser' } as const

  it('names the team, the inviter and the role in both languages', () => {
    const nl = renderMail('invitation', 'nl', params)
    expect(nl.subject).toBe(`Uitnodiging voor ${hostile} op Rondgang`)
    expect(nl.text).toContain('organisator')
    expect(nl.text).toContain('Anna <b>de Vries</b> nodigt je uit')
    expect(nl.text.split('\n')).toContain(link)
    const en = renderMail('invitation', 'en', { ...params, role: 'viewer' })
    expect(en.subject).toBe(`Invitation to ${hostile} on Rondgang`)
    expect(en.text).toContain('viewer')
    expect(en.html).toContain('<html lang="en">')
    expect(en.html).toContain(`<a href="${escapedLink}"`)
  })

  it('escapes every value put into the HTML', () => {
    for (const lang of ['nl', 'en'] as const) {
      const { html } = renderMail('invitation', lang, params)
      expect(html).not.toContain('<script>')
      expect(html).not.toContain('<b>')
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co')
      expect(html).toContain('Anna &lt;b&gt;de Vries&lt;/b&gt;')
    }
  })

  it('keeps the subject on one line whatever the team is called', () => {
    const { subject } = renderMail('invitation', 'nl', { ...params, teamName: 'Buurt\r\nBcc: x@y.z' })
    expect(subject).toBe('Uitnodiging voor Buurt Bcc: x@y.z op Rondgang')
  })

  it('still reads well without an inviter name', () => {
    expect(renderMail('invitation', 'nl', { ...params, inviterName: '' }).text).toContain(
      'Iemand nodigt je uit',
    )
  })
})

describe('types', () => {
  it('ties the parameters to the template', () => {
    // Checked by tsc, never run.
    // @ts-expect-error an invitation needs a team name, an inviter and a role
    const wrong = () => renderMail('invitation', 'nl', { link, minutes: 15 })
    expect(typeof wrong).toBe('function')
  })
})

describe('greetings', () => {
  const rsvp = {
    link: 'https://rondgang.example/r/abc',
    visitTitle: 'Buurtschouw',
    date: '12 juni',
    partySize: 2,
  }
  it('greet the reader by name when it is known, and plainly when not', () => {
    expect(renderMail('rsvp_confirmed', 'nl', { ...rsvp, name: 'Anna de Vries' }).text).toMatch(
      /^Beste Anna de Vries,\n/,
    )
    expect(renderMail('rsvp_promoted', 'en', { ...rsvp, name: ' Bert\n' }).text).toMatch(/^Dear Bert,\n/)
    expect(renderMail('rsvp_confirmed', 'nl', rsvp).text).toMatch(/^Hallo,\n/)
    expect(renderMail('rsvp_cancelled_by_team', 'nl', { ...rsvp, name: 'Cor' }).text).toContain(
      'De organisatie heeft je aanmelding voor Buurtschouw op 12 juni (2 personen) geannuleerd.',
    )
    const talk = {
      link: 'https://rondgang.example/t/abc',
      talkTitle: 'Bijen',
      visitTitle: 'Buurtschouw',
      date: '12 juni',
    }
    expect(renderMail('talk_received', 'nl', { ...talk, speakerName: 'Dirk' }).text).toMatch(
      /^Beste Dirk,\n\nDank je wel! We hebben/,
    )
    expect(
      renderMail('co_speaker_invite', 'en', { ...talk, speakerName: 'Eva', mainSpeaker: 'Dirk' }).text,
    ).toMatch(/^Dear Eva,\n/)
    const changed = {
      link: 'https://rondgang.example/v/x/changes',
      visitTitle: 'Buurtschouw',
      lines: ['Nieuw: Bijen'],
      optOutLink: 'https://rondgang.example/unsubscribe/x/y',
    }
    expect(renderMail('programme_changed', 'nl', { ...changed, name: 'Fien' }).text).toMatch(/^Beste Fien,\n/)
    expect(renderMail('programme_changed', 'en', changed).text).toMatch(/^Hello,\n/)
  })
})
