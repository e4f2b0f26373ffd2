import { SELF } from 'cloudflare:test'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { groups, hostOffers, programmeItems, venues, visitRoles, visits } from '../../../shared/db/schema'
import { db, form, freshClient, ORIGIN, page, signIn, url } from '../../../test/integration/helpers'
import { makeWorld, type World } from '../../../test/integration/world'

/** A form post with repeated fields (checkbox groups), as a browser sends it. */
function formPairs(path: string, pairs: [string, string][], cookie: string) {
  return SELF.fetch(url(path), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, cookie },
    body: new URLSearchParams(pairs).toString(),
    redirect: 'manual',
  })
}

/** The error message shown at a field, and whether the field is marked invalid. */
function fieldError(html: string, field: string) {
  const marked = new RegExp(`id="field-${field.replace('.', '\\.')}"[^>]*aria-invalid="true"`).test(html)
  const message = html.match(new RegExp(`id="field-${field}-error">([^<]*)<`))?.[1]
  return { marked, message }
}

const itemIdOf = async (visitId: string, title: string) =>
  (
    await db
      .select({ id: programmeItems.id })
      .from(programmeItems)
      .where(and(eq(programmeItems.visitId, visitId), eq(programmeItems.title, title)))
  )[0]?.id

const countItems = async (visitId: string) =>
  (await db.select().from(programmeItems).where(eq(programmeItems.visitId, visitId))).length

const newVisit = (w: World, fields: Record<string, string>) =>
  form(
    `/teams/${w.teamA}/visits`,
    { kind: 'college_visit', title: 'Wijkbezoek', startDate: '2027-09-01', endDate: '2027-09-01', ...fields },
    { cookie: w.person.organiser.cookie },
  )

const newItem = (w: World, fields: Record<string, string>) =>
  form(
    `/visits/${w.visitA}/items`,
    { kind: 'talk', title: 'Praatje', date: '2027-06-12', start: '16:30', end: '16:45', ...fields },
    { cookie: w.person.organiser.cookie },
  )

