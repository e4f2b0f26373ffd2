import { Hono } from 'hono'
import * as v from 'valibot'
import { DomainError } from '../../../shared/errors'
import { getPublishedProgramme } from '../../data/visits'
import type { AppEnv } from '../../env'
import { VisitPage } from '../../views/visit-page'

const slugSchema = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), v.maxLength(80))

/** The public face of a visit at /v/{slug}: a URL people share, so it stays stable. */
export const publicVisitRoutes = new Hono<AppEnv>().get('/:slug', async (c) => {
  const slug = v.safeParse(slugSchema, c.req.param('slug'))
  if (!slug.success) throw new DomainError('not_found')
  const programme = await getPublishedProgramme(c.var.db, slug.output)
  if (!programme) throw new DomainError('not_found')
  return c.render(<VisitPage t={c.var.t} programme={programme} />, { title: programme.visit.title })
})
