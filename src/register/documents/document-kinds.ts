import type { z } from "zod";
import type { OrgDocumentTable } from "../../db/schema.ts";
import { Activity } from "../model/activity.schema.ts";
import { Processor } from "../model/processor.schema.ts";
import { ProcessorEntry } from "../model/processor-entry.schema.ts";

/**
 * The register's three kinds of org-owned documents. They share one storage shape and one write path
 * (row + revision + audit entry), so the operations in this folder are written once for all three.
 */
export const DOCUMENT_KINDS = {
  activity: { table: "activities", schema: Activity, entityType: "activity", label: "activity" },
  processor: { table: "processors", schema: Processor, entityType: "processor", label: "processor" },
  processorEntry: {
    table: "processor_entries",
    schema: ProcessorEntry,
    entityType: "processor_entry",
    label: "processor-register entry",
  },
} as const satisfies Record<
  string,
  { table: OrgDocumentTable; schema: z.ZodType; entityType: string; label: string }
>;

export type DocumentKind = keyof typeof DOCUMENT_KINDS;
export type DocumentOf<K extends DocumentKind> = z.output<(typeof DOCUMENT_KINDS)[K]["schema"]>;
export type EntityType = (typeof DOCUMENT_KINDS)[DocumentKind]["entityType"] | "organisation";

export type StoredDocument<T> = {
  id: string;
  ref: string;
  revision: number;
  data: T;
  /** The stored, validated JSON text of `data`: lets a response reuse it instead of serialising again. */
  json: string;
  createdAt: string;
  updatedAt: string;
};

export function kindOfEntityType(entityType: string): DocumentKind | undefined {
  for (const [kind, def] of Object.entries(DOCUMENT_KINDS))
    if (def.entityType === entityType) return kind as DocumentKind;
  return undefined;
}
