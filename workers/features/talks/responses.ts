import * as v from 'valibot'
import { clashKinds } from '../../../shared/domain/clashes'
import { itemKinds } from '../../../shared/domain/programme'
import { talkStates } from '../../../shared/domain/talks'
import { languages } from '../../../shared/i18n'
import * as ex from './response-examples'

const owedJson = v.object({ slides: v.boolean(), bioOf: v.array(v.string()) })

const stateValue = v.picklist(talkStates)

const questionJson = v.object({
  id: v.string(),
  kind: v.picklist(['text', 'choice']),
  label: v.string(),
  options: v.array(v.string()),
  required: v.boolean(),
})

const speakerJson = v.object({
  email: v.optional(v.string()),
  speakerId: v.string(),
  name: v.string(),
  role: v.picklist(['main', 'co']),
  confirmed: v.boolean(),
})

const talkJson = v.object({
  id: v.string(),
  title: v.string(),
  state: stateValue,
  durationMinutes: v.number(),
  language: v.string(),
  placed: v.boolean(),
  createdAt: v.string(),
  currentFiles: v.number(),
  reviews: v.number(),
  averageScore: v.nullable(v.number()),
  myScore: v.nullable(v.number()),
  speakers: v.array(speakerJson),
  owed: v.nullable(owedJson),
})

/** POST /public/visits/:slug/talks 202; POST /public/visits/:slug/talks/resend 202 */
export const visitTalksPostResponse = v.pipe(
  v.object({ status: v.string() }),
  v.metadata({ examples: [ex.visitTalksPostExample] }),
)

/** GET /visits/:visitId/call 200 */
export const visitCallResponse = v.pipe(
  v.object({
    exists: v.boolean(),
    visitId: v.string(),
    open: v.boolean(),
    deadline: v.nullable(v.string()),
    intro: v.string(),
    durations: v.array(v.number()),
    languages: v.array(v.picklist(languages)),
    questions: v.array(questionJson),
    selfScheduling: v.boolean(),
    version: v.number(),
  }),
  v.metadata({ examples: [ex.visitCallExample] }),
)

/** PUT /visits/:visitId/call 200 */
export const visitCallPutResponse = v.pipe(
  v.object({ version: v.number() }),
  v.metadata({ examples: [ex.visitCallPutExample] }),
)

/** GET /visits/:visitId/talks 200 */
export const visitTalksResponse = v.pipe(
  v.object({
    counts: v.object({
      submitted: v.number(),
      draft: v.number(),
      accepted: v.number(),
      confirmed: v.number(),
      waitlisted: v.number(),
      rejected: v.number(),
      withdrawn: v.number(),
      cancelled: v.number(),
    }),
    talks: v.array(talkJson),
    owing: v.array(talkJson),
  }),
  v.metadata({ examples: [ex.visitTalksExample] }),
)

/** POST /visits/:visitId/talks/bulk 200 */
export const visitTalksBulkPostResponse = v.pipe(
  v.object({ changed: v.array(v.string()), skipped: v.array(v.string()) }),
  v.metadata({ examples: [ex.visitTalksBulkPostExample] }),
)

