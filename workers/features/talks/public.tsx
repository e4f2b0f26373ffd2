import { type Context, Hono } from 'hono'
import * as v from 'valibot'
import { DomainError, type FieldError } from '../../../shared/errors'
import { slugSchema } from '../../../shared/schemas/common'
import type { AppEnv } from '../../platform/env'
import { downloadName } from '../../platform/files/filename'
import { receiveUpload } from '../../platform/files/r2-upload'
import { confirmFirst } from '../../platform/http/confirm'
import { downloadResponse, imageResponse } from '../../platform/http/file-response'
import { saveOrShowAgain, serviceFieldErrors } from '../../platform/http/form-outcome'
import { remapRows, rowsOf } from '../../platform/http/form-rows'
import { defined, list, requiredNumber, text } from '../../platform/http/form-values'
import { privateHeaders, withPrivateLink } from '../../platform/http/private-link'
import { formBody, type RawForm } from '../../platform/http/validation'
import { deliverSoon } from '../../platform/mail/outbox'
import { uploadLimit } from '../../platform/middleware/body-limit'
import { limitAddress, rateLimit } from '../../platform/middleware/rate-limit'
import type { FormState } from '../../platform/ui/form'
import { publicRelease } from '../releases/public-schedule'
import { callBySlug } from './call'
import {
  availabilitySchema,
  coSpeakerSchema,
  slotPickSchema,
  speakerProfileSchema,
  talkEditSchema,
  talkLinkResendSchema,
  talkSubmissionSchema,
} from './schemas'
import {
  addCoSpeakerByToken,
  editTalkByToken,
  removeCoSpeakerByToken,
  speakerActionByToken,
  speakerView,
  updateAvailabilityByToken,
  updateProfileByToken,
} from './speaker-actions'
import { isSpeakerRenewal, renewSpeakerLink, resendLinks } from './speaker-links'
import { publicSpeaker, publicSpeakerPhoto, publicSpeakersOf } from './speaker-pages'
import { submitTalk } from './submission'
import {
  checkUploadLink,
  fileByToken,
  photoByToken,
  retireFileByToken,
  uploadPhotoByToken,
  uploadSlidesByToken,
} from './talk-files'
import { ClashingPick, pickSlotByToken, releaseSlotByToken } from './talk-slots'
import { CoDeclinedPage } from './views/co-declined-page'
import { PublicSpeakerPage } from './views/public-speaker-page'
import { PublicSpeakersPage } from './views/public-speakers-page'
import { ResendPage } from './views/resend-page'
import { SpeakerInvalidPage } from './views/speaker-invalid-page'
import { SpeakerPage, type SpeakerStates } from './views/speaker-page'
import { SpeakerRenewPage } from './views/speaker-renew-page'
import { TalkFormPage } from './views/talk-form-page'
import { TalkSentPage } from './views/talk-sent-page'

type C = Context<AppEnv>

function slugOf(c: C): string {
  const slug = v.safeParse(slugSchema, c.req.param('slug'))
  if (!slug.success) throw new DomainError('not_found')
  return slug.output
}

// --- reading the forms --------------------------------------------------------------------------------------

const answersFromForm = (form: RawForm) =>
  Object.fromEntries(
    Object.keys(form)
      .filter((k) => /^answers\.q\d{1,3}$/.test(k))
      .map((k) => [k.slice('answers.'.length), text(form, k) ?? '']),
  )

/** A checkbox group the form had (its hidden empty value is always sent), or undefined when it had none. */
const group = (form: RawForm, name: string) => (form[name] === undefined ? undefined : list(form, name))
/** The Checkbox component: a hidden 'no' first, then 'yes' when ticked. */
const ticked = (form: RawForm, name: string) => list(form, name).includes('yes')

const talkFromForm = (form: RawForm) => ({
  title: text(form, 'title'),
  abstract: text(form, 'abstract'),
  durationMinutes: requiredNumber(form, 'durationMinutes'),
  language: text(form, 'language'),
  answers: answersFromForm(form),
})

const profileFromForm = (form: RawForm) => ({
  name: text(form, 'name'),
  bio: text(form, 'bio'),
  organisation: text(form, 'organisation'),
  needs: group(form, 'needs'),
})

const submissionFromForm = (form: RawForm) =>
  defined({
    ...profileFromForm(form),
    email: text(form, 'email'),
    ...talkFromForm(form),
    availability: rowsOf(form, 'availability', ['date', 'start', 'end'] as const),
    consent: ticked(form, 'consent'),
    coSpeakers: rowsOf(form, 'coSpeakers', ['name', 'email'] as const),
  })

