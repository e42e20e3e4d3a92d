import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createVault, type EntityType } from "../pii/index.ts";
import { createStreamReidentifier, StreamTooLargeError, splitHeld } from "./create-stream-reidentifier.ts";
import { createReveal } from "./reveal-tokens.ts";

const VALUES: Array<[token: string, type: EntityType, value: string]> = [
  ["<PERSON_1>", "PERSON", "Jean Dupont"],
  ["<EMAIL_1>", "EMAIL", "jean.dupont@example.com"],
  ["<POSTAL_ADDRESS_1>", "POSTAL_ADDRESS", "12 rue de l'Église, 75002 Paris"],
  ["<PERSON_2>", "PERSON", 'Marie "Mimi" Martin'],
];
/** The call's vault, as the gateway has it once the request is pseudonymised. */
const vault = createVault();
const tokens = await vault.tokenise(
  "call",
  VALUES.map(([, type, value]) => ({ type, value })),
);
assert.deepEqual(
  tokens,
  VALUES.map(([token]) => token),
);
const reveal = createReveal(vault, "call");

type Chunk = { index?: number; content?: string; args?: string; tool?: number; finish?: string };
function event(choices: Chunk[]): string {
  return `data: ${JSON.stringify({
    id: "chatcmpl-1",
    object: "chat.completion.chunk",
    created: 1,
    model: "m",
    choices: choices.map((c) => ({
      index: c.index ?? 0,
      delta: {
        ...(c.content !== undefined ? { content: c.content } : {}),
        ...(c.args !== undefined
          ? { tool_calls: [{ index: c.tool ?? 0, function: { arguments: c.args } }] }
          : {}),
      },
      finish_reason: c.finish ?? null,
    })),
  })}\n\n`;
}
const DONE = "data: [DONE]\n\n";

/** Feeds the chunks one by one, then ends; returns the whole output. */
async function run(chunks: Array<string | Uint8Array>): Promise<string> {
  const r = createStreamReidentifier({ reveal: reveal });
  let out = "";
  for (const c of chunks) out += await r.push(c);
  return out + (await r.end());
}

/** The sentence as the content of two events cut at `cut`, then finish_reason and [DONE]. */
function runCut(sentence: string, cut: number): Promise<string> {
  return run([
    event([{ content: sentence.slice(0, cut) }]),
    event([{ content: sentence.slice(cut) }]),
    event([{ finish: "stop" }]),
    DONE,
  ]);
}

/** Per choice: the concatenated content and tool arguments of an SSE text; whether [DONE] came last. */
function collect(sse: string) {
  const content = new Map<number, string>();
  const args = new Map<string, string>();
  const events = sse.split("\n\n").filter((e) => e.trim() !== "");
  for (const e of events) {
    const data = e
      .split("\n")
      .filter((l) => l.startsWith("data: "))
      .map((l) => l.slice(6))
      .join("\n");
    if (!data.startsWith('{"id"')) continue; // [DONE], comments, error and non-JSON events
    const chunk = JSON.parse(data) as {
      choices: Array<{
        index: number;
        delta: {
          content?: string;
          tool_calls?: Array<{ index: number; function: { arguments: string } }>;
        };
      }>;
    };
    for (const c of chunk.choices) {
      if (c.delta.content !== undefined) content.set(c.index, (content.get(c.index) ?? "") + c.delta.content);
      for (const t of c.delta.tool_calls ?? []) {
        const key = `${c.index}:${t.index}`;
        args.set(key, (args.get(key) ?? "") + t.function.arguments);
      }
    }
  }
  return { content, args, doneLast: events.at(-1)?.trim() === "data: [DONE]" };
}

