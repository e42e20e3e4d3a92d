import { api, describeSecurity } from "./requests-test-kit.ts";

/** Who may not read or change an organisation's rights settings (they hold staff addresses). */
describeSecurity(
  "rights settings",
  "http-rights-settings-security",
  [
    {
      name: "read",
      call: ({ slug }) => ({ method: "GET", url: `${api}/organisations/${slug}/rights-settings` }),
      ok: 200,
    },
    {
      name: "replace",
      call: ({ slug }) => ({
        method: "PUT",
        url: `${api}/organisations/${slug}/rights-settings`,
        payload: { reminderDaysBefore: [5, 1], notifyEmails: ["dpo@example.org"] },
      }),
      ok: 200,
    },
  ],
  { perRequest: false },
);
