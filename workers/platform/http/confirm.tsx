import type { MiddlewareHandler } from 'hono'
import type { Messages } from '../../../shared/i18n'
import type { AppEnv } from '../env'
import { requirePerson } from '../middleware/session'

/** What a destructive action does, for the question asked before it. */
export type ConfirmKind = keyof Messages['organiser']['confirm']['questions']

/** True when the form says the person confirmed (`confirm=yes`, also among repeated values). */
const confirmed = (value: unknown) => (Array.isArray(value) ? value : [value]).includes('yes')

/** The page that asks first: the same action with the same fields and `confirm=yes`, or back. */
function ConfirmPage({
  t,
  kind,
  action,
  fields,
  back,
}: {
  t: Messages
  kind: ConfirmKind
  action: string
  fields: [string, string][]
  back: string
}) {
  const words = t.organiser.confirm
  return (
    <section class="narrow confirm-page" aria-labelledby="confirm-title">
      <h1 id="confirm-title">{words.title}</h1>
      <p class="lead">{words.questions[kind]}</p>
      <form method="post" action={action}>
        {fields.map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirm" value="yes" />
        <p class="button-row">
          <button type="submit" class="danger" autofocus>
            {words.yes[kind]}
          </button>
          <a class="button secondary" href={back}>
            {words.no}
          </a>
        </p>
      </form>
    </section>
  )
}

/**
 * A destructive form (delete, remove, archive, revoke, cancel) goes ahead only with `confirm=yes`. Without
 * it — a form without JavaScript, a double tap — nothing changes: the person gets a page that asks first
 * and posts the same fields again with the confirmation. Signed-in people only (others get 401 as before),
 * unless `{ link: true }`: a private-link page (a guest, a speaker), where the token in the path is the key
 * and the route itself answers an unknown one.
 */
export const confirmFirst = (kind: ConfirmKind, { link = false } = {}): MiddlewareHandler<AppEnv> =>
  async function confirmFirst(c, next) {
    if (!link) requirePerson(c)
    // Hono keeps the parsed body, so the route's own validator reads it again.
    const body = (await c.req.parseBody({ all: true })) as Record<string, unknown>
    if (confirmed(body.confirm)) return next()
    const fields = Object.entries(body).flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value])
        .filter((v): v is string => typeof v === 'string')
        .map((v): [string, string] => [name, v]),
    )
    const origin = new URL(c.req.url).origin
    const referer = c.req.header('referer')
    // Pages that carry a token send no Referer (no-referrer): "back" is then the link's own page (/t/<token>).
    const linkPage = link ? c.req.path.split('/').slice(0, 3).join('/') : '/'
    const back = referer?.startsWith(`${origin}/`) ? referer.slice(origin.length) : linkPage
    c.header('cache-control', 'no-store')
    return c.render(<ConfirmPage t={c.var.t} kind={kind} action={c.req.path} fields={fields} back={back} />, {
      title: c.var.t.organiser.confirm.title,
    })
  }