describe("splitHeld", () => {
  test("holds the tail that may still become a token, nothing else", () => {
    assert.deepEqual(splitHeld("Bonjour <PERS"), ["Bonjour ", "<PERS"]);
    assert.deepEqual(splitHeld("Bonjour <"), ["Bonjour ", "<"]);
    assert.deepEqual(splitHeld("x <POSTAL_ADDRESS_"), ["x ", "<POSTAL_ADDRESS_"]);
    assert.deepEqual(splitHeld("x <PERSON_12"), ["x ", "<PERSON_12"]);
    assert.deepEqual(splitHeld("x <PERSON_1>"), ["x <PERSON_1>", ""]);
    assert.deepEqual(splitHeld("a < b."), ["a < b.", ""]);
    assert.deepEqual(splitHeld("<div>"), ["<div>", ""], "lower case is no token");
    assert.deepEqual(splitHeld("Bonjour PERSON_1"), ["Bonjour ", "PERSON_1"], "a bare token may go on");
    assert.deepEqual(splitHeld("mail &lt;EMA"), ["mail ", "&lt;EMA"]);
    assert.deepEqual(splitHeld("x \\<PERS", "json"), ["x \\", "<PERS"], "in JSON a backslash escapes");
    assert.deepEqual(splitHeld("<PERSON_1> et <EM"), ["<PERSON_1> et ", "<EM"]);
    assert.deepEqual(splitHeld("Bonjour Jean"), ["Bonjour Jean", ""], "an ordinary word goes at once");
    assert.deepEqual(splitHeld("PERSON_1", "text", true), ["PERSON_1", ""], "glued to the word sent before");
    const long = `<${"A".repeat(60)}>`;
    assert.deepEqual(splitHeld(long), [long, ""], "too long to be a token: not held");
  });
});

