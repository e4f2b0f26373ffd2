/**
 * The times localTimeProblemMessage (shared/domain/programme.ts) packs into a message's number, unpacked for the
 * messages of both languages (travel.ts, travel.en.ts).
 */
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
const offset = (minutes: number) => {
  const whole = Math.abs(minutes)
  return `${minutes < 0 ? '-' : '+'}${hhmm(whole)}`
}
/** The gap packed by localTimeProblemMessage: start and end as minutes of the day. */
export const gapOf = (n: number) => [hhmm(Math.floor(n / 10_000)), hhmm(n % 10_000)] as const
/** The two offsets packed by localTimeProblemMessage, each plus 1000. */
export const offsetsOf = (n: number) =>
  [offset(Math.floor(n / 10_000) - 1000), offset((n % 10_000) - 1000)] as const
