import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

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

export const teamRoles = ['owner', 'organiser', 'viewer'] as const
export type TeamRole = (typeof teamRoles)[number]

export const teams = sqliteTable('teams', {
  id: id(),
  name: text('name').notNull(),
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

export const visitKinds = ['college_visit', 'delegation_tour', 'other'] as const
export const visitStatuses = ['draft', 'published', 'archived'] as const

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
    /** Optimistic concurrency: every update names the version it was based on. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: instant('updated_at'),
  },
  (t) => [index('visits_team_idx').on(t.teamId), index('visits_status_start_idx').on(t.status, t.startDate)],
)

export const venueKinds = ['garden', 'community_centre', 'street', 'bus', 'other'] as const

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

export const itemKinds = [
  'welcome',
  'talk',
  'walk',
  'tour',
  'break',
  'catering',
  'discussion',
  'travel',
] as const
export type ItemKind = (typeof itemKinds)[number]
export const legModes = ['walk', 'cycle', 'bus', 'train', 'car'] as const

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
    cancelled: integer('cancelled', { mode: 'boolean' }).notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('programme_items_visit_start_idx').on(t.visitId, t.startsAt)],
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
