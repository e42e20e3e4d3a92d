import assert from "node:assert/strict";
import { test } from "node:test";
import { Agent } from "undici";
import { ConfigSchema } from "../config/config.schema.ts";
import { isAppError } from "../errors/app-error.ts";
import { assertPublicUpstream, isPrivateAddress } from "./assert-public-upstream.ts";

const strict = Object.freeze(ConfigSchema.parse({}));
const lenient = Object.freeze(ConfigSchema.parse({ aiAllowPrivateUpstreams: "true" }));

test("private, loopback, link-local and unique-local addresses are recognised", () => {
  for (const a of [
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "::",
    "fd00::1",
    "fe80::1",
    "::ffff:127.0.0.1",
  ]) {
    assert.equal(isPrivateAddress(a), true, a);
  }
  for (const a of [
    "1.1.1.1",
    "172.32.0.1",
    "8.8.8.8",
    "2001:4860:4860::8888",
    "::ffff:8.8.8.8",
    "100.128.0.1",
  ]) {
    assert.equal(isPrivateAddress(a), false, a);
  }
});

test("settings pointing at the install's network are refused unless the install allows it", async () => {
  await assert.rejects(
    assertPublicUpstream(strict, "http://127.0.0.1:11434/v1", "settings"),
    (e: unknown) => {
      assert.ok(isAppError(e));
      assert.equal(e.code, "VALIDATION_FAILED");
      assert.deepEqual(
        (e.details as { issues: Array<{ path: string; rule: string }> }).issues.map((i) => [i.path, i.rule]),
        [["upstreamUrl", "public_address"]],
      );
      return true;
    },
  );
  await assert.rejects(assertPublicUpstream(strict, "http://localhost:8080/v1", "settings"));
  await assert.rejects(
    assertPublicUpstream(strict, "http://[::1]:8080/v1", "call"),
    (e: unknown) => isAppError(e) && e.code === "NOT_CONFIGURED",
  );
  await assert.rejects(assertPublicUpstream(strict, "http://169.254.169.254/latest", "settings"));
  await assertPublicUpstream(lenient, "http://127.0.0.1:11434/v1", "settings");
  await assertPublicUpstream(strict, "https://93.184.215.14/v1", "settings");
});

test("DNS rebinding: a name that resolved to a public address at the check but to a private one at connection is refused", async () => {
  const { createServer } = await import("node:http");
  const { forwardChatCompletion } = await import("./forward-chat-completion.ts");
  const { publicOnlyLookup, publicUpstreamAgent, PRIVATE_UPSTREAM_CODE } = await import(
    "./assert-public-upstream.ts"
  );
  let hits = 0;
  const server = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { "content-type": "application/json" }).end('{"choices":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  // The name now points at this machine, as an attacker's DNS would after answering the check publicly.
  const resolved: string[] = [];
  const rebound = (
    host: string,
    _o: unknown,
    cb: (e: NodeJS.ErrnoException | null, a: Array<{ address: string; family: number }>) => void,
  ) => {
    resolved.push(host);
    cb(null, [{ address: "127.0.0.1", family: 4 }]);
  };
  const agent = new Agent({ connect: { lookup: publicOnlyLookup(rebound) } });
  try {
    const upstream = {
      baseUrl: `http://model.rebind.example:${port}/v1`,
      apiKey: "sk-test",
      defaultModel: "m",
      plan: { default: { kind: "pseudonymise" as const } },
      timeoutMs: 5_000,
    };
    await assert.rejects(
      forwardChatCompletion({ upstream, body: {}, dispatcher: agent }),
      (e: unknown) => isAppError(e) && e.code === "NOT_CONFIGURED" && /upstreamUrl/.test(e.message),
    );
    assert.deepEqual(resolved, ["model.rebind.example"], "the connection's own lookup was checked");
    assert.equal(hits, 0, "nothing reached the private address");
    // The install that allows private upstreams uses the default agent.
    assert.equal(publicUpstreamAgent(lenient), undefined);
    assert.ok(publicUpstreamAgent(strict), "a strict install checks at connection");

    // The lookup answers in both shapes sockets ask for, and passes public addresses through.
    const lookup = publicOnlyLookup((_h, _o, cb) => cb(null, [{ address: "93.184.216.34", family: 4 }]));
    const one = await new Promise<unknown[]>((resolve) =>
      lookup("x.example", {}, (...args) => resolve(args)),
    );
    assert.deepEqual(one, [null, "93.184.216.34", 4]);
    const all = await new Promise<unknown[]>((resolve) =>
      lookup("x.example", { all: true }, (...args) => resolve(args)),
    );
    assert.deepEqual(all, [null, [{ address: "93.184.216.34", family: 4 }]]);
    const mixed = publicOnlyLookup((_h, _o, cb) =>
      cb(null, [
        { address: "93.184.216.34", family: 4 },
        { address: "169.254.169.254", family: 4 },
      ]),
    );
    const refused = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      mixed("x.example", { all: true }, (e) => resolve(e)),
    );
    assert.equal(
      refused?.code,
      PRIVATE_UPSTREAM_CODE,
      "one private address among public ones is enough to refuse",
    );
  } finally {
    await agent.close();
    await new Promise((resolve) => server.close(resolve));
  }
});