// --- the public form ----------------------------------------------------------------------------------------

/** The share link an unlisted visit's call is opened with (`?k=…`), and its query to keep in links. */
function shareOf(c: C) {
  const token = c.req.query('k')
  return { token, query: token ? `k=${encodeURIComponent(token)}` : '' }
}

/** The call by the path's slug, for the reader's share link; the visit carries the query for its links. */
async function openCall(c: C) {
  const share = shareOf(c)
  const found = await callBySlug(c.var.db, slugOf(c), new Date(), share.token)
  return { ...found, visit: { ...found.visit, query: share.query } }
}

async function renderForm(c: C, state?: FormState) {
  const { visit, call, problem } = await openCall(c)
  const refused = state?.errors?.some((e) => e.field === 'call')
  return c.render(
    <TalkFormPage
      t={c.var.t}
      visit={visit}
      call={call}
      problem={problem ?? (refused ? 'closed' : null)}
      action={`/v/${visit.slug}/talks/new${visit.query ? `?${visit.query}` : ''}`}
      state={state ? { ...state, errors: remapRows(state.errors ?? [], state.values ?? {}) } : undefined}
    />,
    { title: `${c.var.t.talks.submitTitle} · ${visit.title}` },
  )
}

async function renderResend(c: C, sent: boolean, state?: FormState) {
  const { visit } = await openCall(c)
  return c.render(<ResendPage t={c.var.t} visit={visit} sent={sent} state={state} />, {
    title: c.var.t.talks.resendTitle,
  })
}

// --- the private link ---------------------------------------------------------------------------------------

/** Runs a private-link page; an unknown or replaced token shows the friendly "link does not work" page. */
const withToken = (c: C, page: (token: string) => Promise<Response>) =>
  withPrivateLink(
    c,
    () => c.render(<SpeakerInvalidPage t={c.var.t} />, { title: c.var.t.talks.invalidTitle }),
    page,
    // A file behind the link answers a plain 404, not a page.
    { plain404: c.req.param('fileId') !== undefined },
  )

const notices = [
  'saved',
  'uploaded',
  'photo',
  'retired',
  'withdrawn',
  'confirmed',
  'declined',
  'co-added',
  'co-removed',
  'picked',
  'released',
] as const

function noticeFor(c: C, done: string | undefined): string | undefined {
  const t = c.var.t.talks
  const map: Record<(typeof notices)[number], string> = {
    saved: t.saved,
    uploaded: t.uploaded,
    photo: t.photoSaved,
    retired: t.retired,
    withdrawn: t.withdrawnNotice,
    confirmed: t.confirmedNotice,
    declined: t.declinedNotice,
    'co-added': t.coAdded,
    'co-removed': t.coRemoved,
    picked: t.picked,
    released: t.released,
  }
  return done && (notices as readonly string[]).includes(done)
    ? map[done as (typeof notices)[number]]
    : undefined
}

async function renderSpeaker(
  c: C,
  token: string,
  extra: { notice?: string | undefined; alert?: boolean; states?: SpeakerStates } = {},
) {
  const view = await speakerView(c.var.db, token)
  return c.render(<SpeakerPage t={c.var.t} token={token} view={view} {...extra} />, {
    title: `${c.var.t.talks.yourTalkTitle} · ${view.talk.title}`,
  })
}

/** The sentence for a refused change (409) on the speaker's page, chosen by its reason. */
function refusalNotice(c: C, error: DomainError): string {
  const t = c.var.t.talks
  switch (error.reason) {
    case 'stale':
      return t.stale
    case 'talk_locked':
      return t.locked
    case 'visit_archived':
      return t.visitArchived
    default:
      return c.var.t.errors.byCode.conflict
  }
}

/** The sentence for a refused slot pick (409): why the slot cannot be taken, or the clash it would make. */
function pickNotice(c: C, error: DomainError): string {
  const t = c.var.t.talks.pick
  if (error instanceof ClashingPick) return error.clash[c.var.lang]
  switch (error.reason) {
    case 'visit_archived':
      return t.archived
    case 'self_scheduling_off':
      return t.noSelfScheduling
    case 'talk_not_confirmed':
      return t.not_confirmed
    case 'slot_already_held':
      return t.already_scheduled
    case 'slot_taken':
      return t.taken
    case 'slot_too_short':
      return t.too_short
    default:
      return refusalNotice(c, error)
  }
}

/**
 * A change through the link: on success back to the page with a notice; a refused input shows that form
 * again with its errors (422); a refusal (409) shows the page as it is now, with the reason.
 */
