import { api, describeSecurity, JEANNE } from "./requests-test-kit.ts";

/**
 * Who may not file a request for an organisation through `POST /api/v1/requests`: the organisation is
 * named by the token's scope or the X-Gardien-Organisation header, so "org B's route" is org B's header.
 */
describeSecurity(
  "POST /api/v1/requests",
  "http-requests-intake-security",
  [
    {
      name: "file",
      call: ({ slug }) => ({
        method: "POST",
        url: `${api}/requests`,
        headers: { "x-gardien-organisation": slug },
        payload: { type: "objection", requester: JEANNE },
      }),
      ok: 201,
    },
  ],
  { perRequest: false },
);
