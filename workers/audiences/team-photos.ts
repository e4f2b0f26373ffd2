import { photoPages } from '../features/photos/pages'
import { composeApp } from '../shell'

/** The team's pages of photos: uploads, curation, upload links. */
export const app = composeApp((app) => {
  app.route('/', photoPages)
})
