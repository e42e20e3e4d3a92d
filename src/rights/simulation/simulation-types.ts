import type { CalendarDate } from "../deadlines/calendar-date.ts";
import type { Arrival } from "./simulation-plan.ts";

/** One request as the simulation follows it. */
export type Tracked = {
  arrival: Arrival;
  orgIndex: number;
  orgId: string;
  id: string;
  email: string;
  duplicateOf: string | null;
  receivedOn: CalendarDate;
  originalDueOn: CalendarDate;
  extendedOn: CalendarDate | null;
  open: boolean;
  assigned: boolean;
};

/** One organisation of the simulation. */
export type Org = {
  id: string;
  /** Runs through createRequest / transitionRequest; else through the bulk lane (bulk-workflow.ts). */
  real: boolean;
  lang: "fr" | "en";
  /** The next request number, for the bulk lane. */
  next: number;
  slug: string;
  dpo: string;
  notify: string[];
  thresholds: number[];
  alsaceMoselle: boolean;
};
