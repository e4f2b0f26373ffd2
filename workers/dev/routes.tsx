import { desc, sql } from 'drizzle-orm'
import { Hono } from 'hono'
import * as v from 'valibot'
import { mailOutbox } from '../../shared/db/schema'
import { DomainError } from '../../shared/errors'
import type { Messages } from '../../shared/i18n'
import type { AppEnv } from '../platform/env'
import { problemResponse } from '../platform/http/problem'
import { fieldErrors } from '../platform/http/validation'
import { loadDemoData } from './demo-load'
import { loadDemoPhotos } from './demo-photos-load'
import { loadDemoReports } from './demo-reports'

type OutboxRow = typeof mailOutbox.$inferSelect

// Stops at whitespace and quotes; trailing sentence punctuation is not part of the link.
const linkPattern = /https?:\/\/[^\s<>"']+/g
const trailingPunctuation = /[.,;:!?)\]]+$/

/** The http(s) links of a plain-text mail, in order. */
function linksIn(text: string): string[] {
  return [...text.matchAll(linkPattern)].map((m) => m[0].replace(trailingPunctuation, ''))
}

/** Plain text with its links made clickable; JSX escapes every piece. */
function TextWithLinks({ text }: { text: string }) {
  const parts: (string | ReturnType<typeof Link>)[] = []
  let at = 0
  for (const match of text.matchAll(linkPattern)) {
    const href = match[0].replace(trailingPunctuation, '')
    parts.push(text.slice(at, match.index), <Link href={href} />)
    at = match.index + href.length
  }
  parts.push(text.slice(at))
  return <>{parts}</>
}

function Link({ href }: { href: string }) {
  return <a href={href}>{href}</a>
}

/** Newest mail first; rows written in the same millisecond keep their insert order. */
const newestFirst = [desc(mailOutbox.createdAt), desc(sql`rowid`)] as const

function DevMailPage({ t, mails }: { t: Messages; mails: OutboxRow[] }) {
  const when = new Intl.DateTimeFormat(t.locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'Europe/Amsterdam',
  })
  return (
    <>
      <h1>{t.devMail.title}</h1>
      <p class="lead">{t.devMail.intro}</p>
      {mails.length === 0 ? <p class="notice">{t.devMail.none}</p> : null}
      {mails.map((m) => (
        <article class="card" aria-labelledby={`mail-${m.id}`}>
          <h2 id={`mail-${m.id}`}>{m.subject}</h2>
          <dl>
            <dt>{t.devMail.to}</dt>
            <dd>{m.to}</dd>
            <dt>{t.devMail.kind}</dt>
            <dd>
              <span class="tag">{m.kind}</span>
            </dd>
            <dt>{t.devMail.status}</dt>
            <dd>
              {t.devMail.statuses[m.status]}
              {m.attempts > 0 ? ` (${t.devMail.attempts}: ${m.attempts})` : null}
            </dd>
            <dt>{t.devMail.time}</dt>
            <dd>
              <time datetime={m.createdAt.toISOString()}>{when.format(m.createdAt)}</time>
            </dd>
            {m.lastError ? (
              <>
                <dt>{t.devMail.lastError}</dt>
                <dd>{m.lastError}</dd>
              </>
            ) : null}
          </dl>
          <pre>
            <TextWithLinks text={m.text} />
          </pre>
          <details>
            <summary>{t.devMail.htmlSource}</summary>
            <pre>{m.html}</pre>
          </details>
        </article>
      ))}
    </>
  )
}

const latestQuery = v.object({ to: v.pipe(v.string(), v.trim(), v.email()) })

/** Development helpers. In production every path here is an ordinary 404: they do not exist. */
export const devRoutes = new Hono<AppEnv>()
  .use(async function developmentOnly(c, next) {
    if (c.var.config.isProduction) throw new DomainError('not_found')
    await next()
  })
  .post('/seed', async (c) => {
    await loadDemoData(c.var.db)
    await loadDemoPhotos(c.var.db, c.env.PHOTOS, c.env.IMAGES)
    await loadDemoReports(c.var.db)
    return c.json({ loaded: true })
  })
  // The local outbox: sign-in works without a mail server, the link is one click away.
  .get('/mail', async (c) => {
    const mails = await c.var.db
      .select()
      .from(mailOutbox)
      .orderBy(...newestFirst)
      .limit(50)
    c.header('cache-control', 'no-store')
    return c.render(<DevMailPage t={c.var.t} mails={mails} />, { title: c.var.t.devMail.title })
  })
  // For browser tests and scripts: the newest mail to one address, with its links picked out.
  .get('/mail/latest', async (c) => {
    c.header('cache-control', 'no-store')
    const query = v.safeParse(latestQuery, c.req.query())
    if (!query.success) {
      return problemResponse(c, {
        code: 'validation_failed',
        detail: c.var.t.errors.byCode.validation_failed,
        errors: fieldErrors(query.issues, c.var.t),
      })
    }
    const to = query.output.to.toLowerCase()
    const [mail] = await c.var.db
      .select()
      .from(mailOutbox)
      .where(sql`lower(${mailOutbox.to}) = ${to}`)
      .orderBy(...newestFirst)
      .limit(1)
    if (!mail) return problemResponse(c, { code: 'not_found', detail: `No mail to ${to} yet.` })
    return c.json({ to: mail.to, subject: mail.subject, text: mail.text, links: linksIn(mail.text) })
  })
