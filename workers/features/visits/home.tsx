import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { listPublishedVisits } from './queries'
import { HomePage } from './views/home-page'

/** Today's date in Amsterdam, to tell upcoming from past visits. */
const todayInAmsterdam = (now: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now)

export const homeRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const visits = await listPublishedVisits(c.var.db)
  return c.render(<HomePage t={c.var.t} visits={visits} today={todayInAmsterdam(new Date())} />, {
    title: c.var.t.home.title,
  })
})
