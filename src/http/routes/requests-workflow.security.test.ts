import { describeSecurity, requestsOf } from "./requests-test-kit.ts";

/** Who may not move, assign or annotate an organisation's requests. */
describeSecurity(
  "request workflow",
  "http-requests-workflow-security",
  [
    {
      name: "transition",
      call: ({ slug, id }) => ({
        method: "POST",
        url: `${requestsOf(slug)}/${id}/transitions`,
        payload: { to: "awaiting_processors", note: "Mme Quillardet relancée" },
      }),
      ok: 200,
    },
    {
      name: "assign",
      call: ({ slug, id }) => ({
        method: "PUT",
        url: `${requestsOf(slug)}/${id}/assignee`,
        payload: { email: "claire.fontanel@acme.example" },
      }),
      ok: 200,
    },
    {
      name: "note",
      call: ({ slug, id }) => ({
        method: "POST",
        url: `${requestsOf(slug)}/${id}/notes`,
        payload: { text: "Appel de Mme Quillardet" },
      }),
      ok: 201,
    },
    {
      name: "unassign",
      call: ({ slug, id }) => ({ method: "DELETE", url: `${requestsOf(slug)}/${id}/assignee` }),
      ok: 200,
    },
  ],
  { perRequest: true },
);