async function speakerChange(
  c: C,
  form: keyof SpeakerStates,
  change: (token: string) => Promise<string>,
  wording: (c: C, error: DomainError) => string = refusalNotice,
): Promise<Response> {
  return withToken(c, (token) =>
    saveOrShowAgain(
      c,
      async () => {
        const done = await change(token)
        deliverSoon(c.executionCtx, c.var.db, c.var.config)
        return c.redirect(`/t/${token}?done=${done}`, 303)
      },
      ({ errors = [], values = {} }) =>
        renderSpeaker(c, token, { states: { [form]: { errors: remapRows(errors, values), values } } }),
      (error) => renderSpeaker(c, token, { notice: wording(c, error), alert: true }),
    ),
  )
}

/** A form's own errors on the speaker's page, after the schema refused it. */
const rerenderSpeaker =
  (form: keyof SpeakerStates) => (c: C, errors: FieldError[], values: Record<string, unknown>) =>
    withToken(c, (token) =>
      renderSpeaker(c, token, { states: { [form]: { errors: remapRows(errors, values), values } } }),
    )

/** The speaker's page after a refused upload: the reason at the files (or the photo), with the status. */
async function uploadRefused(c: C, token: string, error: unknown, photo: boolean): Promise<Response | null> {
  if (!(error instanceof DomainError)) return null
  const t = c.var.t.talks
  const state = (message: string): SpeakerStates => ({ files: { errors: [{ field: 'file', message }] } })
  switch (error.code) {
    case 'unsupported_media_type':
      c.status(415)
      return photo
        ? renderSpeaker(c, token, { notice: t.notImage, alert: true })
        : renderSpeaker(c, token, { notice: t.notPdf, alert: true, states: state(t.notPdf) })
    case 'payload_too_large':
      c.status(413)
      return renderSpeaker(c, token, { notice: t.tooLarge, alert: true })
    case 'validation_failed': {
      c.status(422)
      const errors = serviceFieldErrors(c, error) ?? []
      return renderSpeaker(c, token, { states: { files: { errors } } })
    }
    case 'conflict':
      c.status(409)
      return renderSpeaker(c, token, { notice: refusalNotice(c, error), alert: true })
    default:
      return null
  }
}

/** Slides and handouts, and a speaker's portrait, through the private link. */
const MAX_TALK_FILE_BYTES = 20 * 1024 * 1024

/**
 * The speaker's side: the public form at /v/{slug}/talks/new (and asking for a lost link again), the private
 * pages at /t/{token} from the mail, and the public speaker pages of a released programme. No sign-in.
 */
