/**
 * Registers for the controller ⇄ processor tests: the demo organisations as the register import loads
 * them, a client controller of Julie Desk, and Régis's register completed with processors.
 */
import type { AppContext } from "../../../app/app-context.ts";
import { type DemoSlug, demoRegisterPath, readRegisterYaml } from "../../../demo/read-demo-registers.ts";
import { createPeer } from "../../../opendsr/peers/create-peer.ts";
import { importRegister } from "../../../register/io/import-register.ts";
import type { RegisterFile } from "../../../register/model/register-file.schema.ts";
import { sampleActivity, sampleOrganisation } from "../../../testing/fixtures.ts";
import { createRequest } from "../../requests/create-request.ts";

export const PERSON = {
  name: "Camille Lefèvre",
  email: "camille.lefevre@exemple.fr",
  message: "Effacez toutes mes données de rendez-vous.",
};

/** Loads a demo organisation with the register importer (what `loadDemoOrganisations` does on first start). */
export async function loadDemo(ctx: AppContext, slug: DemoSlug, edit?: (file: RegisterFile) => RegisterFile) {
  const file = readRegisterYaml(demoRegisterPath(slug));
  const summary = await importRegister(ctx, {
    body: edit ? edit(structuredClone(file)) : file,
    actor: "test",
    allowCreate: true,
  });
  return summary.organisation.id;
}

/**
 * A client of Julie Desk's Slash service: its meetings activity lists Julie Desk (directory ref
 * `julie-desk`) as a processor, as Julie Desk's guide asks its clients to.
 */
export async function loadClientController(ctx: AppContext, slug: string): Promise<string> {
  const summary = await importRegister(ctx, {
    body: {
      gardien: 1,
      organisation: { ...sampleOrganisation(slug), legalName: "Cabinet Durand", roles: ["controller"] },
      processors: [
        {
          ref: "julie-desk",
          name: "Julie Desk",
          kind: "processor",
          contact: { email: "dpo@juliedesk.com" },
        },
      ],
      activities: [
        sampleActivity("agenda-rendez-vous", {
          name: { fr: "Prise de rendez-vous", en: "Meeting scheduling" },
          recipients: [
            { kind: "processor", name: { fr: "Julie Desk", en: "Julie Desk" }, processorRef: "julie-desk" },
          ],
        }),
      ],
    },
    actor: "test",
    allowCreate: true,
  });
  return summary.organisation.id;
}

/**
 * Régis as its register stands (demo file) lists no processor at all: its "modèle d'IA partenaire" is a
 * partner recipient without a directory entry, and its hosting in an EU data centre names no provider.
 * The controller-side test completes it the way its own text describes: the partner AI model becomes a
 * processor of the two chatbot activities, an EU host serves every activity, and an external support
 * desk (no contact on file) handles the contact-form activity.
 */
export function regisWithProcessors(file: RegisterFile): RegisterFile {
  file.processors = [
    { ref: "modele-ia-partenaire", name: "IA Partenaire", kind: "processor", status: "active", services: [] },
    {
      ref: "hebergeur-ue",
      name: "Hébergeur UE",
      kind: "processor",
      status: "active",
      contact: { email: "rgpd@hebergeur-ue.example" },
      services: [],
    },
    { ref: "support-externe", name: "Support externe", kind: "processor", status: "active", services: [] },
  ];
  for (const activity of file.activities) {
    for (const recipient of activity.recipients)
      if (recipient.kind === "partner") recipient.processorRef = "modele-ia-partenaire";
    activity.recipients.push({
      kind: "processor",
      name: { fr: "Hébergeur UE", en: "EU host" },
      processorRef: "hebergeur-ue",
      dataCategories: [],
    });
    if (activity.ref === "prospects-formulaire-contact")
      activity.recipients.push({
        kind: "processor",
        name: { fr: "Support externe", en: "External support" },
        processorRef: "support-externe",
        dataCategories: [],
      });
  }
  return file;
}

/** Two organisations of one Gardien register each other: `processor` processes data for `controller`. */
export async function linkLocally(
  ctx: AppContext,
  input: {
    controller: { id: string; slug: string; name: string; processorRef: string };
    processor: { id: string; slug: string; name: string; controllerRef: string };
  },
): Promise<void> {
  await createPeer(ctx, {
    orgId: input.controller.id,
    actor: "test",
    body: {
      ref: input.processor.slug,
      name: input.processor.name,
      kind: "local",
      relation: "processor",
      organisation: input.processor.slug,
      registerRefs: [input.controller.processorRef],
    },
  });
  await createPeer(ctx, {
    orgId: input.processor.id,
    actor: "test",
    body: {
      ref: input.controller.slug,
      name: input.controller.name,
      kind: "local",
      relation: "controller",
      organisation: input.controller.slug,
      registerRefs: [input.processor.controllerRef],
    },
  });
}

/** A request a person sent straight to the organisation (e-mail), its identity already checked. */
export async function receiveRequest(
  ctx: AppContext,
  input: { orgId: string; role: "controller" | "processor"; type?: "erasure" | "access" | "rectification" },
) {
  const { request } = await createRequest(ctx, {
    orgId: input.orgId,
    actor: "test",
    input: {
      type: input.type ?? "erasure",
      channel: "email",
      role: input.role,
      identityVerified: true,
      requester: PERSON,
    },
  });
  return request;
}
