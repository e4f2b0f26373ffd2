import { describe, expect, it } from 'vitest'
import { coordinatesFromMapLink } from './map-link'

describe('coordinates from a pasted map link', () => {
  it.each([
    ['https://www.openstreetmap.org/?mlat=52.15120&mlon=4.49600#map=19/52.15120/4.49600', 52.1512, 4.496],
    ['https://www.openstreetmap.org/#map=17/52.151234/4.496789', 52.151234, 4.496789],
    ['https://www.google.com/maps/@52.1512,4.496,17z', 52.1512, 4.496],
    [
      'https://www.google.com/maps/place/Lusthoflaan+12,+Leiden/@52.15,4.49,17z/data=!3m1!4b1!4m6!3m5!1s0x0:0x0!8m2!3d52.1512345!4d4.4961234',
      52.151235,
      4.496123,
    ],
    ['https://maps.google.com/?q=52.1512,4.4960', 52.1512, 4.496],
    ['  52.1512, 4.4960 ', 52.1512, 4.496],
  ])('%s', (link, lat, lng) => {
    expect(coordinatesFromMapLink(link)).toEqual({ lat, lng })
  })

  it('says why when a link holds none', () => {
    expect(coordinatesFromMapLink('https://www.openstreetmap.org/')).toEqual({ problem: 'no_coordinates' })
    expect(coordinatesFromMapLink('Lusthoflaan 12')).toEqual({ problem: 'no_coordinates' })
    expect(coordinatesFromMapLink('https://maps.app.goo.gl/abc123')).toEqual({ problem: 'short_link' })
    expect(coordinatesFromMapLink('https://www.google.com/maps/@152.1,4.4,17z')).toEqual({
      problem: 'no_coordinates',
    })
  })
})
