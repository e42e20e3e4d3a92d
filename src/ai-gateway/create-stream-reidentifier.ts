/**
 * Re-identifies a streamed chat completion (Server-Sent Events, OpenAI format: `data: {json}` events
 * whose `choices[].delta` carry pieces of the answer, ending with `data: [DONE]`) while it flows.
 *
 * The surprising part: a token such as `<PERSON_1>` can arrive in pieces, split between two events
 * (`"<PERS"`, `"ON_1> est"`), between two TCP chunks, or even inside one `data:` line or one UTF-8
 * character. So bytes are decoded as a stream, lines are cut only at their end, and for each choice and
 * each text field of its delta (content, reasoning, a tool call's arguments), the tail that could still
 * become a token, in any form the re-identification reads (`<PERS`, `PERSON_1` before a possible `2`,
 * `&lt;EMAIL_1&g`), is held back and put in front of the next piece of the same field. Everything else
 * goes at once, ordinary words included: the next piece is read knowing whether the text sent before it
 * ended in a word character, so `X` then `PERSON_1` is still no token. What is held is released at the
 * choice's finish_reason, before `[DONE]`, or when the stream ends, so nothing is ever lost, only
 * delayed by a few characters.
 *
 * Pure: no I/O; `reveal` (the call's vault) is the only thing it calls.
 */

import { endsInWord, tokenTailStart } from "../pii/index.ts";
import { revealStrings } from "./reidentify-chat-response.ts";
import type { Reveal, RevealMode } from "./reveal-tokens.ts";

/** One event (or one unfinished line) larger than this ends the stream with an error. */
export const MAX_EVENT_CHARS = 8 * 1024 * 1024;

export type StreamReidentifier = {
  /** Feeds the next bytes (or text) of the upstream stream; returns the SSE text to send on now. */
  push(chunk: Uint8Array | string): Promise<string>;
  /** The upstream stream ended: returns whatever was still held back. */
  end(): Promise<string>;
};

export class StreamTooLargeError extends Error {
  constructor() {
    super(`an event of the upstream stream exceeds ${MAX_EVENT_CHARS} characters`);
    this.name = "StreamTooLargeError";
  }
}

/**
 * Splits a piece of text into what can be sent now and the tail that may be the start of a token;
 * `afterWord`: the text sent before this piece ended in a word character.
 *
 * @example splitHeld("Bonjour <PERS") // ["Bonjour ", "<PERS"]; splitHeld("a <b>") // ["a <b>", ""]
 */
export function splitHeld(
  text: string,
  mode: RevealMode = "text",
  afterWord = false,
): [send: string, hold: string] {
  const at = tokenTailStart(text, mode, { afterWord });
  return [text.slice(0, at), text.slice(at)];
}

/**
 * One text field of one choice (or one tool call's arguments): what is held back, and whether what was
 * sent of it so far ended in a word character.
 */
type Field = {
  choice: number;
  field: string;
  tool: number | null;
  mode: RevealMode;
  text: string;
  afterWord: boolean;
};
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