describe('bad input on the pages: the form again (422) with the field and the reason, nothing saved', () => {
  it('a visit that ends before it starts', async () => {
    const w = await makeWorld()
    const res = await newVisit(w, { title: 'Verkeerd om', startDate: '2027-09-02', endDate: '2027-09-01' })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(fieldError(html, 'endDate')).toEqual({
      marked: true,
      message: 'Het einde moet na het begin liggen.',
    })
    // Filled in again as typed.
    expect(html).toContain('value="Verkeerd om"')
    expect(await db.select().from(visits).where(eq(visits.title, 'Verkeerd om'))).toEqual([])
  })

  it('a changed visit whose dates the service finds out of order', async () => {
    const w = await makeWorld()
    const res = await form(
      `/visits/${w.visitA}`,
      { version: '1', startDate: '2027-06-12', endDate: '2027-06-11' },
      { cookie: w.person.organiser.cookie },
    )
    expect(res.status).toBe(422)
    expect(fieldError(await res.text(), 'endDate').message).toBe('Het einde moet na het begin liggen.')
    const [visit] = await db.select().from(visits).where(eq(visits.id, w.visitA))
    expect([visit?.endDate, visit?.version]).toEqual(['2027-06-12', 1])
  })

  it('a web address that is taken', async () => {
    const w = await makeWorld()
    const res = await newVisit(w, { title: 'Dubbel', slug: w.slugA })
    expect(res.status).toBe(422)
    expect(fieldError(await res.text(), 'slug').message).toBe(
      'Dit webadres is al in gebruik. Kies een ander.',
    )
    expect(await db.select().from(visits).where(eq(visits.title, 'Dubbel'))).toEqual([])
  })

  it('a time zone that does not exist', async () => {
    const w = await makeWorld()
    const res = await newVisit(w, { title: 'Op Mars', timeZone: 'Mars/Olympus_Mons' })
    expect(res.status).toBe(422)
    expect(fieldError(await res.text(), 'timeZone').message).toBe(
      'Deze tijdzone kennen we niet (bijvoorbeeld Europe/Amsterdam).',
    )
    expect(await db.select().from(visits).where(eq(visits.title, 'Op Mars'))).toEqual([])
  })

  it('an item that ends before it starts', async () => {
    const w = await makeWorld()
    const res = await newItem(w, { start: '17:00', end: '16:00' })
    expect(res.status).toBe(422)
    expect(fieldError(await res.text(), 'end').message).toBe('Het einde moet na het begin liggen.')
    expect(await countItems(w.visitA)).toBe(2)
  })

  it('an item outside the days of the visit', async () => {
    const w = await makeWorld()
    const res = await newItem(w, { date: '2027-06-14' })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('Dit valt buiten de dagen van het bezoek.')
    expect(html).toContain('value="2027-06-14"')
    expect(await countItems(w.visitA)).toBe(2)
  })

  it("an unknown venue, or another team's", async () => {
    const w = await makeWorld()
    for (const venueId of [w.venueB, crypto.randomUUID()]) {
      const res = await newItem(w, { venueId })
      expect(res.status).toBe(422)
      expect(fieldError(await res.text(), 'venueId').message).toBe(
        'Deze locatie kennen we niet bij dit team.',
      )
    }
    expect(await countItems(w.visitA)).toBe(2)
  })

  it('invalid coordinates', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const tooFar = await form(
      `/teams/${w.teamA}/venues`,
      { name: 'Noordpool', kind: 'other', lat: '95', lng: '4,49' },
      { cookie },
    )
    expect(tooFar.status).toBe(422)
    expect(fieldError(await tooFar.text(), 'lat').message).toBe('De breedtegraad ligt tussen -90 en 90.')
    const half = await form(
      `/teams/${w.teamA}/venues`,
      { name: 'Half', kind: 'other', lat: '52,16' },
      { cookie },
    )
    expect(half.status).toBe(422)
    expect(fieldError(await half.text(), 'lng').message).toBe(
      'Vul zowel de breedte- als de lengtegraad in, of geen van beide.',
    )
    const saved = await db.select().from(venues).where(eq(venues.teamId, w.teamA))
    expect(saved.map((v) => v.name).sort()).toEqual(['Buurthuis A2', 'Tuin A1'])
  })
})

describe('lost updates are impossible', () => {
  it('a stale visit edit shows the newer data and a message; nothing is overwritten', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    // Two organisers opened the form at version 1; the owner saves first.
    const first = await form(
      `/visits/${w.visitA}`,
      { version: '1', title: 'Titel van de eigenaar' },
      { cookie: w.person.owner.cookie },
    )
    expect(first.status).toBe(303)
    const stale = await form(`/visits/${w.visitA}`, { version: '1', title: 'Mijn titel' }, { cookie })
    expect(stale.status).toBe(409)
    const html = await stale.text()
    expect(html).toContain('Iemand anders heeft dit intussen gewijzigd')
    expect(html).toContain('value="Titel van de eigenaar"')
    expect(html).toContain('name="version" value="2"')
    expect(html).not.toContain('value="Mijn titel"')
    const [visit] = await db.select().from(visits).where(eq(visits.id, w.visitA))
    expect(visit?.title).toBe('Titel van de eigenaar')
  })

  it('a stale item edit or delete shows the newer item', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const [item] = await db
      .select()
      .from(programmeItems)
      .where(and(eq(programmeItems.visitId, w.visitA), eq(programmeItems.title, 'Welkom')))
    const id = item?.id ?? ''
    expect((await form(`/items/${id}`, { version: '1', title: 'Welkom thuis' }, { cookie })).status).toBe(303)
    const stale = await form(`/items/${id}`, { version: '1', title: 'Welkom allemaal' }, { cookie })
    expect(stale.status).toBe(409)
    expect(await stale.text()).toContain('value="Welkom thuis"')
    const staleDelete = await form(`/items/${id}/delete`, { version: '1', confirm: 'yes' }, { cookie })
    expect(staleDelete.status).toBe(409)
    expect(await countItems(w.visitA)).toBe(2)
    const [kept] = await db.select().from(programmeItems).where(eq(programmeItems.id, id))
    expect([kept?.title, kept?.version]).toEqual(['Welkom thuis', 2])
  })

  it('a stale venue edit shows the newer venue', async () => {
    const w = await makeWorld()
    const host = await form(
      `/venues/${w.venueA1}`,
      { version: '1', notes: 'Hek staat open' },
      { cookie: w.person.host.cookie },
    )
    expect(host.status).toBe(303)
    const stale = await form(
      `/venues/${w.venueA1}`,
      { version: '1', notes: 'Bel aan' },
      { cookie: w.person.organiser.cookie },
    )
    expect(stale.status).toBe(409)
    expect(await stale.text()).toContain('Hek staat open</textarea>')
  })
})

