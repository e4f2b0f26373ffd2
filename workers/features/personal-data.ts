import {
  auditPersonalData,
  mailPersonalData,
  replayPersonalData,
} from '../platform/personal-data/platform-parts'
import { accountsPersonalData } from './accounts/personal-data'
import { cateringPersonalData } from './catering/personal-data'
import { photosPersonalData } from './photos/personal-data'
import { privacyPersonalData } from './privacy/personal-data'
import { programmePersonalData } from './programme/personal-data'
import { reportsPersonalData } from './reports/personal-data'
import { rsvpsPersonalData } from './rsvps/personal-data'
import { talksPersonalData } from './talks/personal-data'
import { visitsPersonalData } from './visits/personal-data'

/**
 * Every part of the personal-data contract, in the one place a new feature registers its own. Top feature
 * first, accounts last: every statement that finds rows through the person (roles, reviews, the audit's
 * actor) runs in the same batch before accounts removes the person.
 */
export const personalDataParts = [
  reportsPersonalData,
  photosPersonalData,
  privacyPersonalData,
  cateringPersonalData,
  talksPersonalData,
  rsvpsPersonalData,
  programmePersonalData,
  visitsPersonalData,
  mailPersonalData,
  replayPersonalData,
  auditPersonalData,
  accountsPersonalData,
] as const
