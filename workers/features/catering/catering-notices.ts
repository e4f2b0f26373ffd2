import type { Context } from 'hono'
import type { DomainError } from '../../../shared/errors'
import type { AppEnv } from '../../platform/env'

type C = Context<AppEnv>

/** The sentence of a notice after a redirect (`?done=…`); unknown values show nothing. */
export function doneNotice(c: C): string | undefined {
  const t = c.var.t.catering
  const notices: Record<string, string> = {
    created: t.createdNotice,
    saved: t.savedNotice,
    status: t.statusNotice,
    requested: t.requestedNotice,
    sent: t.sentNotice,
    'sent-no-mail': t.sentNoMail,
    contribution: t.contributionSaved,
    provider: t.providerSaved,
    'provider-created': t.providerCreated,
    'provider-removed': t.providerRemoved,
    'link-mailed': t.linkMailed,
    team: t.teamSaved,
    confirm: t.confirmedNotice,
    decline: t.declinedNotice,
    take: t.takenNotice,
    give_back: t.givenBackNotice,
    done: t.doneNotice,
    not_done: t.notDoneNotice,
  }
  const key = c.req.query('done')
  return key ? notices[key] : undefined
}

/** What a refused change says: someone changed it first, the order is closed, or the step is not possible. */
export function refusal(c: C, error: DomainError): string {
  const t = c.var.t.catering
  if (error.reason === 'order_closed') return t.closed
  if (error.reason === 'order_status') return t.cannotMove
  return t.stale
}
