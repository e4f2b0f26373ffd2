import { mountApiDescription } from './api-description'
import { devRoutes } from './dev/routes'
import { accounts } from './features/accounts'
import { catering } from './features/catering'
import { photos } from './features/photos'
import { portability } from './features/portability'
import { privacy } from './features/privacy'
import { programme } from './features/programme'
import { releases } from './features/releases'
import { reports } from './features/reports'
import { rsvps } from './features/rsvps'
import { talks } from './features/talks'
import { visits } from './features/visits'
import { assetRoutes } from './platform/assets/routes'
import { healthRoutes } from './platform/http/health'
import { problemPages } from './platform/http/on-error'
import { composeApp } from './shell'

/**
 * The whole application in one app: one route() per feature. The tests call it directly; the deployed Worker
 * serves the same routes through one app per audience (workers/index.ts, workers/audiences), and
 * audiences.test.ts checks that each route here is served by the audience its path is sent to.
 */
export function createApp() {
  return composeApp((app) => {
    app.route('/', healthRoutes)
    app.route('/', problemPages)
    app.route('/', assetRoutes)
    // One route() per feature, in the direction they depend on each other.
    app.route('/', accounts)
    app.route('/', visits)
    app.route('/', programme)
    app.route('/', releases)
    app.route('/', rsvps)
    app.route('/', talks)
    app.route('/', catering)
    app.route('/', photos)
    app.route('/', reports)
    app.route('/', privacy)
    app.route('/', portability)
    app.route('/dev', devRoutes)
    mountApiDescription(app)
  })
}

export type App = ReturnType<typeof createApp>
