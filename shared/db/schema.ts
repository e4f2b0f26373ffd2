import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { teamRoles } from '../domain/access'
import { itemKinds, legModes, participantFunctions } from '../domain/programme'
import { talkStates } from '../domain/talk-states'
import { venueKinds, visitKinds, visitStatuses } from '../domain/visits'

/** Ids are random UUIDs made by the Worker, never guessable sequence numbers. */
const id = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID())

/** Instants are stored as UTC epoch milliseconds; what is shown is converted to the visit's zone. */
const instant = (name: string) => integer(name, { mode: 'timestamp_ms' })
const createdAt = () =>
  instant('created_at').notNull().default(sql`(cast(unixepoch('subsecond') * 1000 as integer))`)

// ---------------------------------------------------------------------------------------------------------
// People, sign-in and sessions
// ---------------------------------------------------------------------------------------------------------

export const people = sqliteTable('people', {
  id: id(),
  /** Lower-cased; the sign-in identity. */
  email: text('email').notNull().unique(),
  name: text('name').notNull().default(''),
  locale: text('locale', { enum: ['nl', 'en'] })
    .notNull()
    .default('nl'),
  createdAt: createdAt(),
})

/** E-mailed sign-in links. Only the SHA-256 of the token is kept. */
export const loginTokens = sqliteTable(
  'login_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    email: text('email').notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('login_tokens_email_idx').on(t.email)],
)

/** Server-side sessions; the cookie holds a random id whose SHA-256 is the key here. */
export const sessions = sqliteTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: instant('last_seen_at').notNull(),
    /** Absolute end, however active the session is. */
    expiresAt: instant('expires_at').notNull(),
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [index('sessions_person_idx').on(t.personId)],
)

// ---------------------------------------------------------------------------------------------------------
// Teams
// ---------------------------------------------------------------------------------------------------------

export const teams = sqliteTable('teams', {
  id: id(),
  name: text('name').notNull(),
  /** SHA-256 of the token in the team's host sign-up link; a new link replaces (revokes) the old one. */
  hostSignupTokenHash: text('host_signup_token_hash').unique(),
  /** With the app secret, makes the current sign-up link again, so the team's page can show it (0013). */
  hostSignupLinkNonce: text('host_signup_link_nonce'),
  createdAt: createdAt(),
})

export const memberships = sqliteTable(
  'memberships',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role', { enum: teamRoles }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.personId] }), index('memberships_person_idx').on(t.personId)],
)

export const invitations = sqliteTable(
  'invitations',
  {
    id: id(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: teamRoles }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: text('invited_by').references(() => people.id, { onDelete: 'set null' }),
    expiresAt: instant('expires_at').notNull(),
    acceptedAt: instant('accepted_at'),
    revokedAt: instant('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [index('invitations_team_idx').on(t.teamId)],
)

// ---------------------------------------------------------------------------------------------------------
// Visits, venues, groups and the programme
// ---------------------------------------------------------------------------------------------------------

export const visits = sqliteTable(
  'visits',
  {
    id: id(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull().unique(),
    kind: text('kind', { enum: visitKinds }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Local calendar dates in the visit's zone, YYYY-MM-DD. */
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    timeZone: text('time_zone').notNull().default('Europe/Amsterdam'),
    meetingPoint: text('meeting_point').notNull().default(''),
    expectedGuests: integer('expected_guests'),
    budgetCents: integer('budget_cents'),
    walkingSpeedKmh: real('walking_speed_kmh').notNull().default(4.5),
    status: text('status', { enum: visitStatuses }).notNull().default('draft'),
    /** Listed on the home page when published; unlisted visits need a share link. */
    listed: integer('listed', { mode: 'boolean' }).notNull().default(true),
    /** The most guests (party sizes added up) the visit takes; more go on the waitlist. Null: no limit. */
    rsvpCapacity: integer('rsvp_capacity'),
    /** Optimistic concurrency: every update names the version it was based on. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: instant('updated_at'),
  },
  (t) => [index('visits_team_idx').on(t.teamId), index('visits_status_start_idx').on(t.status, t.startDate)],
)

export const venues = sqliteTable(
  'venues',
  {
    id: id(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: venueKinds }).notNull(),
    address: text('address').notNull().default(''),
    lat: real('lat'),
    lng: real('lng'),
    capacity: integer('capacity'),
    stepFree: integer('step_free', { mode: 'boolean' }),
    toilet: integer('toilet', { mode: 'boolean' }),
    shelter: integer('shelter', { mode: 'boolean' }),
    notes: text('notes').notNull().default(''),
    /** Private: only the organising team and the venue's own host see these. */
    hostName: text('host_name').notNull().default(''),
    hostContact: text('host_contact').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('venues_team_idx').on(t.teamId)],
)

/** A venue as used by one visit: its opening window and rain alternative. */
export const visitVenues = sqliteTable(
  'visit_venues',
  {
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    venueId: text('venue_id')
      .notNull()
      .references(() => venues.id, { onDelete: 'cascade' }),
    opensAt: instant('opens_at'),
    closesAt: instant('closes_at'),
    rainVenueId: text('rain_venue_id').references(() => venues.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.venueId] })],
)

export const groups = sqliteTable(
  'groups',
  {
    id: id(),
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('groups_visit_idx').on(t.visitId)],
)

export const programmeItems = sqliteTable(
  'programme_items',
  {
    id: id(),
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    venueId: text('venue_id').references(() => venues.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: itemKinds }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    /** How the company gets here from the previous item. */
    legMode: text('leg_mode', { enum: legModes }).notNull().default('walk'),
    /** Travel legs of a delegation tour. */
    departurePlace: text('departure_place'),
    arrivalPlace: text('arrival_place'),
    /** A train's (or timetabled bus's) departure and arrival, as the organiser entered them (migration 0011). */
    legDepartsAt: instant('leg_departs_at'),
    legArrivesAt: instant('leg_arrives_at'),
    cancelled: integer('cancelled', { mode: 'boolean' }).notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    /** People the organiser expects at the item; null: derived from its groups (migration 0010). */
    expectedAttendance: integer('expected_attendance'),
  },
  (t) => [
    index('programme_items_visit_start_idx').on(t.visitId, t.startsAt),
    // The longest item of a visit in one step (migration 0024): how far back an item overlapping another can start.
    index('programme_items_visit_length_idx').on(t.visitId, sql`(${t.endsAt} - ${t.startsAt})`),
  ],
)

/** An item without rows here is for everyone. */
export const programmeItemGroups = sqliteTable(
  'programme_item_groups',
  {
    itemId: text('item_id')
      .notNull()
      .references(() => programmeItems.id, { onDelete: 'cascade' }),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.groupId] }),
    index('programme_item_groups_group_idx').on(t.groupId),
  ],
)

