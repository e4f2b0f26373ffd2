// Generates the benchmark's visit as plain SQL for `wrangler d1 execute --file`: well beyond a neighbourhood
// visit (three days, 300 items, 40 venues, 4 groups, 60 speakers, 1,000 registrations), shaped like a real
// one so the clash check and the exports do their usual work. A seeded generator keeps every run's data alike.
import { createHash, randomBytes } from 'node:crypto'

/**
 * The visit at the benchmark's three sizes (programme items: days × (4 + 24 × groups)). 300 is the visit of
 * issue 7; 30 is one group's day, 3,000 the size of the largest conferences that pretalx and frab serve.
 */
export const SIZES = {
  30: { days: 1, items: 28, venues: 11, groups: 1, speakers: 15, rsvps: 100, photos: 20 },
  300: { days: 3, items: 300, venues: 40, groups: 4, speakers: 60, rsvps: 1000, photos: 200 },
  3000: { days: 5, items: 3020, venues: 251, groups: 25, speakers: 375, rsvps: 1000, photos: 200 },
}
const ZONE = 'Europe/Amsterdam'
const DIETARY = ['vegetarian', 'vegan', 'halal', 'kosher', 'gluten_free', 'lactose_free', 'nut_allergy']
const STREETS = ['Breestraat', 'Haarlemmerstraat', 'Rapenburg', 'Oude Rijn', 'Nieuwe Rijn', 'Hooigracht']
const GROUP_NAMES = ['Groep Noord', 'Groep Oost', 'Groep Zuid', 'Groep West']
const TRACK_KINDS = ['talk', 'talk', 'tour', 'walk', 'discussion', 'talk', 'break', 'tour']

