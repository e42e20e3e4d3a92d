import type { RegisterFile } from "../register/model/register-file.schema.ts";

/** One readable line of a change summary, in both languages: subscribers choose theirs. */
export type ChangeLine = { fr: string; en: string };

/** The kinds of change that affect people's rights, and so are announced to subscribers. */
export const MATERIAL_CHANGE_KINDS = [
  "purpose_added",
  "recipient_added",
  "transfer_added",
  "retention_longer",
  "legal_basis_changed",
] as const;
export type MaterialChangeKind = (typeof MATERIAL_CHANGE_KINDS)[number];

export type MaterialChange = ChangeLine & { kind: MaterialChangeKind; activity: string };

/** A frozen version of a register: what was published, when, by whom, and what changed. */
export type Publication = {
  number: number;
  publishedAt: string;
  author: string;
  note: string | null;
  summary: ChangeLine[];
  material: MaterialChange[];
};

export type PublicationWithSnapshot = Publication & { orgId: string; snapshot: RegisterFile };
