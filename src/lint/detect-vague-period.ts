import { normaliseText } from "./normalise-text.ts";

/**
 * Wordings that name no period. Art. 13(2)(a) asks for "the period for which the personal data will be stored,
 * or if that is not possible, the criteria used to determine that period"; "as long as necessary" is neither,
 * as the transparency guidelines (WP260 rev.01, annex on Art. 13(2)(a)) point out. Matched on normalised text.
 */
const VAGUE_PERIOD = new RegExp(
  [
    "aussi longtemps que (c'est |cela est |il est )?necessaire",
    "aussi longtemps que (le )?necessite",
    "pas plus longtemps que (c'est |cela est )?necessaire",
    "le temps necessaire",
    "duree (strictement )?necessaire",
    "periode (strictement )?necessaire",
    "duree adaptee",
    "definie afin de",
    "definie de maniere a",
    "tant que (c'est |cela est )?necessaire",
    "as long as (is |it is )?(necessary|needed|required)",
    "no longer than (is )?(necessary|needed|required)",
    "for the (time|period|duration) (strictly )?(necessary|needed|required)",
    "necessary period",
  ].join("|"),
);

/** True when the published retention wording gives no period and no criterion that yields one. */
export function isVaguePeriod(text: string): boolean {
  return VAGUE_PERIOD.test(normaliseText(text));
}
