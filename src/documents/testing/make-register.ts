import type { ActivityInput, OrganisationInput } from "../../register/model/index.ts";
import {
  type RegisterFile,
  RegisterFile as RegisterFileSchema,
} from "../../register/model/register-file.schema.ts";
import { sampleActivity, sampleOrganisation } from "../../testing/fixtures.ts";
import type { GardienDocument } from "../document-model.ts";
import { renderHtml } from "../render-html.ts";
import { htmlText } from "./document-text-kit.ts";

/** A valid register around the given activities (the shared fixtures' organisation unless overridden). */
export function makeRegister(
  activities: ActivityInput[] = [sampleActivity()],
  extra: {
    organisation?: Partial<OrganisationInput>;
    processors?: unknown[];
    processorRegister?: unknown[];
  } = {},
): RegisterFile {
  return RegisterFileSchema.parse({
    gardien: 1,
    organisation: { ...sampleOrganisation("acme"), ...extra.organisation },
    processors: extra.processors ?? [],
    activities,
    processorRegister: extra.processorRegister ?? [],
  });
}

/** What a reader sees of the document, through the HTML renderer. */
export function textOf(doc: GardienDocument): string {
  return htmlText(renderHtml(doc));
}
