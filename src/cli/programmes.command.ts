import { Command } from "commander";

export function programmesCommand(): Command {
  return new Command("programmes").description("cooperation programmes");
}
