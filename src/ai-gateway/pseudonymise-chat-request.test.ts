import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createBatchDetector, createVault } from "../pii/index.ts";
import type { ChatCompletionRequest } from "./chat-completion.schema.ts";
import { pseudonymiseChatRequest } from "./pseudonymise-chat-request.ts";
import { reidentifyChatResponse } from "./reidentify-chat-response.ts";
import { createReveal } from "./reveal-tokens.ts";

const ALL = { default: { kind: "pseudonymise" as const } };

/** Every place a chat request carries text: content strings and parts, reasoning, tool calls, user, metadata. */
function sampleRequest(): ChatCompletionRequest {
  return {
    model: "m",
    messages: [
      { role: "system", content: "Client : Jean Dupont <jean.dupont@example.com>" },
      {
        role: "user",
        name: "jean",
        content: [{ type: "text", text: "Écrivez à jean.dupont@example.com" }],
      },
      {
        role: "assistant",
        content: null,
        reasoning_content: "Jean Dupont veut un e-mail",
        tool_calls: [
          {
            id: "c1",
            type: "function",
            function: {
              name: "send",
              arguments: '{"to":"Ren\\u00e9e Dupont","cc":["jean.dupont@example.com"]}',
            },
          },
        ],
      },
      { role: "tool", name: "send", tool_call_id: "c1", content: "Envoyé à Renée Dupont" },
    ],
    user: "jean.dupont@example.com",
    metadata: { note: "appel de Jean Dupont" },
    temperature: 0,
  };
}

describe("pseudonymiseChatRequest", () => {
  test("every text of the request, one scope: the same value is the same token everywhere; counts per type", async () => {
    const vault = createVault();
    const request = sampleRequest();
    const { body, counts } = await pseudonymiseChatRequest(request, { vault, scope: "s", plan: ALL });
    const m = body.messages as Array<Record<string, unknown>>;
    assert.equal(m[0]!.content, "Client : <PERSON_1> <<EMAIL_1>>");
    assert.deepEqual(m[1]!.content, [{ type: "text", text: "Écrivez à <EMAIL_1>" }]);
    assert.match(String(m[1]!.name), /^PERSON_\d+$/);
    assert.equal(m[2]!.reasoning_content, "<PERSON_1> veut un e-mail");
    assert.equal(m[2]!.content, null);
    const args = JSON.parse(
      (m[2]!.tool_calls as Array<{ function: { arguments: string } }>)[0]!.function.arguments,
    );
    assert.deepEqual(args, { to: "<PERSON_3>", cc: ["<EMAIL_1>"] }, "escaped accents are read as JSON");
    assert.equal(m[3]!.name, "send", "a tool's name is a function name, not a person");
    assert.equal(m[3]!.tool_call_id, "c1");
    assert.equal(m[3]!.content, "Envoyé à <PERSON_3>");
    assert.equal(body.user, "<EMAIL_1>");
    assert.deepEqual(body.metadata, { note: "appel de <PERSON_1>" });
    assert.equal(body.temperature, 0);
    assert.deepEqual(counts, { PERSON: 6, EMAIL: 4 });
    assert.equal(
      request.messages[0]!.content,
      "Client : Jean Dupont <jean.dupont@example.com>",
      "input untouched",
    );
  });

  test("other operators per type; a name is dropped when persons are not pseudonymised", async () => {
    const vault = createVault();
    const { body } = await pseudonymiseChatRequest(
      {
        messages: [{ role: "user", name: "jean", content: "Jean Dupont, 06 12 34 56 78, jean@example.com" }],
      },
      {
        vault,
        scope: "s",
        plan: {
          default: { kind: "pseudonymise" },
          byType: { PERSON: { kind: "replace" }, PHONE: { kind: "mask", keep: 2 } },
        },
      },
    );
    assert.deepEqual(body.messages[0], { role: "user", content: "<PERSON>, ** ** ** ** 78, <EMAIL_1>" });
  });
  test("detected all at once (on a worker pool): the same request, the same tokens, the same counts", async () => {
    const alone = await pseudonymiseChatRequest(sampleRequest(), {
      vault: createVault(),
      scope: "s",
      plan: ALL,
    });
    const detector = createBatchDetector({ workers: 1, minChars: 1 });
    const seen: number[] = [];
    try {
      const batched = await pseudonymiseChatRequest(sampleRequest(), {
        vault: createVault(),
        scope: "s",
        plan: ALL,
        detector: {
          detectAll: (items) => {
            seen.push(items.length);
            return detector.detectAll(items);
          },
        },
      });
      assert.deepEqual(batched, alone);
      assert.deepEqual(
        seen,
        [8],
        "one detection for the request's eight texts (two in the tool call's JSON)",
      );
      assert.equal(detector.runningWorkers, 1, "on the pool");
    } finally {
      await detector.close();
    }
  });
});

describe("reidentifyChatResponse", () => {
  test("puts values back in content and escapes them as JSON in tool-call arguments", async () => {
    const vault = createVault();
    const [person] = await vault.tokenise("s", [{ type: "PERSON", value: 'Marie "Mimi" Martin' }]);
    const answer = {
      id: "x",
      choices: [
        {
          index: 0,
          message: {
            role: "assistant",
            content: `Bonjour ${person} <PERSON_9>`,
            tool_calls: [{ function: { name: "f", arguments: JSON.stringify({ who: person }) } }],
          },
        },
      ],
      usage: { total_tokens: 3 },
    };
    const out = (await reidentifyChatResponse(answer, createReveal(vault, "s"))) as typeof answer;
    const message = out.choices[0]!.message;
    assert.equal(message.content, 'Bonjour Marie "Mimi" Martin <PERSON_9>', "unknown tokens stay");
    assert.deepEqual(JSON.parse(message.tool_calls[0]!.function.arguments), { who: 'Marie "Mimi" Martin' });
    assert.deepEqual(out.usage, { total_tokens: 3 });
    // Another scope (another call) reveals nothing.
    const other = (await reidentifyChatResponse(answer, createReveal(vault, "t"))) as typeof answer;
    assert.equal(other.choices[0]!.message.content, `Bonjour ${person} <PERSON_9>`);
  });
});
