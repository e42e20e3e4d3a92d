import type { OrganisationRow } from "../../db/schema.ts";
import { Organisation } from "../model/organisation.schema.ts";

export type StoredOrganisation = {
  id: string;
  slug: string;
  revision: number;
  data: Organisation;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export function toStoredOrganisation(row: OrganisationRow): StoredOrganisation {
  return {
    id: row.id,
    slug: row.slug,
    revision: Number(row.revision),
    data: Organisation.parse(JSON.parse(row.data)),
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
