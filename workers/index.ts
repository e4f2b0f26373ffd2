import { type Audience, audienceOf } from './audiences/paths'
import type { Bindings } from './platform/env'

type AudienceApp = { fetch: ExportedHandlerFetchHandler<Bindings> }

// Each audience's app is imported on its first request: in the deployed build (scripts/build.mjs) each is a
// chunk of its own, so a request loads and compiles only the code of its audience (issue 19). In `wrangler dev`
// and the tests wrangler bundles them into one file, and the same dispatch runs.
const apps: Record<Audience, () => Promise<{ app: AudienceApp }>> = {
  reader: () => import('./audiences/reader'),
  report: () => import('./audiences/report'),
  gallery: () => import('./audiences/gallery'),
  privacy: () => import('./audiences/privacy'),
  speakers: () => import('./audiences/speakers'),
  providers: () => import('./audiences/providers'),
  team: () => import('./audiences/team'),
  'team-programme': () => import('./audiences/team-programme'),
  'team-talks': () => import('./audiences/team-talks'),
  'team-guests': () => import('./audiences/team-guests'),
  'team-catering': () => import('./audiences/team-catering'),
  'team-photos': () => import('./audiences/team-photos'),
  'team-reports': () => import('./audiences/team-reports'),
  api: () => import('./audiences/api'),
  'api-programme': () => import('./audiences/api-programme'),
  'api-talks': () => import('./audiences/api-talks'),
  'api-guests': () => import('./audiences/api-guests'),
  'api-catering': () => import('./audiences/api-catering'),
  'api-photos': () => import('./audiences/api-photos'),
  'api-reports': () => import('./audiences/api-reports'),
  description: () => import('./audiences/description'),
  dev: () => import('./audiences/dev'),
}

export default {
  async fetch(request, env, ctx) {
    const { app } = await apps[audienceOf(request)]()
    return app.fetch(request, env, ctx)
  },
  async scheduled(controller, env, ctx) {
    const [{ changeMailJob }, { retryMail }, { cleanUp }, { privacyJob }, { cateringJob }, { followUpJob }] =
      await Promise.all([
        import('./jobs/change-mails'),
        import('./jobs/mail-retry'),
        import('./jobs/clean-up'),
        import('./jobs/privacy'),
        import('./jobs/catering'),
        import('./jobs/follow-ups'),
      ])
    // The cron runs every 5 minutes (wrangler.toml); the mail job uses the planned time, not the start time.
    const now = new Date(controller.scheduledTime)
    // Change mails are queued first, so the mail job sends the first of them in the same run.
    ctx.waitUntil(
      (async () => {
        try {
          await changeMailJob(env, now)
        } finally {
          await retryMail(env, now)
        }
      })(),
    )
    ctx.waitUntil(cleanUp(env, now))
    ctx.waitUntil(privacyJob(env, now))
    ctx.waitUntil(cateringJob(env, now))
    ctx.waitUntil(followUpJob(env, now))
  },
} satisfies ExportedHandler<Bindings>
