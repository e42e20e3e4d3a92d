import { describeSecurity, letterFrom, requestsOf } from "./requests-test-kit.ts";

/** Who may not enter, list or read an organisation's requests. */
describeSecurity(
  "staff requests",
  "http-requests-security",
  [
    {
      name: "enter",
      call: ({ slug }) => ({ method: "POST", url: requestsOf(slug), payload: letterFrom() }),
      ok: 201,
    },
    { name: "list", call: ({ slug }) => ({ method: "GET", url: requestsOf(slug) }), ok: 200 },
    { name: "read", call: ({ slug, id }) => ({ method: "GET", url: `${requestsOf(slug)}/${id}` }), ok: 200 },
  ],
  { perRequest: true },
);
