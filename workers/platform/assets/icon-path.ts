// The icon's sizes and addresses, apart from its drawing (icon-png.ts, with fflate): every page links them, and
// only the asset routes draw (issue 19: a page need not load the PNG encoder).
export const iconSizes = [180, 192, 512] as const
export type IconSize = (typeof iconSizes)[number]

/** Bump when the drawing changes: the file names carry it, so cached copies are never stale. */
export const ICON_VERSION = 1
export const iconPath = (size: IconSize) => `/assets/icon-${size}-v${ICON_VERSION}.png`
