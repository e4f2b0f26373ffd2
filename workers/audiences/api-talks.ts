import { talksApi } from '../features/talks/api'
import { composeApp } from '../shell'

/** The API of talks: the call, review, slots and mail templates. */
export const app = composeApp((app) => {
  app.route('/api', talksApi)
})