/** Roles that hold for one visit only: a host of one venue, or a caterer. */
export const visitRoles = sqliteTable(
  'visit_roles',
  {
    id: id(),
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['host', 'caterer'] }).notNull(),
    venueId: text('venue_id').references(() => venues.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('visit_roles_person_idx').on(t.personId),
    uniqueIndex('visit_roles_unique_idx').on(t.visitId, t.personId, t.role, t.venueId),
  ],
)

/** The visiting company: who comes along, in which group. Contact and dietary needs are private. */
export const participants = sqliteTable(
  'participants',
  {
    id: id(),
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    function: text('function', { enum: participantFunctions }).notNull().default('other'),
    organisation: text('organisation').notNull().default(''),
    groupId: text('group_id').references(() => groups.id, { onDelete: 'set null' }),
    dietaryNeeds: text('dietary_needs').notNull().default(''),
    contact: text('contact').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('participants_visit_idx').on(t.visitId)],
)

/** A resident's offer of their garden or space, sent through the team's host sign-up link. */
export const hostOffers = sqliteTable(
  'host_offers',
  {
    id: id(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['pending', 'accepted', 'declined'] })
      .notNull()
      .default('pending'),
    hostName: text('host_name').notNull(),
    hostEmail: text('host_email').notNull(),
    hostPhone: text('host_phone').notNull().default(''),
    venueName: text('venue_name').notNull(),
    venueKind: text('venue_kind', { enum: venueKinds }).notNull(),
    address: text('address').notNull(),
    lat: real('lat'),
    lng: real('lng'),
    capacity: integer('capacity'),
    stepFree: integer('step_free', { mode: 'boolean' }),
    toilet: integer('toilet', { mode: 'boolean' }),
    shelter: integer('shelter', { mode: 'boolean' }),
    notes: text('notes').notNull().default(''),
    /** The venue made from the offer once accepted. */
    venueId: text('venue_id').references(() => venues.id, { onDelete: 'set null' }),
    decidedAt: instant('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [index('host_offers_team_status_idx').on(t.teamId, t.status)],
)

/**
 * A published, frozen version of a visit's programme. The public sees the newest; `changes` lists what
 * changed since the one before.
 */
export const releases = sqliteTable(
  'releases',
  {
    id: id(),
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    /** JSON: the programme as published (items with venue names, venues' public fields, groups). */
    snapshot: text('snapshot').notNull(),
    /** JSON: the list of changes since the previous release. */
    changes: text('changes').notNull(),
    publishedBy: text('published_by').references(() => people.id, { onDelete: 'set null' }),
    publishedAt: instant('published_at').notNull(),
  },
  (t) => [uniqueIndex('releases_visit_number_idx').on(t.visitId, t.number)],
)

/**
 * The change mails of a release still to be queued (migration 0021): one row per release whose visit had
 * guests to tell, written with the release. The scheduled job queues the mails a page of guests at a time,
 * in guest id order; `after` is the last guest done, moved in the same batch as their mails. Gone when done.
 */
export const changeMailRuns = sqliteTable(
  'change_mail_runs',
  {
    releaseId: text('release_id')
      .primaryKey()
      .references(() => releases.id, { onDelete: 'cascade' }),
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    after: text('after').notNull().default(''),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('change_mail_runs_created_idx').on(t.createdAt)],
)

/**
 * A release's large parts beside it, each under D1's 2 MB per value: the items of a large snapshot
 * (`items`, in order) and the public answers made once per release (`body:<variant>`, in chunks).
 */
export const releaseParts = sqliteTable(
  'release_parts',
  {
    releaseId: text('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    seq: integer('seq').notNull(),
    body: text('body').notNull(),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.key, t.seq] })],
)

