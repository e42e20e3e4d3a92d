/** The inputs of the controller ⇄ processor operations, validated at every boundary (API, pages). */
import { z } from "zod";
import { Ref } from "../../register/model/common.schema.ts";
import { Lang } from "../model/request.schema.ts";
import { ControllerDecision, ProcessorResult } from "./party.ts";

const words = (max: number) => z.string().trim().min(1).max(max);

/** Processor side: to which client controller, and how to reach it (else found from the register and the peers). */
export const ForwardInput = z
  .object({
    controllerRef: Ref.describe("The processor-register entry (client controller) the request concerns"),
    peer: Ref.optional().describe(
      "A peer registered with relation controller: another organisation here, or OpenDSR",
    ),
    email: z
      .string()
      .trim()
      .max(254)
      .pipe(z.email())
      .optional()
      .describe("The controller's contact, reached with a signed confirm/refuse link"),
    note: words(5000).optional().describe("A message to the controller (sealed on the timeline)"),
    lang: Lang.optional().describe("Language of the mail to the controller (default: the organisation's)"),
  })
  .strict()
  .refine((v) => v.peer === undefined || v.email === undefined, {
    message: "name a peer or an e-mail, not both",
    path: ["email"],
  });
export type ForwardInput = z.input<typeof ForwardInput>;

/** Controller side: instruct every processor the register lists, or tell the forwarding processor not to act. */
export const InstructInput = z
  .object({
    decision: z
      .enum(["act", "do_not_act"])
      .default("act")
      .describe("do_not_act: only for a processor that forwarded the request (the controller handles it)"),
    instruction: words(5000).optional().describe("What the processors must do (sealed on the timeline)"),
    lang: Lang.optional().describe("Language of the mails to processors (default: the organisation's)"),
  })
  .strict();
export type InstructInput = z.input<typeof InstructInput>;

/**
 * A party's answer recorded by staff: a controller's decision (`decision`, `instruction`) or a processor's
 * answer (`result`, `note`). Which one is required depends on the party's role.
 */
export const PartyAnswerInput = z
  .object({
    decision: ControllerDecision.optional(),
    instruction: words(5000).optional(),
    result: ProcessorResult.optional(),
    note: words(5000).optional(),
  })
  .strict();
export type PartyAnswerInput = z.input<typeof PartyAnswerInput>;

export const WaiveInput = z
  .object({ reason: words(2000).describe("Why the request may be answered without this processor") })
  .strict();
export type WaiveInput = z.input<typeof WaiveInput>;
