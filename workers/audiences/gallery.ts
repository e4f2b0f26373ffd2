import { photoPublicRoutes } from '../features/photos/public'
import { composeApp } from '../shell'

/** The public photo impression and the upload link: the only public pages that read photo files. */
export const app = composeApp((app) => {
  app.route('/', photoPublicRoutes)
})