/**
 * The clashes of a visit's draft, kept per draft version (migration 0014). `draftVersion` is bumped by SQL
 * triggers on every change that can change a clash, whichever feature makes it; the list in
 * `clash_list_items` and the `counts` by kind hold for the draft when `checkedVersion` equals it and `rules`
 * is the code's.
 */
export const clashLists = sqliteTable('clash_lists', {
  visitId: text('visit_id')
    .primaryKey()
    .references(() => visits.id, { onDelete: 'cascade' }),
  draftVersion: integer('draft_version').notNull().default(1),
  checkedVersion: integer('checked_version'),
  rules: text('rules'),
  /** JSON object: clash kind → how many. */
  counts: text('counts'),
  /** The clash API's answer for the checked version, gzip as base64 (0020); null when not kept. */
  answer: text('answer'),
})

/** One clash of a stored list (JSON), in list order, with the local day of its first item. */
export const clashListItems = sqliteTable(
  'clash_list_items',
  {
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    day: text('day').notNull(),
    body: text('body').notNull(),
    /** The clash as the editor shows it in Dutch and English: `[kind, sentence, itemIds, titles]`, JSON in ASCII (0022). */
    viewNl: text('view_nl'),
    viewEn: text('view_en'),
  },
  (t) => [
    primaryKey({ columns: [t.visitId, t.seq] }),
    index('clash_list_items_day_idx').on(t.visitId, t.day, t.seq),
  ],
)