/** GET /talks/:talkId 200 */
export const talkResponse = v.pipe(
  v.object({
    access: v.picklist(['organise', 'read']),
    call: v.nullable(
      v.object({
        visitId: v.string(),
        open: v.boolean(),
        deadline: v.nullable(v.string()),
        intro: v.string(),
        durations: v.array(v.number()),
        languages: v.array(v.picklist(languages)),
        questions: v.array(questionJson),
        selfScheduling: v.boolean(),
        version: v.number(),
      }),
    ),
    talk: v.object({
      answers: v.record(v.string(), v.string()),
      internalNotes: v.string(),
      id: v.string(),
      visitId: v.string(),
      title: v.string(),
      abstract: v.string(),
      durationMinutes: v.number(),
      language: v.string(),
      state: stateValue,
      itemId: v.nullable(v.string()),
      version: v.number(),
      createdAt: v.string(),
      updatedAt: v.nullable(v.string()),
    }),
    targets: v.array(stateValue),
    speakers: v.array(
      v.object({
        role: v.picklist(['main', 'co']),
        confirmed: v.boolean(),
        bio: v.string(),
        organisation: v.string(),
        consent: v.boolean(),
        needs: v.array(v.string()),
        availability: v.array(v.object({ date: v.string(), start: v.string(), end: v.string() })),
        email: v.optional(v.string()),
        speakerId: v.string(),
        name: v.string(),
      }),
    ),
    files: v.array(
      v.object({
        id: v.string(),
        filename: v.string(),
        sizeBytes: v.number(),
        current: v.boolean(),
        uploadedAt: v.string(),
      }),
    ),
    reviews: v.array(
      v.object({
        personId: v.string(),
        name: v.string(),
        score: v.number(),
        note: v.string(),
        updatedAt: v.string(),
        mine: v.boolean(),
      }),
    ),
    averageScore: v.nullable(v.number()),
    myReview: v.nullable(
      v.object({
        personId: v.string(),
        score: v.number(),
        note: v.string(),
        updatedAt: v.string(),
        name: v.string(),
        email: v.string(),
      }),
    ),
    item: v.nullable(
      v.object({
        id: v.string(),
        title: v.string(),
        start: v.string(),
        end: v.string(),
        cancelled: v.boolean(),
        venueName: v.nullable(v.string()),
      }),
    ),
    slot: v.nullable(
      v.object({ id: v.string(), start: v.string(), end: v.string(), venueName: v.nullable(v.string()) }),
    ),
    items: v.array(
      v.object({
        id: v.string(),
        title: v.string(),
        kind: v.picklist(itemKinds),
        start: v.string(),
        end: v.string(),
      }),
    ),
    venues: v.array(v.object({ id: v.string(), name: v.string() })),
    clashes: v.array(
      v.object({
        kind: v.picklist(clashKinds),
        itemIds: v.array(v.string()),
        talkIds: v.optional(v.array(v.string())),
        speakerIds: v.optional(v.array(v.string())),
        venueIds: v.optional(v.array(v.string())),
        groupIds: v.optional(v.array(v.string())),
        message: v.object({ nl: v.string(), en: v.string() }),
        details: v.record(v.string(), v.number()),
      }),
    ),
    owed: v.nullable(owedJson),
    history: v.array(
      v.object({
        summary: v.object({
          before: v.record(v.string(), v.unknown()),
          after: v.record(v.string(), v.unknown()),
        }),
        action: v.string(),
        createdAt: v.string(),
        actorName: v.nullable(v.string()),
        actorEmail: v.nullable(v.string()),
      }),
    ),
  }),
  v.metadata({ examples: [ex.talkExample] }),
)

/** GET /visits/:visitId/slots 200 */
export const visitSlotsResponse = v.pipe(
  v.object({
    slots: v.array(
      v.object({
        id: v.string(),
        start: v.string(),
        end: v.string(),
        venueName: v.nullable(v.string()),
        itemId: v.nullable(v.string()),
        talkId: v.nullable(v.string()),
        talkTitle: v.nullable(v.string()),
      }),
    ),
  }),
  v.metadata({ examples: [ex.visitSlotsExample] }),
)

/** POST /visits/:visitId/slots 201 */
export const visitSlotsPostResponse = v.pipe(
  v.object({
    id: v.string(),
    start: v.string(),
    end: v.string(),
    venueId: v.nullable(v.string()),
    itemId: v.nullable(v.string()),
    talkId: v.null(),
  }),
  v.metadata({ examples: [ex.visitSlotsPostExample] }),
)

/** GET /visits/:visitId/mail-templates 200 */
export const visitMailTemplatesResponse = v.pipe(
  v.object({
    templates: v.array(
      v.object({
        subject: v.string(),
        body: v.string(),
        kind: v.picklist(['talk_accepted', 'talk_rejected', 'talk_waitlisted', 'talk_cancelled']),
        lang: v.picklist(languages),
        custom: v.boolean(),
      }),
    ),
  }),
  v.metadata({ examples: [ex.visitMailTemplatesExample] }),
)

/** POST /visits/:visitId/mail-templates/:kind/:lang/preview 200 */
export const visitMailTemplatePreviewPostResponse = v.pipe(
  v.object({ subject: v.string(), text: v.string(), html: v.string() }),
  v.metadata({ examples: [ex.visitMailTemplatePreviewPostExample] }),
)