describe('host sign-up', () => {
  it('a resident offers a garden through the link; the team accepts and the resident hosts it', async () => {
    const w = await makeWorld()
    const organiser = w.person.organiser.cookie
    const made = await form(`/teams/${w.teamA}/host-offers/link`, {}, { cookie: organiser })
    expect(made.status).toBe(303)
    const shown = await page(made.headers.get('location') ?? '', organiser)
    const token = (await shown.text()).match(/\/host-offer\/([A-Za-z0-9_-]{43})/)?.[1]
    expect(token).toBeDefined()

    // No account needed to open the form.
    const open = await page(`/host-offer/${token}`)
    expect(open.status).toBe(200)
    expect(open.headers.get('referrer-policy')).toBe('no-referrer')
    expect(await open.text()).toContain(`Team A`)

    const offer = {
      hostName: 'Marja de Vries',
      hostEmail: `marja-${w.teamA.slice(0, 8)}@example.nl`,
      hostPhone: '06-11112222',
      venueName: 'Tuin van Marja',
      venueKind: 'garden',
      address: 'Vreewijkstraat 12',
      lat: '52,1512',
      lng: '4,4960',
      capacity: '25',
      stepFree: 'yes',
    }
    const headers = { 'cf-connecting-ip': freshClient() }
    const wrong = await SELF.fetch(url(`/host-offer/${token}`), {
      method: 'POST',
      headers: { ...headers, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...offer, hostEmail: 'geen-adres' }).toString(),
    })
    expect(wrong.status).toBe(422)
    expect(fieldError(await wrong.text(), 'hostEmail').message).toBe('Vul een geldig e-mailadres in.')
    const sent = await form(`/host-offer/${token}`, offer, { origin: ORIGIN })
    expect(sent.status).toBe(200)
    expect(await sent.text()).toContain('Bedankt voor je aanbod!')

    // A cross-site post is refused, like every form.
    const forged = await form(`/host-offer/${token}`, offer, { origin: 'https://evil.example' })
    expect(forged.status).toBe(403)

    const list = await page(`/teams/${w.teamA}/host-offers`, organiser)
    const listed = await list.text()
    expect(listed).toContain('Tuin van Marja')
    expect(listed).toContain('06-11112222')
    const [saved] = await db.select().from(hostOffers).where(eq(hostOffers.hostEmail, offer.hostEmail))
    const accept = await form(
      `/teams/${w.teamA}/host-offers/${saved?.id}/accept`,
      { visitId: w.visitA },
      { cookie: organiser },
    )
    expect(accept.status).toBe(303)
    const accepted = accept.headers.get('location') ?? ''
    expect(accepted).toMatch(/^\/venues\/[0-9a-f-]{36}\?done=accepted$/)
    // The venue page says it was accepted; this offer had coordinates, so nothing is said to be missing.
    const acceptedHtml = await (await page(accepted, organiser)).text()
    expect(acceptedHtml).toContain('Het aanbod is geaccepteerd')
    expect(acceptedHtml).not.toContain('Deze locatie heeft nog geen coördinaten.')
    const venuePath = accepted.replace(/\?.*$/, '')
    const venueId = venuePath.replace('/venues/', '')
    const [venue] = await db.select().from(venues).where(eq(venues.id, venueId))
    expect([venue?.name, venue?.teamId, venue?.lat, venue?.capacity, venue?.stepFree]).toEqual([
      'Tuin van Marja',
      w.teamA,
      52.1512,
      25,
      true,
    ])
    // Deciding twice is refused.
    expect(
      (
        await form(
          `/teams/${w.teamA}/host-offers/${saved?.id}/decline`,
          { confirm: 'yes' },
          { cookie: organiser },
        )
      ).status,
    ).toBe(409)

    // Marja signs in with the address she gave and sees her venue with its practical fields to change.
    const marja = await signIn(offer.hostEmail)
    const roles = await db
      .select()
      .from(visitRoles)
      .where(and(eq(visitRoles.visitId, w.visitA), eq(visitRoles.venueId, venueId)))
    expect(roles.map((r) => r.role)).toEqual(['host'])
    const own = await page(venuePath, marja)
    expect(own.status).toBe(200)
    const ownHtml = await own.text()
    expect(ownHtml).toContain('Jouw locatie bijwerken')
    expect(ownHtml).not.toContain('name="name"')
    const changed = await form(venuePath, { version: '1', capacity: '30' }, { cookie: marja })
    expect(changed.status).toBe(303)

    // A new link replaces the old one: the old one gives a friendly 404. (Another body than the first post:
    // the same form sent twice within seconds counts as one submission.)
    await form(`/teams/${w.teamA}/host-offers/link`, { again: 'yes' }, { cookie: organiser })
    const old = await page(`/host-offer/${token}`)
    expect(old.status).toBe(404)
    expect(await old.text()).toContain('Deze link werkt niet (meer)')
    expect((await page(`/host-offer/${'x'.repeat(43)}`)).status).toBe(404)
  })
})

