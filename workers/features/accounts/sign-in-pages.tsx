import { Hono } from 'hono'
import * as v from 'valibot'
import { DomainError } from '../../../shared/errors'
import { nextPathSchema } from '../../../shared/schemas/common'
import { endSession } from '../../platform/auth/session'
import type { AppEnv } from '../../platform/env'
import { formBody } from '../../platform/http/validation'
import { limitAddress } from '../../platform/middleware/rate-limit'
import { clearSessionCookie, requirePerson, setSessionCookie } from '../../platform/middleware/session'
import { redeemSignInLink, requestSignInLink, SIGN_IN_LINK_MINUTES } from './sign-in'
import { signInRequestSchema, signInVerifySchema } from './sign-in-schemas'
import { CheckMailPage, SignInPage, VerifyPage } from './views/sign-in-pages'

const safeNext = (value: unknown) => {
  const parsed = v.safeParse(nextPathSchema, value)
  return parsed.success ? parsed.output : undefined
}

/** Sign-in by e-mailed link, and sign-out. */
export const authPages = new Hono<AppEnv>()
  .get('/sign-in', (c) => {
    if (c.var.signedIn) return c.redirect(safeNext(c.req.query('next')) ?? '/teams', 303)
    return c.render(<SignInPage t={c.var.t} next={safeNext(c.req.query('next'))} />, {
      title: c.var.t.auth.signIn,
    })
  })
  .post(
    '/sign-in',
    formBody(signInRequestSchema, (c, errors, values) =>
      c.render(<SignInPage t={c.var.t} state={{ errors, values }} next={safeNext(values.next)} />, {
        title: c.var.t.auth.signIn,
      }),
    ),
    async (c) => {
      const input = c.req.valid('form')
      await limitAddress(c, 'address', input.email, 'signin')
      await requestSignInLink(c.var.db, c.var.config, { ...input, lang: c.var.lang }, new Date())
      return c.redirect('/sign-in/check-mail', 303)
    },
  )
  .get('/sign-in/check-mail', (c) =>
    c.render(<CheckMailPage t={c.var.t} minutes={SIGN_IN_LINK_MINUTES} />, {
      title: c.var.t.auth.checkMailTitle,
    }),
  )
  .get('/sign-in/verify', (c) => {
    const parsed = v.safeParse(signInVerifySchema, { token: c.req.query('token'), next: c.req.query('next') })
    if (!parsed.success) {
      c.status(400)
      return c.render(<SignInPage t={c.var.t} notice={c.var.t.auth.linkInvalid} />, {
        title: c.var.t.auth.signIn,
      })
    }
    // The token must not leak to other sites through the Referer of links on this page.
    c.header('referrer-policy', 'no-referrer')
    return c.render(<VerifyPage t={c.var.t} token={parsed.output.token} next={parsed.output.next} />, {
      title: c.var.t.auth.verifyTitle,
    })
  })
  .post(
    '/sign-in/verify',
    formBody(signInVerifySchema, (c) =>
      c.render(<SignInPage t={c.var.t} notice={c.var.t.auth.linkInvalid} />, { title: c.var.t.auth.signIn }),
    ),
    async (c) => {
      const { token, next } = c.req.valid('form')
      try {
        const { sessionId } = await redeemSignInLink(c.var.db, token, new Date(), {
          userAgent: c.req.header('user-agent') ?? '',
          lang: c.var.lang,
        })
        // Any session the browser had before is ended: a new id at every sign-in.
        if (c.var.signedIn) await endSession(c.var.db, c.var.signedIn.sessionIdHash)
        setSessionCookie(c, sessionId)
        return c.redirect(next ?? '/teams', 303)
      } catch (error) {
        if (error instanceof DomainError) {
          c.status(400)
          return c.render(<SignInPage t={c.var.t} notice={c.var.t.auth.linkInvalid} />, {
            title: c.var.t.auth.signIn,
          })
        }
        throw error
      }
    },
  )
  .post('/sign-out', async (c) => {
    const signedIn = requirePerson(c)
    await endSession(c.var.db, signedIn.sessionIdHash)
    clearSessionCookie(c)
    return c.redirect('/', 303)
  })
