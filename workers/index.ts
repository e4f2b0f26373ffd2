import { createApp } from './app'
import { cateringJob } from './jobs/catering'
import { cleanUp } from './jobs/clean-up'
import { followUpJob } from './jobs/follow-ups'
import { retryMail } from './jobs/mail-retry'
import { privacyJob } from './jobs/privacy'
import type { Bindings } from './platform/env'

const app = createApp()

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    // The cron runs every 5 minutes (wrangler.toml); the mail job uses the planned time, not the start time.
    const now = new Date(controller.scheduledTime)
    ctx.waitUntil(retryMail(env, now))
    ctx.waitUntil(cleanUp(env, now))
    ctx.waitUntil(privacyJob(env, now))
    ctx.waitUntil(cateringJob(env, now))
    ctx.waitUntil(followUpJob(env, now))
  },
} satisfies ExportedHandler<Bindings>