describe('the programme page', () => {
  it('draws a lane per group, items for everyone across all lanes, and explains clashes', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    for (const name of ['Wethouder Zorg', 'Wethouder Wonen']) {
      expect((await form(`/visits/${w.visitA}/groups`, { name }, { cookie })).status).toBe(303)
    }
    const all = await db.select().from(groups).where(eq(groups.visitId, w.visitA))
    const zorg = all.find((g) => g.name === 'Wethouder Zorg')
    const wonen = all.find((g) => g.name === 'Wethouder Wonen')
    // Far apart: the walk from A1 to A2 cannot be done in five minutes.
    await db.update(venues).set({ lat: 52.15, lng: 4.49 }).where(eq(venues.id, w.venueA1))
    await db.update(venues).set({ lat: 52.1635, lng: 4.49 }).where(eq(venues.id, w.venueA2))
    const wonenItem = await formPairs(
      `/visits/${w.visitA}/items`,
      [
        ['kind', 'tour'],
        ['title', 'Rondje nieuwbouw'],
        ['date', '2027-06-12'],
        ['start', '15:20'],
        ['end', '16:55'],
        ['venueId', w.venueA2],
        ['groupIds', ''],
        ['groupIds', wonen?.id ?? ''],
      ],
      cookie,
    )
    expect(wonenItem.status).toBe(303)
    const res = await page(`/visits/${w.visitA}/programme`, cookie)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('data-lane="everyone"')
    for (const g of [zorg, wonen]) expect(html).toContain(`data-lane="${g?.id}"`)
    // 'Welkom' is for everyone: it spans every lane; the tour sits in the lane of its group only.
    const lanes = all.length + 1
    expect(html).toContain(`day-grid tl-lanes-${lanes}`)
    expect(html).toMatch(
      new RegExp(
        `class="tl-item [^"]*tl-cs-2 tl-cn-${lanes} [^"]*"[^>]*><span class="tl-when">15:00–15:15</span> <span class="tl-title">Welkom<`,
      ),
    )
    const wonenColumn = html.match(new RegExp(`tl-cs-(\\d+) tl-cn-1" data-lane="${wonen?.id}"`))?.[1]
    expect(html).toMatch(
      new RegExp(
        `tl-cs-${wonenColumn} tl-cn-1 [^"]*"[^>]*><span class="tl-when">15:20–16:55</span> <span class="tl-title">Rondje nieuwbouw<`,
      ),
    )
    // Times in the visit's zone (13:00 UTC is 15:00 in Amsterdam in June).
    expect(html).toContain('15:00–15:15')
    // Welkom (A1, ends 15:15) then the tour (A2, 15:20): a walking-time clash, explained in Dutch.
    expect(html).toContain('De wandeling van ‘Tuin A1’ naar ‘Buurthuis A2’ duurt ongeveer')
    const en = await page(`/visits/${w.visitA}/programme?lang=en`, cookie)
    expect(await en.text()).toContain('The walk from ‘Tuin A1’ to ‘Buurthuis A2’ takes about')
    // The viewer reads the same page without the forms.
    const viewer = await (await page(`/visits/${w.visitA}/programme`, w.person.viewer.cookie)).text()
    expect(viewer).toContain('data-lane="everyone"')
    expect(viewer).not.toContain(`action="/visits/${w.visitA}/items"`)
  })

  it('shows hostile titles and names as text in the day view, the list, the clashes and the forms', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const group = `<script>alert("g")</script> O'Neil & co`
    const venue = `<img src=x onerror="alert('v')"> Tuin`
    const title = `<script>alert("t")</script> 'Welkom' & "hallo"`
    expect((await form(`/visits/${w.visitA}/groups`, { name: group }, { cookie })).status).toBe(303)
    const [hostile] = await db.select().from(groups).where(eq(groups.name, group))
    await db.update(venues).set({ name: venue }).where(eq(venues.id, w.venueA1))
    // At the same venue as 'Welkom' (15:00–15:15): a double booking that names both titles.
    const item = await formPairs(
      `/visits/${w.visitA}/items`,
      [
        ['kind', 'talk'],
        ['title', title],
        ['date', '2027-06-12'],
        ['start', '15:05'],
        ['end', '15:30'],
        ['venueId', w.venueA1],
        ['groupIds', ''],
        ['groupIds', hostile?.id ?? ''],
      ],
      cookie,
    )
    expect(item.status).toBe(303)
    const esc = (s: string) =>
      s
        .replaceAll('&', '&amp;')
        .replaceAll('<', '&lt;')
        .replaceAll('>', '&gt;')
        .replaceAll('"', '&quot;')
        .replaceAll("'", '&#39;')
    for (const view of ['timeline', 'list']) {
      const html = await (await page(`/visits/${w.visitA}/programme?view=${view}`, cookie)).text()
      for (const raw of ['<script>alert', '<img src=x', 'onerror="']) expect(html).not.toContain(raw)
      // The item's block or row, the clash sentence and its links, the lane, the group's options and checkbox.
      expect(html).toContain(
        view === 'list'
          ? `item-title-link">${esc(title)}</a>`
          : `<span class="tl-title">${esc(title)}</span>`,
      )
      expect(html).toContain(`<a href="/items/${await itemIdOf(w.visitA, title)}">${esc(title)}</a>`)
      expect(html).toContain(`<option value="${hostile?.id}">${esc(group)}</option>`)
      expect(html).toContain(`<option value="${w.venueA1}">${esc(venue)}</option>`)
      expect(html).toContain(`>${esc(group)}</label>`)
      if (view === 'timeline') {
        expect(html).toContain(`data-lane="${hostile?.id}">${esc(group)}</div>`)
        expect(html).toContain(`<span class="tl-venue"> · ${esc(venue)}</span>`)
      }
    }
    // The forms are kept between requests by what they show: a renamed venue or group shows its new name
    // (names that keep their place in the order, so only the name tells the old forms from the new).
    await db.update(venues).set({ name: '<b>nieuw</b> Tuin' }).where(eq(venues.id, w.venueA1))
    const venueRenamed = await (await page(`/visits/${w.visitA}/programme`, cookie)).text()
    expect(venueRenamed).toContain(`<option value="${w.venueA1}">&lt;b&gt;nieuw&lt;/b&gt; Tuin</option>`)
    expect(venueRenamed).not.toContain(esc(venue))
    await db
      .update(groups)
      .set({ name: 'Groep "nieuw"' })
      .where(eq(groups.id, hostile?.id ?? ''))
    const groupRenamed = await (await page(`/visits/${w.visitA}/programme`, cookie)).text()
    expect(groupRenamed).toContain(`<option value="${hostile?.id}">Groep &quot;nieuw&quot;</option>`)
    expect(groupRenamed).toContain(`>Groep &quot;nieuw&quot;</label>`)
  })
})

