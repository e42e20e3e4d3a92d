/**
 * The OpenAI-compatible chat completions request (also Mistral's), as far as the gateway needs to read
 * it. Objects are loose: fields the gateway does not know (temperature, tools, response_format…) pass
 * through to the upstream untouched. What is checked is what the gateway must read to pseudonymise.
 */
import { z } from "zod";

/**
 * Only text can be pseudonymised: an image, an audio clip or a file may show a face, a voice or a
 * document, so parts of those types are refused rather than sent on in clear. (A refinement rather than
 * a discriminated union, so that the 400 names the part's `type` instead of a bare "invalid input".)
 */
const ContentPart = z
  .looseObject({
    type: z.string().describe("text or refusal; images, audio and files are refused (400)"),
    text: z.string().optional(),
    refusal: z.string().optional(),
  })
  .superRefine((part, ctx) => {
    const field = part.type === "text" ? "text" : part.type === "refusal" ? "refusal" : null;
    if (field === null) {
      ctx.addIssue({
        code: "custom",
        path: ["type"],
        message: "only text parts are accepted: the gateway cannot pseudonymise images, audio or files",
      });
    } else if (typeof part[field] !== "string") {
      ctx.addIssue({ code: "custom", path: [field], message: `is required in a ${part.type} part` });
    }
  });
export const MessageContent = z
  .union([z.string(), z.array(ContentPart)], { error: "must be a string or an array of text parts" })
  .nullable();

const ToolCall = z.looseObject({
  id: z.string().optional(),
  type: z.string().optional(),
  function: z.looseObject({ name: z.string(), arguments: z.string() }).optional(),
});

export const MESSAGE_ROLES = ["system", "developer", "user", "assistant", "tool", "function"] as const;

export const ChatMessage = z.looseObject({
  role: z.enum(MESSAGE_ROLES),
  content: MessageContent.optional(),
  name: z.string().max(256).optional(),
  tool_calls: z.array(ToolCall).optional(),
  tool_call_id: z.string().optional(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ChatCompletionRequest = z.looseObject({
  model: z.string().min(1).max(200).optional().describe("Default: the organisation's defaultModel"),
  messages: z.array(ChatMessage).min(1).max(2048),
  stream: z.boolean().optional().describe("true: Server-Sent Events, re-identified on the fly"),
  user: z.string().max(1000).optional(),
  prediction: z.looseObject({ content: MessageContent.optional() }).optional(),
  metadata: z.record(z.string(), z.string()).optional(),
});
export type ChatCompletionRequest = z.infer<typeof ChatCompletionRequest>;
