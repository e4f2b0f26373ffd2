/** Dietary needs: the closed list guests choose from; features count them in persons per need. */

/** The dietary needs a guest can give, counted in persons per need. */
export const dietaryOptions = [
  'vegetarian',
  'vegan',
  'halal',
  'kosher',
  'gluten_free',
  'lactose_free',
  'nut_allergy',
] as const
export type DietaryOption = (typeof dietaryOptions)[number]
