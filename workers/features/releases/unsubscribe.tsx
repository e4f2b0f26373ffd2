import { eq } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
import { rsvps } from '../../../shared/db/schema'
import { DomainError } from '../../../shared/errors'
import { verifyLink } from '../../platform/auth/signed-links'
import type { AppEnv } from '../../platform/env'

/** The signed link proves which registration it is for; anything else is a plain 404. */
async function checked(c: Context<AppEnv>) {
  const { rsvpId, signature } = c.req.param() as { rsvpId: string; signature: string }
  if (
    !/^[A-Za-z0-9-]{1,64}$/.test(rsvpId) ||
    !(await verifyLink(c.var.config.appSecret, 'opt-out', rsvpId, signature))
  ) {
    throw new DomainError('not_found')
  }
  c.header('referrer-policy', 'no-referrer')
  c.header('x-robots-tag', 'noindex')
  return rsvpId
}

function UnsubscribePage({ c, done }: { c: Context<AppEnv>; done: boolean }) {
  const t = c.var.t.unsubscribe
  return (
    <section class="narrow">
      <h1>{t.title}</h1>
      {done ? (
        <p class="notice" role="status">
          {t.done}
        </p>
      ) : (
        <>
          <p>{t.intro}</p>
          <form method="post">
            <button type="submit">{t.button}</button>
          </form>
        </>
      )}
    </section>
  )
}

/**
 * One click away from no more change mails, from the link in those mails. Opening the link changes nothing
 * (mail scanners open links); the button does.
 */
export const unsubscribeRoutes = new Hono<AppEnv>()
  .get('/unsubscribe/:rsvpId/:signature', async (c) => {
    await checked(c)
    return c.render(<UnsubscribePage c={c} done={false} />, { title: c.var.t.unsubscribe.title })
  })
  .post('/unsubscribe/:rsvpId/:signature', async (c) => {
    const rsvpId = await checked(c)
    await c.var.db
      .update(rsvps)
      .set({ notifyChanges: false, updatedAt: new Date() })
      .where(eq(rsvps.id, rsvpId))
    return c.render(<UnsubscribePage c={c} done />, { title: c.var.t.unsubscribe.title })
  })