describe("createStreamReidentifier", () => {
  test("a token split across two events comes back whole, whatever the split", async () => {
    const sentence = "Bonjour <PERSON_1>, votre adresse <EMAIL_1> est notée.";
    const expected = "Bonjour Jean Dupont, votre adresse jean.dupont@example.com est notée.";
    for (let cut = 0; cut <= sentence.length; cut++) {
      const out = await runCut(sentence, cut);
      const { content, doneLast } = collect(out);
      assert.equal(content.get(0), expected, `cut at ${cut}`);
      assert.ok(doneLast);
      assert.ok(!out.includes("<PERSON_1>") && !out.includes("<EMAIL_1>"), `cut at ${cut}: ${out}`);
    }
  });

  test("tokens the model rewrote (bare, HTML- or Markdown-escaped) come back whole, whatever the split", async () => {
    const sentence =
      "Merci PERSON_1 ! Votre adresse &lt;EMAIL_1&gt; et \\<POSTAL\\_ADDRESS\\_1\\> sont notées.";
    const expected =
      "Merci Jean Dupont ! Votre adresse jean.dupont@example.com et 12 rue de l'Église, 75002 Paris sont notées.";
    for (let cut = 0; cut <= sentence.length; cut++) {
      assert.equal(collect(await runCut(sentence, cut)).content.get(0), expected, `cut at ${cut}`);
    }
    // A tool call's arguments are JSON: its bare tokens are read, its values JSON-escaped.
    const args = JSON.stringify({ who: "PERSON_2", mail: "<EMAIL_1>" });
    const out = await run([
      event([{ args: args.slice(0, 12) }]),
      event([{ args: args.slice(12), finish: "stop" }]),
    ]);
    assert.deepEqual(JSON.parse(collect(out).args.get("0:0")!), {
      who: 'Marie "Mimi" Martin',
      mail: "jean.dupont@example.com",
    });
  });

  test("the stream's bytes split anywhere (inside a data: line, a UTF-8 character, a CRLF) change nothing", async () => {
    const sse = [
      ": keep-alive\r\n\r\n",
      event([{ content: "Écrivez à <PER" }]).replaceAll("\n", "\r\n"),
      event([{ content: "SON_1> 😀 au <POSTAL_ADDR" }]),
      event([{ content: "ESS_1>." }]),
      event([{ finish: "stop" }]),
      DONE,
    ].join("");
    const bytes = new TextEncoder().encode(sse);
    const expected = "Écrivez à Jean Dupont 😀 au 12 rue de l'Église, 75002 Paris.";
    for (let cut = 0; cut <= bytes.length; cut++) {
      const out = await run([bytes.slice(0, cut), bytes.slice(cut)]);
      assert.equal(collect(out).content.get(0), expected, `cut at byte ${cut}`);
      assert.ok(out.startsWith(": keep-alive\n\n"), "comments pass through");
    }
    // And one byte at a time.
    const out = await run([...bytes].map((b) => Uint8Array.of(b)));
    assert.equal(collect(out).content.get(0), expected);
    assert.ok(collect(out).doneLast);
  });

  test("tokens the model translated or respelled (`<Personne 1>`, `ADRESSE_POSTALE_1`) come back whole, whatever the split", async () => {
    const sentence =
      "Merci <Personne 1> ! Courrier au ADRESSE_POSTALE_1, copie à [email_1] et {{Personne-2}}.";
    const expected =
      'Merci Jean Dupont ! Courrier au 12 rue de l\'Église, 75002 Paris, copie à jean.dupont@example.com et Marie "Mimi" Martin.';
    for (let cut = 0; cut <= sentence.length; cut++) {
      assert.equal(collect(await runCut(sentence, cut)).content.get(0), expected, `cut at ${cut}`);
    }
  });

  test("several choices and tool-call arguments are held separately; values are JSON-escaped in arguments", async () => {
    const args = JSON.stringify({ to: "<PERSON_2>", email: "<EMAIL_1>" });
    const out = await run([
      event([
        { index: 0, content: "Je contacte <PERS" },
        { index: 1, args: args.slice(0, 9) },
      ]),
      event([
        { index: 1, args: args.slice(9, 14) },
        { index: 0, content: "ON_2>" },
      ]),
      event([{ index: 1, args: args.slice(14) }]),
      event([
        { index: 0, finish: "stop" },
        { index: 1, finish: "tool_calls" },
      ]),
      DONE,
    ]);
    const { content, args: toolArgs } = collect(out);
    assert.equal(content.get(0), 'Je contacte Marie "Mimi" Martin');
    const parsed = JSON.parse(toolArgs.get("1:0")!);
    assert.deepEqual(parsed, { to: 'Marie "Mimi" Martin', email: "jean.dupont@example.com" });
  });

  test("ordinary words go out with the event that brings them; only the start of a token waits", async () => {
    const r = createStreamReidentifier({ reveal });
    const sent = async (content: string) => collect(await r.push(event([{ content }]))).content.get(0) ?? "";
    assert.equal(await sent("Bon"), "Bon");
    assert.equal(await sent("jour "), "jour ");
    assert.equal(await sent("PERS"), "", "may be PERSON_1");
    assert.equal(await sent("ON_1"), "", "may be PERSON_12");
    assert.equal(await sent(" et X"), "Jean Dupont et X");
    // Glued to the X already sent: not a token, though read alone it would be one; so it need not wait.
    assert.equal(await sent("PERSON_1"), "PERSON_1");
    assert.equal(await sent(" !"), " !");
    assert.equal(await sent("Je"), "Je");
    assert.equal(await sent("anne"), "anne");
  });

  test("what is still held at finish_reason goes into that event; at the end of a stream, into a last event", async () => {
    const atFinish = await run([event([{ content: "Merci <PERSON_" }]), event([{ finish: "stop" }]), DONE]);
    assert.equal(collect(atFinish).content.get(0), "Merci <PERSON_", "an unfinished token is sent as it is");

    // No finish_reason, no [DONE]: the upstream was cut. The held text still arrives, in the stream's shape.
    const cut = await run([event([{ content: "Appelez <PERSON_1" }])]);
    assert.equal(collect(cut).content.get(0), "Appelez <Jean Dupont", "read as the bare PERSON_1");
    const last = JSON.parse(cut.trim().split("\n\n").at(-1)!.slice(6));
    assert.equal(last.id, "chatcmpl-1");
    assert.equal(last.model, "m");

    // Held text and [DONE] without finish_reason: flushed before [DONE].
    const beforeDone = await run([event([{ content: "Bonjour <" }]), DONE]);
    assert.equal(collect(beforeDone).content.get(0), "Bonjour <");
    assert.ok(collect(beforeDone).doneLast);
  });

  test("tokens the conversation does not know stay; other events and fields pass through", async () => {
    const out = await run([
      "event: message\nid: 7\n",
      event([{ content: "<PERSON_9> et <PERSON_1>" }]),
      'data: {"error":{"message":"quota for <PERSON_1>"}}\n\n',
      "data: not json <EMAIL_1>\n\n",
      "retry: 1000\n\n",
      DONE,
    ]);
    assert.match(out, /^event: message\nid: 7\ndata: /);
    assert.equal(collect(out).content.get(0), "<PERSON_9> et Jean Dupont");
    assert.match(out, /"quota for Jean Dupont"/);
    assert.match(out, /data: not json jean\.dupont@example\.com\n\n/);
    assert.match(out, /retry: 1000\n\n/);
  });

  test("an event larger than the limit stops the stream", async () => {
    const r = createStreamReidentifier({ reveal: reveal, maxEventChars: 100 });
    await assert.rejects(r.push(`data: ${"x".repeat(200)}`), StreamTooLargeError);
    const s = createStreamReidentifier({ reveal: reveal, maxEventChars: 100 });
    await assert.rejects(async () => {
      for (let i = 0; i < 10; i++) await s.push(`data: ${"y".repeat(20)}\n`);
    }, StreamTooLargeError);
  });
});
