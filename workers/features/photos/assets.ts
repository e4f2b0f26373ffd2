/** The photos' own stylesheet and script (the uploader and the gallery's lightbox), served by the Worker. */

export const photosCss = `
.photo-grid { list-style: none; padding: 0; margin: 1rem 0; display: grid; gap: .75rem; grid-template-columns: repeat(auto-fill, minmax(10.5rem, 1fr)); }
.photo-grid figure { margin: 0; }
.photo-grid img { display: block; width: 100%; height: auto; aspect-ratio: 4 / 3; object-fit: cover; border-radius: 6px; background: var(--wash); }
.photo-grid figcaption { font-size: .9rem; margin-top: .25rem; }
.photo-grid .credit { display: block; color: var(--muted); font-size: .8rem; }
.photo-grid a:focus-visible img { outline: 3px solid var(--focus); }
.team-photos .photo-grid li { border: 1px solid var(--line); border-radius: var(--radius); padding: .5rem; }
.photo-status { display: inline-block; font-size: .8rem; padding: 0 .4rem; border-radius: 4px; background: var(--wash); }
.photo-status.is-public { background: #dff3e4; }
.photo-status.is-hidden { background: #fff4e5; }
.photo-tools { display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: center; font-size: .9rem; margin-top: .25rem; }
.photo-tools form { display: inline; }
.uploader { border: 2px dashed var(--line); border-radius: var(--radius); padding: 1rem; margin: 1rem 0; }
.uploader input[type=file] { width: 100%; }
.upload-list { list-style: none; padding: 0; margin: .75rem 0 0; }
.upload-list li { margin: .5rem 0; }
.upload-list progress, .upload-overall progress { width: 100%; height: 1rem; }
.upload-list .name { overflow-wrap: anywhere; }
.upload-row-failed { color: var(--danger); }
.lightbox { border: 0; padding: 0; background: #111; color: #fff; width: 100vw; height: 100vh; max-width: 100vw; max-height: 100vh; }
.lightbox::backdrop { background: rgba(0, 0, 0, .85); }
.lightbox figure { margin: 0; height: calc(100vh - 7rem); display: flex; flex-direction: column; align-items: center; justify-content: center; }
.lightbox img { max-width: 100%; max-height: 100%; object-fit: contain; }
.lightbox figcaption { padding: .5rem 1rem; text-align: center; }
.lightbox .lightbox-bar { display: flex; justify-content: space-between; gap: .5rem; padding: .5rem; }
.lightbox button { background: #fff; color: #111; }
.lightbox .counter { align-self: center; }
.link-once { overflow-wrap: anywhere; background: var(--wash); padding: .5rem; border-radius: 6px; }
.photo-preview { max-width: 100%; height: auto; border-radius: 6px; }
`

/**
 * The uploader: many files at once, three side by side, each in 8 MiB parts sent one after another with
 * XMLHttpRequest (fetch cannot report upload progress). A progress bar per file and overall, with time left.
 * A dropped connection is retried; after a reload the same files resume from the part they reached, as the
 * server keeps the part list. The lightbox: a dialog over the gallery, by keyboard (arrows, Escape) and swipe.
 */