/** Revocable read access to the schedule of an unlisted visit. */
export const shareLinks = sqliteTable(
  'share_links',
  {
    id: id(),
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    label: text('label').notNull().default(''),
    revokedAt: instant('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [index('share_links_visit_idx').on(t.visitId)],
)

/**
 * A guest's registration. E-mail, dietary and access needs are private: the team sees them, a caterer only
 * the totals. The guest changes or cancels through a private link (token hash here).
 */
export const rsvps = sqliteTable(
  'rsvps',
  {
    id: id(),
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    partySize: integer('party_size').notNull(),
    /** JSON array of dietaryOptions. */
    dietary: text('dietary').notNull().default('[]'),
    dietaryNotes: text('dietary_notes').notNull().default(''),
    accessNeeds: text('access_needs').notNull().default(''),
    /** JSON array of group ids the guest follows; empty: the whole company. */
    groupIds: text('group_ids').notNull().default('[]'),
    status: text('status', { enum: ['confirmed', 'waitlisted', 'cancelled'] }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    lang: text('lang', { enum: ['nl', 'en'] })
      .notNull()
      .default('nl'),
    /** Guests get one mail per release with the changes that concern them, unless they opt out. */
    notifyChanges: integer('notify_changes', { mode: 'boolean' }).notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: instant('updated_at'),
  },
  (t) => [
    index('rsvps_visit_status_idx').on(t.visitId, t.status, t.createdAt),
    index('rsvps_visit_email_idx').on(t.visitId, t.email),
    // The change-mail job pages through a visit's guests by id (migration 0021).
    index('rsvps_visit_id_idx').on(t.visitId, t.id),
    // Catering's headcount reads the confirmed registrations grouped by shape (party size, groups, needs,
    // with the notes): this index holds all it reads, in the order it groups, so no row is fetched or sorted.
    index('rsvps_visit_shape_idx').on(
      t.visitId,
      t.status,
      t.partySize,
      t.groupIds,
      t.dietary,
      t.dietaryNotes,
    ),
  ],
)

/**
 * Running totals of a visit's registrations, kept by SQLite triggers on `rsvps` (migration 0004): every
 * insert, change and delete of a registration adjusts them in the same statement. The capacity check and the
 * form's notice read one row here instead of adding up every registration (2,500 rows read per RSVP at 1,000
 * guests before). Never written by the Worker.
 */
export const rsvpTotals = sqliteTable('rsvp_totals', {
  visitId: text('visit_id')
    .primaryKey()
    .references(() => visits.id, { onDelete: 'cascade' }),
  /** People in confirmed registrations (the sum of their party sizes). */
  confirmedPeople: integer('confirmed_people').notNull().default(0),
  /** Registrations on the waitlist. */
  waitlisted: integer('waitlisted').notNull().default(0),
})

// ---------------------------------------------------------------------------------------------------------
// Speakers and talks
// ---------------------------------------------------------------------------------------------------------

/** A visit's call for talks: open or closed, a deadline, what may be submitted, and extra questions. */
export const calls = sqliteTable('calls', {
  visitId: text('visit_id')
    .primaryKey()
    .references(() => visits.id, { onDelete: 'cascade' }),
  open: integer('open', { mode: 'boolean' }).notNull().default(false),
  deadline: instant('deadline'),
  intro: text('intro').notNull().default(''),
  /** JSON array of allowed durations in minutes, e.g. [5, 10, 15]. */
  durations: text('durations').notNull().default('[10]'),
  /** JSON array of languages, e.g. ["nl", "en"]. */
  languages: text('languages').notNull().default('["nl"]'),
  /** JSON array of extra questions: { id, kind: 'text' | 'choice', label, options?, required }. */
  questions: text('questions').notNull().default('[]'),
  /** Confirmed speakers may pick a free slot themselves. */
  selfScheduling: integer('self_scheduling', { mode: 'boolean' }).notNull().default(false),
  version: integer('version').notNull().default(1),
})

/** A resident who speaks; one row per visit and e-mail address. */
export const speakers = sqliteTable(
  'speakers',
  {
    id: id(),
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    bio: text('bio').notNull().default(''),
    organisation: text('organisation').notNull().default(''),
    /** R2 key of a portrait, shown only with consent. */
    photoKey: text('photo_key'),
    /** Consent to publish name, bio and photo once the programme is released. */
    consent: integer('consent', { mode: 'boolean' }).notNull().default(false),
    /** JSON array of { start, end } instants (UTC ms) when the speaker can. */
    availability: text('availability').notNull().default('[]'),
    /** JSON array of needs: microphone, screen, chair, step_free. */
    needs: text('needs').notNull().default('[]'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('speakers_visit_email_idx').on(t.visitId, t.email)],
)

/** What a speaker submits, and where it is placed in the programme. */
export const talks = sqliteTable(
  'talks',
  {
    id: id(),
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    abstract: text('abstract').notNull().default(''),
    durationMinutes: integer('duration_minutes').notNull(),
    language: text('language').notNull().default('nl'),
    state: text('state', { enum: talkStates }).notNull().default('submitted'),
    /** JSON object: question id → answer. */
    answers: text('answers').notNull().default('{}'),
    /** Private to the team. */
    internalNotes: text('internal_notes').notNull().default(''),
    itemId: text('item_id').references(() => programmeItems.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: instant('updated_at'),
  },
  (t) => [index('talks_visit_state_idx').on(t.visitId, t.state), index('talks_item_idx').on(t.itemId)],
)

/**
 * A speaker of a talk, with their private link (hash) scoped to this speaker and this talk. Co-speakers
 * confirm through their own link.
 */
export const talkSpeakers = sqliteTable(
  'talk_speakers',
  {
    talkId: text('talk_id')
      .notNull()
      .references(() => talks.id, { onDelete: 'cascade' }),
    speakerId: text('speaker_id')
      .notNull()
      .references(() => speakers.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['main', 'co'] })
      .notNull()
      .default('main'),
    tokenHash: text('token_hash').notNull().unique(),
    confirmedAt: instant('confirmed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.talkId, t.speakerId] }),
    index('talk_speakers_speaker_idx').on(t.speakerId),
  ],
)

/** One reviewer's score (1–5) and note for a talk. */
export const talkReviews = sqliteTable(
  'talk_reviews',
  {
    talkId: text('talk_id')
      .notNull()
      .references(() => talks.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    note: text('note').notNull().default(''),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.talkId, t.personId] })],
)

/** Slides or a handout (PDF in R2 under a server-made key); replaced versions are kept until the visit ends. */
export const talkFiles = sqliteTable(
  'talk_files',
  {
    id: id(),
    talkId: text('talk_id')
      .notNull()
      .references(() => talks.id, { onDelete: 'cascade' }),
    speakerId: text('speaker_id').references(() => speakers.id, { onDelete: 'set null' }),
    r2Key: text('r2_key').notNull().unique(),
    filename: text('filename').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    current: integer('current', { mode: 'boolean' }).notNull().default(true),
    uploadedAt: instant('uploaded_at').notNull(),
  },
  (t) => [index('talk_files_talk_idx').on(t.talkId)],
)

/** A slot the team opens for self-scheduling; a confirmed speaker takes it (first come, first served). */
export const talkSlots = sqliteTable(
  'talk_slots',
  {
    id: id(),
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    venueId: text('venue_id').references(() => venues.id, { onDelete: 'set null' }),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    /** Unique: a talk holds at most one slot, a slot at most one talk. */
    talkId: text('talk_id')
      .unique()
      .references(() => talks.id, { onDelete: 'set null' }),
    itemId: text('item_id').references(() => programmeItems.id, { onDelete: 'set null' }),
  },
  (t) => [index('talk_slots_visit_idx').on(t.visitId, t.startsAt)],
)

/** Mail texts a team edits per visit (accept, reject, …), in Dutch and English. */
export const mailTemplates = sqliteTable(
  'mail_templates',
  {
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    lang: text('lang', { enum: ['nl', 'en'] }).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.kind, t.lang] })],
)