describe('releases and the company', () => {
  it('shows what publishing would change, publishes, and lists each release with its changes', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    expect((await newItem(w, { title: 'Praatje over groen', venueId: w.venueA1 })).status).toBe(303)
    const before = await (await page(`/visits/${w.visitA}/releases`, cookie)).text()
    expect(before).toContain('Nieuw: ‘Praatje over groen’ om 16:30 in Tuin A1.')
    const published = await form(`/visits/${w.visitA}/releases`, { name: 'Definitief' }, { cookie })
    expect(published.status).toBe(303)
    expect(published.headers.get('location')).toBe(`/visits/${w.visitA}/releases?done=published#published`)
    const after = await (await page(`/visits/${w.visitA}/releases?lang=en`, cookie)).text()
    expect(after).toContain('<h3 id="release-2">Definitief</h3>')
    expect(after).toContain('New: ‘Praatje over groen’ at 16:30 in Tuin A1.')
    expect(after).toContain('Nothing: the programme is the same as the latest release.')
  })

  it('adds and removes someone; private details only for organisers', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const added = await form(
      `/visits/${w.visitA}/participants`,
      { name: 'Wethouder Bakker', function: 'alderman', groupId: w.groupA, dietaryNeeds: 'vegetarisch' },
      { cookie },
    )
    expect(added.status).toBe(303)
    const forOrganiser = await (await page(`/visits/${w.visitA}/participants`, cookie)).text()
    expect(forOrganiser).toContain('Wethouder Bakker')
    expect(forOrganiser).toContain('vegetarisch')
    const forViewer = await (await page(`/visits/${w.visitA}/participants`, w.person.viewer.cookie)).text()
    expect(forViewer).toContain('Wethouder Bakker')
    expect(forViewer).not.toContain('vegetarisch')
    const foreignGroup = await form(
      `/visits/${w.visitA}/participants`,
      { name: 'Iemand', groupId: crypto.randomUUID() },
      { cookie },
    )
    expect(foreignGroup.status).toBe(422)
    expect(fieldError(await foreignGroup.text(), 'groupId').message).toBe(
      'Deze groep hoort niet bij dit bezoek.',
    )
    const removed = await form(
      `/visits/${w.visitA}/participants/${w.participantA}/delete`,
      { confirm: 'yes' },
      { cookie },
    )
    expect(removed.status).toBe(303)
    expect(await (await page(`/visits/${w.visitA}/participants`, cookie)).text()).not.toContain(
      'De burgemeester',
    )
  })
})

