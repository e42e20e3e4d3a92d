import { describeSecurity, requestsOf } from "./requests-test-kit.ts";

/**
 * Who may not record an identity check or ask a person for more information: no token or a bad one
 * (401), another organisation's token (403, the other organisation unchanged), another organisation's
 * request named under one's own (the same 404 as an unknown id). Admin tokens may.
 */
describeSecurity(
  "request identity",
  "http-request-identity-security",
  [
    {
      name: "verify",
      call: ({ slug, id }) => ({
        method: "POST",
        url: `${requestsOf(slug)}/${id}/identity/verify`,
        payload: { method: "document_checked", note: "Pièce vue : Mme Quillardet" },
      }),
      ok: 200,
    },
    {
      name: "request-more-info",
      call: ({ slug, id }) => ({
        method: "POST",
        url: `${requestsOf(slug)}/${id}/identity/request-more-info`,
        payload: {
          reason: "Deux dossiers au nom de Quillardet",
          question: "Quel est le code postal de votre compte ?",
        },
      }),
      ok: 200,
    },
  ],
  { perRequest: true },
);
