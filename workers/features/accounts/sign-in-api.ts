import { Hono } from 'hono'
import type { AppEnv } from '../../platform/env'
import { doc } from '../../platform/http/openapi'
import { jsonBody } from '../../platform/http/validation'
import { deliverSoon } from '../../platform/mail/outbox'
import { limitAddress } from '../../platform/middleware/rate-limit'
import { requirePerson } from '../../platform/middleware/session'
import { authSignInLinkPostResponse, meResponse } from './responses'
import { requestSignInLink } from './sign-in'
import { signInRequestSchema } from './sign-in-schemas'
import { listMyTeams } from './teams'

/** Sign-in by link for API clients, and who am I. */
export const authApi = new Hono<AppEnv>()
  .post(
    '/auth/sign-in-link',
    doc('auth', 'Mail a sign-in link (the same answer for every address)', {
      status: 202,
      description: '{ status: "sent" }',
      access: 'public',
      schema: authSignInLinkPostResponse,
    }),
    jsonBody(signInRequestSchema),
    async (c) => {
      const input = c.req.valid('json')
      await limitAddress(c, 'address', input.email, 'signin')
      await requestSignInLink(c.var.db, c.var.config, { ...input, lang: c.var.lang }, new Date())
      deliverSoon(c.executionCtx, c.var.db, c.var.config)
      // The same answer for every well-formed address: it never tells whether an account exists.
      return c.json({ status: 'sent' }, 202)
    },
  )
  .get(
    '/me',
    doc('auth', 'Who you are: the person, their teams and visit roles', {
      status: 200,
      description: 'You',
      schema: meResponse,
    }),
    async (c) => {
      const signedIn = requirePerson(c)
      const teams = await listMyTeams(c.var.db, signedIn.person.id)
      return c.json({ person: signedIn.person, teams, visitRoles: signedIn.actor.visitRoles })
    },
  )
