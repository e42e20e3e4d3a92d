import assert from "node:assert/strict";
import { test } from "node:test";
import { identityTimeline } from "./identity-timeline.ts";

test("identityTimeline: link, verification, and each Art. 12(6) exchange with both of its dates", () => {
  const timeline = identityTimeline([
    { kind: "created", at: "2026-11-24T09:00:00.000Z", data: "{}" },
    { kind: "identity_link_sent", at: "2026-11-24T09:00:00.000Z", data: "{}" },
    { kind: "identity_link_sent", at: "2026-11-25T10:00:00.000Z", data: { resent: true } },
    {
      kind: "identity_verified",
      at: "2026-11-25T11:00:00.000Z",
      data: JSON.stringify({ method: "email_link" }),
    },
    { kind: "more_info_requested", at: "2026-11-26T08:00:00.000Z", data: JSON.stringify({ ask: "a1" }) },
    { kind: "more_info_received", at: "2026-11-28T17:30:00.000Z", data: JSON.stringify({ ask: "a1" }) },
    { kind: "more_info_requested", at: "2026-12-01T08:00:00.000Z", data: JSON.stringify({ ask: "a2" }) },
    { kind: "note_added", at: "2026-12-01T09:00:00.000Z", data: "not json" },
  ]);
  assert.deepEqual(timeline, {
    linkSentAt: "2026-11-24T09:00:00.000Z",
    linksSent: 2,
    // A later question reopened the check.
    verifiedAt: null,
    verifiedMethod: null,
    moreInfo: [
      { ask: "a1", requestedAt: "2026-11-26T08:00:00.000Z", receivedAt: "2026-11-28T17:30:00.000Z" },
      { ask: "a2", requestedAt: "2026-12-01T08:00:00.000Z", receivedAt: null },
    ],
    moreInfoRequestedAt: "2026-12-01T08:00:00.000Z",
    moreInfoReceivedAt: null,
  });
});

test("identityTimeline: an answer to an unknown question is ignored; a verification after the answer stands", () => {
  const timeline = identityTimeline([
    { kind: "more_info_requested", at: "2026-11-26T08:00:00.000Z", data: { ask: "a1" } },
    { kind: "more_info_received", at: "2026-11-27T08:00:00.000Z", data: { ask: "zz" } },
    { kind: "more_info_received", at: "2026-11-28T08:00:00.000Z", data: { ask: "a1" } },
    { kind: "identity_verified", at: "2026-11-29T08:00:00.000Z", data: { method: "additional_information" } },
  ]);
  assert.equal(timeline.moreInfoReceivedAt, "2026-11-28T08:00:00.000Z");
  assert.equal(timeline.verifiedMethod, "additional_information");
  assert.equal(timeline.linkSentAt, null);
  assert.deepEqual(identityTimeline([]).moreInfo, []);
});
