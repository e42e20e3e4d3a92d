import assert from "node:assert/strict";
import { test } from "node:test";
import { OpenDsrCallbackBody, OpenDsrStatusBody } from "./opendsr.schema.ts";

test("a peer's results_url is a web address: other schemes and oversized addresses are refused by name", () => {
  const base = {
    status_callback_url: "https://peer.example/callback",
    subject_request_id: "0b9a53e4-3c2f-4f43-9a51-6b3f8f3e1a10",
    request_status: "completed",
  };
  for (const url of ["https://peer.example/results/1", "http://127.0.0.1:8080/r", null]) {
    assert.equal(OpenDsrCallbackBody.safeParse({ ...base, results_url: url }).success, true, String(url));
  }
  for (const url of [
    "javascript:alert(1)",
    "file:///etc/passwd",
    "ftp://peer.example/r",
    `https://p.example/${"a".repeat(2000)}`,
  ]) {
    for (const schema of [OpenDsrCallbackBody, OpenDsrStatusBody]) {
      const parsed = schema.safeParse({ ...base, results_url: url });
      assert.equal(parsed.success, false, url.slice(0, 30));
      assert.deepEqual(
        parsed.error?.issues.map((i) => i.path.join(".")),
        ["results_url"],
      );
    }
  }
});
