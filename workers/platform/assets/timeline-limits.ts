/**
 * How far the programme day view's generated placement classes reach: a whole day in 5-minute rows. Apart from
 * the stylesheet that generates them (app-css.ts, imported only when it is asked for) for the day view.
 */
export const timelineLimits = { rows: 24 * 12, lanes: 40 } as const
