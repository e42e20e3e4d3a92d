import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isAppError } from "../errors/app-error.ts";
import { identitiesFromRequester, requesterFromIdentities } from "./opendsr-identities.ts";

describe("OpenDSR identities", () => {
  test("the raw e-mail and customer id become the requester; other identities an opaque customer id", () => {
    assert.deepEqual(
      requesterFromIdentities([
        { identity_type: "email", identity_value: "a@b.fr", identity_format: "raw" },
        { identity_type: "controller_customer_id", identity_value: "C-42", identity_format: "raw" },
      ]),
      { email: "a@b.fr", customerId: "C-42" },
    );
    const hashed = "f".repeat(64);
    const requester = requesterFromIdentities([
      { identity_type: "email", identity_value: "a@b.fr", identity_format: "raw" },
      { identity_type: "email", identity_value: hashed, identity_format: "sha256" },
    ]);
    assert.equal(requester.customerId, `opendsr:email:sha256:${hashed}`);
    // Sent on unchanged: the hashed identity goes back out as it came.
    assert.deepEqual(identitiesFromRequester(requester), [
      { identity_type: "email", identity_value: "a@b.fr", identity_format: "raw" },
      { identity_type: "email", identity_value: hashed, identity_format: "sha256" },
    ]);
  });

  test("without a raw e-mail there is no one to answer: 400 naming the field", () => {
    assert.throws(
      () =>
        requesterFromIdentities([
          { identity_type: "email", identity_value: "f".repeat(64), identity_format: "sha256" },
        ]),
      (error) =>
        isAppError(error) &&
        error.code === "VALIDATION_FAILED" &&
        JSON.stringify(error.details).includes("raw_email_required") &&
        !error.message.includes("ffff"),
    );
  });
});
