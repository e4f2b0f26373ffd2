import { inArray } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import {
  followUpEvents,
  followUps,
  photos,
  reportComments,
  reportPhotos,
  reports,
  speakers,
  talkSpeakers,
  talks,
} from '../../shared/db/schema'
import { hashToken } from '../platform/auth/tokens'
import type { Database } from '../platform/env'

const VREEWIJK = 'demo-visit-vreewijk'
const DEVENTER = 'demo-visit-deventer'

/** The three residents' talks of the Vreewijk visit, confirmed, their speakers consenting to be named. */
const demoTalks = [
  {
    item: 'demo-item-v2',
    title: 'Groen en water in de tuinwijk',
    speaker: 'Henk Bakker',
    abstract:
      'Hoe de bewoners de hofjes groen houden en wat er nodig is tegen wateroverlast na hevige regen: meer tegels eruit, een wadi bij de Lange Hof.',
  },
  {
    item: 'demo-item-v3',
    title: 'Veilig over straat: parkeren en verkeer',
    speaker: 'Fatima el Amrani',
    abstract:
      'Smalle straten, hard rijdend verkeer op de Vreewijklaan en te weinig parkeerplaatsen: drie voorstellen van de werkgroep verkeer.',
  },
  {
    item: 'demo-item-v4',
    title: 'Samen ouder worden in Vreewijk',
    speaker: 'Joke van Leeuwen',
    abstract:
      'Wat oudere bewoners nodig hebben om in de wijk te blijven wonen: aanpasbare woningen, een ontmoetingsplek en hulp van buren.',
  },
]

const vreewijkReport = {
  id: 'demo-report-vreewijk',
  visitId: VREEWIJK,
  status: 'published' as const,
  category: 'report' as const,
  title: 'Collegebezoek Vreewijk 19 september jl.',
  intro:
    'Op dinsdag 19 september sloot het college van burgemeester en wethouders zijn wijkbezoeken af in **Vreewijk**. In de tuin van de familie De Wit vertelden bewoners over wat hen bezighoudt.',
  body: [
    '## Wat er gebeurde',
    '',
    'Na een welkom in de tuin hielden drie bewoners een korte voordracht: over groen en water in de tuinwijk, over parkeren en verkeer, en over samen ouder worden in de wijk. Daarna liepen de wethouders in twee groepen door de wijk.',
    '',
    '## Het bedankje van de burgemeester',
    '',
    'De burgemeester bedankte het team voor de goede voorbereiding en de openhartige gesprekken. Over een aantal punten zijn concrete vervolgafspraken gemaakt; hieronder staat hoe het ermee staat.',
    '',
    'Meer over de vereniging op [de site van de bewonersvereniging](https://vreewijk.example).',
  ].join('\n'),
  authorName: 'Organisatieteam Bewonersvereniging Vreewijk',
  publishedAt: new Date('2017-09-21T09:00:00Z'),
  updatedAt: new Date('2017-09-21T09:00:00Z'),
}

const deventerReport = {
  id: 'demo-report-deventer',
  visitId: DEVENTER,
  status: 'published' as const,
  category: 'news' as const,
  title: 'Op bezoek in Deventer: wat een wijkbudget kan doen',
  intro:
    'Een delegatie van ambtenaren, raadsleden en commissieleden uit Leiden ging naar Deventer om te zien hoe de wijkteams daar een jaarlijks budget van zo’n €50.000 besteden.',
  body: [
    'In Deventer beslissen bewoners zelf mee over het budget van hun wijk. In de Rivierenwijk en Keizerslanden zagen we wat dat oplevert: speelplekken, buurtfeesten en een moestuin.',
    '',
    '- Bewoners dienen zelf plannen in;',
    '- een wijkteam met bewoners en een ambtenaar beslist;',
    '- de gemeente legt jaarlijks verantwoording af.',
    '',
    '*Wat nemen we mee naar Leiden?* Vooral dat vertrouwen in bewoners loont.',
  ].join('\n'),
  authorName: 'Marieke Jansen, bewoner van Vreewijk',
  publishedAt: new Date('2017-09-25T08:00:00Z'),
  updatedAt: new Date('2017-09-25T08:00:00Z'),
}

