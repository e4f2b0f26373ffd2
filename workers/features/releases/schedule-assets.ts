/** The public schedule's own stylesheet, script and service worker, served by the Worker (no CDN). */

export const scheduleCss = `
.schedule-head .actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.schedule input[type=checkbox] { width: auto; min-height: 0; margin-right: .35rem; }
.group-views { display: flex; flex-wrap: wrap; gap: .5rem 1rem; margin: 1rem 0; align-items: baseline; }
.group-views a[aria-current="page"] { font-weight: 700; text-decoration: none; border-bottom: 3px solid var(--brand); }
.now-next { border: 2px solid var(--brand); border-radius: var(--radius); padding: .5rem 1rem; background: var(--wash); }
.now-next p { margin: .25rem 0; }
.timeline li.is-now { background: #fff7d6; }
.timeline li.is-now::before { background: var(--accent); }
.timeline li.hidden-by-filter { display: none; }
.item-actions { margin: .25rem 0 0; font-size: .95rem; display: flex; gap: 1rem; flex-wrap: wrap; }
.favourite[aria-pressed="true"]::before { content: "★ "; }
.favourite[aria-pressed="false"]::before { content: "☆ "; }
.route-map { width: 100%; height: auto; max-width: 40rem; background: var(--wash); border: 1px solid var(--line); border-radius: var(--radius); }
/* The map is 600 units wide and about 358 px on a 390 px phone: 22 units is 13 px there, never under 12. */
.route-map .leg line, .route-key line { stroke: var(--brand); stroke-width: 4; stroke-dasharray: 10 6; stroke-linecap: round; }
/* Each group's path has its own line pattern (and letter), so it is told apart without colour. */
.route-map .path-1 line, .route-key.path-1 line { stroke: var(--ink); stroke-dasharray: 1 8; stroke-width: 5; }
.route-map .path-2 line, .route-key.path-2 line { stroke: var(--accent); stroke-dasharray: none; }
.route-map .path-3 line, .route-key.path-3 line { stroke: var(--ink); stroke-dasharray: 16 5 2 5; }
.route-map .leg-label { font-size: 22px; fill: var(--ink); text-anchor: middle; paint-order: stroke; stroke: #fff; stroke-width: 5px; }
.route-map .stop circle { fill: var(--brand); stroke: #fff; stroke-width: 3; }
.route-map .stop-number { fill: #fff; font-size: 22px; font-weight: 700; text-anchor: middle; }
.route-map .stop-name { fill: var(--ink); font-size: 22px; paint-order: stroke; stroke: #fff; stroke-width: 5px; }
.route figure { margin: 0; }
.route-legend { list-style: none; padding: 0; margin: .25rem 0 .5rem; }
.route-legend-title { margin: .5rem 0 0; font-weight: 600; }
.route-key { width: 3rem; height: .75rem; vertical-align: middle; }
.legs { padding-left: 1.25rem; }
.offline-note { border-left: 5px solid var(--accent); background: #fff4e5; padding: .5rem 1rem; }
body.embed main { padding: .5rem 1rem; }
@media print {
  @page { size: A4; margin: 12mm; }
  .schedule-head .actions, .group-views, .item-actions, .favourites-toggle, .now-next, .offline-note { display: none !important; }
  .schedule h1 { font-size: 16pt; margin: 0 0 4pt; }
  .schedule .lead, .schedule-head p { margin: 2pt 0; font-size: 9.5pt; }
  .timeline { border-left-width: 1px; }
  .timeline li { padding: 1pt 0 2pt 8pt; break-inside: avoid; font-size: 9pt; }
  .timeline li::before { display: none; }
  .timeline li p { margin: 0; }
  .tag { border: 0; padding: 0; font-size: 8pt; }
  .route-map { max-width: 9cm; float: right; }
  .venue-list { grid-template-columns: repeat(3, 1fr); gap: 4pt; font-size: 8pt; }
  .venue-list .card { padding: 3pt; }
  h2 { font-size: 11pt; margin: 6pt 0 3pt; }
}
`

