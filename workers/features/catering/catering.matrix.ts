import {
  type ActorName,
  actors,
  PRIVATE,
  type Req,
  type Row,
  s,
  type World,
} from '../../../test/integration/world'
import { randomToken } from '../../platform/auth/tokens'
import { type Catering, cateringSetup } from './catering.fixtures.matrix'

/** Setup first, then the request, which may use what the setup made. */
const withCatering =
  (req: (w: World, made: Catering, actor: ActorName) => Req) =>
  async (w: World, actor: ActorName): Promise<Req> =>
    req(w, await cateringSetup(w), actor)

/** The volunteer's link (the matrix's link holder is the "speaker"); anyone else tries a made-up one. */
const link = (made: Catering, actor: ActorName) =>
  actor === 'speaker' ? made.tokens.volunteer : randomToken()

//                       anon outsider viewer organiser owner host caterer speaker
/** Pages the visit's readers open: the team its plan, a host or caterer their own part. */
const visitPage = s(303, 404, 200, 200, 200, 200, 200, 303)
/** The team's pages: hosts and caterers see the visit but not the team's plan (403). */
const teamPage = s(303, 404, 200, 200, 200, 403, 403, 303)
const teamWrite = s(401, 404, 403, 303, 303, 403, 403, 401)
const teamApi = s(401, 404, 200, 200, 200, 403, 403, 401)
const teamApiWrite = (ok: number) => s(401, 404, 403, ok, ok, 403, 403, 401)
/** A provider's own answer (the world's caterer is one): for anyone else the order is not theirs (404). */
const providerPost = (ok: number) => s(401, 404, 404, 404, 404, 404, ok, 401)
/** Behind the volunteer's private link: only its holder. */
const linkOnly = (code: number) => s(404, 404, 404, 404, 404, 404, 404, code)

/** Who may not see contact details, guests' names or other hosts' contact in a 2xx answer. */
const notTheOrganisers: ActorName[] = actors.filter((a) => a !== 'organiser' && a !== 'owner')
/** Contact and names are hidden from all but the organisers; a company member's diet is an anonymous note. */
const privateRow = {
  hidePrivateFrom: notTheOrganisers,
  allowPrivate: ['dietaryNeeds'] as (keyof typeof PRIVATE)[],
}

const order = {
  kind: 'coffee_tea',
  itemId: '',
  rule: 'per_person',
  amount: 1,
  unit: 'kopjes',
  unitCostCents: 150,
}
const orderForm = (itemId: string) => ({
  kind: 'coffee_tea',
  itemId,
  rule: 'per_person',
  amount: '1',
  unit: 'kopjes',
  unitCost: '1,50',
})