export function createStreamReidentifier(options: {
  reveal: Reveal;
  maxEventChars?: number;
}): StreamReidentifier {
  const { reveal } = options;
  const maxEventChars = options.maxEventChars ?? MAX_EVENT_CHARS;
  const decoder = new TextDecoder("utf-8");
  let buffer = "";
  let lines: string[] = [];
  let eventChars = 0;
  const fields = new Map<string, Field>();
  let template: Json = {};

  /** Cuts complete lines out of the buffer; a blank line dispatches the event they form. */
  async function takeLines(final: boolean): Promise<string> {
    let out = "";
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const ch = buffer.charCodeAt(i);
      if (ch !== 10 && ch !== 13) continue;
      // A CR at the very end may be the first half of a CRLF still on its way.
      if (ch === 13 && i === buffer.length - 1 && !final) break;
      const line = buffer.slice(start, i);
      if (ch === 13 && buffer.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
      if (line === "") out += await dispatch();
      else addLine(line);
    }
    buffer = buffer.slice(start);
    if (buffer.length > maxEventChars) throw new StreamTooLargeError();
    if (final && buffer !== "") {
      addLine(buffer);
      buffer = "";
    }
    return out;
  }

  function addLine(line: string): void {
    eventChars += line.length;
    if (eventChars > maxEventChars) throw new StreamTooLargeError();
    lines.push(line);
  }

  async function dispatch(): Promise<string> {
    const eventLines = lines;
    lines = [];
    eventChars = 0;
    const data: string[] = [];
    let prefix = "";
    for (const line of eventLines) {
      if (line === "data") data.push("");
      else if (line.startsWith("data:")) data.push(line.slice(line.startsWith("data: ") ? 6 : 5));
      else prefix += `${line}\n`; // comments, event:, id:, retry: pass as they are
    }
    if (data.length === 0) return prefix === "" ? "" : `${prefix}\n`;
    const text = data.join("\n");
    if (text.trim() === "[DONE]") return `${await flushAll()}${prefix}data: [DONE]\n\n`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return `${prefix}${dataLines(await reveal(text, "text"))}\n`;
    }
    const out = isObject(parsed)
      ? await transformChunk(parsed)
      : await revealStrings(parsed, reveal, undefined);
    return `${prefix}data: ${JSON.stringify(out)}\n\n`;
  }

  async function transformChunk(chunk: Json): Promise<unknown> {
    if (!Array.isArray(chunk.choices)) return revealStrings(chunk, reveal, undefined); // e.g. an error event
    template = {};
    for (const key of ["id", "object", "created", "model", "system_fingerprint"]) {
      if (key in chunk) template[key] = chunk[key];
    }
    const choices: unknown[] = [];
    for (const [position, choice] of chunk.choices.entries()) {
      if (!isObject(choice)) {
        choices.push(choice);
        continue;
      }
      const index = typeof choice.index === "number" ? choice.index : position;
      const out: Json = { ...choice };
      if (isObject(choice.delta)) out.delta = await transformDelta(index, choice.delta);
      if (isObject(choice.message)) out.message = await revealStrings(choice.message, reveal, undefined);
      if (choice.finish_reason !== null && choice.finish_reason !== undefined) {
        out.delta = await flushChoice(index, isObject(out.delta) ? out.delta : {});
      }
      choices.push(out);
    }
    return { ...chunk, choices };
  }

  async function transformDelta(choice: number, delta: Json): Promise<Json> {
    const out: Json = { ...delta };
    for (const [field, value] of Object.entries(delta)) {
      if (field === "role") continue;
      if (typeof value === "string") {
        out[field] = await hold({ choice, field, tool: null, mode: "text" }, value);
      } else if (field === "tool_calls" && Array.isArray(value)) {
        const calls: unknown[] = [];
        for (const [position, call] of value.entries()) {
          if (!isObject(call) || !isObject(call.function) || typeof call.function.arguments !== "string") {
            calls.push(await revealStrings(call, reveal, undefined));
            continue;
          }
          const tool = typeof call.index === "number" ? call.index : position;
          const args = await hold({ choice, field, tool, mode: "json" }, call.function.arguments);
          calls.push({ ...call, function: { ...call.function, arguments: args } });
        }
        out[field] = calls;
      } else {
        out[field] = await revealStrings(value, reveal, field); // content as parts: no split expected
      }
    }
    return out;
  }

  /** Sends what can be sent of a field's text (with what was held before it) and holds the rest. */
  async function hold(where: Omit<Field, "text" | "afterWord">, text: string): Promise<string> {
    const key = `${where.choice}\0${where.field}\0${where.tool ?? ""}`;
    const field = fields.get(key) ?? { ...where, text: "", afterWord: false };
    const [send, keep] = splitHeld(field.text + text, where.mode, field.afterWord);
    fields.set(key, { ...field, text: keep, afterWord: endsInWord(send, field.afterWord) });
    return send === "" ? "" : reveal(send, where.mode, field.afterWord);
  }

  /** Appends to a choice's delta everything still held for it. */
  async function flushChoice(choice: number, delta: Json): Promise<Json> {
    const out: Json = { ...delta };
    for (const [key, piece] of fields) {
      if (piece.choice !== choice) continue;
      fields.delete(key);
      if (piece.text === "") continue;
      const text = await reveal(piece.text, piece.mode, piece.afterWord);
      if (piece.tool === null) {
        out[piece.field] = (typeof out[piece.field] === "string" ? out[piece.field] : "") + text;
        continue;
      }
      const calls = Array.isArray(out[piece.field]) ? [...(out[piece.field] as unknown[])] : [];
      const at = calls.findIndex((c) => isObject(c) && c.index === piece.tool);
      const call = at >= 0 ? (calls[at] as Json) : { index: piece.tool };
      const fn = isObject(call.function) ? call.function : {};
      const args = (typeof fn.arguments === "string" ? fn.arguments : "") + text;
      const next = { ...call, function: { ...fn, arguments: args } };
      if (at >= 0) calls[at] = next;
      else calls.push(next);
      out[piece.field] = calls;
    }
    return out;
  }

  /** One event carrying everything still held, for every choice (before [DONE], or at the end). */
  async function flushAll(): Promise<string> {
    const waiting = [...fields.values()].filter((f) => f.text !== "");
    if (waiting.length === 0) return "";
    const choices = [...new Set(waiting.map((f) => f.choice))].sort((a, b) => a - b);
    const out = [];
    for (const index of choices) {
      out.push({ index, delta: await flushChoice(index, {}), finish_reason: null });
    }
    return `data: ${JSON.stringify({ ...template, choices: out })}\n\n`;
  }

  return {
    async push(chunk) {
      buffer += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
      return takeLines(false);
    },
    async end() {
      buffer += decoder.decode();
      let out = await takeLines(true);
      if (lines.length > 0) out += await dispatch();
      return out + (await flushAll());
    },
  };
}

function dataLines(text: string): string {
  return `${text
    .split("\n")
    .map((line) => `data: ${line}`)
    .join("\n")}\n`;
}
