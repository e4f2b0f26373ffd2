import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { form } from '../../../test/integration/helpers'
import { makeWorld } from '../../../test/integration/world'

const one = async (sql: string, ...args: string[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...args)
      .first<{ n: number | string }>()
  )?.n

describe('destructive forms ask first', () => {
  it('without confirm=yes nothing changes, and the page asks with the same fields', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const items = () => one('SELECT count(*) AS n FROM programme_items WHERE id = ?', w.itemA1)

    const asked = await form(`/items/${w.itemA1}/delete`, { version: '1' }, { cookie })
    expect(asked.status).toBe(200)
    const html = await asked.text()
    expect(html).toContain('Weet je het zeker?')
    expect(html).toContain(`action="/items/${w.itemA1}/delete"`)
    expect(html).toContain('name="version" value="1"')
    expect(html).toContain('name="confirm" value="yes"')
    expect(await items()).toBe(1)

    // Archiving, removing a member, deleting a group: the same.
    expect((await form(`/visits/${w.visitA}/archive`, {}, { cookie })).status).toBe(200)
    expect(await one('SELECT status AS n FROM visits WHERE id = ?', w.visitA)).not.toBe('archived')
    const owner = w.person.owner.cookie
    const remove = `/teams/${w.teamA}/members/${w.person.viewer.id}/remove`
    expect((await form(remove, {}, { cookie: owner })).status).toBe(200)
    expect(
      await one(
        'SELECT count(*) AS n FROM memberships WHERE team_id = ? AND person_id = ?',
        w.teamA,
        w.person.viewer.id,
      ),
    ).toBe(1)
    expect((await form(`/groups/${w.groupA}/delete`, {}, { cookie })).status).toBe(200)
    expect(await one('SELECT count(*) AS n FROM groups WHERE id = ?', w.groupA)).toBe(1)

    // Confirmed, it happens.
    const done = await form(`/items/${w.itemA1}/delete`, { version: '1', confirm: 'yes' }, { cookie })
    expect(done.status).toBe(303)
    expect(await items()).toBe(0)
  })

  it('the other destructive forms ask first too: a slot, a photo, a photo link, a host offer', async () => {
    const w = await makeWorld()
    const cookie = w.person.organiser.cookie
    const slot = crypto.randomUUID()
    const photo = crypto.randomUUID()
    const link = crypto.randomUUID()
    const at = Date.UTC(2026, 5, 1, 12)
    await env.DB.batch([
      env.DB.prepare('INSERT INTO talk_slots (id, visit_id, starts_at, ends_at) VALUES (?, ?, ?, ?)').bind(
        slot,
        w.visitA,
        at,
        at + 600_000,
      ),
      env.DB.prepare(
        `INSERT INTO photos (id, visit_id, filename, original_key, original_type, original_bytes, web_key,
           web_width, web_height, web_bytes, thumb_key, thumb_width, thumb_height, created_at)
         VALUES (?, ?, 'a.jpg', ?, 'image/jpeg', 1, 'w', 1, 1, 1, 't', 1, 1, ?)`,
      ).bind(photo, w.visitA, `o-${photo}`, at),
    ])
    const linkMade = await env.DB.prepare('SELECT count(*) AS n FROM photo_links').first<{ n: number }>()
    const cases: [string, string, () => Promise<unknown>][] = [
      [
        `/slots/${slot}/delete`,
        'Je verwijdert dit tijdslot.',
        () => one('SELECT count(*) AS n FROM talk_slots WHERE id = ?', slot),
      ],
      [
        `/visits/${w.visitA}/photos/${photo}/delete`,
        'Je verwijdert deze foto',
        () => one('SELECT count(*) AS n FROM photos WHERE id = ?', photo),
      ],
      [
        `/teams/${w.teamA}/host-offers/${w.offerA}/decline`,
        'Je wijst dit aanbod af.',
        () => one('SELECT status AS n FROM host_offers WHERE id = ?', w.offerA),
      ],
      [
        `/visits/${w.visitA}/photo-links/${link}/revoke`,
        'De uploadlink werkt daarna niet meer',
        async () => linkMade?.n,
      ],
    ]
    for (const [path, question, state] of cases) {
      const before = await state()
      const asked = await form(path, {}, { cookie })
      expect(asked.status, path).toBe(200)
      expect(await asked.text()).toContain(question)
      expect(await state(), path).toEqual(before)
    }
    // Confirmed, the slot goes.
    expect((await form(`/slots/${slot}/delete`, { confirm: 'yes' }, { cookie })).status).toBe(303)
    expect(await one('SELECT count(*) AS n FROM talk_slots WHERE id = ?', slot)).toBe(0)
  })

  it('asks only signed-in people; a stranger still gets 401', async () => {
    const w = await makeWorld()
    expect((await form(`/items/${w.itemA1}/delete`, { version: '1' })).status).toBe(401)
  })
})
