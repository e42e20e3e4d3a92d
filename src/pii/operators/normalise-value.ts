import type { EntityType } from "../entity.ts";

/**
 * The form two mentions of the same value share, so they hash and pseudonymise alike:
 * "06 12 34 56 78" and "0612345678" are one phone number, "Jean.Dupont@X.fr" and "jean.dupont@x.fr" one
 * address, "jean  DUPONT" and "Jean Dupont" one name.
 */
export function normaliseValue(type: EntityType, value: string): string {
  switch (type) {
    case "EMAIL":
      return value.toLowerCase();
    case "PERSON":
    case "POSTAL_ADDRESS":
      return value.replace(/\s+/g, " ").toLowerCase();
    case "DATE_OF_BIRTH":
      return value;
    case "PHONE":
      return value
        .replace(/^00/, "+")
        .replace(/\(0\)/, "")
        .replace(/[^\d+]/g, "");
    default:
      return value.replace(/[^0-9A-Za-z:.]/g, "").toUpperCase();
  }
}