export const talkPublicRoutes = new Hono<AppEnv>()
  .get('/v/:slug/talks/new', async (c) => {
    if (c.req.query('sent')) {
      const { visit } = await openCall(c)
      return c.render(<TalkSentPage t={c.var.t} visit={visit} />, { title: c.var.t.talks.sentTitle })
    }
    return renderForm(c)
  })
  .post(
    '/v/:slug/talks/new',
    rateLimit('talk-submit'),
    formBody(
      talkSubmissionSchema,
      (c, errors, values) => renderForm(c, { errors, values }),
      submissionFromForm,
    ),
    async (c) => {
      const slug = slugOf(c)
      const share = shareOf(c)
      return saveOrShowAgain(
        c,
        async () => {
          await submitTalk(c.var.db, c.var.config, slug, c.req.valid('form'), c.var.lang, new Date(), {
            shareToken: share.token,
          })
          deliverSoon(c.executionCtx, c.var.db, c.var.config)
          return c.redirect(`/v/${slug}/talks/new?sent=1${share.query ? `&${share.query}` : ''}`, 303)
        },
        (state) => renderForm(c, state),
      )
    },
  )
  .get('/v/:slug/talks/resend', (c) => renderResend(c, c.req.query('sent') === '1'))
  .post(
    '/v/:slug/talks/resend',
    rateLimit('talk-resend'),
    formBody(
      talkLinkResendSchema,
      (c, errors, values) => renderResend(c, false, { errors, values }),
      (form) => defined({ email: text(form, 'email') }),
    ),
    async (c) => {
      const slug = slugOf(c)
      const { email } = c.req.valid('form')
      await limitAddress(c, 'talk-link', email)
      await resendLinks(c.var.db, c.var.config, slug, email, c.var.lang, new Date(), shareOf(c).token)
      deliverSoon(c.executionCtx, c.var.db, c.var.config)
      const { query } = shareOf(c)
      return c.redirect(`/v/${slug}/talks/resend?sent=1${query ? `&${query}` : ''}`, 303)
    },
  )
  .get('/t/renew/:renewal', (c) => {
    privateHeaders(c)
    const renewal = c.req.param('renewal')
    if (!isSpeakerRenewal(renewal, new Date())) {
      c.status(404)
      return c.render(<SpeakerInvalidPage t={c.var.t} />, { title: c.var.t.talks.invalidTitle })
    }
    return c.render(<SpeakerRenewPage t={c.var.t} action={`/t/renew/${renewal}`} />, {
      title: c.var.t.talks.renewTitle,
    })
  })
  .post('/t/renew/:renewal', (c) =>
    withToken(c, async () => {
      const token = await renewSpeakerLink(c.var.db, c.var.config, c.req.param('renewal'), new Date())
      return c.redirect(`/t/${token}`, 303)
    }),
  )
  .get('/t/:token', (c) =>
    withToken(c, (token) => renderSpeaker(c, token, { notice: noticeFor(c, c.req.query('done')) })),
  )
  .post(
    '/t/:token',
    formBody(talkEditSchema, rerenderSpeaker('edit'), (form) =>
      defined({ ...talkFromForm(form), version: requiredNumber(form, 'version') }),
    ),
    (c) =>
      speakerChange(c, 'edit', async (token) => {
        await editTalkByToken(c.var.db, token, c.req.valid('form'), new Date())
        return 'saved'
      }),
  )
  .post(
    '/t/:token/profile',
    formBody(speakerProfileSchema, rerenderSpeaker('profile'), (form) =>
      defined({ ...profileFromForm(form), consent: ticked(form, 'consent') }),
    ),
    (c) =>
      speakerChange(c, 'profile', async (token) => {
        await updateProfileByToken(c.var.db, token, c.req.valid('form'), new Date())
        return 'saved'
      }),
  )
  .post(
    '/t/:token/availability',
    formBody(availabilitySchema, rerenderSpeaker('availability'), (form) => ({
      availability: rowsOf(form, 'availability', ['date', 'start', 'end'] as const),
    })),
    (c) =>
      speakerChange(c, 'availability', async (token) => {
        await updateAvailabilityByToken(c.var.db, token, c.req.valid('form'), new Date())
        return 'saved'
      }),
  )
  .post('/t/:token/withdraw', confirmFirst('withdrawTalk', { link: true }), (c) =>
    speakerChange(c, 'edit', async (token) => speakerActionByToken(c.var.db, token, 'withdraw', new Date())),
  )
  .post('/t/:token/confirm', (c) =>
    speakerChange(c, 'edit', async (token) => speakerActionByToken(c.var.db, token, 'confirm', new Date())),
  )
  .post('/t/:token/decline', (c) =>
    withToken(c, async (token) => {
      const view = await speakerView(c.var.db, token)
      if (view.role === 'co') {
        return saveOrShowAgain(
          c,
          async () => {
            await speakerActionByToken(c.var.db, token, 'decline', new Date())
            return c.render(<CoDeclinedPage t={c.var.t} />, { title: c.var.t.talks.coDeclinedTitle })
          },
          // Declining takes no input: nothing to show again.
          () => renderSpeaker(c, token),
          (error) => renderSpeaker(c, token, { notice: refusalNotice(c, error), alert: true }),
        )
      }
      return speakerChange(c, 'edit', async (t) => speakerActionByToken(c.var.db, t, 'decline', new Date()))
    }),
  )
  .post(
    '/t/:token/co-speakers',
    formBody(coSpeakerSchema, rerenderSpeaker('coSpeaker'), (form) =>
      defined({ name: text(form, 'name'), email: text(form, 'email') }),
    ),
    (c) =>
      speakerChange(c, 'coSpeaker', async (token) => {
        await addCoSpeakerByToken(c.var.db, c.var.config, token, c.req.valid('form'), new Date())
        return 'co-added'
      }),
  )
  .post('/t/:token/co-speakers/:speakerId/remove', confirmFirst('removeCoSpeaker', { link: true }), (c) =>
    speakerChange(c, 'coSpeaker', async (token) => {
      await removeCoSpeakerByToken(c.var.db, token, c.req.param('speakerId'), new Date())
      return 'co-removed'
    }),
  )
  // Slides and a portrait: the one path with a 20 MB body limit (see app.tsx). A form posts multipart; a
  // script may stream the raw PDF with its Content-Length and gets JSON back.
  .post('/t/:token/files', uploadLimit(MAX_TALK_FILE_BYTES), (c) =>
    withToken(c, async (token) => {
      const photo = c.req.query('kind') === 'photo'
      try {
        // Who may upload is known before a byte of the (up to 20 MB) body is read.
        await checkUploadLink(c.var.db, token)
        const got = await receiveUpload(c.req)
        if (!got) {
          throw new DomainError('validation_failed', undefined, {
            errors: [{ field: 'file', message: 'talks.noFile' }],
          })
        }
        if (photo) {
          await uploadPhotoByToken(c.var.db, c.env.PHOTOS, token, got.upload, new Date())
          return got.fromForm ? c.redirect(`/t/${token}?done=photo#photo`, 303) : c.body(null, 204)
        }
        const file = await uploadSlidesByToken(
          c.var.db,
          c.env.PHOTOS,
          token,
          got.upload,
          got.field('replaces') || null,
          new Date(),
        )
        return got.fromForm ? c.redirect(`/t/${token}?done=uploaded#files`, 303) : c.json(file, 201)
      } catch (error) {
        const isForm = (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')
        const page = isForm ? await uploadRefused(c, token, error, photo) : null
        if (page) return page
        throw error
      }
    }),
  )
  .get('/t/:token/files/:fileId', (c) =>
    withToken(c, async (token) => {
      const { file, object } = await fileByToken(c.var.db, c.env.PHOTOS, token, c.req.param('fileId'))
      // Named again on the way out, so files stored before the names were cleaned are safe too.
      return downloadResponse(c, object, downloadName(file.filename, 'pdf', 'slides'))
    }),
  )
  .post('/t/:token/files/:fileId/remove', confirmFirst('removeTalkFile', { link: true }), (c) =>
    speakerChange(c, 'files', async (token) => {
      await retireFileByToken(c.var.db, token, c.req.param('fileId'), new Date())
      return 'retired'
    }),
  )
  .get('/t/:token/photo', (c) =>
    withToken(c, async (token) =>
      imageResponse(c, await photoByToken(c.var.db, c.env.PHOTOS, token), 'private, no-store'),
    ),
  )
  .post(
    '/t/:token/slot',
    formBody(
      slotPickSchema,
      (c) => withToken(c, (token) => renderSpeaker(c, token)),
      (form) => defined({ slotId: text(form, 'slotId') }),
    ),
    (c) =>
      speakerChange(
        c,
        'edit',
        async (token) => {
          await pickSlotByToken(c.var.db, token, c.req.valid('form').slotId, new Date())
          return 'picked'
        },
        pickNotice,
      ),
  )
  .post('/t/:token/slot/release', confirmFirst('releaseSlot', { link: true }), (c) =>
    speakerChange(c, 'edit', async (token) => {
      await releaseSlotByToken(c.var.db, token, new Date())
      return 'released'
    }),
  )
  // Public speaker pages follow the released programme: unlisted visits need their share link (?k=…) here too.
  .get('/v/:slug/speakers', async (c) => {
    const published = await publicRelease(c, c.req.param('slug'))
    const snapshot = await published.snapshot()
    const speakers = await publicSpeakersOf(c.var.db, published.visitId, snapshot)
    // Consent can be taken back at any time: never kept by shared caches.
    c.header('cache-control', 'private, no-cache')
    return c.render(
      <PublicSpeakersPage
        t={c.var.t}
        visit={snapshot.visit}
        speakers={speakers}
        query={published.shareQuery ? `?${published.shareQuery}` : ''}
      />,
      { title: `${c.var.t.speakerPages.title} · ${snapshot.visit.title}` },
    )
  })
  .get('/v/:slug/speakers/:speakerId', async (c) => {
    const published = await publicRelease(c, c.req.param('slug'))
    const snapshot = await published.snapshot()
    const speaker = await publicSpeaker(c.var.db, published.visitId, snapshot, c.req.param('speakerId'))
    c.header('cache-control', 'private, no-cache')
    return c.render(
      <PublicSpeakerPage
        t={c.var.t}
        visit={snapshot.visit}
        speaker={speaker}
        query={published.shareQuery ? `?${published.shareQuery}` : ''}
      />,
      { title: `${speaker.name} · ${snapshot.visit.title}` },
    )
  })
  .get('/v/:slug/speakers/:speakerId/photo', async (c) => {
    const published = await publicRelease(c, c.req.param('slug'))
    const snapshot = await published.snapshot()
    const object = await publicSpeakerPhoto(
      c.var.db,
      c.env.PHOTOS,
      published.visitId,
      snapshot,
      c.req.param('speakerId'),
    )
    return imageResponse(c, object, 'public, max-age=300')
  })