const demoFollowUps = [
  {
    id: 'demo-follow-up-wadi',
    title: 'Wadi bij de Lange Hof onderzoeken',
    description:
      'De gemeente onderzoekt met de werkgroep groen of een wadi de wateroverlast bij de Lange Hof oplost.',
    raisedBy: 'Henk Bakker (werkgroep groen)',
    dueDate: '2018-03-31',
    status: 'done' as const,
    doneAt: new Date('2018-03-14T10:00:00Z'),
    showOnReport: true,
  },
  {
    id: 'demo-follow-up-verkeer',
    title: 'Snelheidsmeting op de Vreewijklaan',
    description: 'Twee weken meten, daarna een gesprek met de werkgroep verkeer over maatregelen.',
    raisedBy: 'Fatima el Amrani (werkgroep verkeer)',
    dueDate: '2017-11-30',
    status: 'in_progress' as const,
    doneAt: null,
    showOnReport: true,
  },
  {
    id: 'demo-follow-up-ontmoeting',
    title: 'Ontmoetingsplek voor ouderen zoeken',
    description: 'Samen met de woningcorporatie kijken naar een ruimte in de wijk.',
    raisedBy: 'Joke van Leeuwen',
    dueDate: '2018-01-31',
    status: 'open' as const,
    doneAt: null,
    showOnReport: false,
  },
]

/**
 * The demo reports: the published report of the Vreewijk visit (introduction, the three talks, a photo
 * impression with credit, two approved comments, follow-ups) and the delegation visit's report, written by a
 * resident. Fixed ids and ON CONFLICT DO NOTHING: loading twice adds nothing. Call it after the demo photos.
 */
export async function loadDemoReports(db: Database): Promise<void> {
  const present = await db
    .select({ id: photos.id })
    .from(photos)
    .where(inArray(photos.id, ['demo-photo-vreewijk-1', 'demo-photo-vreewijk-2', 'demo-photo-vreewijk-3']))
  const statements: BatchItem<'sqlite'>[] = [
    db.insert(reports).values(vreewijkReport).onConflictDoNothing(),
    db.insert(reports).values(deventerReport).onConflictDoNothing(),
    ...present.map((p, position) =>
      db
        .insert(reportPhotos)
        .values({ reportId: vreewijkReport.id, photoId: p.id, position })
        .onConflictDoNothing(),
    ),
    db
      .insert(reportComments)
      .values([
        {
          id: 'demo-comment-1',
          reportId: vreewijkReport.id,
          name: 'Ria',
          body: 'Wat fijn dat het college zo de tijd nam. Op naar de wadi!',
          status: 'approved',
          tokenHash: await hashToken('demo-comment-1'),
          createdAt: new Date('2017-09-21T18:12:00Z'),
          decidedAt: new Date('2017-09-22T07:30:00Z'),
        },
        {
          id: 'demo-comment-2',
          reportId: vreewijkReport.id,
          name: 'Kees van de Hofstraat',
          body: 'Mooi verslag. Meer over de verkeerswerkgroep: https://vreewijk.example/verkeer',
          status: 'approved',
          tokenHash: await hashToken('demo-comment-2'),
          createdAt: new Date('2017-09-22T20:05:00Z'),
          decidedAt: new Date('2017-09-23T08:00:00Z'),
        },
      ])
      .onConflictDoNothing(),
    ...demoFollowUps.map((f) =>
      db
        .insert(followUps)
        .values({
          ...f,
          visitId: VREEWIJK,
          teamId: 'demo-team-vreewijk',
          ownerId: 'demo-person-organiser',
          createdAt: new Date('2017-09-20T09:00:00Z'),
          updatedAt: new Date('2017-09-20T09:00:00Z'),
        })
        .onConflictDoNothing(),
    ),
    ...demoFollowUps.map((f) =>
      db
        .insert(followUpEvents)
        .values({
          id: `${f.id}-created`,
          followUpId: f.id,
          actorId: 'demo-person-organiser',
          changes: JSON.stringify({ status: [null, 'open'] }),
          comment: 'Afgesproken tijdens de afsluiting van het bezoek.',
          createdAt: new Date('2017-09-20T09:00:00Z'),
        })
        .onConflictDoNothing(),
    ),
    ...demoTalks.flatMap((talk, i) => [
      db
        .insert(speakers)
        .values({
          id: `demo-speaker-v${i + 1}`,
          visitId: VREEWIJK,
          name: talk.speaker,
          email: `spreker${i + 1}@vreewijk.example`,
          consent: true,
        })
        .onConflictDoNothing(),
      db
        .insert(talks)
        .values({
          id: `demo-talk-v${i + 1}`,
          visitId: VREEWIJK,
          title: talk.title,
          abstract: talk.abstract,
          durationMinutes: 10,
          state: 'confirmed',
          itemId: talk.item,
        })
        .onConflictDoNothing(),
    ]),
  ]
  for (let i = 0; i < demoTalks.length; i++) {
    statements.push(
      db
        .insert(talkSpeakers)
        .values({
          talkId: `demo-talk-v${i + 1}`,
          speakerId: `demo-speaker-v${i + 1}`,
          tokenHash: await hashToken(`demo-talk-speaker-v${i + 1}`),
          confirmedAt: new Date('2017-09-01T10:00:00Z'),
        })
        .onConflictDoNothing(),
    )
  }
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
}