export const photosJs = `(() => {
  const MAX_PARALLEL = 3
  const fmtBytes = (n) => n >= 1048576 ? (n / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(n / 1024)) + ' kB'
  const fmtTime = (s) => s >= 90 ? Math.round(s / 60) + ' min' : Math.max(1, Math.round(s)) + ' s'
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

  function setupUploader(root) {
    const m = JSON.parse(root.dataset.messages || '{}')
    const link = root.dataset.link || ''
    const form = root.querySelector('form')
    const input = root.querySelector('input[type=file]')
    const list = root.querySelector('.upload-list')
    const overall = root.querySelector('.upload-overall')
    const overallBar = overall.querySelector('progress')
    const overallText = overall.querySelector('.text')
    const live = root.querySelector('[role=status]')
    root.querySelector('.needs-script')?.remove()
    form.hidden = false
    const headers = (json) => {
      const h = { accept: 'application/json' }
      if (json) h['content-type'] = 'application/json'
      if (link) h['x-photo-link'] = link
      return h
    }
    const api = async (method, url, body) => {
      const res = await fetch(url, { method, headers: headers(body !== undefined), body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' })
      let data = null
      try { data = await res.json() } catch {}
      return { status: res.status, data }
    }
    let unfinished = []
    api('GET', root.dataset.unfinished).then((r) => { if (r.status === 200) unfinished = r.data.uploads })
    let busy = false
    window.addEventListener('beforeunload', (e) => { if (busy) { e.preventDefault(); e.returnValue = '' } })

    function refusal(problem) {
      const reason = problem && problem.reason
      if (reason === 'heic') return m.heic
      if (problem && problem.code === 'unsupported_media_type') return reason === 'image_unreadable' ? m.unreadable : m.kind
      if (reason === 'file_too_large') return m.tooLarge
      if (reason === 'visit_full') return m.full
      return (problem && problem.detail) || m.failed
    }

    function sendPart(upload, n, blob, onProgress) {
      return new Promise((resolve) => {
        const xhr = new XMLHttpRequest()
        xhr.open('PUT', '/api/photo-uploads/' + upload.id + '/parts/' + n)
        xhr.setRequestHeader('content-type', 'application/octet-stream')
        xhr.setRequestHeader('accept', 'application/json')
        if (link) xhr.setRequestHeader('x-photo-link', link)
        xhr.upload.onprogress = (e) => onProgress(e.loaded)
        xhr.onload = () => { let data = null; try { data = JSON.parse(xhr.responseText) } catch {} ; resolve({ status: xhr.status, data }) }
        xhr.onerror = () => resolve({ status: 0, data: null })
        xhr.send(blob)
      })
    }

    async function uploadOne(file, row, track) {
      const fingerprint = file.name + '|' + file.size + '|' + file.lastModified
      let upload = unfinished.find((u) => u.fingerprint === fingerprint)
      if (!upload) {
        const extra = {}
        const name = root.querySelector('[name=uploaderName]')
        const email = root.querySelector('[name=uploaderEmail]')
        if (name) extra.name = name.value
        if (email) extra.email = email.value
        const started = await api('POST', root.dataset.start, { filename: file.name, sizeBytes: file.size, type: file.type, fingerprint, ...extra })
        if (started.status !== 201) return row.fail(refusal(started.data))
        upload = started.data
      }
      track.done = upload.bytesDone
      row.status(m.uploading)
      let tries = 0
      while (upload.nextPart !== null) {
        const n = upload.nextPart
        const from = (n - 1) * upload.partSize
        const blob = file.slice(from, Math.min(file.size, from + upload.partSize))
        const base = upload.bytesDone
        const res = await sendPart(upload, n, blob, (loaded) => { track.done = base + loaded; row.progress(track.done / file.size) })
        if (res.status === 200) { upload = res.data; tries = 0; continue }
        if (res.status === 409 || res.status === 0 || res.status >= 500) {
          if (++tries > 8) return row.fail(m.failed)
          row.status(m.retrying)
          await sleep(Math.min(30000, 1000 * 2 ** tries))
          const now = await api('GET', '/api/photo-uploads/' + upload.id)
          if (now.status === 200) upload = now.data
          else if (now.status !== 0 && now.status < 500) return row.fail(refusal(now.data))
          row.status(m.uploading)
          continue
        }
        return row.fail(refusal(res.data))
      }
      track.done = file.size
      row.progress(1)
      row.status(m.processing)
      const done = await api('POST', '/api/photo-uploads/' + upload.id + '/complete')
      if (done.status !== 201) return row.fail(refusal(done.data))
      row.status(m.done)
      return true
    }

    function makeRow(file) {
      const li = document.createElement('li')
      const label = document.createElement('span')
      label.className = 'name'
      label.textContent = file.name + ' (' + fmtBytes(file.size) + ')'
      const bar = document.createElement('progress')
      bar.max = 1
      bar.value = 0
      bar.setAttribute('aria-label', file.name)
      const state = document.createElement('span')
      state.className = 'state'
      state.textContent = ' ' + m.waiting
      li.append(label, state, bar)
      list.append(li)
      return {
        progress: (f) => { bar.value = f },
        status: (text) => { state.textContent = ' ' + text },
        fail: (text) => { li.className = 'upload-row-failed'; state.textContent = ' ' + m.failed + ': ' + text; return false },
        failed: () => li.className === 'upload-row-failed',
      }
    }

    form.addEventListener('submit', async (event) => {
      event.preventDefault()
      const files = [...input.files]
      if (files.length === 0 || busy) return
      busy = true
      list.textContent = ''
      overall.hidden = false
      const tracks = files.map(() => ({ done: 0 }))
      const total = files.reduce((s, f) => s + f.size, 0)
      const started = Date.now()
      const tick = setInterval(() => {
        const done = tracks.reduce((s, t) => s + t.done, 0)
        overallBar.value = total ? done / total : 1
        const seconds = (Date.now() - started) / 1000
        const rate = done / Math.max(seconds, 0.5)
        const left = rate > 0 ? (total - done) / rate : 0
        overallText.textContent = fmtBytes(done) + ' / ' + fmtBytes(total) + (done < total && seconds > 1 ? ' · ' + m.timeLeft.replace('{t}', fmtTime(left)) : '')
      }, 250)
      let next = 0
      let ok = 0
      const rows = files.map(makeRow)
      await Promise.all(Array.from({ length: Math.min(MAX_PARALLEL, files.length) }, async () => {
        while (next < files.length) {
          const i = next++
          if (await uploadOne(files[i], rows[i], tracks[i])) ok++
        }
      }))
      clearInterval(tick)
      overallBar.value = 1
      busy = false
      const failed = files.filter((f, i) => rows[i].failed()).map((f) => f.name)
      live.textContent = m.sent.replace('{n}', String(ok)) + (failed.length ? ' ' + m.failed + ': ' + failed.join(', ') : '')
      // The team's page shows its new photos after a reload; not while a refusal is there to be read.
      if (ok > 0 && failed.length === 0 && root.dataset.after === 'reload') setTimeout(() => location.reload(), 1200)
      input.value = ''
    })
  }

  function setupLightbox(grid) {
    const links = [...grid.querySelectorAll('a[data-full]')]
    if (links.length === 0 || typeof HTMLDialogElement === 'undefined') return
    const m = JSON.parse(grid.dataset.messages || '{}')
    const dialog = document.createElement('dialog')
    dialog.className = 'lightbox'
    dialog.setAttribute('aria-label', m.lightbox)
    dialog.innerHTML = '<div class="lightbox-bar"><button type="button" class="prev"></button><span class="counter" aria-live="polite"></span><button type="button" class="next"></button><button type="button" class="close"></button></div><figure><img alt=""><figcaption></figcaption></figure>'
    document.body.append(dialog)
    const img = dialog.querySelector('img')
    const caption = dialog.querySelector('figcaption')
    const counter = dialog.querySelector('.counter')
    dialog.querySelector('.prev').textContent = '← ' + m.previous
    dialog.querySelector('.next').textContent = m.next + ' →'
    dialog.querySelector('.close').textContent = m.close
    let at = 0
    let opener = null
    const show = (i) => {
      at = (i + links.length) % links.length
      const a = links[at]
      img.src = a.dataset.full
      img.alt = a.querySelector('img').alt
      caption.textContent = a.dataset.caption || ''
      counter.textContent = m.counter.replace('{n}', String(at + 1)).replace('{total}', String(links.length))
    }
    links.forEach((a, i) => a.addEventListener('click', (e) => {
      e.preventDefault()
      opener = a
      show(i)
      dialog.showModal()
      dialog.querySelector('.next').focus()
    }))
    dialog.querySelector('.prev').addEventListener('click', () => show(at - 1))
    dialog.querySelector('.next').addEventListener('click', () => show(at + 1))
    dialog.querySelector('.close').addEventListener('click', () => dialog.close())
    dialog.addEventListener('close', () => opener && opener.focus())
    dialog.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight') { e.preventDefault(); show(at + 1) }
      if (e.key === 'ArrowLeft') { e.preventDefault(); show(at - 1) }
    })
    let x0 = null
    dialog.addEventListener('touchstart', (e) => { x0 = e.touches[0].clientX }, { passive: true })
    dialog.addEventListener('touchend', (e) => {
      if (x0 === null) return
      const dx = e.changedTouches[0].clientX - x0
      if (Math.abs(dx) > 40) show(at + (dx < 0 ? 1 : -1))
      x0 = null
    })
  }

  document.querySelectorAll('[data-uploader]').forEach(setupUploader)
  document.querySelectorAll('[data-lightbox]').forEach(setupLightbox)
})()
`
