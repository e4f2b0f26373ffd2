import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { api, form, latestMailTo, mailedToken, page, signIn } from '../../../test/integration/helpers'
import { makeWorld, PRIVATE } from '../../../test/integration/world'

describe('teams and invitations', () => {
  it('creates a team with its creator as owner, invites by mail, and the invitee joins with that role', async () => {
    const owner = await signIn('voorzitter@vreewijk.example')
    const created = await api('/api/teams', { cookie: owner, body: { name: 'Bewonersvereniging Vreewijk' } })
    expect(created.status).toBe(201)
    const { id: teamId } = (await created.json()) as { id: string }
    expect(created.headers.get('location')).toBe(`/api/teams/${teamId}`)

    const invite = await api(`/api/teams/${teamId}/invitations`, {
      cookie: owner,
      body: { email: 'Secretaris@Vreewijk.example ', role: 'organiser' },
    })
    expect(invite.status).toBe(201)
    // Addresses are normalised; the mail is in Dutch and names the team.
    const mail = await latestMailTo('secretaris@vreewijk.example')
    expect(mail?.kind).toBe('invitation')
    expect(mail?.text).toContain('Bewonersvereniging Vreewijk')
    const token = await mailedToken('secretaris@vreewijk.example', '/invitations')

    // Someone else who got hold of the link cannot use it.
    const stranger = await signIn('stranger@example.nl')
    expect((await form(`/invitations/${token}`, {}, { cookie: stranger })).status).toBe(403)

    const secretary = await signIn('secretaris@vreewijk.example')
    const accept = await form(`/invitations/${token}`, {}, { cookie: secretary })
    expect(accept.status).toBe(303)
    expect(accept.headers.get('location')).toBe(`/teams/${teamId}`)
    // Single use.
    expect((await form(`/invitations/${token}`, {}, { cookie: secretary })).status).toBe(404)

    const team = (await (await api(`/api/teams/${teamId}`, { cookie: secretary })).json()) as {
      members: { email: string; role: string }[]
      invitations: unknown
    }
    expect(team.members.map((m) => [m.email, m.role])).toEqual([
      ['secretaris@vreewijk.example', 'organiser'],
      ['voorzitter@vreewijk.example', 'owner'],
    ])
    // Open invitations are for owners' eyes only.
    expect(team.invitations).toBeNull()
  })

  it('keeps at least one owner', async () => {
    const w = await makeWorld()
    const owner = w.person.owner
    const demote = await api(`/api/teams/${w.teamA}/members/${owner.id}`, {
      cookie: owner.cookie,
      method: 'PATCH',
      body: { role: 'viewer' },
    })
    expect(demote.status).toBe(409)
    const remove = await api(`/api/teams/${w.teamA}/members/${owner.id}`, {
      cookie: owner.cookie,
      method: 'DELETE',
    })
    expect(remove.status).toBe(409)
    // With a second owner, the first may step down.
    await api(`/api/teams/${w.teamA}/members/${w.person.organiser.id}`, {
      cookie: owner.cookie,
      method: 'PATCH',
      body: { role: 'owner' },
    })
    const stepDown = await api(`/api/teams/${w.teamA}/members/${owner.id}`, {
      cookie: owner.cookie,
      method: 'PATCH',
      body: { role: 'viewer' },
    })
    expect(stepDown.status).toBe(204)
    // The pages say the same in words.
    const lastOwner = await form(
      `/teams/${w.teamA}/members/${w.person.organiser.id}`,
      { role: 'viewer' },
      {
        cookie: w.person.organiser.cookie,
      },
    )
    expect(lastOwner.status).toBe(409)
    expect(await lastOwner.text()).toContain('Een team heeft altijd minstens één eigenaar.')
  })

  it('revoked and removed access stops at once', async () => {
    const w = await makeWorld()
    const revoke = await api(`/api/teams/${w.teamA}/invitations/${w.invitationId}`, {
      cookie: w.person.owner.cookie,
      method: 'DELETE',
    })
    expect(revoke.status).toBe(204)
    const invitee = await signIn(`invitee-${w.slugA.slice(7)}@example.nl`)
    expect((await form(`/invitations/${w.invitationToken}`, {}, { cookie: invitee })).status).toBe(404)

    expect((await api(`/api/teams/${w.teamA}`, { cookie: w.person.viewer.cookie })).status).toBe(200)
    await api(`/api/teams/${w.teamA}/members/${w.person.viewer.id}`, {
      cookie: w.person.owner.cookie,
      method: 'DELETE',
    })
    expect((await api(`/api/teams/${w.teamA}`, { cookie: w.person.viewer.cookie })).status).toBe(404)
  })

  it('logs every change with who, what and when, with private values masked; readable by owners only', async () => {
    const w = await makeWorld()
    await api(`/api/teams/${w.teamA}`, {
      cookie: w.person.owner.cookie,
      method: 'PATCH',
      body: { name: 'Nieuwe naam' },
    })
    await api(`/api/venues/${w.venueA1}`, {
      cookie: w.person.host.cookie,
      method: 'PATCH',
      body: { version: 1, hostContact: '06-NEW-SECRET-1', capacity: 35 },
    })
    const res = await api(`/api/teams/${w.teamA}/audit`, { cookie: w.person.owner.cookie })
    expect(res.status).toBe(200)
    const { entries } = (await res.json()) as {
      entries: { action: string; actorEmail: string; summary: { before: object; after: object } }[]
    }
    expect(entries.map((e) => e.action)).toEqual(['venue.updated', 'team.renamed'])
    expect(entries[0]).toMatchObject({
      actorEmail: w.person.host.email,
      summary: {
        before: { capacity: null, hostContact: '•••' },
        after: { capacity: 35, hostContact: '•••' },
      },
    })
    expect(entries[1]).toMatchObject({
      summary: { before: { name: expect.any(String) }, after: { name: 'Nieuwe naam' } },
    })
    const raw = JSON.stringify((await env.DB.prepare('SELECT summary FROM audit_log').all()).results)
    expect(raw).not.toContain('06-NEW-SECRET-1')
    expect(raw).not.toContain(PRIVATE.hostContact)
    expect((await api(`/api/teams/${w.teamA}/audit`, { cookie: w.person.organiser.cookie })).status).toBe(403)
    const pageRes = await page(`/teams/${w.teamA}/audit`, w.person.owner.cookie)
    // The page writes each entry as a sentence, with names and the changed fields, no codes or JSON.
    const html = await pageRes.text()
    expect(html).toContain(
      'heeft de locatie gewijzigd.<span class="muted"> Gewijzigd: aantal plaatsen, contact',
    )
    expect(html).toContain('heeft het team ‘Nieuwe naam’ hernoemd.')
    expect(html).not.toContain('venue.updated')
    expect(html).not.toContain('&quot;before&quot;')
    const english = await (await page(`/teams/${w.teamA}/audit?lang=en`, w.person.owner.cookie)).text()
    expect(english).toContain('renamed the team ‘Nieuwe naam’.')
  })
})