/** mulberry32: small, fast, and the same numbers for the same seed. */
function seeded(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A UUID-shaped id from the seeded generator, so ids are stable between runs. */
function idMaker(random) {
  const hex = () => Math.floor(random() * 16).toString(16)
  const part = (n) => Array.from({ length: n }, hex).join('')
  return () => `${part(8)}-${part(4)}-4${part(3)}-a${part(3)}-${part(12)}`
}

/** UTC milliseconds of a wall-clock time in the visit's zone (two passes settle a DST change). */
function zoned(date, minutes) {
  const [y, m, d] = date.split('-').map(Number)
  const wall = Date.UTC(y, m - 1, d, 0, minutes)
  const offsetAt = (ms) => {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' })
      .formatToParts(ms)
      .find((p) => p.type === 'timeZoneName').value
    const match = /GMT([+-])(\d\d):(\d\d)/.exec(name)
    return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0
  }
  const first = wall - offsetAt(wall)
  return wall - offsetAt(first)
}

const addDays = (date, n) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

const sqlValue = (v) => {
  if (v === null || v === undefined) return 'NULL'
  if (typeof v === 'number') return String(v)
  if (typeof v === 'boolean') return v ? '1' : '0'
  return `'${String(v).replaceAll("'", "''")}'`
}

/** Multi-row INSERTs of at most 100 rows, so no single statement grows past what D1 takes. */
function inserts(table, rows) {
  if (rows.length === 0) return []
  const columns = Object.keys(rows[0])
  const out = []
  for (let i = 0; i < rows.length; i += 100) {
    const values = rows
      .slice(i, i + 100)
      .map((r) => `(${columns.map((c) => sqlValue(r[c])).join(', ')})`)
      .join(',\n  ')
    out.push(`INSERT INTO ${table} (${columns.join(', ')}) VALUES\n  ${values};`)
  }
  return out
}

/**
 * The whole visit as SQL (the registrations apart), with the ids the benchmark needs. `now` sets the dates (the visit starts in six
 * weeks) and the organiser's session (fresh, so it is not touched during the run).
 */
export function generateVisit(now = Date.now(), SIZE = SIZES[300]) {
  const random = seeded(20260420)
  const newId = idMaker(random)
  const pick = (list) => list[Math.floor(random() * list.length)]
  const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1))

  const teamId = newId()
  const personId = newId()
  const visitId = newId()
  const slug = 'bench-rondgang-leiden'
  const sessionId = randomBytes(32).toString('base64url')
  const startDate = addDays(new Date(now).toISOString().slice(0, 10), 42)
  const days = Array.from({ length: SIZE.days }, (_, i) => addDays(startDate, i))

  const team = { id: teamId, name: 'Bewonersplatform Leiden (benchmark)' }
  const person = {
    id: personId,
    email: 'organiser@bench.rondgang.localhost',
    name: 'Olga Organisator',
    locale: 'nl',
  }
  const membership = { team_id: teamId, person_id: personId, role: 'organiser' }
  const session = {
    id_hash: createHash('sha256').update(sessionId).digest('hex'),
    person_id: personId,
    last_seen_at: now,
    expires_at: now + 29 * 86_400_000,
    user_agent: 'bench',
  }
  const visit = {
    id: visitId,
    team_id: teamId,
    slug,
    kind: 'college_visit',
    title: 'Driedaags wijkbezoek Leiden (benchmark)',
    description: 'Drie dagen langs tuinen, buurthuizen en straten in heel Leiden, in vier groepen.',
    start_date: days[0],
    end_date: days.at(-1),
    time_zone: ZONE,
    meeting_point: 'Pieterskerk, Pieterskerkhof 1a, Leiden',
    expected_guests: 40,
    walking_speed_kmh: 4.5,
    status: 'draft',
    listed: 1,
    rsvp_capacity: 10_000,
  }

  // Venue 0 is the large central hall where everyone meets; each group walks its own cluster of nine or ten
  // venues a few hundred metres apart, so the walks between items mostly fit in the gaps.
  const centre = { lat: 52.1583, lng: 4.4931 }
  const clusterCentres = [
    { lat: 52.162, lng: 4.4915 },
    { lat: 52.159, lng: 4.499 },
    { lat: 52.1545, lng: 4.494 },
    { lat: 52.158, lng: 4.487 },
  ]
  const venues = Array.from({ length: SIZE.venues }, (_, i) => {
    const cluster = i === 0 ? null : (i - 1) % SIZE.groups
    const at = cluster === null ? centre : clusterCentres[cluster % clusterCentres.length]
    const kind =
      i === 0 ? 'community_centre' : pick(['garden', 'garden', 'community_centre', 'street', 'other'])
    return {
      id: newId(),
      team_id: teamId,
      name: i === 0 ? 'Pieterskerk' : `${kind === 'garden' ? 'Tuin' : 'Plek'} ${i} aan de ${pick(STREETS)}`,
      kind,
      address: `${pick(STREETS)} ${between(1, 200)}, Leiden`,
      lat: Number((at.lat + (random() - 0.5) * 0.0024).toFixed(5)),
      lng: Number((at.lng + (random() - 0.5) * 0.0036).toFixed(5)),
      // The church's capacity is not recorded, so guests are limited by the visit's own limit.
      capacity: i === 0 ? null : between(25, 80),
      step_free: random() < 0.7 ? 1 : 0,
      toilet: random() < 0.5 ? 1 : 0,
      shelter: random() < 0.6 ? 1 : 0,
      notes: 'Ingang aan de straatkant.',
      host_name: `Gastheer ${i}`,
      host_contact: `06 ${between(10_000_000, 99_999_999)}`,
    }
  })
  const visitStart = zoned(days[0], 8 * 60)
  const visitEnd = zoned(days.at(-1), 23 * 60)
  const visitVenues = venues.map((v, i) => ({
    visit_id: visitId,
    venue_id: v.id,
    // Half the venues have a known opening window (the whole visit); the rest have none.
    opens_at: i % 2 === 0 ? visitStart : null,
    closes_at: i % 2 === 0 ? visitEnd : null,
    rain_venue_id: i > 0 && i % 5 === 0 ? venues[0].id : null,
  }))
  const groupNames = Array.from({ length: SIZE.groups }, (_, i) => GROUP_NAMES[i] ?? `Groep ${i + 1}`)
  const groups = groupNames.map((name, position) => ({ id: newId(), visit_id: visitId, name, position }))
  const participants = Array.from({ length: 40 }, (_, i) => ({
    id: newId(),
    visit_id: visitId,
    name: `Deelnemer ${i + 1}`,
    function: pick(['alderman', 'civil_servant', 'council_member', 'committee_member', 'other']),
    organisation: 'Gemeente Leiden',
    group_id: groups[i % SIZE.groups].id,
    dietary_needs: random() < 0.2 ? pick(DIETARY) : '',
    contact: `deelnemer${i + 1}@bench.rondgang.localhost`,
  }))

  // Each day: four moments for everyone in the Pieterskerk, and between them every group follows its own
  // track of items with gaps of 5–8 minutes (a few of 1): 4 + 4 × 24 = 100 items a day.
  const shared = [
    { kind: 'welcome', title: 'Ontvangst en opening', from: 9 * 60, to: 9 * 60 + 30 },
    { kind: 'catering', title: 'Lunch', from: 12 * 60 + 30, to: 13 * 60 + 30 },
    { kind: 'catering', title: 'Diner', from: 18 * 60, to: 19 * 60 },
    { kind: 'discussion', title: 'Terugblik van de dag', from: 21 * 60 + 30, to: 22 * 60 },
  ]
  const blocks = [
    { from: 9 * 60 + 45, to: 12 * 60 + 20, count: 7 },
    { from: 13 * 60 + 45, to: 17 * 60 + 50, count: 11 },
    { from: 19 * 60 + 15, to: 21 * 60 + 20, count: 6 },
  ]
  const items = []
  const itemGroups = []
  for (const day of days) {
    for (const s of shared) {
      items.push({ kind: s.kind, title: s.title, day, from: s.from, to: s.to, venue: venues[0], group: null })
    }
    groups.forEach((group, g) => {
      const own = venues.filter((_, i) => i > 0 && (i - 1) % SIZE.groups === g)
      let n = 0
      for (const block of blocks) {
        const slot = (block.to - block.from) / block.count
        for (let k = 0; k < block.count; k++) {
          const from = Math.round(block.from + k * slot)
          const kind = TRACK_KINDS[(n + g) % TRACK_KINDS.length]
          const title = kind === 'talk' ? `Verhaal uit de buurt ${n + 1}` : `${kind} ${n + 1} (${group.name})`
          // Now and then a gap too short for the walk: a draft has a few clashes for the team to solve.
          const gap = random() < 0.06 ? 1 : between(5, 8)
          items.push({
            kind,
            title,
            day,
            from,
            to: Math.round(from + slot) - gap,
            venue: own[n % own.length],
            group,
          })
          n += 1
        }
      }
    })
  }
  const itemRows = items.map((it) => {
    const id = newId()
    if (it.group) itemGroups.push({ item_id: id, group_id: it.group.id })
    it.id = id
    return {
      id,
      visit_id: visitId,
      venue_id: it.venue.id,
      kind: it.kind,
      title: it.title,
      description: 'Een korte beschrijving van wat er te zien en te horen is, en wie er vertelt.',
      starts_at: zoned(it.day, it.from),
      ends_at: zoned(it.day, it.to),
      leg_mode: 'walk',
      cancelled: 0,
    }
  })

  // Speakers belong to one group's track (15 each), so a speaker is never in two places at once; each talk
  // item gets a confirmed talk by one speaker, every third with a co-speaker.
  const speakers = Array.from({ length: SIZE.speakers }, (_, i) => ({
    id: newId(),
    visit_id: visitId,
    name: `Spreker ${String(i + 1).padStart(2, '0')}`,
    email: `spreker${i + 1}@bench.rondgang.localhost`,
    bio: 'Woont al twintig jaar in de buurt en zit in de werkgroep groen.',
    organisation: 'Bewonersvereniging',
    consent: random() < 0.9 ? 1 : 0,
    availability: JSON.stringify([{ start: visitStart, end: visitEnd }]),
    needs: JSON.stringify(random() < 0.3 ? ['microphone'] : []),
  }))
  const talks = []
  const talkSpeakers = []
  const perGroup = SIZE.speakers / SIZE.groups
  const used = groups.map(() => 0)
  for (const it of items) {
    if (it.kind !== 'talk' || !it.group) continue
    const g = groups.indexOf(it.group)
    const main = speakers[g * perGroup + (used[g]++ % perGroup)]
    const talk = {
      id: newId(),
      visit_id: visitId,
      title: it.title,
      abstract: 'Over de geschiedenis van de straat en wat de bewoners er samen van maakten.',
      duration_minutes: it.to - it.from,
      language: 'nl',
      state: 'confirmed',
      item_id: it.id,
    }
    talks.push(talk)
    const confirmed = { confirmed_at: zoned(days[0], 0) - 7 * 86_400_000 }
    talkSpeakers.push({
      talk_id: talk.id,
      speaker_id: main.id,
      role: 'main',
      token_hash: hex(random),
      ...confirmed,
    })
    if (talks.length % 3 === 0) {
      const co = speakers[g * perGroup + ((used[g] + 7) % perGroup)]
      if (co.id !== main.id) {
        talkSpeakers.push({
          talk_id: talk.id,
          speaker_id: co.id,
          role: 'co',
          token_hash: hex(random),
          ...confirmed,
        })
      }
    }
  }

  const rsvps = Array.from({ length: SIZE.rsvps }, (_, i) => {
    const dietary = DIETARY.filter(() => random() < 0.12)
    return {
      id: newId(),
      visit_id: visitId,
      name: `Gast ${i + 1}`,
      email: `gast${i + 1}@bench.rondgang.localhost`,
      party_size: between(1, 4),
      dietary: JSON.stringify(dietary),
      dietary_notes: dietary.length > 0 && random() < 0.3 ? 'Graag zonder ui.' : '',
      access_needs: random() < 0.05 ? 'Rolstoel' : '',
      group_ids: JSON.stringify(random() < 0.5 ? [pick(groups).id] : []),
      status: 'confirmed',
      token_hash: hex(random),
      lang: random() < 0.8 ? 'nl' : 'en',
      notify_changes: 1,
      created_at: now - (SIZE.rsvps - i) * 60_000,
    }
  })

  // The photo impression: approved photo rows with consent settled, some with a caption, a credit and an item.
  // Their keys point at no R2 object: the gallery page only lists the keys (its case measures D1 and render).
  const photoRows = Array.from({ length: SIZE.photos }, (_, i) => {
    const id = newId()
    const prefix = `photos/${visitId}/${id}`
    const hash = () => Array.from({ length: 20 }, () => Math.floor(random() * 16).toString(16)).join('')
    const portrait = random() < 0.25
    return {
      id,
      visit_id: visitId,
      item_id: random() < 0.5 ? pick(itemRows).id : null,
      person_id: personId,
      filename: `IMG_${String(4000 + i).padStart(4, '0')}.jpg`,
      original_key: `${prefix}/original`,
      original_type: 'image/jpeg',
      original_bytes: between(2_000_000, 9_000_000),
      web_key: `${prefix}/web-${hash()}.webp`,
      web_width: portrait ? 1200 : 1600,
      web_height: portrait ? 1600 : 1200,
      web_bytes: between(150_000, 400_000),
      thumb_key: `${prefix}/thumb-${hash()}.webp`,
      thumb_width: portrait ? 360 : 480,
      thumb_height: portrait ? 480 : 360,
      caption: random() < 0.6 ? `Foto ${i + 1}: ${pick(STREETS)} tijdens het bezoek` : '',
      credit: random() < 0.5 ? 'Chris de Waard' : '',
      source: random() < 0.3 ? 'Sleutelstad' : '',
      taken_at: random() < 0.8 ? zoned(pick(days), between(9 * 60, 17 * 60)) : null,
      consent: random() < 0.7 ? 'none' : 'given',
      position: i + 1,
      cover: i === 0 ? 1 : 0,
      approved: 1,
      created_at: now - (SIZE.photos - i) * 1000,
    }
  })

  // Catering (after every other use of the generator, so the rest of the visit stays as it was): a supplier
  // and two residents; coffee at each morning's welcome, lunch and dinner each day, one drinks order per group
  // on its track; parts for the residents to bring; the organiser present. Half the orders were sent already.
  const cateringProviders = [
    { kind: 'supplier', name: 'Cateraar De Sleutel', email: 'bestellen@bench.rondgang.localhost' },
    { kind: 'resident', name: 'Hilde', email: 'hilde@bench.rondgang.localhost' },
    { kind: 'resident', name: 'Marleen', email: '' },
  ].map((p) => ({
    id: newId(),
    visit_id: visitId,
    ...p,
    contact_phone: '071 5123456',
    token_hash: hex(random),
  }))
  const cateringOrders = []
  const orderFor = (it, fields) =>
    cateringOrders.push({
      id: newId(),
      visit_id: visitId,
      item_id: it.id,
      rule: 'per_person',
      amount: 1,
      unit_cost_cents: between(150, 1800),
      extra_persons: between(0, 6),
      deadline: zoned(it.day, it.from) - 2 * 86_400_000,
      reminder_hours: 48,
      status: pick(['planned', 'requested', 'confirmed']),
      ...fields,
    })
  for (const it of items) {
    if (it.kind === 'welcome')
      orderFor(it, { kind: 'coffee_tea', provider_id: cateringProviders[0].id, amount: 2 })
    if (it.kind === 'catering')
      orderFor(it, { kind: it.title === 'Lunch' ? 'lunch' : 'other', provider_id: cateringProviders[0].id })
  }
  groups.forEach((group, g) => {
    const it = items.find((x) => x.group === group && x.kind === 'break')
    if (it)
      orderFor(it, {
        kind: 'drinks',
        provider_id: cateringProviders[1 + (g % 2)].id,
        rule: 'per_persons',
        amount: 4,
      })
  })
  cateringOrders.forEach((o, i) => {
    if (i % 2 === 0) {
      o.sent_at = o.deadline
      o.sent_numbers = JSON.stringify({ persons: 1500, quantity: 1500, costCents: 0, dietary: {}, notes: [] })
    }
  })
  const cateringContributions = cateringOrders
    .filter((o) => o.kind === 'drinks')
    .flatMap((o, i) => [
      { id: newId(), order_id: o.id, description: 'wijn en sap', quantity: 12, provider_id: o.provider_id },
      {
        id: newId(),
        order_id: o.id,
        description: 'bitterballen',
        quantity: 40,
        provider_id: i % 2 ? null : o.provider_id,
      },
    ])
  const presence = [{ visit_id: visitId, person_id: personId, group_id: null }]

  const statements = [
    ...inserts('teams', [team]),
    ...inserts('people', [person]),
    ...inserts('memberships', [membership]),
    ...inserts('sessions', [session]),
    ...inserts('visits', [visit]),
    ...inserts('venues', venues),
    ...inserts('visit_venues', visitVenues),
    ...inserts('groups', groups),
    ...inserts('participants', participants),
    ...inserts('programme_items', itemRows),
    ...inserts('programme_item_groups', itemGroups),
    ...inserts('speakers', speakers),
    ...inserts('talks', talks),
    ...inserts('talk_speakers', talkSpeakers),
    ...inserts('photos', photoRows),
    ...inserts('catering_providers', cateringProviders),
    ...inserts('catering_orders', cateringOrders),
    ...inserts('catering_contributions', cateringContributions),
    ...inserts('catering_team_presence', presence),
  ]
  return {
    sql: `${statements.join('\n')}\n`,
    // Guests register after the first release, as in life: loaded once it is published (see run.mjs).
    rsvpSql: `${inserts('rsvps', rsvps).join('\n')}\n`,
    ids: { teamId, personId, visitId, slug, sessionId },
    counts: {
      items: itemRows.length,
      venues: venues.length,
      groups: groups.length,
      speakers: speakers.length,
      talks: talks.length,
      rsvps: rsvps.length,
      photos: photoRows.length,
      cateringOrders: cateringOrders.length,
    },
  }
}

/** 64 hex characters, the shape of a stored token hash. */
function hex(random) {
  return Array.from({ length: 64 }, () => Math.floor(random() * 16).toString(16)).join('')
}
