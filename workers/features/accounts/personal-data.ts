import { eq, inArray } from 'drizzle-orm'
import { invitations, loginTokens, memberships, people, sessions, teams } from '../../../shared/db/schema'
import type { PersonalDataPart } from '../../platform/personal-data/contract'

/**
 * Accounts: the person (address, name, language), their sign-in links, sessions, team memberships and
 * invitations to the address. Erasure removes the person; their sessions and memberships go with them
 * (ON DELETE CASCADE), invitations they sent keep no sender.
 */
export const accountsPersonalData: PersonalDataPart = {
  owner: 'accounts',
  tables: ['people', 'login_tokens', 'sessions', 'memberships', 'invitations'],
  async exportFor({ db, email }) {
    const person = db.select({ id: people.id }).from(people).where(eq(people.email, email))
    const [persons, teamRows, sessionRows, invitationRows, links] = await db.batch([
      db
        .select({
          email: people.email,
          name: people.name,
          locale: people.locale,
          createdAt: people.createdAt,
        })
        .from(people)
        .where(eq(people.email, email)),
      db
        .select({ team: teams.name, role: memberships.role, since: memberships.createdAt })
        .from(memberships)
        .innerJoin(teams, eq(teams.id, memberships.teamId))
        .where(inArray(memberships.personId, person)),
      db
        .select({
          createdAt: sessions.createdAt,
          lastSeenAt: sessions.lastSeenAt,
          expiresAt: sessions.expiresAt,
          userAgent: sessions.userAgent,
        })
        .from(sessions)
        .where(inArray(sessions.personId, person)),
      db
        .select({
          team: teams.name,
          role: invitations.role,
          createdAt: invitations.createdAt,
          acceptedAt: invitations.acceptedAt,
          revokedAt: invitations.revokedAt,
        })
        .from(invitations)
        .innerJoin(teams, eq(teams.id, invitations.teamId))
        .where(eq(invitations.email, email)),
      db
        .select({ createdAt: loginTokens.createdAt, usedAt: loginTokens.usedAt })
        .from(loginTokens)
        .where(eq(loginTokens.email, email)),
    ])
    return {
      person: persons,
      memberships: teamRows,
      sessions: sessionRows,
      invitations: invitationRows,
      signInLinks: links,
    }
  },
  async planErasure({ db, email }) {
    return {
      statements: [
        db.delete(invitations).where(eq(invitations.email, email)),
        db.delete(loginTokens).where(eq(loginTokens.email, email)),
        // Sessions, memberships, visit roles and reviews cascade; invitations sent keep no sender.
        db.delete(people).where(eq(people.email, email)),
      ],
      objects: [],
    }
  },
}