describe('visit roles and venues', () => {
  it('a host edits only the practical fields of their own venue, with the version it was based on', async () => {
    const w = await makeWorld()
    const host = w.person.host.cookie
    const rename = await api(`/api/venues/${w.venueA1}`, {
      cookie: host,
      method: 'PATCH',
      body: { version: 1, name: 'Mijn tuin' },
    })
    expect(rename.status).toBe(403)
    const ok = await api(`/api/venues/${w.venueA1}`, {
      cookie: host,
      method: 'PATCH',
      body: { version: 1, capacity: 30 },
    })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('etag')).toBe('"v2"')
    // A second write based on the old version is refused, not silently applied.
    const stale = await api(`/api/venues/${w.venueA1}`, {
      cookie: host,
      method: 'PATCH',
      body: { version: 1, capacity: 99 },
    })
    expect(stale.status).toBe(409)
    const now = (await (await api(`/api/venues/${w.venueA1}`, { cookie: host })).json()) as {
      capacity: number
    }
    expect(now.capacity).toBe(30)
    // Another venue of the same visit is not theirs.
    expect((await api(`/api/venues/${w.venueA2}`, { cookie: host })).status).toBe(404)
  })

  it('a host sees only their own venue and what happens there; a caterer only the catering', async () => {
    const w = await makeWorld()
    const asHost = (await (
      await api(`/api/visits/${w.visitA}`, { cookie: w.person.host.cookie })
    ).json()) as {
      access: string
      items: { title: string }[]
      venues: { name: string; hostContact?: string }[]
    }
    expect(asHost.access).toBe('host')
    expect(asHost.items.map((i) => i.title)).toEqual(['Welkom'])
    expect(asHost.venues).toEqual([
      expect.objectContaining({ name: 'Tuin A1', hostContact: PRIVATE.hostContact }),
    ])
    const asCaterer = (await (
      await api(`/api/visits/${w.visitA}`, { cookie: w.person.caterer.cookie })
    ).json()) as {
      items: { title: string }[]
      venues: Record<string, unknown>[]
    }
    expect(asCaterer.items.map((i) => i.title)).toEqual(['Hapje en drankje'])
    expect(asCaterer.venues.every((v) => !('hostContact' in v))).toBe(true)
  })

  it('organisers give visit roles; the venue must be one of the team', async () => {
    const w = await makeWorld()
    const foreign = await api(`/api/visits/${w.visitA}/roles`, {
      cookie: w.person.organiser.cookie,
      body: { role: 'host', email: 'tuin@example.nl', venueId: w.venueB },
    })
    expect(foreign.status).toBe(422)
    const ok = await api(`/api/visits/${w.visitA}/roles`, {
      cookie: w.person.organiser.cookie,
      body: { role: 'host', email: 'tuin@example.nl', venueId: w.venueA2 },
    })
    expect(ok.status).toBe(201)
    const newHost = await signIn('tuin@example.nl')
    const venue = (await (await api(`/api/venues/${w.venueA2}`, { cookie: newHost })).json()) as {
      hostContact: string
    }
    expect(venue.hostContact).toBe(PRIVATE.otherHostContact)
  })
})
