import * as v from 'valibot'
import * as ex from './response-examples'

/** GET /api/visits/:visitId/export 200 */
export const visitExportResponse = v.pipe(
  v.object({
    format: v.literal('rondgang.visit'),
    version: v.literal(1),
    exportedAt: v.string(),
    visitId: v.string(),
    tables: v.record(
      v.string(),
      v.array(v.record(v.string(), v.nullable(v.union([v.string(), v.number()])))),
    ),
  }),
  v.metadata({ examples: [ex.visitExportExample] }),
)

/** POST /api/teams/:teamId/visit-imports 201 */
export const teamVisitImportsPostResponse = v.pipe(
  v.object({ visitId: v.string(), objects: v.number() }),
  v.metadata({ examples: [ex.teamVisitImportsPostExample] }),
)
