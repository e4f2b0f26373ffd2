/** The organisers' words added for phone use, guard rails and the guided path, in Dutch and English. */

const changesNl = (n: number) => (n === 1 ? '1 wijziging' : `${n} wijzigingen`)
const changesEn = (n: number) => (n === 1 ? '1 change' : `${n} changes`)
const clashesNl = (n: number) => (n === 1 ? '1 conflict' : `${n} conflicten`)
const clashesEn = (n: number) => (n === 1 ? '1 clash' : `${n} clashes`)

export const organiserNl = {
  publish: {
    openClashes: (n: number) => `Open conflicten: ${clashesNl(n)}`,
    openClashesLead:
      'Het programma heeft nog conflicten. Je kunt toch publiceren, maar gasten zien dan bijvoorbeeld twee onderdelen tegelijk op één plek.',
    noClashes: 'Geen open conflicten.',
    toProgramme: 'Naar het programma om ze op te lossen',
    confirmClashes: (n: number) => `Ik heb de ${clashesNl(n)} gezien en wil toch publiceren`,
    confirmClashesNeeded: (n: number) =>
      `Publiceren ondanks conflicten: vink aan dat je de ${clashesNl(n)} hebt gezien, of los ze eerst op.`,
    button: (n: number) => `Publiceer ${changesNl(n)}`,
    empty: 'Er is niets veranderd sinds de laatste versie. Een lege versie publiceren kan niet.',
    emptyFirst: 'Het programma is nog leeg. Voeg eerst programmaonderdelen toe, dan kun je publiceren.',
    changedMeanwhile:
      'Het programma is veranderd terwijl je keek. Bekijk de wijzigingen hieronder opnieuw en publiceer dan.',
    published: (name: string) => `${name} is gepubliceerd. Gasten zien het nieuwe programma nu.`,
    viewPublic: 'Bekijk het openbare programma',
  },
  hostLink: {
    made: 'Er is een nieuwe aanmeldlink gemaakt. De vorige link werkt niet meer.',
  },
  /** Field names as the error summary names them; fields not listed keep their message alone. */
  fieldLabels: {
    title: 'Titel',
    name: 'Naam',
    kind: 'Soort',
    date: 'Datum',
    start: 'Begintijd',
    end: 'Eindtijd',
    endDate: 'Laatste dag',
    startDate: 'Eerste dag',
    slug: 'Webadres',
    email: 'E-mailadres',
    hostEmail: 'E-mailadres',
    hostName: 'Naam',
    hostPhone: 'Telefoon',
    address: 'Adres',
    lat: 'Breedtegraad',
    lng: 'Lengtegraad',
    mapLink: 'Kaartlink',
    capacity: 'Aantal plaatsen',
    venueId: 'Locatie',
    venueName: 'Naam van de plek',
    venueKind: 'Soort plek',
    groupIds: 'Groepen',
    description: 'Omschrijving',
    expectedGuests: 'Verwacht aantal gasten',
    meetingPoint: 'Verzamelpunt',
    confirmClashes: 'Conflicten',
    confirm: 'Bevestigen',
    role: 'Rol',
    visitId: 'Bezoek',
  },
  notFoundTitle: 'Pagina niet gevonden',
  confirm: {
    title: 'Weet je het zeker?',
    questions: {
      deleteItem: 'Je verwijdert dit programmaonderdeel. Dat kan niet ongedaan worden gemaakt.',
      deleteGroup: 'Je verwijdert deze groep. Dat kan niet ongedaan worden gemaakt.',
      removeParticipant: 'Je haalt deze persoon uit het gezelschap.',
      removeMember: 'Deze persoon is daarna geen lid meer van het team en ziet de bezoeken niet meer.',
      revokeInvitation: 'De uitnodiging werkt daarna niet meer.',
      archiveVisit:
        'Het bezoek wordt gearchiveerd: het verdwijnt uit de lijst en er kan niets meer aan veranderen. Je kunt het later terugzetten.',
    },
    yes: {
      deleteItem: 'Ja, verwijder het onderdeel',
      deleteGroup: 'Ja, verwijder de groep',
      removeParticipant: 'Ja, haal uit het gezelschap',
      removeMember: 'Ja, haal uit het team',
      revokeInvitation: 'Ja, trek de uitnodiging in',
      archiveVisit: 'Ja, archiveer het bezoek',
    },
    no: 'Nee, terug',
  },
}

export const organiserEn: typeof organiserNl = {
  publish: {
    openClashes: (n: number) => `Open clashes: ${clashesEn(n)}`,
    openClashesLead:
      'The programme still has clashes. You can publish anyway, but guests will then see, for example, two items at one place at the same time.',
    noClashes: 'No open clashes.',
    toProgramme: 'Go to the programme to resolve them',
    confirmClashes: (n: number) => `I have seen the ${clashesEn(n)} and want to publish anyway`,
    confirmClashesNeeded: (n: number) =>
      `Publishing despite clashes: tick that you have seen the ${clashesEn(n)}, or resolve them first.`,
    button: (n: number) => `Publish ${changesEn(n)}`,
    empty: 'Nothing has changed since the last version. An empty version cannot be published.',
    emptyFirst: 'The programme is still empty. Add programme items first, then you can publish.',
    changedMeanwhile:
      'The programme changed while you were looking. Check the changes below again, then publish.',
    published: (name: string) => `${name} is published. Guests see the new programme now.`,
    viewPublic: 'View the public schedule',
  },
  hostLink: {
    made: 'A new sign-up link was made. The previous link no longer works.',
  },
  fieldLabels: {
    title: 'Title',
    name: 'Name',
    kind: 'Kind',
    date: 'Date',
    start: 'Start time',
    end: 'End time',
    endDate: 'Last day',
    startDate: 'First day',
    slug: 'Web address',
    email: 'E-mail address',
    hostEmail: 'E-mail address',
    hostName: 'Name',
    hostPhone: 'Phone',
    address: 'Address',
    lat: 'Latitude',
    lng: 'Longitude',
    mapLink: 'Map link',
    capacity: 'Number of places',
    venueId: 'Venue',
    venueName: 'Name of the place',
    venueKind: 'Kind of place',
    groupIds: 'Groups',
    description: 'Description',
    expectedGuests: 'Expected number of guests',
    meetingPoint: 'Meeting point',
    confirmClashes: 'Clashes',
    confirm: 'Confirm',
    role: 'Role',
    visitId: 'Visit',
  },
  notFoundTitle: 'Page not found',
  confirm: {
    title: 'Are you sure?',
    questions: {
      deleteItem: 'You are deleting this programme item. This cannot be undone.',
      deleteGroup: 'You are deleting this group. This cannot be undone.',
      removeParticipant: 'You are taking this person out of the company.',
      removeMember: 'This person is then no longer a member of the team and no longer sees its visits.',
      revokeInvitation: 'The invitation stops working.',
      archiveVisit:
        'The visit is archived: it leaves the list and nothing in it can change any more. You can restore it later.',
    },
    yes: {
      deleteItem: 'Yes, delete the item',
      deleteGroup: 'Yes, delete the group',
      removeParticipant: 'Yes, take out of the company',
      removeMember: 'Yes, take out of the team',
      revokeInvitation: 'Yes, revoke the invitation',
      archiveVisit: 'Yes, archive the visit',
    },
    no: 'No, go back',
  },
}
