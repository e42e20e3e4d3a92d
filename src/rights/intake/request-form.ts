/**
 * The public request form as data: what a browser posts (url-encoded, checkboxes repeated), the values
 * to show back on error, and its validation. The form is stricter than the API where a person must be
 * reached: the e-mail address is required here (the identity link goes to it), and so is the name.
 */
import { z } from "zod";
import type { Lang, RequestType } from "../model/request.schema.ts";
import { REQUEST_TYPES } from "../model/request.schema.ts";
import { FIELD_ERRORS } from "./intake-texts.ts";

const FORM_FIELDS = [
  "type",
  "name",
  "email",
  "customerId",
  "activities",
  "message",
  "representative",
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** What the person typed, kept as typed so the page can show it back after an error. */
export type FormValues = {
  type: string;
  name: string;
  email: string;
  customerId: string;
  activities: string[];
  message: string;
  representative: string;
  /** The honeypot: hidden from people (CSS), filled in by bots. */
  website: string;
};

export type FieldRule = "required" | "invalid" | "too_long";
export type FieldError = { field: FormField; rule: FieldRule; message: string };

export const EMPTY_FORM: FormValues = {
  type: "",
  name: "",
  email: "",
  customerId: "",
  activities: [],
  message: "",
  representative: "",
  website: "",
};

/** Types that cannot be acted on without the person's own words (Art. 16: what to correct; Art. 22(3): which decision). */
const MESSAGE_REQUIRED: readonly RequestType[] = ["rectification", "automated_decision_review"];

// Generous bounds for what a browser sends; the schema below gives the precise limits and messages.
const MAX_FIELD = 20_000;

/**
 * Reads a url-encoded body (each key a string, or an array when repeated) into form values. Anything
 * that is not a string is dropped, so a crafted body cannot smuggle an object into the validation.
 */
export function readFormValues(body: unknown): FormValues {
  const raw = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const one = (key: string): string => {
    const value = raw[key];
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === "string" ? first.slice(0, MAX_FIELD) : "";
  };
  const many = (key: string): string[] => {
    const value = raw[key];
    const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return list.filter((v): v is string => typeof v === "string").slice(0, 500);
  };
  return {
    type: one("type"),
    name: one("name"),
    email: one("email"),
    customerId: one("customerId"),
    activities: many("activities"),
    message: one("message"),
    representative: one("representative"),
    website: one("website"),
  };
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? undefined : v));

function formSchema(activityRefs: readonly string[]) {
  return z
    .object({
      type: z.enum(REQUEST_TYPES),
      name: z.string().trim().min(1).max(200),
      email: z.string().trim().min(1).max(254).pipe(z.email()),
      customerId: optionalText(200),
      activities: z
        .array(z.string().refine((ref) => activityRefs.includes(ref)))
        .max(200)
        .transform((refs) => [...new Set(refs)]),
      message: optionalText(10_000),
      representative: optionalText(300),
    })
    .superRefine((form, ctx) => {
      if (MESSAGE_REQUIRED.includes(form.type) && form.message === undefined)
        ctx.addIssue({ code: "custom", path: ["message"], message: "required" });
    });
}

export type ValidForm = z.output<ReturnType<typeof formSchema>>;

// Building a Zod schema (and its compiled fast path) costs more than the rest of a form post together:
// one per list of published activities, which load-intake-site keeps per publication (same array).
const schemas = new WeakMap<readonly string[], ReturnType<typeof formSchema>>();
const refLists = new WeakMap<ReadonlyArray<{ ref: string }>, readonly string[]>();
/** The refs of a published activity list, the same array for the same list (it keys the schema cache). */
export function activityRefsOf(activities: ReadonlyArray<{ ref: string }>): readonly string[] {
  let refs = refLists.get(activities);
  if (!refs) {
    refs = Object.freeze(activities.map((a) => a.ref));
    refLists.set(activities, refs);
  }
  return refs;
}

function schemaFor(activityRefs: readonly string[]): ReturnType<typeof formSchema> {
  let schema = schemas.get(activityRefs);
  if (!schema) {
    schema = formSchema(activityRefs);
    schemas.set(activityRefs, schema);
  }
  return schema;
}

function ruleOf(issue: z.core.$ZodIssue, value: unknown): FieldRule {
  if (issue.code === "too_big") return "too_long";
  if (issue.code === "too_small") return "required";
  if (issue.code === "custom" && issue.message === "required") return "required";
  if (issue.code === "invalid_value" && value === "") return "required";
  return "invalid";
}

/**
 * Validates the form against the organisation's published activities. On failure: one error per field
 * (the first), in the page's language, in the order the fields appear on the page.
 */
export function validateRequestForm(
  values: FormValues,
  input: { activityRefs: readonly string[]; lang: Lang },
): { ok: true; form: ValidForm } | { ok: false; errors: FieldError[] } {
  const parsed = schemaFor(input.activityRefs).safeParse(values);
  if (parsed.success) return { ok: true, form: parsed.data };
  const byField = new Map<FormField, FieldRule>();
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as FormField;
    if (!FORM_FIELDS.includes(field) || byField.has(field)) continue;
    byField.set(field, ruleOf(issue, values[field]));
  }
  const texts = FIELD_ERRORS[input.lang] as Record<FormField, Partial<Record<FieldRule, string>>>;
  const errors = FORM_FIELDS.flatMap((field) => {
    const rule = byField.get(field);
    if (!rule) return [];
    const message = texts[field][rule] ?? texts[field].invalid ?? texts[field].required ?? rule;
    return [{ field, rule, message }];
  });
  return { ok: false, errors };
}
