import assert from "node:assert/strict";
import { test } from "node:test";
import type { RequestStatusView } from "./get-request-status.ts";
import type { IntakeSite } from "./load-intake-site.ts";
import { requestStatusPageHtml } from "./request-status-page.ts";

const site: IntakeSite = {
  orgId: "o",
  slug: "acme",
  orgName: "ACME & Fils",
  defaultLang: "fr",
  activities: [],
  published: false,
};

const view: RequestStatusView = {
  reference: "DSR-2027-0042",
  type: "portability",
  status: "awaiting_processors",
  identityStatus: "verified",
  receivedOn: "2027-01-31",
  dueOn: "2027-04-30",
  originalDueOn: "2027-03-01",
  extension: {
    extraMonths: 2,
    reason: "Données réparties chez <trois> prestataires",
    decidedOn: "2027-02-10",
  },
  maskedEmail: "j•••@e•••.org",
  open: true,
  history: [
    { on: "2027-01-31", kind: "received", status: "awaiting_identity" },
    { on: "2027-02-01", kind: "identity_verified" },
    { on: "2027-02-01", kind: "status", status: "in_progress" },
    { on: "2027-02-10", kind: "extended" },
    { on: "2027-02-11", kind: "status", status: "awaiting_processors" },
  ],
};

test("the status page states an extension with its reason (Art. 12(3)), escaped, and the history in order", () => {
  const html = requestStatusPageHtml(site, "fr", { view, token: "a.b" });
  assert.match(
    html,
    /<dd>30 avril 2027<br>Délai prolongé de 2 mois \(initialement le 1er mars 2027\), pour la raison suivante : Données réparties chez &lt;trois&gt; prestataires<\/dd>/,
  );
  assert.match(
    html,
    /<strong>En attente des sous-traitants<\/strong>\. L&#39;organisme attend la réponse des prestataires/,
  );
  const items = [...html.matchAll(/<li><time datetime="([^"]+)">[^<]+<\/time> — ([^<]+)<\/li>/g)].map(
    (m) => `${m[1]} ${m[2]}`,
  );
  assert.deepEqual(items, [
    "2027-01-31 Demande reçue",
    "2027-02-01 Identité confirmée",
    "2027-02-01 En cours de traitement",
    "2027-02-10 Délai de réponse prolongé (art. 12(3))",
    "2027-02-11 En attente des sous-traitants",
  ]);
  assert.match(html, /<input type="hidden" name="token" value="a.b">/);
  assert.match(html, /href="\/o\/acme\/rights\/status\?token=a\.b&amp;lang=en" hreflang="en"/);
  assert.doesNotMatch(html, /\/o\/acme\/privacy/, "nothing published: no link to a policy");
});

test("a closed request has no withdraw button; a pending question is explained", () => {
  const closed = requestStatusPageHtml(site, "en", {
    view: { ...view, status: "answered", open: false, extension: null },
    token: "a.b",
  });
  assert.doesNotMatch(closed, /name="action"/);
  assert.match(closed, /<dd>30 April 2027<\/dd>/);
  const asked = requestStatusPageHtml(site, "en", {
    view: { ...view, status: "awaiting_identity", identityStatus: "more_info_requested" },
    token: "a.b",
  });
  assert.match(asked, /asked you for more information to check your identity \(GDPR Art\. 12\(6\)\)/);
});
