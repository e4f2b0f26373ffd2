import { env } from 'cloudflare:test'
import {
  calls,
  releases,
  speakers,
  talkFiles,
  talkSlots,
  talkSpeakers,
  talks,
} from '../../../shared/db/schema'
import type { ReleaseSnapshot } from '../../../shared/domain/release-snapshot'
import type { TalkState } from '../../../shared/domain/talks'
import { db, freshClient } from '../../../test/integration/helpers'
import { type ActorName, actors, type Req, type Row, s, type World } from '../../../test/integration/world'
import { renewalOf } from '../../platform/auth/signed-links'
import { hashToken, randomToken } from '../../platform/auth/tokens'
import { readConfig } from '../../platform/config'

/** A speaker's private value: they see it behind their own link, the organisers on the talk. */
const SPEAKER_EMAIL = 'private-speaker-talk@example.nl'

type Setup = {
  state?: TalkState
  coSpeaker?: boolean
  file?: boolean
  photo?: boolean
  slot?: 'free' | 'held'
  /** The talk confirmed, placed in the world's first item, and named in a new release. */
  released?: boolean
}

/**
 * An open call for the world's visit and a talk by one speaker, with the private token of their link (as the
 * speaker has it from their mail); optionally a co-speaker, a file, a portrait, a slot, a release naming them.
 */
export async function speakerSetup(w: World, setup: Setup = {}) {
  const id = () => crypto.randomUUID()
  const token = randomToken()
  const [talkId, speakerId, coId, fileId, slotId] = [id(), id(), id(), id(), id()]
  const state = setup.released ? 'confirmed' : (setup.state ?? 'submitted')
  const photoKey = setup.photo ? `speakers/${speakerId}/${id()}` : null
  const rows: Parameters<typeof db.batch>[0][number][] = [
    db.insert(calls).values({
      visitId: w.visitA,
      open: true,
      durations: '[5,10]',
      languages: '["nl"]',
      selfScheduling: true,
    }),
    db.insert(speakers).values({
      id: speakerId,
      visitId: w.visitA,
      name: 'Spreker van de matrix',
      email: SPEAKER_EMAIL,
      bio: 'Woont om de hoek.',
      consent: true,
      photoKey,
    }),
    db.insert(talks).values({
      id: talkId,
      visitId: w.visitA,
      title: 'Praatje van de matrix',
      abstract: 'Over de buurt.',
      durationMinutes: 10,
      state,
      itemId: setup.released || setup.slot === 'held' ? w.itemA1 : null,
    }),
    db.insert(talkSpeakers).values({
      talkId,
      speakerId,
      role: 'main',
      tokenHash: await hashToken(token),
      confirmedAt: state === 'confirmed' ? new Date() : null,
    }),
  ]
  if (setup.coSpeaker) {
    rows.push(
      db
        .insert(speakers)
        .values({ id: coId, visitId: w.visitA, name: 'Medespreker', email: `co-${w.teamA}@example.nl` }),
      db
        .insert(talkSpeakers)
        .values({ talkId, speakerId: coId, role: 'co', tokenHash: await hashToken(randomToken()) }),
    )
  }
  if (setup.file) {
    const key = `talks/${talkId}/${fileId}.pdf`
    await env.PHOTOS.put(key, '%PDF-1.7\n', { httpMetadata: { contentType: 'application/pdf' } })
    rows.push(
      db.insert(talkFiles).values({
        id: fileId,
        talkId,
        speakerId,
        r2Key: key,
        filename: 'dia.pdf',
        sizeBytes: 9,
        uploadedAt: new Date(),
      }),
    )
  }
  if (photoKey)
    await env.PHOTOS.put(photoKey, new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), {
      httpMetadata: { contentType: 'image/jpeg' },
    })
  if (setup.slot) {
    rows.push(
      db.insert(talkSlots).values({
        id: slotId,
        visitId: w.visitA,
        startsAt: new Date('2027-06-12T14:00:00Z'),
        endsAt: new Date('2027-06-12T14:15:00Z'),
        itemId: w.itemA1,
        talkId: setup.slot === 'held' ? talkId : null,
      }),
    )
  }
  if (setup.released) {
    const snapshot: ReleaseSnapshot = {
      visit: {
        id: w.visitA,
        slug: w.slugA,
        title: 'Bezoek',
        kind: 'college_visit',
        description: '',
        meetingPoint: '',
        timeZone: 'Europe/Amsterdam',
        startDate: '2027-06-12',
        endDate: '2027-06-12',
        walkingSpeedKmh: 4.5,
      },
      venues: [],
      groups: [],
      items: [
        {
          id: w.itemA1,
          title: 'Welkom',
          kind: 'welcome',
          start: Date.parse('2027-06-12T13:00:00Z'),
          end: Date.parse('2027-06-12T13:15:00Z'),
          venueId: null,
          venueName: null,
          groupIds: [],
          cancelled: false,
          description: '',
          legMode: 'walk',
          departurePlace: null,
          arrivalPlace: null,
          sequence: 0,
          speakers: [{ id: speakerId, name: 'Spreker van de matrix' }],
        },
      ],
    }
    rows.push(
      db.insert(releases).values({
        visitId: w.visitA,
        number: 2,
        name: 'Versie 2',
        snapshot: JSON.stringify(snapshot),
        changes: '[]',
        publishedAt: new Date(),
      }),
    )
  }
  await db.batch(rows as [(typeof rows)[number], ...(typeof rows)[number][]])
  return { token, talkId, speakerId, coId, fileId, slotId }
}