// Progressive enhancement only: without it the page is complete. Runs under a CSP without inline scripts.
export const scheduleJs = `(() => {
  const root = document.querySelector('.schedule')
  if (!root) return
  const visit = root.dataset.visit
  // Each item's id, times and title are read from its own markup (li#item-…, its two <time>s, .item-title).
  const items = [...document.querySelectorAll('.timeline li.item')].map((li) => {
    const times = li.querySelectorAll('time')
    const title = li.querySelector('.item-title')
    return {
      li,
      id: li.id.replace(/^item-/, ''),
      start: Date.parse(times[0] ? times[0].dateTime : ''),
      end: Date.parse(times[1] ? times[1].dateTime : ''),
      title: title ? title.textContent : '',
      time: times[0] ? times[0].textContent : '',
    }
  })

  // Now and next, on the day itself.
  const nowNext = document.querySelector('.now-next')
  function tick() {
    const now = Date.now()
    const live = items.filter((item) => !item.li.classList.contains('cancelled'))
    const current = live.filter((item) => item.start <= now && now < item.end)
    const upcoming = live.filter((item) => item.start > now).sort((a, b) => a.start - b.start)
    const sameDay = live.some((item) => new Date(item.start).toDateString() === new Date(now).toDateString())
    for (const item of items) item.li.classList.toggle('is-now', current.includes(item))
    if (!nowNext || !sameDay) return
    nowNext.hidden = false
    nowNext.querySelector('.now-title').textContent = current.map((item) => item.title).join(', ') || '—'
    const next = upcoming[0]
    nowNext.querySelector('.next-title').textContent = next ? next.time + ' ' + next.title : '—'
  }
  tick()
  setInterval(tick, 30000)

  // Favourites, kept in this browser only (no account needed).
  const key = 'rondgang:favourites:' + visit
  const read = () => { try { return new Set(JSON.parse(localStorage.getItem(key) || '[]')) } catch { return new Set() } }
  const write = (set) => { try { localStorage.setItem(key, JSON.stringify([...set])) } catch {} }
  const favourites = read()
  const toggle = document.querySelector('.favourites-toggle')
  const only = document.querySelector('.only-favourites')
  const labels = toggle ? toggle.dataset : {}
  // A button per item that is not cancelled, next to its calendar link.
  for (const item of items) {
    const actions = item.li.querySelector('.item-actions')
    if (!actions) continue
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'favourite link-button'
    button.addEventListener('click', () => {
      favourites.has(item.id) ? favourites.delete(item.id) : favourites.add(item.id)
      write(favourites)
      paint()
    })
    actions.append(' ', button)
    item.button = button
  }
  function paint() {
    for (const item of items) {
      const on = favourites.has(item.id)
      if (item.button) {
        item.button.setAttribute('aria-pressed', String(on))
        item.button.textContent = on ? labels.unfavourite : labels.favourite
      }
      item.li.classList.toggle('hidden-by-filter', !!(only && only.checked && !on))
    }
  }
  if (toggle) toggle.hidden = false
  if (only) only.addEventListener('change', paint)
  paint()

  // Offline reading: the service worker keeps the newest programme.
  // navigator.onLine is not enough (Chromium 150 says true with the network emulated away, and so does any
  // phone on a dead Wi-Fi): the service worker marks a page it answered from its kept copy (data-offline).
  const note = document.querySelector('.offline-note')
  const kept = document.documentElement.hasAttribute('data-offline')
  const online = () => { if (note) note.hidden = navigator.onLine && !kept }
  addEventListener('online', () => { if (note) note.hidden = true })
  addEventListener('offline', online)
  online()
  // The page, its stylesheets, scripts and images (the map is drawn in the page) are handed to the service
  // worker to keep, on this very first open too: the page was fetched before the worker existed.
  if ('serviceWorker' in navigator) {
    const keep = () => {
      const urls = [location.href]
      for (const el of document.querySelectorAll('link[rel=stylesheet][href], link[rel=icon][href], script[src], img[src]')) {
        const url = new URL(el.getAttribute('href') || el.getAttribute('src'), location.href)
        if (url.origin === location.origin) urls.push(url.href)
      }
      return urls
    }
    navigator.serviceWorker.register('/sw.js', { scope: '/' })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => { if (registration.active) registration.active.postMessage({ type: 'keep', urls: keep() }) })
      .catch(() => {})
  }
})()
`

// Network first, so a newer release shows as soon as there is a connection (and replaces the kept copy); the
// cache answers offline. The page hands over what it needs on its first open ('keep'), as the worker starts
// only after the page itself was fetched.
export const serviceWorkerJs = `const CACHE = 'rondgang-schedule-v3'
const kept = (url) => {
  if (url.origin !== location.origin) return false
  const wanted = url.pathname.startsWith('/v/') || url.pathname.startsWith('/assets/')
  // Not kept for offline reading: registering, and the photos ZIP (a download, possibly hundreds of MB).
  return wanted && !url.pathname.endsWith('/rsvp') && !url.pathname.endsWith('/photos.zip')
}
const store = (request, response) => {
  if (!response.ok || response.status === 206) return Promise.resolve()
  return caches.open(CACHE).then((cache) => cache.put(request, response)).catch(() => {})
}
// A page answered from the kept copy says so itself (<html data-offline>): the page cannot see that otherwise.
const keptCopy = (request, hit) => {
  if (request.mode !== 'navigate' || !(hit.headers.get('content-type') || '').startsWith('text/html')) return hit
  const headers = new Headers(hit.headers)
  headers.delete('content-length') // the marked page is longer than the kept one
  return hit.text().then((html) => new Response(html.replace(/<html(?=[ >])/, '<html data-offline'), { status: hit.status, headers }))
}
self.addEventListener('install', () => {
  self.skipWaiting()
})
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim()),
  )
})
self.addEventListener('message', (event) => {
  const data = event.data || {}
  if (data.type !== 'keep' || !Array.isArray(data.urls)) return
  const urls = data.urls.slice(0, 50).map((u) => new URL(u, location.href)).filter(kept)
  event.waitUntil(
    Promise.all(urls.map((url) => fetch(url.href, { credentials: 'same-origin' }).then((response) => store(url.href, response)).catch(() => {}))),
  )
})
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url)
  if (event.request.method !== 'GET' || !kept(url)) return
  // Parts of a file (a Range request, or a 206 answer) are not kept: the Cache API refuses them anyway.
  if (event.request.headers.has('range')) return
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        store(url.href, response.clone())
        return response
      })
      .catch(() =>
        caches.match(url.href, { ignoreVary: true }).then((hit) => hit || caches.match(event.request, { ignoreVary: true })).then((hit) => (hit ? keptCopy(event.request, hit) : Response.error())),
      ),
  )
})
`
