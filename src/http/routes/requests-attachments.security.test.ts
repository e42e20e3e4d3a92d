import { describeSecurity, requestsOf } from "./requests-test-kit.ts";

const file = {
  name: "Quillardet-avis.pdf",
  mediaType: "application/pdf",
  contentBase64: Buffer.from("%PDF avis d'imposition Quillardet").toString("base64"),
  purpose: "evidence",
};

/** Who may not attach, download or delete a request's files. Delete runs last: it removes the file. */
describeSecurity(
  "request attachments",
  "http-requests-attachments-security",
  [
    {
      name: "attach",
      call: ({ slug, id }) => ({
        method: "POST",
        url: `${requestsOf(slug)}/${id}/attachments`,
        payload: file,
      }),
      ok: 201,
    },
    {
      name: "download",
      call: ({ slug, id, attId }) => ({
        method: "GET",
        url: `${requestsOf(slug)}/${id}/attachments/${attId}`,
      }),
      ok: 200,
    },
    {
      name: "delete",
      call: ({ slug, id, attId }) => ({
        method: "DELETE",
        url: `${requestsOf(slug)}/${id}/attachments/${attId}`,
      }),
      ok: 204,
    },
  ],
  { perRequest: true },
);