/** The speaker uses their own link; anyone else has none, and tries a made-up one. */
const linkOf = (actor: ActorName, token: string) => (actor === 'speaker' ? token : randomToken())

/** A route behind the private link: only the holder of the link gets in. */
const viaLink =
  (
    setup: Setup,
    path: (s: Awaited<ReturnType<typeof speakerSetup>>, token: string) => string,
    form?: Record<string, string>,
  ) =>
  async (w: World, actor: ActorName) => {
    const made = await speakerSetup(w, setup)
    return { path: path(made, linkOf(actor, made.token)), ...(form ? { form } : {}) }
  }

/** Setup first, then the request, which may use what the setup made. */
const withSetup =
  (setup: Setup, req: (w: World, made: Awaited<ReturnType<typeof speakerSetup>>, actor: ActorName) => Req) =>
  async (w: World, actor: ActorName) =>
    req(w, await speakerSetup(w, setup), actor)

/** A renewal of the speaker's link as mailed when they asked for it again (valid for an hour). */
async function speakerRenewal(w: World) {
  const made = await speakerSetup(w, {})
  const secret = readConfig(env as unknown as Cloudflare.Env).appSecret
  const ids = [made.talkId, made.speakerId]
  return `/t/renew/${await renewalOf(secret, 'talk-renew', ids, await hashToken(made.token), Date.now() + 3600_000)}`
}

const everyone = (code: number) => s(code, code, code, code, code, code, code, code)
/** The private link: the speaker in, everyone else (with a made-up link) 404. */
const linkOnly = (code: number) => s(404, 404, 404, 404, 404, 404, 404, code)

//                   anon outsider viewer organiser owner host caterer speaker
/** The team reads talks; hosts and caterers may see the visit but not its talks (403). */
const teamRead = s(303, 404, 200, 200, 200, 403, 403, 303)
const teamWrite = s(401, 404, 403, 303, 303, 403, 403, 401)
const apiRead = s(401, 404, 200, 200, 200, 403, 403, 401)
const apiWrite = (ok: number) => s(401, 404, 403, ok, ok, 403, 403, 401)

const submissionForm = (w: World, actor: ActorName) => ({
  name: 'Spreker',
  email: `spreker-${actor}-${w.teamA}@example.nl`,
  title: 'Praatje',
  abstract: 'Over de buurt.',
  durationMinutes: '10',
  language: 'nl',
  consent: 'yes',
})