/** Matrix rows for catering: the team's pages and API, a provider's signed-in answers, the volunteer's link. */
export const cateringRows: Record<string, Row> = {
  // --- pages ---------------------------------------------------------------------------------------------
  'GET /visits/:visitId/catering': {
    request: withCatering((w) => ({ path: `/visits/${w.visitA}/catering` })),
    expect: visitPage,
    ...privateRow,
    showPrivateTo: ['organiser', 'owner'],
    privateMarker: PRIVATE.providerContact,
  },
  'GET /visits/:visitId/catering/orders/new': {
    request: withCatering((w) => ({ path: `/visits/${w.visitA}/catering/orders/new` })),
    // The form is for organisers; viewers may look at the catering but not plan it.
    expect: s(303, 404, 403, 200, 200, 403, 403, 303),
  },
  'POST /visits/:visitId/catering/orders': {
    request: withCatering((w, m) => ({
      path: `/visits/${w.visitA}/catering/orders`,
      form: orderForm(m.borrel),
    })),
    expect: teamWrite,
  },
  'POST /visits/:visitId/catering/providers': {
    request: withCatering((w) => ({
      path: `/visits/${w.visitA}/catering/providers`,
      form: { kind: 'resident', name: 'Marleen', lang: 'nl' },
    })),
    expect: teamWrite,
  },
  'POST /visits/:visitId/catering/team': {
    request: withCatering((w) => ({
      path: `/visits/${w.visitA}/catering/team`,
      form: { 'members.0.personId': w.person.owner.id, 'members.0.groupId': '' },
    })),
    expect: teamWrite,
  },
  'GET /visits/:visitId/catering/sheet': {
    request: withCatering((w) => ({ path: `/visits/${w.visitA}/catering/sheet` })),
    expect: visitPage,
    ...privateRow,
  },
  'GET /catering/orders/:orderId': {
    request: withCatering((_w, m) => ({ path: `/catering/orders/${m.lunchOrder}` })),
    expect: teamPage,
    ...privateRow,
  },
  'POST /catering/orders/:orderId': {
    request: withCatering((_w, m) => ({
      path: `/catering/orders/${m.lunchOrder}`,
      form: { ...orderForm(m.lunch), version: '1' },
    })),
    expect: teamWrite,
  },
  'POST /catering/orders/:orderId/status': {
    request: withCatering((_w, m) => ({
      path: `/catering/orders/${m.lunchOrder}/status`,
      form: { status: 'requested', version: '1' },
    })),
    expect: teamWrite,
  },
  'POST /catering/orders/:orderId/send': {
    request: withCatering((_w, m) => ({
      path: `/catering/orders/${m.lunchOrder}/send`,
      form: { version: '1' },
    })),
    expect: teamWrite,
  },
  'POST /catering/orders/:orderId/contributions': {
    request: withCatering((_w, m) => ({
      path: `/catering/orders/${m.snacksOrder}/contributions`,
      form: { description: 'appeltaart', quantity: '2', providerId: '' },
    })),
    expect: teamWrite,
  },
  'POST /catering/orders/:orderId/answer': {
    request: withCatering((_w, m) => ({
      path: `/catering/orders/${m.borrelOrder}/answer`,
      form: { answer: 'confirm', note: '', version: '1' },
    })),
    expect: providerPost(303),
  },
  'POST /catering/contributions/:contributionId': {
    request: withCatering((_w, m) => ({
      path: `/catering/contributions/${m.open}`,
      form: { providerId: m.volunteer, done: 'no', version: '1' },
    })),
    expect: teamWrite,
  },
  'POST /catering/contributions/:contributionId/remove': {
    request: withCatering((_w, m) => ({
      path: `/catering/contributions/${m.open}/remove`,
      form: { confirm: 'yes' },
    })),
    expect: teamWrite,
  },
  'POST /catering/contributions/:contributionId/action': {
    request: withCatering((_w, m) => ({
      path: `/catering/contributions/${m.catererPart}/action`,
      form: { action: 'done', version: '1' },
    })),
    expect: providerPost(303),
  },
  'GET /catering/providers/:providerId': {
    request: withCatering((_w, m) => ({ path: `/catering/providers/${m.volunteer}` })),
    expect: teamPage,
    ...privateRow,
  },
  'POST /catering/providers/:providerId': {
    request: withCatering((_w, m) => ({
      path: `/catering/providers/${m.volunteer}`,
      form: { name: 'Hilde de Boer', contactPhone: '071-1234567', lang: 'nl', version: '1' },
    })),
    expect: teamWrite,
  },
  'POST /catering/providers/:providerId/link': {
    request: withCatering((_w, m) => ({ path: `/catering/providers/${m.supplier}/link`, form: {} })),
    expect: teamWrite,
  },
  'POST /catering/providers/:providerId/remove': {
    request: withCatering((_w, m) => ({
      path: `/catering/providers/${m.volunteer}/remove`,
      form: { confirm: 'yes' },
    })),
    expect: teamWrite,
  },
  'GET /catering/providers/:providerId/sheet': {
    request: withCatering((_w, m) => ({ path: `/catering/providers/${m.supplier}/sheet` })),
    expect: teamPage,
    ...privateRow,
  },
  // --- the volunteer's private link -------------------------------------------------------------------------
  'GET /c/:token': {
    request: withCatering((_w, m, actor) => ({ path: `/c/${link(m, actor)}` })),
    expect: linkOnly(200),
    ...privateRow,
  },
  'POST /c/:token/orders/:orderId': {
    request: withCatering((_w, m, actor) => ({
      path: `/c/${link(m, actor)}/orders/${m.snacksOrder}`,
      form: { answer: 'confirm', note: 'Ik neem ook servetten mee', version: '1' },
    })),
    expect: linkOnly(303),
  },
  'POST /c/:token/contributions/:contributionId': {
    request: withCatering((_w, m, actor) => ({
      path: `/c/${link(m, actor)}/contributions/${m.open}`,
      form: { action: 'take', version: '1' },
    })),
    expect: linkOnly(303),
  },
  'GET /c/:token/sheet': {
    request: withCatering((_w, m, actor) => ({ path: `/c/${link(m, actor)}/sheet` })),
    expect: linkOnly(200),
    ...privateRow,
  },
  'GET /c/:token/orders.csv': {
    request: withCatering((_w, m, actor) => ({ path: `/c/${link(m, actor)}/orders.csv` })),
    expect: linkOnly(200),
    ...privateRow,
  },
  // --- API -------------------------------------------------------------------------------------------------
  'GET /api/visits/:visitId/catering': {
    request: withCatering((w) => ({ path: `/api/visits/${w.visitA}/catering` })),
    expect: s(401, 404, 200, 200, 200, 200, 200, 401),
    ...privateRow,
    showPrivateTo: ['organiser', 'owner'],
    privateMarker: PRIVATE.providerContact,
  },
  'POST /api/visits/:visitId/catering/orders': {
    request: withCatering((w, m) => ({
      path: `/api/visits/${w.visitA}/catering/orders`,
      json: { ...order, itemId: m.borrel },
    })),
    expect: teamApiWrite(201),
  },
  'GET /api/catering/orders/:orderId': {
    request: withCatering((_w, m) => ({ path: `/api/catering/orders/${m.borrelOrder}` })),
    // The caterer provides this order: they get it as a provider sees it; a host has no part in it.
    expect: s(401, 404, 200, 200, 200, 404, 200, 401),
    ...privateRow,
  },
  'PATCH /api/catering/orders/:orderId': {
    request: withCatering((_w, m) => ({
      path: `/api/catering/orders/${m.lunchOrder}`,
      json: { amount: 2, version: 1 },
    })),
    expect: teamApiWrite(200),
  },
  'POST /api/catering/orders/:orderId/status': {
    request: withCatering((_w, m) => ({
      path: `/api/catering/orders/${m.lunchOrder}/status`,
      json: { status: 'confirmed', version: 1 },
    })),
    expect: teamApiWrite(200),
  },
  'POST /api/catering/orders/:orderId/send': {
    request: withCatering((_w, m) => ({
      path: `/api/catering/orders/${m.lunchOrder}/send`,
      json: { version: 1 },
    })),
    expect: teamApiWrite(200),
  },
  'POST /api/catering/orders/:orderId/answer': {
    request: withCatering((_w, m) => ({
      path: `/api/catering/orders/${m.borrelOrder}/answer`,
      json: { answer: 'decline', note: 'Die dag ben ik weg', version: 1 },
    })),
    expect: providerPost(200),
  },
  'POST /api/catering/orders/:orderId/contributions': {
    request: withCatering((_w, m) => ({
      path: `/api/catering/orders/${m.snacksOrder}/contributions`,
      json: { description: 'appeltaart', quantity: 2 },
    })),
    expect: teamApiWrite(201),
  },
  'PATCH /api/catering/contributions/:contributionId': {
    request: withCatering((_w, m) => ({
      path: `/api/catering/contributions/${m.taken}`,
      json: { done: true, version: 1 },
    })),
    expect: teamApiWrite(200),
  },
  'DELETE /api/catering/contributions/:contributionId': {
    request: withCatering((_w, m) => ({ path: `/api/catering/contributions/${m.open}` })),
    expect: teamApiWrite(204),
  },
  'POST /api/catering/contributions/:contributionId/action': {
    request: withCatering((_w, m) => ({
      path: `/api/catering/contributions/${m.catererPart}/action`,
      json: { action: 'done', version: 1 },
    })),
    expect: providerPost(200),
  },
  'POST /api/visits/:visitId/catering/providers': {
    request: withCatering((w) => ({
      path: `/api/visits/${w.visitA}/catering/providers`,
      json: { kind: 'supplier', name: 'Lunchroom Het Hof', email: `hof-${w.teamA.slice(0, 8)}@example.nl` },
    })),
    expect: teamApiWrite(201),
  },
  'PATCH /api/catering/providers/:providerId': {
    request: withCatering((_w, m) => ({
      path: `/api/catering/providers/${m.supplier}`,
      json: { contactName: 'Els Bakker', version: 1 },
    })),
    expect: teamApiWrite(200),
  },
  'DELETE /api/catering/providers/:providerId': {
    request: withCatering((_w, m) => ({ path: `/api/catering/providers/${m.volunteer}` })),
    expect: teamApiWrite(204),
  },
  'POST /api/catering/providers/:providerId/link': {
    request: withCatering((_w, m) => ({ path: `/api/catering/providers/${m.volunteer}/link`, json: {} })),
    expect: teamApiWrite(200),
  },
  'PUT /api/visits/:visitId/catering/team': {
    request: withCatering((w) => ({
      path: `/api/visits/${w.visitA}/catering/team`,
      json: { members: [{ personId: w.person.viewer.id, groupId: w.groupA }] },
    })),
    expect: teamApiWrite(200),
  },
  'GET /api/visits/:visitId/catering/orders.csv': {
    request: withCatering((w) => ({ path: `/api/visits/${w.visitA}/catering/orders.csv` })),
    expect: s(401, 404, 200, 200, 200, 200, 200, 401),
    ...privateRow,
  },
  'GET /api/catering/providers/:providerId/orders.csv': {
    request: withCatering((_w, m) => ({ path: `/api/catering/providers/${m.supplier}/orders.csv` })),
    expect: teamApi,
    ...privateRow,
  },
}
