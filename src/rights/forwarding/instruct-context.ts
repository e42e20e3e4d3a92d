import type { Actor, AppContext } from "../../app/app-context.ts";
import type { DataSubjectRequest, Lang } from "../model/request.schema.ts";

/** What every step of an instruction to processors needs: the controller's request and its words. */
export type InstructContext = {
  ctx: AppContext;
  orgId: string;
  requestId: string;
  actor: Actor;
  request: DataSubjectRequest;
  controllerName: string;
  slug: string;
  lang: Lang;
  instruction: string | undefined;
};
