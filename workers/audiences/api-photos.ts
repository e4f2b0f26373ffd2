import { photosApi } from '../features/photos/api'
import { composeApp } from '../shell'

/** The API of photos: uploads, curation, upload links. */
export const app = composeApp((app) => {
  app.route('/api', photosApi)
})
