import { env, SELF } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { speakers, talkFiles } from '../../../shared/db/schema'
import { db, ORIGIN, page, url } from '../../../test/integration/helpers'
import { makeWorld } from '../../../test/integration/world'
import { openCall, pdf, stored, submitted, upload } from './talks.fixtures.matrix'

describe('slides and handouts', () => {
  it('streams a PDF into R2 under a key of ours, and keeps a replaced version', async () => {
    const w = await makeWorld()
    await openCall(w)
    const { token, talkId } = await submitted(w)
    const first = await upload(token, pdf(4096), {}, '?filename=..%2F..%2Fslides.pdf')
    expect(first.status).toBe(201)
    const one = (await first.json()) as { id: string; filename: string; sizeBytes: number }
    expect(one).toMatchObject({ filename: 'slides.pdf', sizeBytes: 4096 })
    const [row] = await db.select().from(talkFiles).where(eq(talkFiles.id, one.id))
    expect(row!.r2Key).toBe(`talks/${talkId}/${one.id}.pdf`)
    const object = await env.PHOTOS.get(row!.r2Key)
    expect(object?.size).toBe(4096)
    expect(object?.httpMetadata?.contentType).toBe('application/pdf')
    await object?.body.cancel()
    const second = await upload(token, pdf(3000), {}, `?replaces=${one.id}`)
    expect(second.status).toBe(201)
    const files = await db.select().from(talkFiles).where(eq(talkFiles.talkId, talkId))
    expect(files.map((f) => f.current).sort()).toEqual([false, true])
    expect(await stored(`talks/${talkId}/`)).toBe(2)
    // The page's form posts the file as multipart; it lands the same way, and the speaker is sent back.
    const body = new FormData()
    body.set('file', new File([pdf(1500)], 'hand-out.pdf', { type: 'application/pdf' }))
    const viaForm = await SELF.fetch(url(`/t/${token}/files`), {
      method: 'POST',
      headers: { origin: ORIGIN },
      body,
      redirect: 'manual',
    })
    expect(viaForm.status).toBe(303)
    expect(viaForm.headers.get('location')).toBe(`/t/${token}?done=uploaded#files`)
    expect(await stored(`talks/${talkId}/`)).toBe(3)
    expect(await (await page(`/t/${token}`)).text()).toContain('hand-out.pdf')
    const download = await page(`/t/${token}/files/${one.id}`)
    expect(download.headers.get('content-disposition')).toContain('attachment')
    expect((await download.arrayBuffer()).byteLength).toBe(4096)
  })

  it('names a download by what its bytes are and a cleaned title, never the name as sent ([13] hole 10)', async () => {
    const w = await makeWorld()
    await openCall(w)
    const { token } = await submitted(w)
    // An HTML polyglot named evil.html, and a right-to-left override that shows "…exe.pdf" as something else.
    const html = await upload(token, pdf(2048), {}, `?filename=${encodeURIComponent('evil.html')}`)
    expect(html.status).toBe(201)
    const one = (await html.json()) as { id: string; filename: string }
    expect(one.filename).toBe('evil.pdf')
    const rtl = await upload(token, pdf(2048), {}, `?filename=${encodeURIComponent('slides\u202efdp.exe')}`)
    const two = (await rtl.json()) as { id: string; filename: string }
    expect(two.filename).toBe('slidesfdp.pdf')
    const download = await page(`/t/${token}/files/${one.id}`)
    const disposition = download.headers.get('content-disposition') ?? ''
    expect(disposition).toContain('evil.pdf')
    expect(disposition).not.toContain('.html')
    await download.body?.cancel()
  })

  it('refuses an executable renamed .pdf (415), too large (413) and unknown length (411); nothing is stored', async () => {
    const w = await makeWorld()
    await openCall(w)
    const { token, talkId } = await submitted(w)
    const exe = new Uint8Array(4096)
    exe.set([0x4d, 0x5a, 0x90, 0x00])
    const fake = await upload(token, exe, {}, '?filename=slides.pdf')
    expect(fake.status).toBe(415)
    expect(((await fake.json()) as { code: string }).code).toBe('unsupported_media_type')
    const big = await upload(token, pdf(20 * 1024 * 1024 + 1))
    expect(big.status).toBe(413)
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(pdf(1024))
        controller.close()
      },
    })
    const chunked = await upload(token, stream)
    expect(chunked.status).toBe(411)
    // Through the page's form (multipart) the speaker sees why, on their page.
    const body = new FormData()
    body.set('file', new File([exe], 'slides.pdf', { type: 'application/pdf' }))
    const formUpload = await SELF.fetch(url(`/t/${token}/files`), {
      method: 'POST',
      headers: { origin: ORIGIN },
      body,
      redirect: 'manual',
    })
    expect(formUpload.status).toBe(415)
    expect(await formUpload.text()).toContain('Dit bestand is geen PDF. Er is niets opgeslagen.')
    expect(await stored(`talks/${talkId}/`)).toBe(0)
    expect(await db.select().from(talkFiles).where(eq(talkFiles.talkId, talkId))).toEqual([])
  })

  it('takes a portrait by its content, and refuses anything else', async () => {
    const w = await makeWorld()
    await openCall(w)
    const { token, speakerId } = await submitted(w)
    const png = new Uint8Array(512)
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect((await upload(token, png, { 'content-type': 'image/png' }, '?kind=photo')).status).toBe(204)
    const [speaker] = await db.select().from(speakers).where(eq(speakers.id, speakerId))
    expect(speaker!.photoKey).toMatch(new RegExp(`^speakers/${speakerId}/`))
    expect((await page(`/t/${token}/photo`)).headers.get('content-type')).toBe('image/png')
    expect((await upload(token, pdf(), { 'content-type': 'image/png' }, '?kind=photo')).status).toBe(415)
    expect(await stored(`speakers/${speakerId}/`)).toBe(1)
  })
})