describe('a group of the company', () => {
  it('is renamed and reordered, refuses an empty name (nothing saved), and is removed on its page', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    // An item for this group only, and someone in it.
    expect((await newItem(w, { title: 'Werkbezoek A', groupIds: w.groupA })).status).toBe(303)
    const programme = await (await page(`/visits/${w.visitA}/programme`, cookie)).text()
    expect(programme).toContain(`href="/groups/${w.groupA}"`)

    const shown = await (await page(`/groups/${w.groupA}`, cookie)).text()
    expect(shown).toContain('<h1>Groep A</h1>')
    expect(shown).toContain('1 onderdeel voor deze groep')
    expect(shown).toContain('1 persoon in deze groep')
    const forViewer = await (await page(`/groups/${w.groupA}`, w.person.viewer.cookie)).text()
    expect(forViewer).toContain('<h1>Groep A</h1>')
    expect(forViewer).not.toContain(`action="/groups/${w.groupA}"`)

    const empty = await form(`/groups/${w.groupA}`, { name: ' ', position: '1' }, { cookie })
    expect(empty.status).toBe(422)
    expect(fieldError(await empty.text(), 'name').marked).toBe(true)
    const [kept] = await db.select().from(groups).where(eq(groups.id, w.groupA))
    expect(kept?.name).toBe('Groep A')

    const renamed = await form(`/groups/${w.groupA}`, { name: 'Groep Noord', position: '3' }, { cookie })
    expect(renamed.status).toBe(303)
    expect(renamed.headers.get('location')).toBe(`/visits/${w.visitA}/programme#groups`)
    const [changed] = await db.select().from(groups).where(eq(groups.id, w.groupA))
    expect(changed).toMatchObject({ name: 'Groep Noord', position: 3 })

    const removed = await form(`/groups/${w.groupA}/delete`, { confirm: 'yes' }, { cookie })
    expect(removed.status).toBe(303)
    expect(await db.select().from(groups).where(eq(groups.id, w.groupA))).toEqual([])
    expect((await page(`/groups/${w.groupA}`, cookie)).status).toBe(404)
    // Its item is now for everyone: still in the programme, in the lane for everyone.
    const after = await (await page(`/visits/${w.visitA}/programme?view=list`, cookie)).text()
    const row = after.split('<tr').find((r) => r.includes('Werkbezoek A'))
    expect(row).toContain('<td>Iedereen</td>')
  })
})

