import type { Context, MiddlewareHandler } from 'hono'
import { lookUpAddress } from '../../platform/address-lookup'
import type { AppEnv } from '../../platform/env'
import { text } from '../../platform/http/form-values'
import type { RawForm } from '../../platform/http/validation'
import type { FormState } from '../../platform/ui/form'
import { coordinatesFromMapLink } from './map-link'

/**
 * A place's coordinates as a committee gives them: two numbers, a pasted map link, or (where the lookup is on)
 * the address looked up. Shared by the team's venue forms and a resident's host offer.
 */

type C = Context<AppEnv>
type Rerender = (c: C, state: FormState) => Response | Promise<Response>

/** The coordinates in the pasted map link, when one was pasted and holds them. */
export const fromMapLink = (form: RawForm) => {
  const link = text(form, 'mapLink')?.trim()
  if (!link) return null
  const found = coordinatesFromMapLink(link)
  return 'lat' in found ? found : null
}

/**
 * A pasted map link without coordinates (or a short link we cannot follow) is refused at its field, the form
 * kept as typed, before the schema sees anything.
 */
export const mapLinkFirst =
  (rerender: Rerender): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const form = (await c.req.parseBody({ all: true })) as RawForm
    const link = text(form, 'mapLink')?.trim()
    if (!link) return next()
    const found = coordinatesFromMapLink(link)
    if ('lat' in found) return next()
    c.status(422)
    const message = c.var.t.organiser.mapLink[found.problem]
    return rerender(c as C, { errors: [{ field: 'mapLink', message }], values: form })
  }

/** Whether the form asks for the address to be looked up (the box is ticked: its hidden "no" comes first). */
const lookupAsked = (form: RawForm) => [form.lookupAddress].flat().includes('yes')

/**
 * After validation: when the form asks for it, has an address and no coordinates yet, the address's
 * coordinates; or the form again (422, kept as typed) saying why there are none — not found, too slow, the
 * service down, or the lookup off here. Nothing to look up: an empty object, the input stands as it is.
 */
export async function coordinatesOfAddress(
  c: C,
  input: { address?: string | undefined; lat?: number | null | undefined },
  rerender: Rerender,
): Promise<{ lat: number; lng: number } | Record<string, never> | Response> {
  const form = (await c.req.parseBody({ all: true })) as RawForm
  const address = input.address?.trim()
  if (!lookupAsked(form) || !address || (input.lat !== null && input.lat !== undefined)) return {}
  const words = c.var.t.roles.lookup
  const lookup = c.var.config.addressLookup
  const found = lookup ? await lookUpAddress(lookup, address) : { problem: 'off' as const }
  if ('lat' in found) return { lat: found.lat, lng: found.lng }
  c.status(422)
  return rerender(c, { errors: [{ field: 'address', message: words[found.problem] }], values: form })
}
