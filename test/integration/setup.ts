import { applyD1Migrations, env } from 'cloudflare:test'
// Both dictionaries loaded before any request, as worker-entry.ts loads every audience's app: the i18n
// middleware imports a request's language on its first use, and under the pool requests that waited at once
// for the same first import() went on in the first one's I/O context (see worker-entry.ts).
import '../../shared/i18n/en'
import '../../shared/i18n/nl'

// Each test file gets its own isolated storage; bring its D1 up to the current schema first.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