describe('someone in the company', () => {
  it('is changed on their page with the version; a stale or empty form saves nothing', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const list = await (await page(`/visits/${w.visitA}/participants`, cookie)).text()
    expect(list).toContain(`href="/participants/${w.participantA}"`)
    const forViewer = await (await page(`/participants/${w.participantA}`, w.person.viewer.cookie)).text()
    expect(forViewer).not.toContain('06-PRIVATE-MAYOR-999')
    expect(forViewer).not.toContain(`action="/participants/${w.participantA}"`)

    const empty = await form(`/participants/${w.participantA}`, { version: '1', name: '' }, { cookie })
    expect(empty.status).toBe(422)
    expect(fieldError(await empty.text(), 'name').marked).toBe(true)

    const changed = await form(
      `/participants/${w.participantA}`,
      { version: '1', name: 'Burgemeester De Vries', groupId: '', dietaryNeeds: 'geen vis' },
      { cookie },
    )
    expect(changed.status).toBe(303)
    expect(changed.headers.get('location')).toBe(`/visits/${w.visitA}/participants`)
    const shown = await (await page(`/participants/${w.participantA}`, cookie)).text()
    expect(shown).toContain('<h1>Burgemeester De Vries</h1>')
    expect(shown).toContain('value="geen vis"')
    expect(shown).toContain('name="version" value="2"')

    // Someone else's form from before that change: refused, the newest data shown, nothing overwritten.
    const stale = await form(
      `/participants/${w.participantA}`,
      { version: '1', name: 'Oude naam' },
      { cookie },
    )
    expect(stale.status).toBe(409)
    expect(await stale.text()).toContain('Iemand anders heeft dit intussen gewijzigd')
    const again = await (await page(`/participants/${w.participantA}`, cookie)).text()
    expect(again).toContain('<h1>Burgemeester De Vries</h1>')
  })
})