// ---------------------------------------------------------------------------------------------------------
// Catering
// ---------------------------------------------------------------------------------------------------------

export const cateringKinds = ['coffee_tea', 'lunch', 'drinks', 'snacks', 'other'] as const
export type CateringKind = (typeof cateringKinds)[number]
/** Per person (`amount` each), one per `amount` persons, or a fixed `amount`. */
export const quantityRules = ['per_person', 'per_persons', 'fixed'] as const
export type QuantityRule = (typeof quantityRules)[number]
export const cateringStatuses = ['planned', 'requested', 'confirmed', 'delivered', 'cancelled'] as const
export type CateringStatus = (typeof cateringStatuses)[number]
/** A volunteer (a team member, a host or a named resident) or a supplier. */
export const providerKinds = ['team_member', 'host', 'resident', 'supplier'] as const
export type ProviderKind = (typeof providerKinds)[number]

/**
 * Who provides food or drinks for a visit: a volunteer or a supplier. Contact details are private to the team.
 * A team member or host is a person (their name and address come from `people`); a resident or supplier is
 * named here. Each provider has a private link (hash here) to their own orders and contributions.
 */
export const cateringProviders = sqliteTable(
  'catering_providers',
  {
    id: id(),
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: providerKinds }).notNull(),
    personId: text('person_id').references(() => people.id, { onDelete: 'set null' }),
    /** A resident's or a supplier's name (a person's comes from `people`). */
    name: text('name').notNull().default(''),
    /** A supplier's contact person. */
    contactName: text('contact_name').notNull().default(''),
    email: text('email').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    address: text('address').notNull().default(''),
    notes: text('notes').notNull().default(''),
    lang: text('lang', { enum: ['nl', 'en'] })
      .notNull()
      .default('nl'),
    tokenHash: text('token_hash').notNull().unique(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('catering_providers_visit_idx').on(t.visitId),
    index('catering_providers_person_idx').on(t.personId),
  ],
)

/**
 * What is served at a programme item, by whom, for how many, at what cost. The number of persons is never
 * stored: it follows from the registrations, the company, the team and the speakers. At the deadline the
 * numbers are frozen in `sentNumbers` (JSON) and sent; later changes show as a difference.
 */
export const cateringOrders = sqliteTable(
  'catering_orders',
  {
    id: id(),
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    itemId: text('item_id').references(() => programmeItems.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: cateringKinds }).notNull(),
    description: text('description').notNull().default(''),
    providerId: text('provider_id').references(() => cateringProviders.id, { onDelete: 'set null' }),
    rule: text('rule', { enum: quantityRules }).notNull(),
    amount: integer('amount').notNull(),
    /** What is counted: cups, sandwiches, bottles. */
    unit: text('unit').notNull().default(''),
    unitCostCents: integer('unit_cost_cents').notNull().default(0),
    /** People the system does not know of (drivers, the host's family), added to the count. */
    extraPersons: integer('extra_persons').notNull().default(0),
    deadline: instant('deadline'),
    /** Hours before the deadline the provider is reminded; 0: no reminder. */
    reminderHours: integer('reminder_hours').notNull().default(48),
    status: text('status', { enum: cateringStatuses }).notNull().default('planned'),
    /** Private to the team. */
    notes: text('notes').notNull().default(''),
    /** What the provider said when confirming or declining. */
    providerNote: text('provider_note').notNull().default(''),
    respondedAt: instant('responded_at'),
    declinedAt: instant('declined_at'),
    reminderSentAt: instant('reminder_sent_at'),
    sentAt: instant('sent_at'),
    /** JSON: the numbers as sent (persons, quantity, cost, diets, notes). */
    sentNumbers: text('sent_numbers'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: instant('updated_at'),
  },
  (t) => [
    index('catering_orders_visit_idx').on(t.visitId),
    // The scheduled job looks for numbers not sent yet whose deadline (or reminder) has come.
    index('catering_orders_due_idx').on(t.sentAt, t.deadline),
  ],
)

/** A part of an order a volunteer brings ("40 bitterballen"); open until a volunteer takes it. */
export const cateringContributions = sqliteTable(
  'catering_contributions',
  {
    id: id(),
    orderId: text('order_id')
      .notNull()
      .references(() => cateringOrders.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    quantity: integer('quantity'),
    providerId: text('provider_id').references(() => cateringProviders.id, { onDelete: 'set null' }),
    takenAt: instant('taken_at'),
    doneAt: instant('done_at'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('catering_contributions_order_idx').on(t.orderId),
    index('catering_contributions_provider_idx').on(t.providerId),
  ],
)

/** The team members who are there on the day, with the group they go with (null: the whole company). */
export const cateringTeamPresence = sqliteTable(
  'catering_team_presence',
  {
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    groupId: text('group_id').references(() => groups.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.visitId, t.personId] }),
    index('catering_team_presence_person_idx').on(t.personId),
  ],
)

