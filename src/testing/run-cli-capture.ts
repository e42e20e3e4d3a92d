import { runCli } from "../cli/run-cli.ts";

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs the CLI in process against `env` and captures what it prints, as a user's terminal would see it. */
export async function runCliCapture(argv: string[], env: Record<string, string>): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(
    argv,
    {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
    },
    env,
  );
  return { code, stdout, stderr };
}