/** Matrix rows for talks: the call and submission, the private link, the team's pages and API, speaker pages. */
export const talkRows: Record<string, Row> = {
  // --- public ------------------------------------------------------------------------------------------------
  'GET /v/:slug/talks/new': {
    request: withSetup({}, (w) => ({ path: `/v/${w.slugA}/talks/new` })),
    expect: everyone(200),
    hidePrivateFrom: [...actors],
  },
  'POST /v/:slug/talks/new': {
    request: withSetup({}, (w, _s, actor) => ({
      path: `/v/${w.slugA}/talks/new`,
      form: submissionForm(w, actor),
      headers: { 'cf-connecting-ip': freshClient() },
    })),
    expect: everyone(303),
  },
  'GET /v/:slug/talks/resend': {
    request: withSetup({}, (w) => ({ path: `/v/${w.slugA}/talks/resend` })),
    expect: everyone(200),
  },
  'POST /v/:slug/talks/resend': {
    request: withSetup({}, (w) => ({
      path: `/v/${w.slugA}/talks/resend`,
      // Re-sends are limited per address too: one address per world.
      form: { email: `resend-${w.teamA}@example.nl` },
      headers: { 'cf-connecting-ip': freshClient() },
    })),
    expect: everyone(303),
  },
  'POST /api/public/visits/:slug/talks': {
    request: withSetup({}, (w, _s, actor) => {
      const f = submissionForm(w, actor)
      return {
        path: `/api/public/visits/${w.slugA}/talks`,
        json: { ...f, durationMinutes: 10, consent: true },
        headers: { 'cf-connecting-ip': freshClient() },
      }
    }),
    expect: everyone(202),
    hidePrivateFrom: [...actors],
  },
  'POST /api/public/visits/:slug/talks/resend': {
    request: withSetup({}, (w) => ({
      path: `/api/public/visits/${w.slugA}/talks/resend`,
      json: { email: `resend-${w.teamA}@example.nl` },
      headers: { 'cf-connecting-ip': freshClient() },
    })),
    expect: everyone(202),
  },
  'GET /v/:slug/speakers': {
    request: withSetup({ released: true }, (w) => ({ path: `/v/${w.slugA}/speakers` })),
    expect: everyone(200),
    hidePrivateFrom: [...actors],
  },
  'GET /v/:slug/speakers/:speakerId': {
    request: withSetup({ released: true }, (w, made) => ({
      path: `/v/${w.slugA}/speakers/${made.speakerId}`,
    })),
    expect: everyone(200),
    hidePrivateFrom: [...actors],
  },
  'GET /v/:slug/speakers/:speakerId/photo': {
    request: withSetup({ released: true, photo: true }, (w, made) => ({
      path: `/v/${w.slugA}/speakers/${made.speakerId}/photo`,
    })),
    expect: everyone(200),
  },

  // --- the private link: whoever holds it is the speaker of that one talk --------------------------------------
  // Whoever holds the mailed renewal (the speaker's mailbox) may renew, signed in or not.
  'GET /t/renew/:renewal': {
    request: async (w) => ({ path: await speakerRenewal(w) }),
    expect: everyone(200),
  },
  'POST /t/renew/:renewal': {
    request: async (w) => ({ path: await speakerRenewal(w), form: {} }),
    expect: everyone(303),
  },
  'GET /t/:token': {
    request: viaLink({}, (_s, t) => `/t/${t}`),
    expect: linkOnly(200),
    showPrivateTo: ['speaker'],
    privateMarker: SPEAKER_EMAIL,
  },
  'POST /t/:token': {
    request: viaLink({}, (_s, t) => `/t/${t}`, {
      version: '1',
      title: 'Nieuwe titel',
      abstract: 'Anders',
      durationMinutes: '5',
      language: 'nl',
    }),
    expect: linkOnly(303),
  },
  'POST /t/:token/profile': {
    request: viaLink({}, (_s, t) => `/t/${t}/profile`, { name: 'Spreker', consent: 'yes' }),
    expect: linkOnly(303),
  },
  'POST /t/:token/availability': {
    request: viaLink({}, (_s, t) => `/t/${t}/availability`, {
      'availability.0.date': '2027-06-12',
      'availability.0.start': '14:00',
      'availability.0.end': '16:00',
    }),
    expect: linkOnly(303),
  },
  'POST /t/:token/withdraw': {
    request: viaLink({}, (_s, t) => `/t/${t}/withdraw`, { confirm: 'yes' }),
    expect: linkOnly(303),
  },
  'POST /t/:token/confirm': {
    request: viaLink({ state: 'accepted' }, (_s, t) => `/t/${t}/confirm`, {}),
    expect: linkOnly(303),
  },
  'POST /t/:token/decline': {
    request: viaLink({ state: 'accepted' }, (_s, t) => `/t/${t}/decline`, {}),
    expect: linkOnly(303),
  },
  'POST /t/:token/co-speakers': {
    request: viaLink({}, (_s, t) => `/t/${t}/co-speakers`, { name: 'Cor', email: 'cor-matrix@example.nl' }),
    expect: linkOnly(303),
  },
  'POST /t/:token/co-speakers/:speakerId/remove': {
    request: viaLink({ coSpeaker: true }, (made, t) => `/t/${t}/co-speakers/${made.coId}/remove`, {
      confirm: 'yes',
    }),
    expect: linkOnly(303),
  },
  // The matrix sends forms, not files: the speaker's link is let in and told no file came (422).
  'POST /t/:token/files': { request: viaLink({}, (_s, t) => `/t/${t}/files`, {}), expect: linkOnly(422) },
  'GET /t/:token/files/:fileId': {
    request: viaLink({ file: true }, (made, t) => `/t/${t}/files/${made.fileId}`),
    expect: linkOnly(200),
  },
  'POST /t/:token/files/:fileId/remove': {
    request: viaLink({ file: true }, (made, t) => `/t/${t}/files/${made.fileId}/remove`, { confirm: 'yes' }),
    expect: linkOnly(303),
  },
  'GET /t/:token/photo': {
    request: viaLink({ photo: true }, (_s, t) => `/t/${t}/photo`),
    expect: linkOnly(200),
  },
  'POST /t/:token/slot': {
    request: async (w, actor) => {
      const made = await speakerSetup(w, { state: 'confirmed', slot: 'free' })
      return { path: `/t/${linkOf(actor, made.token)}/slot`, form: { slotId: made.slotId } }
    },
    expect: linkOnly(303),
  },
  'POST /t/:token/slot/release': {
    request: viaLink({ state: 'confirmed', slot: 'held' }, (_s, t) => `/t/${t}/slot/release`, {
      confirm: 'yes',
    }),
    expect: linkOnly(303),
  },

  // --- the team's pages --------------------------------------------------------------------------------------
  'GET /visits/:visitId/call': {
    request: withSetup({}, (w) => ({ path: `/visits/${w.visitA}/call` })),
    expect: teamRead,
    hidePrivateFrom: [...actors],
  },
  'POST /visits/:visitId/call': {
    request: withSetup({}, (w) => ({
      path: `/visits/${w.visitA}/call`,
      form: { version: '1', open: 'yes', durations: '5, 10', languages: 'nl' },
    })),
    expect: teamWrite,
  },
  'GET /visits/:visitId/talks': {
    request: withSetup({}, (w) => ({ path: `/visits/${w.visitA}/talks` })),
    expect: teamRead,
    hidePrivateFrom: [...actors],
  },
  'POST /visits/:visitId/talks/bulk': {
    request: withSetup({}, (w, made) => ({
      path: `/visits/${w.visitA}/talks/bulk`,
      form: { talkIds: made.talkId, state: 'accepted', notify: 'no', confirm: 'yes' },
    })),
    expect: teamWrite,
  },
  'GET /talks/:talkId': {
    request: withSetup({}, (_w, made) => ({ path: `/talks/${made.talkId}` })),
    expect: teamRead,
    hidePrivateFrom: [...actors],
    showPrivateTo: ['organiser', 'owner'],
    privateMarker: SPEAKER_EMAIL,
  },
  'POST /talks/:talkId/state': {
    request: withSetup({}, (_w, made) => ({
      path: `/talks/${made.talkId}/state`,
      form: { state: 'accepted', notify: 'no' },
    })),
    expect: teamWrite,
  },
  'POST /talks/:talkId/review': {
    request: withSetup({}, (_w, made) => ({ path: `/talks/${made.talkId}/review`, form: { score: '4' } })),
    expect: teamWrite,
  },
  'POST /talks/:talkId/notes': {
    request: withSetup({}, (_w, made) => ({
      path: `/talks/${made.talkId}/notes`,
      form: { internalNotes: 'Bellen' },
    })),
    expect: teamWrite,
  },
  'POST /talks/:talkId/place': {
    request: withSetup({ state: 'accepted' }, (w, made) => ({
      path: `/talks/${made.talkId}/place`,
      form: { itemId: w.itemA1 },
    })),
    expect: teamWrite,
  },
  'POST /talks/:talkId/place-new': {
    request: withSetup({ state: 'accepted' }, (_w, made) => ({
      path: `/talks/${made.talkId}/place-new`,
      form: { date: '2027-06-12', start: '16:30', venueId: '' },
    })),
    expect: teamWrite,
  },
  'GET /talks/:talkId/files/:fileId': {
    request: withSetup({ file: true }, (_w, made) => ({
      path: `/talks/${made.talkId}/files/${made.fileId}`,
    })),
    expect: teamRead,
  },
  'GET /visits/:visitId/slots': {
    request: withSetup({ slot: 'free' }, (w) => ({ path: `/visits/${w.visitA}/slots` })),
    expect: teamRead,
    hidePrivateFrom: [...actors],
  },
  'POST /visits/:visitId/slots': {
    request: withSetup({}, (w) => ({
      path: `/visits/${w.visitA}/slots`,
      form: { date: '2027-06-12', start: '16:00', end: '16:15' },
    })),
    expect: teamWrite,
  },
  'POST /slots/:slotId/delete': {
    request: withSetup({ slot: 'free' }, (_w, made) => ({
      path: `/slots/${made.slotId}/delete`,
      form: { confirm: 'yes' },
    })),
    expect: teamWrite,
  },
  'GET /visits/:visitId/mail-templates': {
    request: withSetup({}, (w) => ({ path: `/visits/${w.visitA}/mail-templates` })),
    expect: teamRead,
  },
  'POST /visits/:visitId/mail-templates': {
    request: withSetup({}, (w) => ({
      path: `/visits/${w.visitA}/mail-templates`,
      form: {
        kind: 'talk_accepted',
        lang: 'nl',
        intent: 'save',
        subject: 'Ja: {talk}',
        body: 'Welkom, {name}.',
      },
    })),
    expect: teamWrite,
  },

  // --- the team's API ----------------------------------------------------------------------------------------
  'GET /api/visits/:visitId/call': {
    request: withSetup({}, (w) => ({ path: `/api/visits/${w.visitA}/call` })),
    expect: apiRead,
  },
  'PUT /api/visits/:visitId/call': {
    request: withSetup({}, (w) => ({
      path: `/api/visits/${w.visitA}/call`,
      json: { open: false, durations: [5], languages: ['nl'], version: 1 },
    })),
    expect: apiWrite(200),
  },
  'GET /api/visits/:visitId/talks': {
    request: withSetup({}, (w) => ({ path: `/api/visits/${w.visitA}/talks` })),
    expect: apiRead,
    showPrivateTo: ['organiser', 'owner'],
    privateMarker: SPEAKER_EMAIL,
  },
  'POST /api/visits/:visitId/talks/bulk': {
    request: withSetup({}, (w, made) => ({
      path: `/api/visits/${w.visitA}/talks/bulk`,
      json: { talkIds: [made.talkId], state: 'waitlisted', notify: false },
    })),
    expect: apiWrite(200),
  },
  'GET /api/talks/:talkId': {
    request: withSetup({}, (_w, made) => ({ path: `/api/talks/${made.talkId}` })),
    expect: apiRead,
    hidePrivateFrom: [...actors],
  },
  'POST /api/talks/:talkId/state': {
    request: withSetup({}, (_w, made) => ({
      path: `/api/talks/${made.talkId}/state`,
      json: { state: 'rejected', notify: false },
    })),
    expect: apiWrite(204),
  },
  'PUT /api/talks/:talkId/review': {
    request: withSetup({}, (_w, made) => ({ path: `/api/talks/${made.talkId}/review`, json: { score: 5 } })),
    expect: apiWrite(204),
  },
  'PUT /api/talks/:talkId/notes': {
    request: withSetup({}, (_w, made) => ({
      path: `/api/talks/${made.talkId}/notes`,
      json: { internalNotes: 'x' },
    })),
    expect: apiWrite(204),
  },
  'PUT /api/talks/:talkId/placement': {
    request: withSetup({ state: 'accepted' }, (w, made) => ({
      path: `/api/talks/${made.talkId}/placement`,
      json: { itemId: w.itemA1 },
    })),
    expect: apiWrite(204),
  },
  'GET /api/visits/:visitId/slots': {
    request: withSetup({ slot: 'free' }, (w) => ({ path: `/api/visits/${w.visitA}/slots` })),
    expect: apiRead,
  },
  'POST /api/visits/:visitId/slots': {
    request: withSetup({}, (w) => ({
      path: `/api/visits/${w.visitA}/slots`,
      json: { date: '2027-06-12', start: '16:00', end: '16:15' },
    })),
    expect: apiWrite(201),
  },
  'DELETE /api/slots/:slotId': {
    request: withSetup({ slot: 'free' }, (_w, made) => ({ path: `/api/slots/${made.slotId}` })),
    expect: apiWrite(204),
  },
  'GET /api/visits/:visitId/mail-templates': {
    request: withSetup({}, (w) => ({ path: `/api/visits/${w.visitA}/mail-templates` })),
    expect: apiRead,
  },
  'PUT /api/visits/:visitId/mail-templates/:kind/:lang': {
    request: withSetup({}, (w) => ({
      path: `/api/visits/${w.visitA}/mail-templates/talk_rejected/en`,
      json: { subject: 'About {talk}', body: 'Not this time.' },
    })),
    expect: apiWrite(204),
  },
  'DELETE /api/visits/:visitId/mail-templates/:kind/:lang': {
    request: withSetup({}, (w) => ({ path: `/api/visits/${w.visitA}/mail-templates/talk_rejected/en` })),
    expect: apiWrite(204),
  },
  // Reading a preview changes nothing: viewers may look too.
  'POST /api/visits/:visitId/mail-templates/:kind/:lang/preview': {
    request: withSetup({}, (w) => ({
      path: `/api/visits/${w.visitA}/mail-templates/talk_accepted/nl/preview`,
      json: { subject: 'Ja: {talk}', body: 'Welkom.' },
    })),
    expect: apiRead,
  },
}