/**
 * The confirmed registrations of a visit added up per set of groups (the stored `group_ids` as written), kept
 * by SQLite triggers on `rsvps` (migration 0017) like rsvp_totals: their number, their persons and the
 * persons per dietary need (rsvps' rule: never more than the party). Catering's headcount reads these few
 * rows instead of every registration. Never written by the Worker.
 */
export const cateringGuestSums = sqliteTable(
  'catering_guest_sums',
  {
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    groupIds: text('group_ids').notNull(),
    registrations: integer('registrations').notNull().default(0),
    persons: integer('persons').notNull().default(0),
    vegetarian: integer('vegetarian').notNull().default(0),
    vegan: integer('vegan').notNull().default(0),
    halal: integer('halal').notNull().default(0),
    kosher: integer('kosher').notNull().default(0),
    glutenFree: integer('gluten_free').notNull().default(0),
    lactoseFree: integer('lactose_free').notNull().default(0),
    nutAllergy: integer('nut_allergy').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.groupIds] })],
)

/**
 * The food notes of a visit's confirmed registrations as written, per set of groups, with how many wrote
 * each (never who): kept by the triggers of migration 0017 beside catering_guest_sums.
 */
export const cateringGuestNotes = sqliteTable(
  'catering_guest_notes',
  {
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    groupIds: text('group_ids').notNull(),
    note: text('note').notNull(),
    registrations: integer('registrations').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.groupIds, t.note] })],
)

/**
 * The catering overview's answer kept per visit (migration 0019): `stamp` changes, and `document` is forgotten,
 * in the same statement as any change to what the answer is made of (SQLite triggers on every source table);
 * a read that finds no document works it out and stores it at the stamp it read. Never written otherwise.
 */
export const cateringAnswers = sqliteTable('catering_answers', {
  visitId: text('visit_id')
    .primaryKey()
    .references(() => visits.id, { onDelete: 'cascade' }),
  stamp: text('stamp').notNull(),
  document: text('document'),
})

// ---------------------------------------------------------------------------------------------------------
// Mail and audit
// ---------------------------------------------------------------------------------------------------------

