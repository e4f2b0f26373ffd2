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

  it('asks only signed-in people; a stranger still gets 401', async () => {
    const w = await makeWorld()
    expect((await form(`/items/${w.itemA1}/delete`, { version: '1' })).status).toBe(401)
  })
})