export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: id(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    kind: text('kind').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: instant('next_attempt_at'),
    sentAt: instant('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [index('mail_outbox_status_next_idx').on(t.status, t.nextAttemptAt)],
)

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: id(),
    teamId: text('team_id'),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** JSON: { before, after } of the fields that changed, private values masked. */
    summary: text('summary').notNull().default('{}'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_team_created_idx').on(t.teamId, t.createdAt)],
)

// ---------------------------------------------------------------------------------------------------------
// Photos
// ---------------------------------------------------------------------------------------------------------

/** Consent of the people shown: none (nobody recognisable), asked (no answer yet) or given. */
export const photoConsents = ['none', 'asked', 'given'] as const
export type PhotoConsent = (typeof photoConsents)[number]

/**
 * A visit's photo limits, and the gallery's version: bumped in the same batch as every change the public
 * gallery shows, so its ETag and edge-cache key change with it. A visit without a row has the defaults.
 */
export const photoSettings = sqliteTable('photo_settings', {
  visitId: text('visit_id')
    .primaryKey()
    .references(() => visits.id, { onDelete: 'cascade' }),
  maxFileBytes: integer('max_file_bytes')
    .notNull()
    .default(50 * 1024 * 1024),
  maxVisitBytes: integer('max_visit_bytes')
    .notNull()
    .default(2 * 1024 * 1024 * 1024),
  galleryVersion: integer('gallery_version').notNull().default(1),
})

/** A link for a photographer or guests to upload photos to one visit; their uploads wait for approval. */
export const photoLinks = sqliteTable(
  'photo_links',
  {
    id: id(),
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token in the link; revoking keeps the row (the photos name the link they came by). */
    tokenHash: text('token_hash').notNull().unique(),
    label: text('label').notNull().default(''),
    /** What photos uploaded through this link are credited with unless the team changes it. */
    credit: text('credit').notNull().default(''),
    source: text('source').notNull().default(''),
    personId: text('person_id').references(() => people.id, { onDelete: 'set null' }),
    revokedAt: instant('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [index('photo_links_visit_idx').on(t.visitId)],
)

/**
 * An upload on its way: an R2 multipart upload and who sends it (a team member or a photo link). Its parts
 * are in photo_upload_parts, so it resumes after a dropped connection or a reload. Never shown as a photo;
 * the scheduled clean-up aborts it when it stays idle.
 */
export const photoUploads = sqliteTable(
  'photo_uploads',
  {
    id: id(),
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    personId: text('person_id').references(() => people.id, { onDelete: 'cascade' }),
    linkId: text('link_id').references(() => photoLinks.id, { onDelete: 'cascade' }),
    uploaderName: text('uploader_name').notNull().default(''),
    uploaderEmail: text('uploader_email').notNull().default(''),
    r2Key: text('r2_key').notNull().unique(),
    r2UploadId: text('r2_upload_id').notNull(),
    filename: text('filename').notNull(),
    /** Name, size and last-modified time the browser reported: how a reloaded page finds its upload again. */
    fingerprint: text('fingerprint').notNull().default(''),
    sizeBytes: integer('size_bytes').notNull(),
    partSize: integer('part_size').notNull(),
    /** Known by the first part's bytes. */
    contentType: text('content_type'),
    createdAt: createdAt(),
    touchedAt: instant('touched_at').notNull(),
  },
  (t) => [index('photo_uploads_visit_idx').on(t.visitId), index('photo_uploads_touched_idx').on(t.touchedAt)],
)

/** A part of an upload: claimed (no etag yet) while it streams, done once R2 has it. */
export const photoUploadParts = sqliteTable(
  'photo_upload_parts',
  {
    uploadId: text('upload_id')
      .notNull()
      .references(() => photoUploads.id, { onDelete: 'cascade' }),
    partNumber: integer('part_number').notNull(),
    etag: text('etag'),
    sizeBytes: integer('size_bytes').notNull(),
    claimedAt: instant('claimed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.partNumber] })],
)

/**
 * A photo of a visit: the original (private to the team) and its public variants (WebP, checked to carry no
 * metadata), under keys that name their content. Public only when approved with consent settled.
 */
export const photos = sqliteTable(
  'photos',
  {
    id: id(),
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    itemId: text('item_id').references(() => programmeItems.id, { onDelete: 'set null' }),
    /** Who uploaded it: a team member or host, or a photo link with the name its holder gave. */
    personId: text('person_id').references(() => people.id, { onDelete: 'set null' }),
    linkId: text('link_id').references(() => photoLinks.id, { onDelete: 'set null' }),
    uploaderName: text('uploader_name').notNull().default(''),
    uploaderEmail: text('uploader_email').notNull().default(''),
    filename: text('filename').notNull(),
    originalKey: text('original_key').notNull().unique(),
    originalType: text('original_type').notNull(),
    originalBytes: integer('original_bytes').notNull(),
    webKey: text('web_key').notNull(),
    webWidth: integer('web_width').notNull(),
    webHeight: integer('web_height').notNull(),
    webBytes: integer('web_bytes').notNull(),
    thumbKey: text('thumb_key').notNull(),
    thumbWidth: integer('thumb_width').notNull(),
    thumbHeight: integer('thumb_height').notNull(),
    caption: text('caption').notNull().default(''),
    credit: text('credit').notNull().default(''),
    source: text('source').notNull().default(''),
    /** When it was taken, read from its EXIF before the variants dropped it. */
    takenAt: instant('taken_at'),
    consent: text('consent', { enum: photoConsents }).notNull().default('asked'),
    position: integer('position').notNull().default(0),
    cover: integer('cover', { mode: 'boolean' }).notNull().default(false),
    approved: integer('approved', { mode: 'boolean' }).notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: instant('updated_at'),
  },
  (t) => [
    index('photos_visit_position_idx').on(t.visitId, t.position),
    uniqueIndex('photos_visit_cover_idx').on(t.visitId).where(sql`${t.cover} = 1`),
  ],
)

// ---------------------------------------------------------------------------------------------------------
// Personal data: requests to erase
// ---------------------------------------------------------------------------------------------------------

/**
 * A person's request to erase what is held about their address, confirmed by them (through a mailed link or
 * their private link). It is carried out by the scheduled job once `eraseAfter` has passed, or earlier when
 * an owner of a team holding the data confirms it. Done requests keep no address: only that it happened.
 */
export const erasureRequests = sqliteTable(
  'erasure_requests',
  {
    id: id(),
    /** Emptied once the erasure is done. */
    email: text('email').notNull(),
    status: text('status', { enum: ['pending', 'done', 'withdrawn'] })
      .notNull()
      .default('pending'),
    eraseAfter: instant('erase_after').notNull(),
    /** Who confirmed it early (an owner), if anyone. */
    confirmedBy: text('confirmed_by').references(() => people.id, { onDelete: 'set null' }),
    doneAt: instant('done_at'),
    createdAt: createdAt(),
  },
  (t) => [index('erasure_requests_status_idx').on(t.status, t.eraseAfter)],
)

// ---------------------------------------------------------------------------------------------------------
// Reports, their comments, and follow-ups
// ---------------------------------------------------------------------------------------------------------

export const reportStatuses = ['draft', 'published', 'withdrawn'] as const
export type ReportStatus = (typeof reportStatuses)[number]
export const reportCategories = ['report', 'news'] as const
export type ReportCategory = (typeof reportCategories)[number]

/**
 * The public write-up of a visit (one per visit): Markdown the team writes, rendered safely when shown.
 * `publicVersion` is bumped with every change the public page or the team's news shows (also a comment
 * approved), so its ETag and edge-cache key change with it; `version` guards the team's edits.
 */
export const reports = sqliteTable(
  'reports',
  {
    id: id(),
    visitId: text('visit_id')
      .notNull()
      .unique()
      .references(() => visits.id, { onDelete: 'cascade' }),
    status: text('status', { enum: reportStatuses }).notNull().default('draft'),
    category: text('category', { enum: reportCategories }).notNull().default('report'),
    title: text('title').notNull(),
    intro: text('intro').notNull().default(''),
    body: text('body').notNull().default(''),
    /** Who wrote it, as shown ("Tekst: …"): a team member or a resident. */
    authorName: text('author_name').notNull().default(''),
    showProgramme: integer('show_programme', { mode: 'boolean' }).notNull().default(true),
    showTalks: integer('show_talks', { mode: 'boolean' }).notNull().default(true),
    publishedAt: instant('published_at'),
    version: integer('version').notNull().default(1),
    publicVersion: integer('public_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: instant('updated_at'),
  },
  (t) => [index('reports_status_published_idx').on(t.status, t.publishedAt)],
)

/** The photo impression: approved photos of the visit the team chose, in order. */
export const reportPhotos = sqliteTable(
  'report_photos',
  {
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    photoId: text('photo_id')
      .notNull()
      .references(() => photos.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.photoId] })],
)

export const commentStatuses = ['pending', 'approved', 'rejected', 'withdrawn'] as const
export type CommentStatus = (typeof commentStatuses)[number]

/**
 * A resident's reaction to a published report: a name and plain text, no account. Held until the team
 * approves it; the commenter withdraws it through a private link (token hash here). The address is optional.
 */
export const reportComments = sqliteTable(
  'report_comments',
  {
    id: id(),
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull().default(''),
    body: text('body').notNull(),
    status: text('status', { enum: commentStatuses }).notNull().default('pending'),
    tokenHash: text('token_hash').notNull().unique(),
    decidedBy: text('decided_by').references(() => people.id, { onDelete: 'set null' }),
    decidedAt: instant('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [index('report_comments_report_status_idx').on(t.reportId, t.status, t.createdAt)],
)

export const followUpStatuses = ['open', 'in_progress', 'done', 'dropped'] as const
export type FollowUpStatus = (typeof followUpStatuses)[number]

/** A point raised during a visit, owned by a team member, with a due date and a status. */
export const followUps = sqliteTable(
  'follow_ups',
  {
    id: id(),
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Who raised it, as said on the day ("a resident of the Lange Hof"). */
    raisedBy: text('raised_by').notNull().default(''),
    ownerId: text('owner_id').references(() => people.id, { onDelete: 'set null' }),
    /** A local calendar date, YYYY-MM-DD; null: no date. */
    dueDate: text('due_date'),
    status: text('status', { enum: followUpStatuses }).notNull().default('open'),
    /** Shown on the public report with its status ("done in March"). */
    showOnReport: integer('show_on_report', { mode: 'boolean' }).notNull().default(false),
    doneAt: instant('done_at'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: instant('updated_at'),
  },
  (t) => [
    index('follow_ups_visit_idx').on(t.visitId, t.status),
    index('follow_ups_team_idx').on(t.teamId, t.status),
    index('follow_ups_owner_idx').on(t.ownerId, t.status, t.dueDate),
  ],
)

/** The history of a follow-up: every change of status, owner or date, with a comment. */
export const followUpEvents = sqliteTable(
  'follow_up_events',
  {
    id: id(),
    followUpId: text('follow_up_id')
      .notNull()
      .references(() => followUps.id, { onDelete: 'cascade' }),
    actorId: text('actor_id').references(() => people.id, { onDelete: 'set null' }),
    /** JSON: { field: [before, after] } of what changed. */
    changes: text('changes').notNull().default('{}'),
    comment: text('comment').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('follow_up_events_follow_up_idx').on(t.followUpId, t.createdAt)],
)

/** One weekly reminder per owner and ISO week: the job never mails an owner twice in a week. */
export const followUpReminders = sqliteTable(
  'follow_up_reminders',
  {
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** ISO week, e.g. 2017-W42. */
    week: text('week').notNull(),
    sentAt: instant('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.week] })],
)

/**
 * A submission named by an Idempotency-Key (or a form's hidden key), kept for a few minutes so a repeat that
 * reaches another isolate gets the first answer. `status` is null while the first request still runs.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    /** SHA-256 of method, path, session or client, and key: a session id is never stored as it is. */
    scope: text('scope').primaryKey(),
    bodyHash: text('body_hash').notNull(),
    status: integer('status'),
    /** JSON [[name, value]] of the answer, without Set-Cookie. */
    headers: text('headers'),
    /** The answer's bytes, base64. */
    body: text('body'),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('idempotency_keys_expires_idx').on(t.expiresAt)],
)
